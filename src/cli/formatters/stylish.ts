import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import { LineIndex, type Range } from '../../core/range.js';
import { CONTROL, countDiagnostics, painter, plural, printable, relativePath, type FileReport } from './common.js';

type Paint = ReturnType<typeof painter>;

/** Lines longer than this are shown as a window around the range. */
const MAX_EXCERPT = 200;
const EXCERPT_CONTEXT = 60;

const SEVERITY_STYLE: Record<Severity, Parameters<Paint>[0]> = {
  error: ['bold', 'red'],
  warning: ['bold', 'yellow'],
  info: ['bold', 'blue'],
};

/**
 * The source line of `range` and a caret line under it: `  12 | text` / `     |   ^^^^`.
 * Tabs before the range stay tabs so the carets line up in any terminal; a range that runs onto
 * later lines is underlined to the end of its first line; an empty range still gets one `^`.
 */
function codeFrame(lines: LineIndex, range: Range, severity: Severity, paint: Paint): string[] {
  const line = range.start.line;
  if (line < 1 || line > lines.lineCount) return [];
  const full = lines.lineText(line);
  let startColumn = Math.min(Math.max(range.start.column, 1), full.length + 1);
  let endColumn = range.end.line === line ? Math.max(Math.min(range.end.column, full.length + 1), startColumn) : full.length + 1;
  // A very long line is shown as a window around the range, so one diagnostic stays one screen.
  let text = full;
  if (full.length > MAX_EXCERPT) {
    const from = Math.max(0, startColumn - 1 - EXCERPT_CONTEXT);
    const to = Math.min(full.length, Math.max(endColumn - 1, from + EXCERPT_CONTEXT) + EXCERPT_CONTEXT);
    const head = from > 0 ? '…' : '';
    text = head + full.slice(from, to) + (to < full.length ? '…' : '');
    startColumn += head.length - from;
    endColumn = Math.min(endColumn + head.length - from, text.length + 1);
  }
  // The file's own control characters must not drive the terminal: each shows as one `�`, so carets stay aligned.
  text = text.replace(CONTROL, '\uFFFD');
  // One pad character per code point: a surrogate pair is one character on screen.
  const pad = Array.from(text.slice(0, startColumn - 1), (ch) => (ch === '\t' ? '\t' : ' ')).join('');
  const width = Math.max(1, Array.from(text.slice(startColumn - 1, endColumn - 1)).length);
  const number = String(line);
  const gutter = paint('dim', `  ${' '.repeat(number.length)} |`);
  return [
    paint('dim', `  ${number} |`) + (text === '' ? '' : ` ${text}`),
    `${gutter} ${pad}${paint(SEVERITY_STYLE[severity], '^'.repeat(width))}`,
  ];
}

/** The compile-style block of one diagnostic, with its source line from an already indexed text. */
export function diagnosticBlock(d: Diagnostic, lines: LineIndex | undefined, cwd: string, paint: Paint): string {
  const { line, column } = d.range.start;
  const out = [
    `${paint('bold', `${relativePath(d.file, cwd)}:${line}:${column}`)} ${paint(SEVERITY_STYLE[d.severity], d.severity)} ${printable(d.message)} ${paint('dim', `(${d.ruleId})`)}`,
  ];
  if (lines) out.push(...codeFrame(lines, d.range, d.severity, paint));
  for (const related of d.related ?? []) {
    const at = `${relativePath(related.file, cwd)}:${related.range.start.line}:${related.range.start.column}`;
    out.push(`  ${paint('bold', at)} ${paint(['bold', 'cyan'], 'note:')} ${printable(related.message)}`);
  }
  return out.join('\n');
}

// The line index of the latest source, for diagnostics formatted one by one (compile prints them so): one per file, not per diagnostic.
let latestIndex: LineIndex | undefined;
function lineIndexOf(source: string): LineIndex {
  if (latestIndex?.text !== source) latestIndex = new LineIndex(source);
  return latestIndex;
}

/**
 * One diagnostic as `dsi compile` prints it to stderr: `path:line:col severity message (rule-id)`,
 * then the source line with a caret line under the range, then one `  path:line:col note: message`
 * line per related location. No trailing newline.
 */
export function formatDiagnostic(d: Diagnostic, source: string | undefined, options: { cwd: string; color: boolean }): string {
  return diagnosticBlock(d, source === undefined ? undefined : lineIndexOf(source), options.cwd, painter(options.color));
}

/**
 * ESLint's stylish layout in the compile style: per file a path heading and each problem's block,
 * a blank line, then `✖ N problems (E errors, W warnings[, I info])`. Empty when nothing was found.
 */
export function formatStylish(reports: readonly FileReport[], cwd: string, color: boolean): string {
  return [...stylishChunks(reports, cwd, color)].join('');
}

/**
 * {@link formatStylish}'s text in pieces, one per file with problems and one for the summary:
 * the CLI writes each as it comes, so a report of thousands of problems is never one string.
 */
export function* stylishChunks(reports: readonly FileReport[], cwd: string, color: boolean): Generator<string> {
  const paint = painter(color);
  // Every line ends in a newline: the blank line after a file's problems is an empty one.
  const text = (lines: readonly string[]) => lines.map((line) => `${line}\n`).join('');
  let any = false;
  for (const report of reports) {
    if (report.diagnostics.length === 0) continue;
    any = true;
    const lines = report.source === undefined ? undefined : new LineIndex(report.source);
    const out = [paint('underline', report.path)];
    for (const d of report.diagnostics) {
      out.push(diagnosticBlock(d, lines, cwd, paint));
      // What `--fix` would do, under each problem it fixes.
      if (d.fix && d.fix.edits.length > 0) out.push(`  ${paint(['bold', 'green'], 'fixable:')} ${printable(d.fix.description)}`);
    }
    out.push('');
    yield text(out);
  }
  if (!any) return;
  const counts = countDiagnostics(reports.flatMap((r) => r.diagnostics));
  const total = counts.errors + counts.warnings + counts.infos;
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.infos > 0) parts.push(`${counts.infos} info`);
  const style = counts.errors > 0 ? SEVERITY_STYLE.error : counts.warnings > 0 ? SEVERITY_STYLE.warning : SEVERITY_STYLE.info;
  const summary = [paint(style, `✖ ${plural(total, 'problem')} (${parts.join(', ')})`)];
  const fixableWarnings = counts.fixableWarnings + counts.fixableInfos;
  if (counts.fixableErrors + fixableWarnings > 0) {
    summary.push(paint(style, `  ${plural(counts.fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`));
  }
  yield text(summary);
}
