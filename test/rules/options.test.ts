import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRule } from '../../src/rules/create-rule.js';
import { runRules } from '../../src/rules/engine.js';
import { INVALID_RULE_OPTIONS, ruleOptionsProblem } from '../../src/rules/options.js';
import { compile } from '../../src/project/compile.js';
import { lint } from '../../src/project/lint.js';
import { testRule } from '../../src/testing.js';
import { repoRoot } from '../helpers.js';
import { TASK_ARN, withOptions } from './helpers.js';

/** Reports a bandwidth over `max` bytes per second, a limit the configuration sets. */
const maxBandwidth = createRule<{ max: number }>({
  id: 'max-bandwidth',
  meta: {
    description: 'Bandwidth stays under a configured limit.',
    severity: 'warning',
    docs: { sources: [] },
    messages: { over: 'bandwidth {{value}} is over the limit of {{max}}' },
    schema: { type: 'object', properties: { max: { type: 'integer', minimum: 1 } }, required: ['max'], additionalProperties: false },
    defaultOptions: { max: 1000 },
  },
  check({ payload, options, report }) {
    const value = (payload.OverrideOptions as { BytesPerSecond?: number } | undefined)?.BytesPerSecond;
    if (typeof value === 'number' && value > options.max) report({ pointer: '/OverrideOptions/BytesPerSecond', messageId: 'over', data: { value, max: options.max } });
  },
});

const noOptions = createRule({
  id: 'no-options',
  meta: { description: 'd', severity: 'warning', docs: { sources: [] }, messages: { m: 'm' } },
  check: () => {},
});

const run = (settings: Parameters<typeof runRules>[0]['settings']) =>
  runRules({ file: 'r.json', payload: withOptions({ BytesPerSecond: 5000 }), context: {}, sourceMap: { get: () => undefined }, rules: [maxBandwidth], settings });

describe('rule options from configuration', () => {
  it('reach the rule through `[severity, options]`, over its defaults', () => {
    expect(run({}).map((d) => d.message)).toEqual(['bandwidth 5000 is over the limit of 1000']);
    expect(run({ 'max-bandwidth': ['error', { max: 10_000 }] })).toEqual([]);
    expect(run({ 'max-bandwidth': ['error', { max: 10 }] }).map((d) => [d.severity, d.message])).toEqual([['error', 'bandwidth 5000 is over the limit of 10']]);
  });

  it('that break the rule’s schema are one error naming the rule and what is wrong, and the rule does not run', () => {
    const out = run({ 'max-bandwidth': ['warning', { max: 'fast', extra: true }] });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ ruleId: INVALID_RULE_OPTIONS, severity: 'error', file: 'r.json' });
    expect(out[0].message).toBe(
      'rule `max-bandwidth` was given invalid options: options must NOT have additional properties, options/max must be integer; the rule did not run',
    );
    expect(ruleOptionsProblem(maxBandwidth, { max: 0 })).toBe('rule `max-bandwidth` was given invalid options: options/max must be >= 1');
    expect(ruleOptionsProblem(maxBandwidth, { max: 2 })).toBeUndefined();
    expect(ruleOptionsProblem(maxBandwidth, undefined)).toBeUndefined();
  });

  it('given to a rule without a schema are an error too', () => {
    expect(ruleOptionsProblem(noOptions, { any: 1 })).toBe('rule `no-options` takes no options, but was given {"any":1}');
  });

  it('pass through compile() and lint(); an invalid one blocks the payload and cannot be excused', () => {
    const text = `intent x {\n  task "${TASK_ARN}"\n  # dsi-ignore invalid-rule-options -- try\n  bandwidth 5 kB/s\n}\n`;
    const options = { filename: 'x.dsi', readFile: () => '', rules: [maxBandwidth] };
    const good = compile(text, { ...options, ruleSettings: { 'max-bandwidth': ['error', { max: 100 }] } });
    expect(good.diagnostics.map((d) => d.ruleId)).toEqual(['max-bandwidth']);
    const bad = compile(text, { ...options, ruleSettings: { 'max-bandwidth': ['error', { max: -1 }] } });
    expect(bad.diagnostics.map((d) => d.ruleId)).toContain(INVALID_RULE_OPTIONS);
    expect(bad.intents[0].payload).toBeUndefined();
    const json = lint(JSON.stringify(withOptions({ BytesPerSecond: 5000 })), { filename: 'r.json', rules: [maxBandwidth], ruleSettings: { 'max-bandwidth': ['warning', []] } });
    expect(json.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([[INVALID_RULE_OPTIONS, 'rule `max-bandwidth` was given invalid options: options must be object; the rule did not run']]);
  });

  it('are checked by the RuleTester too', () => {
    const [failure] = testRule(maxBandwidth, { valid: [{ payload: withOptions({}), options: { max: 'x' } }], invalid: [] });
    expect(failure.message).toBe('rule `max-bandwidth` was given invalid options: options/max must be integer');
  });

  it('load ajv only when some rule is given options (start-up stays cheap)', () => {
    const script = `
      const { createRequire } = require('node:module');
      const req = createRequire(${JSON.stringify(join(repoRoot, 'dist', 'index.js'))});
      import(${JSON.stringify(join(repoRoot, 'dist', 'index.js'))}).then(({ createRule, lint }) => {
        const ajvLoaded = () => Object.keys(req.cache).some((k) => k.endsWith(require('node:path').join('ajv', 'dist', 'ajv.js')));
        const request = JSON.stringify({ TaskArn: '${TASK_ARN}' });
        lint(request, { filename: 'r.json' });
        const before = ajvLoaded();
        const configurable = createRule({ id: 'configurable', meta: { description: 'd', severity: 'warning', docs: { sources: [] }, messages: { m: 'm' }, schema: { type: 'object' } }, check() {} });
        lint(request, { filename: 'r.json', rules: [configurable], ruleSettings: { configurable: ['warning', {}] } });
        console.log(JSON.stringify([before, ajvLoaded()]));
      });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([false, true]);
  });
});
