/**
 * Applying `dsi-ignore` comments: a suppression excuses what the schema or a rule found on the
 * line below it. A suppression that names an unknown rule, or excuses nothing, is itself reported.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { SourceLocation } from '../core/range.js';
import { DiagnosticIds } from '../core/diagnostic.js';
import { todayUtc, type Suppression } from '../core/suppressions.js';
import { suggest } from '../core/words.js';
import { countWork, endStage, startStage } from '../core/work.js';

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

/** How waivers are judged: the day, locks from configuration, and whether waivers count at all. */
export interface WaiverOptions {
  /** Today, UTC, `YYYY-MM-DD`; a waiver `until` an earlier day no longer applies. Default: the real today. */
  readonly today?: string;
  /** Where configuration locks a rule; a locked rule cannot be waived. */
  readonly locked?: (ruleId: string) => SourceLocation | undefined;
  /** `false` ignores every waiver (`--no-inline-config`). */
  readonly inline?: boolean;
}

/** What {@link applySuppressions} made of a check's diagnostics. */
export interface AppliedSuppressions {
  /** The diagnostics in force. */
  readonly kept: Diagnostic[];
  /** The diagnostics a waiver excused, each with its `suppressions` (kept for audit: JSON and SARIF list them). */
  readonly suppressed: Diagnostic[];
  /** Each waiver and whether it excused something. */
  readonly uses: SuppressionUse[];
  /** Waivers that cannot apply: past their date, or naming a locked rule. */
  readonly problems: Diagnostic[];
}

/** Separates the diagnostics that a waiver excuses; says which waivers excused something and which cannot apply. */
export function applySuppressions(diagnostics: readonly Diagnostic[], suppressions: readonly Suppression[], options: WaiverOptions = {}): AppliedSuppressions {
  // No waiver (most files): nothing to excuse, and no day to look up.
  if (options.inline === false || suppressions.length === 0) return { kept: [...diagnostics], suppressed: [], uses: [], problems: [] };
  const started = startStage();
  countWork('waiverChecks', suppressions.length);
  const today = options.today ?? todayUtc();
  const problems: Diagnostic[] = [];
  // Waivers in force, by file and line: each diagnostic looks up its line once.
  const byLine = new Map<string, Suppression[]>();
  for (const s of suppressions) {
    if (s.until !== undefined && s.until < today) {
      problems.push({
        file: s.file,
        range: s.range,
        severity: 'warning',
        ruleId: DiagnosticIds.ignore,
        messageId: 'expired',
        message: `this waiver of ${s.ruleIds.join(', ')} expired after ${s.until}; fix the problem on line ${s.targetLine} or renew the waiver with a later date`,
      });
      continue;
    }
    let locked = 0;
    for (const id of s.ruleIds) {
      const lock = options.locked?.(id);
      if (!lock) continue;
      locked++;
      problems.push({
        file: s.file,
        range: s.range,
        severity: 'error',
        ruleId: DiagnosticIds.ignore,
        messageId: 'locked',
        message: `\`${id}\` is locked by ${lock.file}:${lock.range.start.line}:${lock.range.start.column}; a dsi-ignore cannot waive it`,
        related: [{ ...lock, message: 'locked here' }],
      });
    }
    // A waiver of locked rules only is reported as such, not also as one that excuses nothing.
    if (locked > 0 && locked === s.ruleIds.length) continue;
    const key = `${s.file}\0${s.targetLine}`;
    (byLine.get(key) ?? byLine.set(key, []).get(key)!).push(s);
  }
  const used = new Set<Suppression>();
  const kept: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  for (const d of diagnostics) {
    const s =
      isSuppressible(d.ruleId) && !options.locked?.(d.ruleId)
        ? byLine.get(`${d.file}\0${d.range.start.line}`)?.find((x) => {
            countWork('waiverChecks');
            return x.ruleIds.includes(d.ruleId);
          })
        : undefined;
    if (!s) {
      kept.push(d);
      continue;
    }
    used.add(s);
    suppressed.push({ ...d, suppressions: [{ kind: 'inSource', justification: s.reason, location: { file: s.file, range: s.range }, ...(s.until ? { until: s.until } : {}) }] });
  }
  const live = new Set([...byLine.values()].flat());
  endStage('waivers', started);
  return { kept, suppressed, uses: suppressions.filter((s) => live.has(s)).map((s) => ({ ...s, used: used.has(s) })), problems };
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
  options: { judged: (file: string) => boolean; state: (ruleId: string, file: string) => RuleState; knownIds: (file: string) => readonly string[] },
): Diagnostic[] {
  const started = startStage();
  countWork('waiverChecks', uses.length);
  const byComment = new Map<string, SuppressionUse[]>();
  for (const u of uses) {
    const key = `${u.file}\0${u.range.start.offset}`;
    (byComment.get(key) ?? byComment.set(key, []).get(key)!).push(u);
  }
  const out: Diagnostic[] = [];
  for (const group of byComment.values()) {
    const s = group[0];
    const states = s.ruleIds.map((id) => [id, options.state(id, s.file)] as const);
    for (const [id, state] of states) {
      if (state !== 'unknown') continue;
      const hint = suggest(id, options.knownIds(s.file));
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
  endStage('waivers', started);
  return out;
}
