/** The `dsi` executable (bundled into dist/bin/dsi.cjs). */
import { main } from './main.js';
import { processIo } from './io.js';

// A reader that closed the pipe (`dsi compile … | head`) ends the run quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
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
