import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import { printable, relativePath, type FileReport } from './common.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub's escaping of a workflow command's message. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** GitHub's escaping of a workflow command's property value: the message escapes plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

function annotation(d: Diagnostic, cwd: string): string {
  const { start, end } = d.range;
  const properties: [string, string | number][] = [
    ['file', relativePath(d.file, cwd)],
    ['line', start.line],
  ];
  // GitHub takes columns only for a range on one line.
  if (start.line === end.line) properties.push(['col', start.column]);
  properties.push(['endLine', end.line]);
  if (start.line === end.line) properties.push(['endColumn', end.column]);
  properties.push(['title', d.ruleId]);
  const notes = (d.related ?? []).map(
    (related) => `\n${relativePath(related.file, cwd)}:${related.range.start.line}:${related.range.start.column} note: ${printable(related.message)}`,
  );
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMAND[d.severity]} ${props}::${escapeData(printable(d.message) + notes.join(''))}`;
}

/**
 * GitHub Actions workflow commands, one a line: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::MESSAGE`
 * (`::warning` for warnings, `::notice` for infos); related locations follow the message on lines of their own.
 */
export function formatGithub(reports: readonly FileReport[], cwd: string): string {
  const lines = reports.flatMap((report) => report.diagnostics.map((d) => annotation(d, cwd)));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
