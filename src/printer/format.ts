/**
 * `dsi fmt` as a library: `.dsi` text → the same file in the canonical layout, every comment
 * kept. A file with syntax errors is never formatted (what was not parsed cannot be printed
 * back). Before it answers, the formatter parses its own output and checks that it reads as
 * the same tree with the same comments; if not (a bug of ours), it refuses rather than change
 * what the file says.
 */
import { DiagnosticIds, hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { START_OF_FILE } from '../core/range.js';
import { parse } from '../grammar/index.js';
import { printFile } from './print.js';

/** What {@link formatText} made of a text. */
export interface FormatResult {
  /** The formatted text; absent when the text has syntax errors (see `diagnostics`). */
  readonly text?: string;
  /** True when `text` differs from the input. */
  readonly changed: boolean;
  /** The syntax errors that kept the file from being formatted. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Formats one `.dsi` text named `file`. Never throws. By default the printed text is parsed again
 * and must say what the original said (else nothing changes); an editor formatting as you type
 * may pass `verify: false` to halve the time, the property tests standing for the check.
 */
export function formatText(text: string, file: string, options: { readonly verify?: boolean } = {}): FormatResult {
  const parsed = parse(text, file);
  if (hasErrors(parsed.diagnostics)) return { changed: false, diagnostics: parsed.diagnostics.filter((d) => d.severity === 'error') };
  // A byte order mark is not part of the text a reader sees; the formatted file has none.
  const printed = printFile(parsed.ast);
  if (options?.verify === false) return { text: printed, changed: printed !== text, diagnostics: [] };
  const again = parse(printed, file);
  if (hasErrors(again.diagnostics) || shape(again.ast) !== shape(parsed.ast) || comments(again) !== comments(parsed)) {
    const internal: Diagnostic = {
      file,
      range: START_OF_FILE,
      severity: 'error',
      ruleId: DiagnosticIds.internal,
      message: 'dsi fmt would change what this file says, so it left it as it is; this is a bug in dsi: please report it with the file',
    };
    return { changed: false, diagnostics: [internal] };
  }
  return { text: printed, changed: printed !== text, diagnostics: [] };
}

/** The tree without positions, comments and layout: what must not change. */
function shape(ast: unknown): string {
  // `raw` may change where the layout is inside a token (`100MiB/s` → `100 MiB/s`); the values beside it may not.
  return JSON.stringify(ast, (key, value: unknown) => (key === 'trivia' || key === 'raw' || /[rR]ange$/.test(key) ? undefined : isRange(value) ? 'range' : value));
}

/** A range is a value too (`warn`): that it is there counts, not where. */
function isRange(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'start' in value && 'end' in value;
}

function comments(result: { readonly comments: readonly { readonly text: string }[] }): string {
  return JSON.stringify(result.comments.map((c) => c.text.trimEnd()));
}
