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
 * @packageDocumentation
 */
import type { TaskContext } from './core/context.js';
import type { Severity } from './core/diagnostic.js';
import type { PayloadFix } from './core/source-map.js';
import type { Rule } from './rules/create-rule.js';
import { applyRule } from './rules/engine.js';
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
  /** The filled-in message, or a part of it that must occur in it. */
  readonly message?: string;
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

/** A case's title: its name, else its number and its payload without the TaskArn (which every case has), and a request file's dialect. */
function caseName(c: ValidCase, index: number): string {
  if (c.name !== undefined) return c.name;
  const { TaskArn: _, ...rest } = c.payload !== null && typeof c.payload === 'object' && !Array.isArray(c.payload) ? (c.payload as Record<string, unknown>) : { payload: c.payload };
  const json = JSON.stringify(rest) ?? 'undefined';
  return `#${index + 1} ${json.length > 100 ? json.slice(0, 99) + '…' : json}${c.dialect === 'request' ? ' (request file)' : ''}`;
}

/** Undefined when the case passes; else what went wrong. */
function checkCase(rule: Rule<any>, c: ValidCase, expected: readonly ExpectedReport[]): string | undefined {
  const badOptions = ruleOptionsProblem(rule, c.options);
  if (badOptions !== undefined) return badOptions;
  const outcome = applyRule(rule, c.payload, c.context ?? {}, c.options, c.dialect);
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
        (e.message === undefined || a.message.includes(e.message)) &&
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

/** JSON with object keys sorted, so that key order does not matter in comparisons. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
