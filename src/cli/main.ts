/** The `dsi` command line: dispatches to a command of the one command table; returns the exit code. */
import { COMMANDS, commandHelp, findCommand, globalHelp } from './command.js';
import { OutputError, type CliIo } from './io.js';
import { UsageError } from './usage.js';
import { VERSION } from '../version.js';
import { loadModule } from '../core/load-module.js';

declare const __DSI_BUNDLE__: boolean | undefined;
/** True in the bin's bundle (scripts/build.mjs defines it), false when run from the sources. */
const IN_BUNDLE = typeof __DSI_BUNDLE__ !== 'undefined' && __DSI_BUNDLE__;

/**
 * What runs each command of the table (src/cli/command.ts). Each is loaded only when run, so
 * `--version`, `--help` and every command load only what they use (the bundle evaluates a module
 * on its first import).
 */
const RUNNERS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  compile: async (args, io) => (await import('./commands/compile.js')).compileCommand(args, io),
  explain: async (args, io) => (await import('./commands/explain.js')).explainCommand(args, io),
  lint: async (args, io) => (await import('./commands/lint.js')).lintCommand(args, io),
  fmt: async (args, io) => (await import('./commands/fmt.js')).fmtCommand(args, io),
  decompile: async (args, io) => (await import('./commands/decompile.js')).decompileCommand(args, io),
  start: async (args, io) => (await import('./commands/start.js')).startCommand(args, io),
  // The language server is a bundle of its own beside the bin's (scripts/build.mjs).
  lsp: async (args, io) => (await (IN_BUNDLE ? loadModule<typeof import('../lsp/command.js')>('./dsi-lsp.cjs') : import('../lsp/command.js'))).lspCommand(args, io),
};

/** `--color` / `--no-color` anywhere win over NO_COLOR, FORCE_COLOR and the terminal; the last one given counts. */
function withColorFlags(argv: readonly string[], io: CliIo): CliIo {
  const end = argv.indexOf('--');
  const flags = (end < 0 ? argv : argv.slice(0, end)).filter((a) => a === '--color' || a === '--no-color');
  if (flags.length === 0) return io;
  const color = flags.at(-1) === '--color';
  return { ...io, stdout: { write: (t) => io.stdout.write(t), color }, stderr: { write: (t) => io.stderr.write(t), color } };
}

/** Runs `dsi ARGS`: 0 clean, 1 errors in the input, 2 usage or internal error. */
export async function main(argv: readonly string[], given: CliIo): Promise<number> {
  const io = withColorFlags(argv, given);
  const args = argv.filter((a, i) => !((a === '--color' || a === '--no-color') && (argv.indexOf('--') < 0 || i < argv.indexOf('--'))));
  const [command, ...rest] = args;
  try {
    if (command === '--version' || command === '-v') {
      io.stdout.write(VERSION + '\n');
      return 0;
    }
    if (command === undefined) {
      io.stderr.write(globalHelp());
      return 2;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(rest[0] !== undefined && command === 'help' ? commandHelp(findCommand(rest[0])) : globalHelp());
      return 0;
    }
    if (command.startsWith('-')) throw new UsageError(`\`${command}\` comes after a command: dsi COMMAND [options]; commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
    const spec = findCommand(command);
    const end = rest.indexOf('--');
    const options = end < 0 ? rest : rest.slice(0, end);
    if (options.includes('--help') || options.includes('-h')) {
      io.stdout.write(commandHelp(spec));
      return 0;
    }
    if (options.includes('--version') || options.includes('-v')) {
      io.stdout.write(VERSION + '\n');
      return 0;
    }
    return await RUNNERS[spec.name](rest, io);
  } catch (e) {
    const err = e as Error & { code?: string };
    if (e instanceof OutputError) {
      io.stderr.write(`dsi: ${err.message}\n`);
      return 2;
    }
    if (e instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`dsi: ${err.message}\nRun \`dsi ${command && Object.hasOwn(RUNNERS, command) ? `${command} ` : ''}--help\` for usage.\n`);
      return 2;
    }
    io.stderr.write(`dsi: internal error: ${err?.stack ?? String(e)}\n`);
    return 2;
  }
}
