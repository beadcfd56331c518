/**
 * Applying `dsi-ignore` comments: a suppression excuses what the schema or a rule found on the
 * line below it. A suppression that names an unknown rule, or excuses nothing, is itself reported.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { DiagnosticIds } from '../core/diagnostic.js';
import type { Suppression } from '../core/suppressions.js';
import { suggest } from '../core/words.js';

export type { Suppression } from '../core/suppressions.js';

/** A suppression and whether it excused anything in one check. */
export interface SuppressionUse extends Suppression {
  readonly used: boolean;
}

/**
 * Only what the rules and the schema find can be excused. Problems of the text itself (syntax,
 * unknown words, names, imports, a missing task) change what is compiled, so they cannot be.
 */
const UNSUPPRESSIBLE = new Set<string>([...Object.values(DiagnosticIds).filter((id) => id !== DiagnosticIds.schema), 'io']);

/** Whether a diagnostic id can be excused by `dsi-ignore`. */
export function isSuppressible(ruleId: string): boolean {
  return !UNSUPPRESSIBLE.has(ruleId);
}

/** Drops the diagnostics that a suppression excuses; says which suppressions excused something. */
export function applySuppressions(
  diagnostics: readonly Diagnostic[],
  suppressions: readonly Suppression[],
): { kept: Diagnostic[]; uses: SuppressionUse[] } {
  const used = new Set<Suppression>();
  const kept = diagnostics.filter((d) => {
    if (!isSuppressible(d.ruleId)) return true;
    const s = suppressions.find((x) => x.file === d.file && x.targetLine === d.range.start.line && x.ruleIds.includes(d.ruleId));
    if (!s) return true;
    used.add(s);
    return false;
  });
  return { kept, uses: suppressions.map((s) => ({ ...s, used: used.has(s) })) };
}

/** How a suppression's rule stood in the check: it ran, it could not have run (off, or needing unknown context), or no such rule exists. */
export type RuleState = 'ran' | 'idle' | 'unknown';

/**
 * Warnings for suppressions that name an unknown rule, or that excused nothing anywhere in the
 * checks they took part in. `judged` says in which files "excused nothing" can be told (a file of
 * templates only, checked alone, cannot tell); uses of one comment from several checks add up.
 */
export function unusedSuppressions(
  uses: readonly SuppressionUse[],
  options: { judged: (file: string) => boolean; state: (ruleId: string) => RuleState; knownIds: readonly string[] },
): Diagnostic[] {
  const byComment = new Map<string, SuppressionUse[]>();
  for (const u of uses) {
    const key = `${u.file}\0${u.range.start.offset}`;
    (byComment.get(key) ?? byComment.set(key, []).get(key)!).push(u);
  }
  const out: Diagnostic[] = [];
  for (const group of byComment.values()) {
    const s = group[0];
    const states = s.ruleIds.map((id) => [id, options.state(id)] as const);
    for (const [id, state] of states) {
      if (state !== 'unknown') continue;
      const hint = suggest(id, options.knownIds);
      out.push({
        file: s.file,
        range: s.range,
        severity: 'warning',
        ruleId: DiagnosticIds.ignore,
        message: `dsi-ignore names \`${id}\`, which is no rule` + (hint ? `; did you mean \`${hint}\`?` : '; the rules are listed in docs/rules/README.md'),
      });
    }
    if (group.some((u) => u.used) || !options.judged(s.file) || states.some(([, st]) => st !== 'ran')) continue;
    out.push({
      file: s.file,
      range: s.range,
      severity: 'warning',
      ruleId: DiagnosticIds.ignore,
      messageId: 'unused',
      message: `dsi-ignore ${s.ruleIds.join(', ')} suppresses nothing on line ${s.targetLine}; remove it`,
    });
  }
  return out;
}
