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

/** GitHub shows at most this many annotations of each kind (error, warning, notice) per step; the rest stay in the log only. */
export const ANNOTATIONS_SHOWN_PER_STEP = 10;

const KIND_WORDS: Record<Severity, [string, string]> = { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['notice', 'notices'] };

/** What GitHub will not show as annotations, in words, or undefined when it shows them all. */
export function unshownAnnotations(reports: readonly FileReport[]): string | undefined {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of reports.flatMap((r) => r.diagnostics)) counts[d.severity]++;
  const overBy = (reserved: number) =>
    (['error', 'warning', 'info'] as const).map((s) => [s, counts[s] - (ANNOTATIONS_SHOWN_PER_STEP - (s === 'info' ? reserved : 0))] as const).filter(([, n]) => n > 0);
  if (overBy(0).length === 0) return undefined;
  // This message is a notice itself, and takes one of the notices' places.
  const over = overBy(1).map(([s, n]) => `${n} ${KIND_WORDS[s][n === 1 ? 0 : 1]}`);
  return `${over.join(' and ')} could not be shown as annotations (GitHub shows at most ${ANNOTATIONS_SHOWN_PER_STEP} of each kind per step); every problem is listed in this step's log`;
}

/**
 * GitHub Actions workflow commands, one a line: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::MESSAGE`
 * (`::warning` for warnings, `::notice` for infos); related locations follow the message on lines of their own.
 * When there are more than GitHub shows, a first notice says how many it could not show.
 */
export function formatGithub(reports: readonly FileReport[], cwd: string): string {
  return [...githubChunks(reports, cwd)].join('');
}

/** {@link formatGithub}'s lines in pieces, one per file with problems (and the notice first): the CLI writes each as it comes. */
export function* githubChunks(reports: readonly FileReport[], cwd: string): Generator<string> {
  const unshown = unshownAnnotations(reports);
  // First, so that it is itself among the notices GitHub shows.
  if (unshown !== undefined) yield `::notice title=dsi::${escapeData(unshown)}\n`;
  for (const report of reports) {
    if (report.diagnostics.length > 0) yield report.diagnostics.map((d) => `${annotation(d, cwd)}\n`).join('');
  }
}

/** A Markdown cell: one line, pipes escaped. */
function cell(text: string): string {
  return printable(text).replace(/\r?\n/g, ' ').replaceAll('|', '\\|');
}

/**
 * The job summary GitHub shows on the run's page (`$GITHUB_STEP_SUMMARY`): counts and a table of
 * every problem, file:line, severity, rule and message.
 */
export function formatStepSummary(reports: readonly FileReport[], cwd: string): string {
  const all = reports.flatMap((r) => r.diagnostics);
  const count = (s: Severity) => all.filter((d) => d.severity === s).length;
  const plural = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;
  const head = `### dsi lint\n\n${plural(count('error'), KIND_WORDS.error)}, ${plural(count('warning'), KIND_WORDS.warning)}, ${plural(count('info'), ['info', 'infos'])} in ${plural(reports.length, ['file', 'files'])}.\n`;
  if (all.length === 0) return head;
  const rows = all.map((d) => `| ${cell(`${relativePath(d.file, cwd)}:${d.range.start.line}`)} | ${d.severity} | ${cell(d.ruleId)} | ${cell(d.message)} |`);
  return `${head}\n| Where | Severity | Rule | Message |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}
