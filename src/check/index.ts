/**
 * The check stage, one for every front end: the schema, the rules (with their configured
 * severities and options) and the `dsi-ignore` suppressions over a {@link SourceUnit}. It speaks
 * in payload pointers; each payload's source map turns them into places in the user's files.
 * It imports no front end: whatever is front-end specific travels in the unit.
 */
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import { repeatFilter } from '../core/repeats.js';
import { mergeContext, type TaskContext } from '../core/context.js';
import type { SourceMap } from '../core/source-map.js';
import type { PayloadUnit, PolicyDeclaration, SourceUnit } from '../core/unit.js';
import { policyRules } from '../policy/index.js';
import { runRules, type RuleSetting } from '../rules/engine.js';
import type { Rule } from '../rules/create-rule.js';
import { schemaDiagnostics } from './schema.js';
import { checkContext } from './context.js';
import { applySuppressions, type SuppressionUse, type WaiverOptions } from './suppressions.js';
import { countWork, endStage, startStage } from '../core/work.js';

/** What the check stage applies, as configuration gives it. */
export interface CheckOptions {
  /** The rules to run; `false` runs only the schema (and the policies, which always run). */
  readonly rules: readonly Rule<any>[] | false;
  /** Policies from elsewhere (configuration), enforced beside the unit's own `policy` blocks. */
  readonly policies?: readonly PolicyDeclaration[];
  /** Levels and options by rule id (`off` disables a rule). */
  readonly ruleSettings?: Readonly<Record<string, RuleSetting>>;
  /** Task context known from elsewhere (configuration, AWS), by task ARN; what the file says wins over it. */
  readonly context?: (taskArn: string) => TaskContext | undefined;
  /** How `dsi-ignore` waivers are judged (the day, locked rules, `--no-inline-config`). */
  readonly waivers?: WaiverOptions;
}

/** One payload of a unit, checked. */
export interface CheckedPayload {
  readonly unit: PayloadUnit;
  /** The context the rules saw: the configured context under the file's own. */
  readonly context: TaskContext;
  /** The front end's problems of this payload, the schema's and the rules', after suppressions; sorted. */
  readonly diagnostics: readonly Diagnostic[];
}

/** The result of {@link checkUnit}. */
export interface CheckResult {
  readonly payloads: readonly CheckedPayload[];
  /** The front end's problems of the files themselves (not of one payload), after suppressions; sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** The unit's `dsi-ignore` comments and whether each excused something here. */
  readonly suppressions: readonly SuppressionUse[];
  /** The problems waivers excused, each with its justification; sorted. */
  readonly suppressed: readonly Diagnostic[];
  /** The rules the enforced policies became (`POLICY/n`): ids a `dsi-ignore` may name. */
  readonly policyRules: readonly Rule<any>[];
}

/** Checks every payload of a unit and applies its suppressions (across files: a template's line is excused in its own file). */
export function checkUnit(unit: SourceUnit, given: CheckOptions): CheckResult {
  const started = startStage();
  // Each policy assertion is one more rule; problems of the policies themselves belong to the unit.
  const policies = policyRules(distinct([...unit.policies, ...(given.policies ?? [])]));
  // The caller's rule list itself when no policy adds to it: what is worked out per rule list is then worked out once per run.
  const rules = policies.rules.length === 0 && given.rules !== false ? given.rules : [...(given.rules || []), ...policies.rules];
  // (Not a spread per call: lowered for Node 20, a spread costs more than the rest of this setup.)
  const options: CheckOptions = rules === given.rules ? given : Object.assign({}, given, { rules });
  const checked = unit.payloads.map((p) => {
    const arn = (p.payload as { TaskArn?: unknown } | null | undefined)?.TaskArn;
    const known = typeof arn === 'string' ? options.context?.(arn) : undefined;
    const context = mergeContext(known, p.context);
    // An impossible context is an error, and the rules do not see the part that cannot be.
    const judged = checkContext(context, p.sourceMap, p);
    const found = [...p.diagnostics, ...judged.diagnostics, ...checkPayload(unit.file, p, judged.context, options)];
    // Each problem of a payload names its intent: baselines and SARIF fingerprints identify it by intent, not by line.
    return { unit: p, context, found: p.name === undefined ? found : found.map((d) => (d.intent === undefined ? Object.assign({}, d, { intent: p.name }) : d)) };
  });
  const tagged = [...[...unit.diagnostics, ...policies.diagnostics].map((d) => ({ d, owner: -1 })), ...checked.flatMap((c, i) => c.found.map((d) => ({ d, owner: i })))];
  const { kept, suppressed, uses, problems } = applySuppressions(
    tagged.map((t) => t.d),
    unit.suppressions,
    options.waivers,
  );
  const keptSet = new Set(kept);
  const byOwner = new Map<number, Diagnostic[]>([[-1, [...problems]]]);
  for (const t of tagged) if (keptSet.has(t.d)) (byOwner.get(t.owner) ?? byOwner.set(t.owner, []).get(t.owner)!).push(t.d);
  const owned = (i: number) => (byOwner.get(i) ?? []).sort(compareDiagnostics);
  endStage('check', started);
  return {
    policyRules: policies.rules,
    suppressed: suppressed.sort(compareDiagnostics),
    payloads: checked.map((c, i) => ({ unit: c.unit, context: c.context, diagnostics: owned(i) })),
    diagnostics: owned(-1),
    suppressions: uses,
  };
}

/** Policies once each: a policy file that configuration names and the file imports too is one policy. */
function distinct(policies: readonly PolicyDeclaration[]): PolicyDeclaration[] {
  const seen = new Set<string>();
  return policies.filter((p) => {
    const key = `${p.location.file}\0${p.location.range.start.offset}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every problem of a check: the files' and each payload's, without repeats (an imported file's problem reached through two intents), sorted. */
export function allDiagnostics(result: CheckResult): Diagnostic[] {
  return dedupe([...result.diagnostics, ...result.payloads.flatMap((p) => p.diagnostics)]);
}

function sameProblem(a: Diagnostic, b: Diagnostic): boolean {
  return a.range.end.offset === b.range.end.offset && a.ruleId === b.ruleId && a.message === b.message;
}

/** Drops repeats and sorts. */
export function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  countWork('diagnostics', diagnostics.length);
  // Equal when of one file, range, rule and message.
  const filters = new Map<string, (d: Diagnostic) => boolean>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    let repeated = filters.get(d.file);
    if (!repeated) filters.set(d.file, (repeated = repeatFilter(sameProblem)));
    if (!repeated(d)) out.push(d);
  }
  return out.sort(compareDiagnostics);
}

const restating = new WeakMap<readonly Rule<any>[], ReadonlyMap<string, string>>();

/** Which schema message each rule restates, by rule id; once per rule list (not per payload). */
function restatesOf(rules: readonly Rule<any>[]): ReadonlyMap<string, string> {
  let found = restating.get(rules);
  if (!found) restating.set(rules, (found = new Map(rules.flatMap((r) => (r.meta.restates ? [[r.id, r.meta.restates] as const] : [])))));
  return found;
}

/** Schema and rule diagnostics of one payload. */
function checkPayload(file: string, p: PayloadUnit, context: TaskContext, options: CheckOptions): Diagnostic[] {
  countWork('payloads');
  const schema = schemaDiagnostics(p);
  if (options.rules === false) return schema;
  const { sourceMap } = p;
  const ruled = runRules({
    file,
    payload: p.payload,
    context,
    // The request as a whole maps to the fallback, so rules about it have a place to point.
    sourceMap: {
      get: (pointer, part) => sourceMap.get(pointer, part) ?? (pointer === '' ? p.fallback : undefined),
      edits: sourceMap.edits && ((f) => sourceMap.edits!(f)),
      getSpan: sourceMap.getSpan && ((q, s, e) => sourceMap.getSpan!(q, s, e)),
    } satisfies SourceMap,
    rules: options.rules,
    settings: options.ruleSettings,
    dialect: p.dialect,
  });
  // A rule that restates a schema limit (one filter rule, filter length) has more to say and a fix: its diagnostic replaces the schema's.
  const restates = restatesOf(options.rules);
  if (restates.size === 0 || schema.length === 0) return [...schema, ...ruled];
  const at = (d: Diagnostic) => `${d.file}\0${d.range.start.offset}\0${d.range.end.offset}`;
  const restated = new Set(ruled.filter((d) => restates.has(d.ruleId)).map((d) => `${at(d)}\0${restates.get(d.ruleId)}`));
  return [...schema.filter((d) => !restated.has(`${at(d)}\0${d.messageId}`)), ...ruled];
}
