/**
 * Testing rules and policies, for rule and plugin authors: payload-level cases in the shape of
 * ESLint's RuleTester. `testRule` returns the mismatches (empty when every case passes);
 * `RuleTester` turns each case into a test of your framework:
 *
 * ```ts
 * import { describe, it } from 'vitest';
 * import { RuleTester } from 'datasync-intent/testing';
 * new RuleTester({ describe, it }).run(myRule, {
 *   valid: [{ payload: { TaskArn: '…' } }],
 *   invalid: [{ payload: { … }, context: { mode: 'ENHANCED' }, errors: [{ messageId: 'enhanced', pointer: '/OverrideOptions/VerifyMode' }] }],
 * });
 * ```
 *
 * Policies are tested the same way, from their source text, with intents and request files:
 *
 * ```ts
 * new RuleTester({ describe, it }).runPolicy(readFileSync('policies/prod.dsi', 'utf8'), {
 *   valid: [{ code: 'intent ok { task "arn:…" verify only-files-transferred tag env = "prod" }' }],
 *   invalid: [{ code: '…', errors: [{ ruleId: 'prod-guardrails/1', line: 3, column: 10, message: '`verify none`: …' }] }],
 * });
 * ```
 *
 * @packageDocumentation
 */
import type { TaskContext } from './core/context.js';
import type { Diagnostic, Severity } from './core/diagnostic.js';
import type { PolicyDeclaration } from './core/policy.js';
import { loadPolicyFile } from './compiler/index.js';
import { policyRules } from './policy/index.js';
import { lint } from './project/lint.js';
import type { PayloadFix } from './core/source-map.js';
import type { Rule } from './rules/create-rule.js';
import { applyRule, runWithinBudget } from './rules/engine.js';
import { ruleOptionsProblem } from './rules/options.js';
import type { Dialect } from './rules/words.js';

/** A payload the rule must not report on. */
export interface ValidCase {
  /** Test title; defaults to the payload as JSON. */
  readonly name?: string;
  readonly payload: unknown;
  readonly context?: TaskContext;
  /** The rule's options for this case; they must pass the rule's `meta.schema`. */
  readonly options?: unknown;
  /** The language of the checked file, which messages speak: `dsi` (default) or `request` (a JSON/YAML request file). */
  readonly dialect?: Dialect;
}

/** One report a case expects. Members left out are not compared. */
export interface ExpectedReport {
  readonly messageId: string;
  readonly pointer: string;
  /** The report's effective severity (its own, else the rule's). */
  readonly severity?: Severity;
  /** The filled-in message, exactly. */
  readonly message?: string;
  /** A part that must occur in the filled-in message. */
  readonly messageIncludes?: string;
  /** Its related places in order: pointers, and `file:line:column` for a place given as a location. */
  readonly related?: readonly string[];
  /** The payload fix it offers; `null` for none. */
  readonly fix?: PayloadFix | null;
}

/** A payload the rule must report on, exactly as listed (in any order). */
export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedReport[];
}

export interface RuleTestCases {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

/** One case that did not go as expected. */
export interface RuleTestFailure {
  readonly kind: 'valid' | 'invalid';
  readonly index: number;
  readonly name: string;
  /** Why, with what the rule reported. */
  readonly message: string;
}

/** Runs every case and returns the failures; an empty array means the rule behaves as the cases say. */
export function testRule(rule: Rule<any>, cases: RuleTestCases): RuleTestFailure[] {
  const failures: RuleTestFailure[] = [];
  cases.valid.forEach((c, index) => {
    const problem = checkCase(rule, c, []);
    if (problem) failures.push({ kind: 'valid', index, name: caseName(c, index), message: problem });
  });
  cases.invalid.forEach((c, index) => {
    const problem = checkCase(rule, c, c.errors);
    if (problem) failures.push({ kind: 'invalid', index, name: caseName(c, index), message: problem });
  });
  return failures;
}

/** The test functions a framework provides (vitest's, jest's, mocha's, node:test's). */
export interface TestFunctions {
  describe(name: string, body: () => void): unknown;
  it(name: string, body: () => void): unknown;
}

/** Runs rule cases as tests of the framework whose `describe` and `it` it is given. */
export class RuleTester {
  constructor(private readonly fns: TestFunctions) {}

  /** Declares one `describe` block for the policies of `source` with one `it` per case (see {@link testPolicy}). */
  runPolicy(source: string, cases: PolicyTestCases, options: { readonly filename?: string; readonly name?: string } = {}): void {
    const loaded = loadPolicies(source, options.filename);
    const title = options.name ?? (loaded.policies.map((p) => p.name).join(', ') || 'policy');
    this.fns.describe(title, () => {
      for (const [kind, list] of [['valid', cases.valid], ['invalid', cases.invalid]] as const) {
        this.fns.describe(kind, () => {
          list.forEach((c, index) => {
            this.fns.it(policyCaseName(c, index), () => {
              const problem = checkPolicyCase(loaded, c, kind === 'invalid' ? (c as PolicyInvalidCase).errors : undefined);
              if (problem) throw new Error(problem);
            });
          });
        });
      }
    });
  }

  /** Declares one `describe` block for the rule with one `it` per case. */
  run(rule: Rule<any>, cases: RuleTestCases): void {
    this.fns.describe(rule.id, () => {
      this.fns.describe('valid', () => {
        cases.valid.forEach((c, index) => {
          this.fns.it(caseName(c, index), () => {
            const problem = checkCase(rule, c, []);
            if (problem) throw new Error(problem);
          });
        });
      });
      this.fns.describe('invalid', () => {
        cases.invalid.forEach((c, index) => {
          this.fns.it(caseName(c, index), () => {
            const problem = checkCase(rule, c, c.errors);
            if (problem) throw new Error(problem);
          });
        });
      });
    });
  }
}

/** An intent file or request file a policy must not report on. */
export interface PolicyValidCase {
  /** Test title; defaults to the first line of the code. */
  readonly name?: string;
  /** The text of a `.dsi` file (intents and templates, no imports) or of a JSON/YAML request file. */
  readonly code: string;
  /** Its name, which says what it is: `intent.dsi` (default), or `request.json`, `request.yaml`. */
  readonly filename?: string;
  /** Task context for every payload of the case (what configuration or AWS would know). */
  readonly context?: TaskContext;
}

/** One problem a policy case expects. Members left out are not compared. */
export interface ExpectedPolicyReport {
  /** The assertion's rule id: `POLICY/n` or `POLICY/NAME`. */
  readonly ruleId: string;
  /** Where it starts and ends, 1-based, in the case's code. */
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** The message, exactly. */
  readonly message?: string;
  /** A part that must occur in the message. */
  readonly messageIncludes?: string;
  readonly severity?: Severity;
}

/** A case the policies must report on, exactly as listed (in any order). */
export interface PolicyInvalidCase extends PolicyValidCase {
  readonly errors: readonly ExpectedPolicyReport[];
}

export interface PolicyTestCases {
  readonly valid: readonly PolicyValidCase[];
  readonly invalid: readonly PolicyInvalidCase[];
}

/**
 * Runs policy cases against the policies of `source` (the text of a `.dsi` file of `policy`
 * blocks, without imports) and returns the failures; empty when every case passes. Only the
 * policies' own rules are compared: the schema and the built-in rules do not run.
 */
export function testPolicy(source: string, cases: PolicyTestCases, options: { readonly filename?: string } = {}): PolicyTestFailure[] {
  const loaded = loadPolicies(source, options.filename);
  const failures: PolicyTestFailure[] = [];
  cases.valid.forEach((c, index) => {
    const problem = checkPolicyCase(loaded, c, undefined);
    if (problem) failures.push({ kind: 'valid', index, name: policyCaseName(c, index), message: problem });
  });
  cases.invalid.forEach((c, index) => {
    const problem = checkPolicyCase(loaded, c, c.errors);
    if (problem) failures.push({ kind: 'invalid', index, name: policyCaseName(c, index), message: problem });
  });
  return failures;
}

/** One policy case that did not go as expected. */
export type PolicyTestFailure = RuleTestFailure;

interface LoadedForTest {
  readonly policies: readonly PolicyDeclaration[];
  readonly ids: ReadonlySet<string>;
  /** Why the policy source itself cannot be tested. */
  readonly problem?: string;
}

function loadPolicies(source: string, filename = 'policy.dsi'): LoadedForTest {
  const noImports = (path: string): string => {
    throw new Error(`a policy under test cannot import (${path}); put what it needs in its source`);
  };
  const loaded = loadPolicyFile(source, { filename, readFile: noImports });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { policies: [], ids: new Set(), problem: `the policy source has errors:\n${errors.map((d) => `  ${place(d)} ${d.message}`).join('\n')}` };
  if (loaded.policies.length === 0) return { policies: [], ids: new Set(), problem: 'the policy source declares no `policy` block' };
  return { policies: loaded.policies, ids: new Set(policyRules(loaded.policies).rules.map((r) => r.id)) };
}

function place(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.column}`;
}

const POLICY_CASE_KEYS = ['name', 'code', 'filename', 'context', 'errors'];
const POLICY_REPORT_KEYS = ['ruleId', 'line', 'column', 'endLine', 'endColumn', 'message', 'messageIncludes', 'severity'];

function checkPolicyCase(loaded: LoadedForTest, c: PolicyValidCase, expected: readonly ExpectedPolicyReport[] | undefined): string | undefined {
  const unknown = unknownKeys(c, expected ? POLICY_CASE_KEYS : POLICY_CASE_KEYS.filter((k) => k !== 'errors'), expected ? 'an invalid case' : 'a valid case') ?? (expected ?? []).map((e) => unknownKeys(e, POLICY_REPORT_KEYS, 'an expected report')).find((m) => m !== undefined);
  if (unknown) return unknown;
  if (loaded.problem) return loaded.problem;
  const filename = c.filename ?? 'intent.dsi';
  const result = lint(c.code, {
    filename,
    readFile: (path) => {
      throw new Error(`a case cannot import (${path})`);
    },
    rules: [],
    policies: loaded.policies,
    ...(c.context ? { context: () => c.context } : {}),
    reportUnusedSuppressions: false,
  });
  const own = result.diagnostics.filter((d) => d.file === filename);
  // A case that does not compile tests nothing: its problems are the test's.
  const broken = own.filter((d) => d.severity === 'error' && !loaded.ids.has(d.ruleId) && d.ruleId !== 'schema');
  if (broken.length > 0) return `the case's code has errors:\n${broken.map((d) => `  ${place(d)} ${d.message} (${d.ruleId})`).join('\n')}`;
  const actual = own
    .filter((d) => loaded.ids.has(d.ruleId))
    .map((d) => ({
      ruleId: d.ruleId,
      line: d.range.start.line,
      column: d.range.start.column,
      endLine: d.range.end.line,
      endColumn: d.range.end.column,
      severity: d.severity,
      message: d.message,
    }));
  const left = [...actual];
  const missing: ExpectedPolicyReport[] = [];
  for (const e of expected ?? []) {
    const i = left.findIndex(
      (a) =>
        a.ruleId === e.ruleId &&
        (e.line === undefined || a.line === e.line) &&
        (e.column === undefined || a.column === e.column) &&
        (e.endLine === undefined || a.endLine === e.endLine) &&
        (e.endColumn === undefined || a.endColumn === e.endColumn) &&
        (e.severity === undefined || a.severity === e.severity) &&
        (e.message === undefined || a.message === e.message) &&
        (e.messageIncludes === undefined || a.message.includes(e.messageIncludes)),
    );
    if (i < 0) missing.push(e);
    else left.splice(i, 1);
  }
  if (missing.length === 0 && left.length === 0) return undefined;
  const show = (x: unknown) => JSON.stringify(x, null, 2);
  return [
    `policies ${loaded.policies.map((p) => p.name).join(', ')}: reports differ from the expected ones`,
    ...(missing.length > 0 ? [`expected but not reported: ${show(missing)}`] : []),
    ...(left.length > 0 ? [`reported but not expected: ${show(left)}`] : []),
  ].join('\n');
}

function policyCaseName(c: PolicyValidCase, index: number): string {
  if (c.name !== undefined) return c.name;
  const first = c.code.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return `#${index + 1} ${first.length > 80 ? first.slice(0, 79) + '…' : first}${c.filename ? ` (${c.filename})` : ''}`;
}

/** A case's title: its name, else its number and its payload without the TaskArn (which every case has), and a request file's dialect. */
function caseName(c: ValidCase, index: number): string {
  if (c.name !== undefined) return c.name;
  const { TaskArn: _, ...rest } = c.payload !== null && typeof c.payload === 'object' && !Array.isArray(c.payload) ? (c.payload as Record<string, unknown>) : { payload: c.payload };
  const json = JSON.stringify(rest) ?? 'undefined';
  return `#${index + 1} ${json.length > 100 ? json.slice(0, 99) + '…' : json}${c.dialect === 'request' ? ' (request file)' : ''}`;
}

/** Undefined when the case passes; else what went wrong. */
function checkCase(rule: Rule<any>, c: ValidCase, expected: readonly ExpectedReport[]): string | undefined {
  const unknown = unknownKeys(c, CASE_KEYS, 'a case') ?? expected.map((e) => unknownKeys(e, REPORT_KEYS, 'an expected report')).find((m) => m !== undefined);
  if (unknown) return unknown;
  const badOptions = ruleOptionsProblem(rule, c.options);
  if (badOptions !== undefined) return badOptions;
  // A rule under test that loops is stopped and reported as failed, as the engine does.
  const [outcome] = runWithinBudget([() => applyRule(rule, c.payload, c.context ?? {}, c.options, c.dialect)], [false]);
  if (outcome.failure !== undefined) return `rule ${rule.id} threw: ${outcome.failure}`;
  const actual = outcome.reports.map((r) => ({
    messageId: r.messageId,
    pointer: r.pointer,
    severity: r.severity,
    message: r.message,
    related: (r.related ?? []).map((x) => ('location' in x ? `${x.location.file}:${x.location.range.start.line}:${x.location.range.start.column}` : x.pointer)),
    fix: r.fix ?? null,
  }));
  const unfilled = actual.find((a) => /\{\{\s*[A-Za-z0-9_]+\s*\}\}/.test(a.message));
  if (unfilled) return `message ${unfilled.messageId} has an unfilled placeholder: ${unfilled.message}`;
  const left = [...actual];
  const missing: ExpectedReport[] = [];
  for (const e of expected) {
    const i = left.findIndex(
      (a) =>
        a.messageId === e.messageId &&
        a.pointer === e.pointer &&
        (e.severity === undefined || a.severity === e.severity) &&
        (e.message === undefined || a.message === e.message) &&
        (e.messageIncludes === undefined || a.message.includes(e.messageIncludes)) &&
        (e.related === undefined || JSON.stringify(a.related) === JSON.stringify(e.related)) &&
        (e.fix === undefined || canonical(a.fix) === canonical(e.fix)),
    );
    if (i < 0) missing.push(e);
    else left.splice(i, 1);
  }
  if (missing.length === 0 && left.length === 0) return undefined;
  const show = (x: unknown) => JSON.stringify(x, null, 2);
  const why = outcome.skipped ? ` (the rule was skipped: it needs ${rule.meta.needs?.join(', ')} in the context)` : '';
  return [
    `rule ${rule.id}: reports differ from the expected ones${why}`,
    ...(missing.length > 0 ? [`expected but not reported: ${show(missing)}`] : []),
    ...(left.length > 0 ? [`reported but not expected: ${show(left)}`] : []),
  ].join('\n');
}

const CASE_KEYS = ['name', 'payload', 'context', 'options', 'dialect', 'errors'];
const REPORT_KEYS = ['messageId', 'pointer', 'severity', 'message', 'messageIncludes', 'related', 'fix'];

/** As ESLint's tester: a key the tester does not know is a mistake in the test (a typo would silently test nothing). */
function unknownKeys(value: object, known: readonly string[], what: string): string | undefined {
  const extra = Object.keys(value).filter((k) => !known.includes(k));
  return extra.length > 0 ? `${what} has unknown key${extra.length === 1 ? '' : 's'} ${extra.map((k) => `\`${k}\``).join(', ')}; the keys are ${known.map((k) => `\`${k}\``).join(', ')}` : undefined;
}

/** JSON with object keys sorted, so that key order does not matter in comparisons. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
