/**
 * Linting one input file (`.dsi` intent or JSON/YAML request file) → every problem, in the
 * user's files. Either front end makes a unit of the file; the one check stage judges it. The
 * intent front end is passed in, so that a run that never meets a `.dsi` file never loads it
 * (src/project/front-ends.ts); the public `lint()` (lint.ts) passes it statically.
 */
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import { DiagnosticIds } from '../core/diagnostic.js';
import { START_OF_FILE } from '../core/range.js';
import type { SourceUnit } from '../core/unit.js';
import { RULE_FAILED, settingLevel } from '../rules/engine.js';
import type { Rule } from '../rules/create-rule.js';
import { builtinRules } from '../rules/index.js';
import { allDiagnostics, checkUnit, dedupe } from '../check/index.js';
import { unusedSuppressions, type RuleState, type SuppressionUse } from '../check/suppressions.js';
import type { buildIntents } from '../compiler/index.js';
import { requestFormatOf, requestUnit } from '../requests/index.js';
import { isIntentFile } from './front-ends.js';
import { checkOptionsOf, type ProjectOptions } from './options.js';
import { givenOptions, givenText } from '../core/given.js';
import { measureWork, type WorkStats } from '../core/work.js';

/** Options of {@link lint}. */
export interface LintOptions extends ProjectOptions {
  /** The rules to run; defaults to the built-in rules. */
  readonly rules?: readonly Rule<any>[];
  /**
   * Whether to report `dsi-ignore` comments that excuse nothing (default true). A caller that
   * lints several files turns this off and calls {@link reportUnusedSuppressions} once for all.
   */
  readonly reportUnusedSuppressions?: boolean;
  /** Count the work done and time each stage, into {@link LintResult.stats} (as `dsi lint --stats` does). */
  readonly stats?: boolean;
}

/** The result of {@link lint}. */
export interface LintResult {
  /** Every problem, sorted; some may be in files the input imports. */
  readonly diagnostics: readonly Diagnostic[];
  /** The text of every file read, by name. */
  readonly sources: ReadonlyMap<string, string>;
  /** The task ARNs the input starts (for resolving context from AWS). */
  readonly taskArns: readonly string[];
  /** How many payloads were checked (intents compiled, or 1 for a request file). */
  readonly checked: number;
  /** The `dsi-ignore` comments met, and whether each excused something. */
  readonly suppressions: readonly SuppressionUse[];
  /** The problems waivers excused, each with its justification (for audit; not in force). */
  readonly suppressed: readonly Diagnostic[];
  /** The rules the policies in force became (`POLICY/n`): ids a waiver may name. */
  readonly policyRules: readonly Rule<any>[];
  /** With the `stats` option: the work done (tokens, rule calls, source-map look-ups…) and the time of each stage. */
  readonly stats?: WorkStats;
}

/** How unused waivers of one file are judged: the rules and settings in force there, and how to report. */
export interface WaiverJudging {
  readonly rules?: readonly Rule<any>[];
  readonly ruleSettings?: LintOptions['ruleSettings'];
  readonly severity?: Severity | 'off';
}

/** True when `file` is something `lint` reads: `.dsi` or a JSON/YAML request file. */
export function isLintable(file: string): boolean {
  return isIntentFile(file) || requestFormatOf(file) !== undefined;
}

/** A failure of dsi itself (a rule that threw, an unexpected exception), not of the input. */
export function isInternal(d: Diagnostic): boolean {
  return d.ruleId === DiagnosticIds.internal || d.messageId === RULE_FAILED;
}

/** What makes a unit of a `.dsi` file: the compiler's `buildIntents`, or undefined when it is not loaded. */
export type IntentBuilder = typeof buildIntents | undefined;

/** `lint()` with the intent front end given (see the module comment). */
export function lintWith(buildIntents: IntentBuilder, source: string, options?: LintOptions): LintResult {
  source = givenText(source);
  const given = givenOptions(options);
  const file = typeof given.filename === 'string' ? given.filename : /^[\s\uFEFF]*(?:intent|template|import|policy|#|\/\/|$)/.test(source) ? 'input.dsi' : 'input';
  options = given.filename === file ? (given as LintOptions) : Object.assign({}, given, { filename: file });
  if (options.stats === true) {
    const measured = measureWork(() => lintWith(buildIntents, source, { ...options, stats: false }));
    return { ...measured.value, stats: measured.stats };
  }
  let result: LintResult;
  try {
    if (isIntentFile(file) && !buildIntents) throw new Error('the intent front end is not loaded: prepare the project for this file first');
    result = lintUnit(isIntentFile(file) ? buildIntents!(source, options) : requestUnit(source, file), options);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      diagnostics: [{ file, range: START_OF_FILE, severity: 'error', ruleId: DiagnosticIds.internal, message: `internal error while linting: ${message}` }],
      sources: new Map([[file, source]]),
      taskArns: [],
      checked: 0,
      suppressions: [],
      suppressed: [],
      policyRules: [],
    };
  }
  // Without waivers there is nothing to judge (most files have none).
  if (options.reportUnusedSuppressions === false || result.suppressions.length === 0) return result;
  // Alone, a file can only judge its own comments, and only when it had something to check.
  const unused = reportUnusedSuppressions([result], (f) => f === file && result.checked > 0, options);
  return unused.length ? { ...result, diagnostics: dedupe([...result.diagnostics, ...unused]) } : result;
}

/**
 * Warnings for the `dsi-ignore` comments of several lint results that excused nothing in any of
 * them (and for unknown rule ids). `judged(file)` says where "nothing" can be told.
 */
export function reportUnusedSuppressions(
  results: readonly LintResult[],
  judged: (file: string) => boolean,
  options: WaiverJudging & { readonly judgingOf?: (file: string) => WaiverJudging } = {},
): Diagnostic[] {
  const policyRules = results.flatMap((r) => r.policyRules);
  const judgingOf = (file: string): WaiverJudging => options.judgingOf?.(file) ?? options;
  // The rules by id, once per file (not once per waiver: a file may hold thousands).
  const rulesByFile = new Map<string, ReadonlyMap<string, Rule<any>>>();
  const rulesOf = (file: string): ReadonlyMap<string, Rule<any>> => {
    const known = rulesByFile.get(file);
    if (known) return known;
    const rules = new Map<string, Rule<any>>();
    for (const r of [...(judgingOf(file).rules ?? builtinRules), ...policyRules]) if (!rules.has(r.id)) rules.set(r.id, r);
    rulesByFile.set(file, rules);
    return rules;
  };
  const state = (id: string, file: string): RuleState => {
    const rule = rulesOf(file).get(id);
    if (!rule) return id === DiagnosticIds.schema ? 'ran' : 'unknown';
    // A rule that is off, or needs task context, may simply not have run: its comment cannot be judged.
    return settingLevel(judgingOf(file).ruleSettings?.[id]) === 'off' || (rule.meta.needs?.length ?? 0) > 0 ? 'idle' : 'ran';
  };
  const found = unusedSuppressions(
    results.flatMap((r) => r.suppressions),
    { judged, state, knownIds: (file) => [...rulesOf(file).keys()] },
  );
  return found.flatMap((d) => {
    const severity = judgingOf(d.file).severity;
    return severity === 'off' ? [] : severity ? [{ ...d, severity }] : [d];
  });
}

function lintUnit(unit: SourceUnit, options: LintOptions): LintResult {
  const checked = checkUnit(unit, checkOptionsOf(options));
  const taskArns = unit.payloads.map((p) => (p.payload as { TaskArn?: unknown }).TaskArn).filter((a): a is string => typeof a === 'string');
  return {
    diagnostics: allDiagnostics(checked),
    sources: unit.sources,
    taskArns,
    checked: unit.payloads.length,
    suppressions: checked.suppressions,
    suppressed: dedupe(checked.suppressed),
    policyRules: checked.policyRules,
  };
}
