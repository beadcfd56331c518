/** The `dsi` executable (bundled into dist/bin/dsi.cjs). */
import { main } from './main.js';
import { processIo } from './io.js';

// A reader that closed the pipe (`dsi compile … | head`) is not an error: output stops quietly,
// and the run still ends with its own exit code (1 for an input with errors).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
}

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`dsi: internal error: ${String(e)}\n`);
    process.exitCode = 2;
  },
);
