/**
 * `# dsi-ignore RULE-ID -- reason` on the line above a problem excuses it. A suppression without
 * a reason, or one that suppresses nothing, is itself reported.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { DiagnosticIds } from '../core/diagnostic.js';
import { LineIndex, type Range } from '../core/range.js';

export interface Suppression {
  readonly file: string;
  readonly ruleIds: readonly string[];
  readonly reason: string;
  /** The line whose diagnostics it excuses. */
  readonly targetLine: number;
  readonly range: Range;
}

const COMMENT = /^([ \t]*)(?:#|\/\/)[ \t]*dsi-ignore\b(.*)$/;
/** Problems no comment can excuse: the file must parse. */
const UNSUPPRESSIBLE = new Set<string>([DiagnosticIds.syntax, DiagnosticIds.parseError, DiagnosticIds.ignore, DiagnosticIds.internal]);

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

/**
 * Drops the diagnostics that a suppression excuses. Returns the kept diagnostics plus a warning
 * for each suppression that excused nothing (when `reportUnused` says so for its file).
 */
export function applySuppressions(
  diagnostics: readonly Diagnostic[],
  suppressions: readonly Suppression[],
  reportUnused: (file: string) => boolean,
): Diagnostic[] {
  if (suppressions.length === 0) return [...diagnostics];
  const used = new Set<Suppression>();
  const kept = diagnostics.filter((d) => {
    if (UNSUPPRESSIBLE.has(d.ruleId)) return true;
    const s = suppressions.find((x) => x.file === d.file && x.targetLine === d.range.start.line && x.ruleIds.includes(d.ruleId));
    if (!s) return true;
    used.add(s);
    return false;
  });
  for (const s of suppressions) {
    if (used.has(s) || !reportUnused(s.file)) continue;
    kept.push({
      file: s.file,
      range: s.range,
      severity: 'warning',
      ruleId: DiagnosticIds.ignore,
      message: `dsi-ignore ${s.ruleIds.join(', ')} suppresses nothing on line ${s.targetLine}; remove it`,
    });
  }
  return kept;
}
