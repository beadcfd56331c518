/**
 * The rule engine: runs rules on a payload and its context, and turns their pointer-level
 * reports into diagnostics in the user's files through the front end's source map.
 */
import type { TaskContext } from '../core/context.js';
import type { Diagnostic, Fix, RelatedInformation, Severity } from '../core/diagnostic.js';
import type { Payload } from '../core/payload.js';
import type { SourceLocation } from '../core/range.js';
import { START_OF_FILE } from '../core/range.js';
import { locate, type SourceMap, type SourcePart } from '../core/source-map.js';
import { parentPointer } from '../core/json-pointer.js';
import { fillMessage, type RelatedReport, type Rule, type RuleReport } from './create-rule.js';
import { INVALID_RULE_OPTIONS, ruleOptionsProblem } from './options.js';
import { wordsFor, type Dialect } from './words.js';
import { runWithinTime } from '../core/watchdog.js';
import { countWork } from '../core/work.js';

/**
 * A rule's configured level: `off` disables it, a severity replaces its own, and
 * `[severity, options]` also gives it options (checked against its `meta.schema`).
 */
export type RuleSetting = 'off' | Severity | readonly [Severity, unknown];

/** The severity a setting gives (undefined: the rule's own), or `off`. */
export function settingLevel(setting: RuleSetting | undefined): Severity | 'off' | undefined {
  return Array.isArray(setting) ? setting[0] : (setting as Severity | 'off' | undefined);
}

/** Input of {@link runRules}. */
export interface RunRulesInput {
  /** The file being checked: where a report lands when nothing maps. */
  readonly file: string;
  /** The payload; it may not have passed the schema. */
  readonly payload: unknown;
  readonly context: TaskContext;
  readonly sourceMap: SourceMap;
  /** The rules to run: the caller or its configuration supplies them (`builtinRules` for the built-in ones). */
  readonly rules: readonly Rule<any>[];
  /** Levels, and options, by rule id. */
  readonly settings?: Readonly<Record<string, RuleSetting>>;
  /** Options by rule id (merged over each rule's `defaultOptions`); options in `settings` win. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** The language of `file`, which messages speak: `dsi` (default) for intents, `request` for JSON/YAML request files. */
  readonly dialect?: Dialect;
  /** How long (ms) a rule that is not dsi's own may run on the payload before it is stopped and reported; default 2000. */
  readonly timeBudgetMs?: number;
}

/** What one rule reported on one payload, before anything is placed in a file. */
export interface RuleOutcome {
  /** Reports, each with its effective severity and filled-in message. */
  readonly reports: readonly (RuleReport & { readonly severity: Severity; readonly message: string })[];
  /** Set when the rule threw (its reports are then dropped). */
  readonly failure?: string;
  /** True when the rule did not run because some of `meta.needs` is unknown. */
  readonly skipped?: boolean;
}

/** Runs one rule (needs, options, messages, failures) without placing its reports: the shared core of the engine and the RuleTester. */
export function applyRule(rule: Rule<any>, payload: unknown, context: TaskContext, options?: unknown, dialect: Dialect = 'dsi'): RuleOutcome {
  countWork('ruleCalls');
  const needs = rule.meta.needs;
  // A plugin's `needs` that is not a list is its bug: reported as the rule failing, not read as letters.
  if (needs !== undefined) {
    if (!Array.isArray(needs)) return { reports: [], failure: '`meta.needs` must be a list of task context keys' };
    for (const key of needs as readonly (keyof TaskContext)[]) if (context[key] === undefined) return { reports: [], skipped: true };
  }
  const reports: Array<RuleReport & { severity: Severity; message: string }> = [];
  try {
    rule.check({
      payload: payload as Readonly<Payload>,
      context,
      options: mergeOptions(rule.meta.defaultOptions, options),
      words: wordsFor(dialect),
      report(r) {
        const template = Object.hasOwn(rule.meta.messages, r.messageId) ? rule.meta.messages[r.messageId] : undefined;
        if (template === undefined) throw new Error(`unknown messageId \`${r.messageId}\``);
        reports.push(Object.assign({}, r, { severity: r.severity ?? rule.meta.severity, message: fillMessage(template, r.data) }));
      },
    });
  } catch (e) {
    return { reports: [], failure: e instanceof Error ? e.message : String(e) };
  }
  return { reports };
}

/** The message id of the diagnostic that stands for a rule that threw: an internal error. */
export const RULE_FAILED = 'rule-failed';

/** Pointers of the task context, which front ends map to the `task { }` block. */
const CONTEXT_POINTER = '/@context/';

/**
 * Runs the rules and returns their diagnostics (unsorted). Never throws because of a rule: a rule
 * that throws, or whose configured options break its `meta.schema`, becomes a diagnostic naming it.
 */
export function runRules(input: RunRulesInput): Diagnostic[] {
  // One frozen copy for all rules when any is not ours (a plugin's): a rule that writes to the
  // payload must not change what is emitted or what the next rule sees. Our own rules are tested
  // not to, and the copy is a tenth of the time of a run.
  const rules: readonly Rule<any>[] = Array.isArray(input.rules) ? input.rules : [];
  const { guarded, runnable, problems, trustedFlags } = planOf(rules, input.settings, input.options);
  const payload = guarded ? frozenCopy(input.payload) : input.payload;
  const context = (guarded ? frozenCopy(input.context) : input.context) as TaskContext;
  // A configuration error, not the input's: the rule does not run, and nothing can excuse it.
  const out: Diagnostic[] = problems.map((problem) => ({ file: input.file, range: START_OF_FILE, severity: 'error', ruleId: INVALID_RULE_OPTIONS, message: `${problem}; the rule did not run` }));
  // Only dsi's own rules (the usual case): each runs directly, without a closure to budget it.
  const outcomes = guarded
    ? runWithinBudget(
        runnable.map((r) => () => applyRule(r.rule, payload, context, r.options, input.dialect)),
        trustedFlags,
        input.timeBudgetMs ?? RULE_TIME_BUDGET_MS,
      )
    : runnable.map((r) => applyRule(r.rule, payload, context, r.options, input.dialect));
  runnable.forEach(({ rule, level }, i) => {
    const outcome = outcomes[i];
    if (outcome.failure !== undefined) {
      out.push({
        file: input.file,
        range: START_OF_FILE,
        severity: 'error',
        ruleId: rule.id,
        messageId: RULE_FAILED,
        message: `rule ${rule.id} failed: ${outcome.failure}`,
      });
      return;
    }
    for (const r of outcome.reports) out.push(place(input, rule.id, r, level ?? r.severity));
  });
  return out;
}

/** How long a rule may run on one payload before it is stopped and reported as failed. */
export const RULE_TIME_BUDGET_MS = 2000;

/** Which rules run, with which options and level, worked out once per rule list and configuration (not per payload). */
interface RulePlan {
  /** Some rule is not ours: the payload is copied and frozen for the rules. */
  readonly guarded: boolean;
  readonly runnable: readonly { readonly rule: Rule<any>; readonly options: unknown; readonly level: Severity | undefined }[];
  readonly trustedFlags: readonly boolean[];
  /** What is wrong with the options configured for rules that therefore do not run, in rule order. */
  readonly problems: readonly string[];
}

const NO_SETTINGS = {};
const plans = new WeakMap<readonly Rule<any>[], WeakMap<object, WeakMap<object, RulePlan>>>();

function planOf(rules: readonly Rule<any>[], settings: RunRulesInput['settings'], options: RunRulesInput['options']): RulePlan {
  // Only objects can be remembered by; anything else a caller passes is planned each time.
  const keyable = (v: unknown) => v === undefined || (typeof v === 'object' && v !== null);
  if (!keyable(settings) || !keyable(options)) return makePlan(rules, settings, options);
  let bySettings = plans.get(rules);
  if (!bySettings) plans.set(rules, (bySettings = new WeakMap()));
  let byOptions = bySettings.get(settings ?? NO_SETTINGS);
  if (!byOptions) bySettings.set(settings ?? NO_SETTINGS, (byOptions = new WeakMap()));
  let plan = byOptions.get(options ?? NO_SETTINGS);
  if (!plan) byOptions.set(options ?? NO_SETTINGS, (plan = makePlan(rules, settings, options)));
  return plan;
}

function makePlan(rules: readonly Rule<any>[], settings: RunRulesInput['settings'], given: RunRulesInput['options']): RulePlan {
  const runnable: { rule: Rule<any>; options: unknown; level: Severity | undefined }[] = [];
  const problems: string[] = [];
  for (const rule of rules) {
    const setting = settings?.[rule.id];
    const level = settingLevel(setting);
    if (level === 'off') continue;
    const options = Array.isArray(setting) ? setting[1] : given?.[rule.id];
    const problem = ruleOptionsProblem(rule, options);
    if (problem !== undefined) problems.push(problem);
    else runnable.push({ rule, options, level });
  }
  return { guarded: rules.some((r) => !trusted.has(r)), runnable, trustedFlags: runnable.map((r) => trusted.has(r.rule)), problems };
}

/**
 * Runs the rule calls in order: trusted ones directly, the others each within `budgetMs`. A call
 * that runs past its budget is stopped and becomes a failure; the rest still run.
 */
export function runWithinBudget(calls: readonly (() => RuleOutcome)[], trusted: readonly boolean[], budgetMs: number = RULE_TIME_BUDGET_MS): RuleOutcome[] {
  return calls.map((call, i) => {
    if (trusted[i]) return call();
    let outcome: RuleOutcome | undefined;
    const finished = runWithinTime(() => {
      outcome = call();
    }, budgetMs);
    if (!finished) return { reports: [], failure: `it ran for more than ${budgetMs} ms on this payload and was stopped` };
    return outcome!;
  });
}

/** Turns one report into a diagnostic at the latest of its places, the others as related locations. */
function place(input: RunRulesInput, ruleId: string, r: RuleReport & { message: string }, severity: Severity): Diagnostic {
  // A pointer that maps only to the document root (or nowhere) is a weak place: any related place beats it.
  const exact = (r.span && input.sourceMap.getSpan?.(r.pointer, r.span.start, r.span.end)) || locateRelated(input.sourceMap, r.pointer, r.part);
  const primary = exact ?? locate(input.sourceMap, r.pointer, r.part) ?? { file: input.file, range: START_OF_FILE };
  const related: RelatedInformation[] = [];
  // Task context (`/@context/…`) only ever explains a problem; the diagnostic stays on the setting to change.
  const contextual = new Set<RelatedInformation>();
  // A place in another file (a policy clause) only ever explains: the diagnostic never moves there.
  const explaining = new Set<RelatedInformation>();
  for (const rel of r.related ?? []) {
    const loc = relatedLocation(input.sourceMap, rel);
    if (loc && !related.some((x) => sameLocation(x, loc)) && !sameLocation(loc, primary)) {
      const info: RelatedInformation = Object.assign({}, loc, { message: rel.message });
      related.push(info);
      if ('location' in rel) explaining.add(info);
      else if (rel.pointer.startsWith(CONTEXT_POINTER)) contextual.add(info);
    }
  }
  let at: SourceLocation = primary;
  let others = related;
  const latest = related.filter((x) => !explaining.has(x) && (!contextual.has(x) || !exact)).reduce<RelatedInformation | undefined>(
    (best, x) => (!best && !exact) || compareSourceOrder(x, best ?? primary, input.file) > 0 ? x : best,
    undefined,
  );
  if (latest) {
    at = latest;
    const moved: RelatedInformation[] = exact ? [Object.assign({}, primary, { message: r.label ?? 'the other end of this problem' })] : [];
    others = [...moved, ...related.filter((x) => x !== latest)];
  }
  const fix = renderFix(input.sourceMap, r);
  // Built member by member, not by spreads: the builds lower spreads for Node 20 into calls that
  // cost more than the rest of placing a report. The members' order stays the one diagnostics print in.
  const diagnostic: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { file: at.file, range: at.range, severity, ruleId, message: r.message, messageId: r.messageId };
  if (others.length > 0) diagnostic.related = others;
  if (fix) diagnostic.fix = fix;
  diagnostic.pointer = r.pointer;
  return diagnostic;
}

function relatedLocation(map: SourceMap, rel: RelatedReport): SourceLocation | undefined {
  if ('location' in rel) return { file: rel.location.file, range: rel.location.range };
  return locateRelated(map, rel.pointer, rel.part);
}

/** Like `locate`, but never falls back to the document root: a related location there says nothing. */
function locateRelated(map: SourceMap, pointer: string, part: SourcePart = 'value'): SourceLocation | undefined {
  for (let p = pointer; p !== ''; p = parentPointer(p)) {
    const hit = map.get(p, p === pointer ? part : 'key');
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Positive when `a` comes after `b` in source order. The checked file counts as later than
 * any other (the files it imports or extends come before it); otherwise file names, then offsets.
 */
export function compareSourceOrder(a: SourceLocation, b: SourceLocation, checkedFile: string): number {
  if (a.file !== b.file) {
    if (a.file === checkedFile) return 1;
    if (b.file === checkedFile) return -1;
    return a.file < b.file ? -1 : 1;
  }
  return a.range.start.offset - b.range.start.offset;
}

function sameLocation(a: SourceLocation, b: SourceLocation): boolean {
  return a.file === b.file && a.range.start.offset === b.range.start.offset && a.range.end.offset === b.range.end.offset;
}

function renderFix(map: SourceMap, r: RuleReport): Fix | undefined {
  if (!r.fix || !map.edits) return undefined;
  try {
    const edits = map.edits(r.fix);
    return edits && edits.length > 0 ? { description: r.fix.description, edits } : undefined;
  } catch {
    // A front end that cannot render a fix offers none; the diagnostic stands on its own.
    return undefined;
  }
}

function mergeOptions(defaults: unknown, given: unknown): any {
  if (given === undefined) return defaults;
  if (isPlainObject(defaults) && isPlainObject(given)) return { ...defaults, ...given };
  return given;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const trusted = new WeakSet<Rule<any>>();

/**
 * Marks rules as the project's own (built-in and policy rules): they run on the payload itself,
 * without the frozen copy that guards it from other rules, and without the watchdog that stops a
 * looping plugin rule (a tenth of a millisecond per call: a second per 10,000 intents).
 * @internal
 */
export function trustRules(rules: readonly Rule<any>[]): void {
  for (const r of rules) trusted.add(r);
}

function frozenCopy(value: unknown): unknown {
  let copy: unknown;
  try {
    copy = structuredClone(value);
  } catch {
    return value;
  }
  return deepFreeze(copy);
}

function deepFreeze(value: unknown): unknown {
  // A typed array cannot be frozen; no JSON value holds one, but a library caller's payload might.
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
