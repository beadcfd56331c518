/** The `dsi` command line: dispatches to a command; returns the exit code. */
import { compileCommand } from './commands/compile.js';
import { lintCommand } from './commands/lint.js';
import { fmtCommand } from './commands/fmt.js';
import { decompileCommand } from './commands/decompile.js';
import { OutputError, type CliIo } from './io.js';
import { HELP, UsageError } from './usage.js';
import { VERSION } from '../version.js';

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  compile: compileCommand,
  lint: lintCommand,
  fmt: fmtCommand,
  decompile: decompileCommand,
};

/** Runs `dsi ARGS`: 0 clean, 1 errors in the input, 2 usage or internal error. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-v') {
      io.stdout.write(VERSION + '\n');
      return 0;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? io.stderr : io.stdout).write(HELP);
      return command === undefined ? 2 : 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command \`${command}\`; commands: ${Object.keys(COMMANDS).join(', ')}`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(HELP);
      return 0;
    }
    return await run(rest, io);
  } catch (e) {
    const err = e as Error & { code?: string };
    if (e instanceof OutputError) {
      io.stderr.write(`dsi: ${err.message}\n`);
      return 2;
    }
    if (e instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`dsi: ${err.message}\nRun \`dsi --help\` for usage.\n`);
      return 2;
    }
    io.stderr.write(`dsi: internal error: ${err?.stack ?? String(e)}\n`);
    return 2;
  }
}
