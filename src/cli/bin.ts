/** The `dsi` executable (bundled into dist/bin/dsi-main.cjs). */
import { main } from './main.js';
import { outputFailed, processIo } from './io.js';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = outputFailed() ? 2 : code;
  },
  (e: unknown) => {
    process.stderr.write(`dsi: internal error: ${String(e)}\n`);
    process.exitCode = 2;
  },
);
