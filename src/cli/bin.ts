/** The `dsi` executable (bundled into dist/bin/dsi.cjs). */
import { main } from './main.js';
import { processIo } from './io.js';
import { describeFileError } from '../files/read.js';

// A reader that closed the pipe (`dsi compile … | head`) is not an error: output stops quietly,
// and the run still ends with its own exit code (1 for an input with errors). Any other failed
// write (a full disk, /dev/full) is one line on stderr and exit 2, never a stack trace.
let outputFailed = false;
for (const [stream, name] of [
  [process.stdout, 'standard output'],
  [process.stderr, 'standard error'],
] as const) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED' || outputFailed) return;
    outputFailed = true;
    process.exitCode = 2;
    if (stream !== process.stderr) process.stderr.write(`dsi: cannot write to ${name}: ${describeFileError(e)}\n`);
  });
}

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = outputFailed ? 2 : code;
  },
  (e: unknown) => {
    process.stderr.write(`dsi: internal error: ${String(e)}\n`);
    process.exitCode = 2;
  },
);
