/**
 * The `dsi-ignore` comment (a waiver): `# dsi-ignore RULE-ID [until YYYY-MM-DD] -- reason` on the
 * line above a problem excuses it, until the end of that day (UTC) when a date is given. Front
 * ends hand over their comments (the `.dsi` lexer's comment tokens); this module reads the
 * waivers in them, and the check stage (`check/suppressions.ts`) applies them.
 */
import type { Diagnostic } from './diagnostic.js';
import { DiagnosticIds } from './diagnostic.js';
import { LineIndex, type Range } from './range.js';
import { countWork } from './work.js';

/** One `dsi-ignore` comment. */
export interface Suppression {
  readonly file: string;
  readonly ruleIds: readonly string[];
  readonly reason: string;
  /** The last day (UTC, `YYYY-MM-DD`) on which it excuses anything; absent: no end. */
  readonly until?: string;
  /** The line whose diagnostics it excuses. */
  readonly targetLine: number;
  /** The comment itself. */
  readonly range: Range;
}

/** A comment as a front end read it: its text (marker included) and where it is. */
export interface SourceComment {
  readonly text: string;
  /** True when nothing but blanks precedes it on its line: only such a comment is a waiver. */
  readonly ownLine: boolean;
  readonly range: Range;
}

/** Most `dsi-ignore` comments read in one file; past it, one error, and the later ones excuse nothing. */
export const MAX_WAIVERS_PER_FILE = 10_000;

const WAIVER = /^(?:#|\/\/)[ \t]*dsi-ignore\b(.*)$/;
const LINE_COMMENT = /^([ \t]*)((?:#|\/\/).*)$/;

/**
 * Finds the `dsi-ignore` comments of a request file (whose comments start a line: `#` in YAML);
 * malformed ones are reported into `problems`. `.dsi` files use {@link suppressionsFromComments}.
 */
export function findSuppressions(text: string, file: string, problems: Diagnostic[]): Suppression[] {
  if (!text.includes('dsi-ignore')) return [];
  const lines = new LineIndex(text);
  const comments: SourceComment[] = [];
  for (let line = 1; line <= lines.lineCount; line++) {
    const m = LINE_COMMENT.exec(lines.lineText(line));
    if (!m) continue;
    const start = lines.lineStart(line) + m[1].length;
    comments.push({ text: m[2], ownLine: true, range: lines.range(start, start + m[2].length) });
  }
  return suppressionsFromComments(comments, file, problems);
}

/** The waivers among a file's comments, in source order; malformed ones are reported into `problems`. */
export function suppressionsFromComments(comments: readonly SourceComment[], file: string, problems: Diagnostic[]): Suppression[] {
  const found: { line: number; ruleIds: string[]; reason: string; range: Range; until?: string }[] = [];
  for (const comment of comments) {
    const m = comment.ownLine ? WAIVER.exec(comment.text) : null;
    if (!m) continue;
    countWork('waiverChecks');
    const { range } = comment;
    const line = range.start.line;
    const [idsPart, ...reasonParts] = m[1].split('--');
    if (found.length === MAX_WAIVERS_PER_FILE) {
      problems.push({
        file,
        range,
        severity: 'error',
        ruleId: DiagnosticIds.limit,
        message: `more than ${MAX_WAIVERS_PER_FILE} dsi-ignore comments in one file; this one and those after it excuse nothing: fix the problems, or turn the rule off in configuration`,
      });
      break;
    }
    const words = idsPart.split(/[\s,]+/).filter(Boolean);
    const reason = reasonParts.join('--').trim();
    // `until DATE` ends the list of rule ids.
    const untilAt = words.indexOf('until');
    const ruleIds = untilAt < 0 ? words : words.slice(0, untilAt);
    let until: string | undefined;
    if (untilAt >= 0) {
      const date = words[untilAt + 1];
      if (date === undefined || !isCalendarDate(date) || words.length > untilAt + 2) {
        problems.push({
          file,
          range,
          severity: 'error',
          ruleId: DiagnosticIds.ignore,
          message: `dsi-ignore needs a date after \`until\`, written YYYY-MM-DD (\`until 2027-03-31\`)${date === undefined ? '' : `, not \`${words.slice(untilAt + 1).join(' ')}\``}`,
        });
        continue;
      }
      until = date;
    }
    if (ruleIds.length === 0) {
      problems.push({ file, range, severity: 'error', ruleId: DiagnosticIds.ignore, message: 'dsi-ignore names no rule; write `# dsi-ignore RULE-ID -- reason`' });
      continue;
    }
    if (reason === '') {
      problems.push({
        file,
        range,
        severity: 'warning',
        ruleId: DiagnosticIds.ignore,
        message: `dsi-ignore ${ruleIds.join(', ')} gives no reason; write \`-- reason\` after the rule id so reviewers know why`,
      });
    }
    found.push({ line, ruleIds, reason, range, ...(until ? { until } : {}) });
  }
  // A run of dsi-ignore lines applies to the first line after the run.
  // Walking up from the last comment, each line's target is its next line's (linear in the run).
  const targets = new Map<number, number>();
  for (let i = found.length - 1; i >= 0; i--) targets.set(found[i].line, targets.get(found[i].line + 1) ?? found[i].line + 1);
  return found.map((f) => {
    const target = targets.get(f.line)!;
    return { file, ruleIds: f.ruleIds, reason: f.reason, ...(f.until ? { until: f.until } : {}), targetLine: target, range: f.range };
  });
}

/** True for a real day written `YYYY-MM-DD` (not 2027-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Today in UTC as `YYYY-MM-DD`, the day waivers are judged against. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

