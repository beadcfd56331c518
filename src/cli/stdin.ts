/** Standard input as one input file: `--stdin`, the path `-`, or `--stdin-filename NAME`. */
import type { CliIo } from './io.js';
import { UsageError } from './usage.js';

/** The name standard input is checked as when `--stdin-filename` does not say. */
export const DEFAULT_STDIN_NAME = '<stdin>.dsi';

/** Paths to expand, or standard input under a name; usage errors for mixing them. */
export function stdinInput(
  values: { readonly stdin?: boolean; readonly 'stdin-filename'?: string },
  positionals: readonly string[],
  io: CliIo,
  accepts: (name: string) => string | undefined,
): { readonly paths: readonly string[]; readonly stdin?: { readonly name: string; readonly text: () => Promise<string> } } {
  const dash = positionals.includes('-');
  const wanted = values.stdin === true || dash || values['stdin-filename'] !== undefined;
  if (!wanted) return { paths: positionals };
  if (positionals.some((p) => p !== '-') || positionals.length > 1) throw new UsageError('standard input is read as the one input; give no paths with --stdin, - or --stdin-filename');
  const name = values['stdin-filename'] ?? DEFAULT_STDIN_NAME;
  const refused = accepts(name);
  if (refused !== undefined) throw new UsageError(`--stdin-filename ${refused}: ${name}`);
  return { paths: [], stdin: { name, text: () => io.readStdin() } };
}
