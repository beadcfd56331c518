/**
 * The `dsi-ignore` comment: `# dsi-ignore RULE-ID -- reason` on the line above a problem excuses
 * it. Front ends find these comments; the check stage (`check/suppressions.ts`) applies them.
 */
import type { Diagnostic } from './diagnostic.js';
import { DiagnosticIds } from './diagnostic.js';
import { LineIndex, type Range } from './range.js';

/** One `dsi-ignore` comment. */
export interface Suppression {
  readonly file: string;
  readonly ruleIds: readonly string[];
  readonly reason: string;
  /** The line whose diagnostics it excuses. */
  readonly targetLine: number;
  /** The comment itself. */
  readonly range: Range;
}

const COMMENT = /^([ \t]*)(?:#|\/\/)[ \t]*dsi-ignore\b(.*)$/;

/** Finds the `dsi-ignore` comments of a text; malformed ones are reported into `problems`. */
export function findSuppressions(text: string, file: string, problems: Diagnostic[]): Suppression[] {
  if (!text.includes('dsi-ignore')) return [];
  const lines = new LineIndex(text);
  const found: { line: number; ruleIds: string[]; reason: string; range: Range }[] = [];
  for (let line = 1; line <= lines.lineCount; line++) {
    const m = COMMENT.exec(lines.lineText(line));
    if (!m) continue;
    const lineStart = lines.lineStart(line);
    const range = lines.range(lineStart + m[1].length, lineStart + lines.lineText(line).length);
    const [idsPart, ...reasonParts] = m[2].split('--');
    const ruleIds = idsPart.split(/[\s,]+/).filter(Boolean);
    const reason = reasonParts.join('--').trim();
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
    found.push({ line, ruleIds, reason, range });
  }
  // A run of dsi-ignore lines applies to the first line after the run.
  return found.map((f) => {
    let target = f.line + 1;
    while (found.some((g) => g.line === target)) target++;
    return { file, ruleIds: f.ruleIds, reason: f.reason, targetLine: target, range: f.range };
  });
}

