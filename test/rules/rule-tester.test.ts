import { describe, expect, it } from 'vitest';
import { createRule } from '../../src/rules/create-rule.js';
import { RuleTester, testRule } from '../../src/testing.js';
import { withOptions } from './helpers.js';

const needsMode = createRule({
  id: 'sample',
  meta: {
    description: 'reports Atime when the mode is known',
    severity: 'warning',
    docs: { sources: [] },
    messages: { atime: 'atime is {{value}}', raw: 'left {{open}}' },
    needs: ['mode'],
  },
  check({ payload, report }) {
    const value = (payload.OverrideOptions as Record<string, unknown> | undefined)?.Atime;
    if (value === 'NONE') report({ pointer: '/OverrideOptions/Atime', messageId: 'atime', data: { value }, fix: { description: 'd', pointer: '/OverrideOptions/Atime', value: 'BEST_EFFORT' } });
    if (value === 'RAW') report({ pointer: '/OverrideOptions/Atime', messageId: 'raw' });
    if (value === 'THROW') throw new Error('bad state');
  },
});

const ctx = { mode: 'BASIC' } as const;

describe('testRule', () => {
  it('passes when the reports are exactly the expected ones, in any order of members', () => {
    expect(
      testRule(needsMode, {
        valid: [{ payload: withOptions({ Atime: 'BEST_EFFORT' }), context: ctx }],
        invalid: [
          {
            payload: withOptions({ Atime: 'NONE' }),
            context: ctx,
            errors: [{ messageId: 'atime', pointer: '/OverrideOptions/Atime', severity: 'warning', message: 'atime is NONE', related: [], fix: { value: 'BEST_EFFORT', pointer: '/OverrideOptions/Atime', description: 'd' } }],
          },
        ],
      }),
    ).toEqual([]);
  });

  it('names every kind of mismatch', () => {
    const failures = testRule(needsMode, {
      valid: [
        { name: 'reports on a valid case', payload: withOptions({ Atime: 'NONE' }), context: ctx },
        { name: 'throws', payload: withOptions({ Atime: 'THROW' }), context: ctx },
      ],
      invalid: [
        { name: 'wrong id', payload: withOptions({ Atime: 'NONE' }), context: ctx, errors: [{ messageId: 'other', pointer: '/OverrideOptions/Atime' }] },
        { name: 'wrong severity', payload: withOptions({ Atime: 'NONE' }), context: ctx, errors: [{ messageId: 'atime', pointer: '/OverrideOptions/Atime', severity: 'error' }] },
        { name: 'wrong fix', payload: withOptions({ Atime: 'NONE' }), context: ctx, errors: [{ messageId: 'atime', pointer: '/OverrideOptions/Atime', fix: null }] },
        { name: 'skipped', payload: withOptions({ Atime: 'NONE' }), errors: [{ messageId: 'atime', pointer: '/OverrideOptions/Atime' }] },
        { name: 'unfilled', payload: withOptions({ Atime: 'RAW' }), context: ctx, errors: [{ messageId: 'raw', pointer: '/OverrideOptions/Atime' }] },
      ],
    });
    expect(failures.map((f) => [f.kind, f.name])).toEqual([
      ['valid', 'reports on a valid case'],
      ['valid', 'throws'],
      ['invalid', 'wrong id'],
      ['invalid', 'wrong severity'],
      ['invalid', 'wrong fix'],
      ['invalid', 'skipped'],
      ['invalid', 'unfilled'],
    ]);
    expect(failures[0].message).toContain('reported but not expected');
    expect(failures[1].message).toBe('rule sample threw: bad state');
    expect(failures[2].message).toContain('expected but not reported');
    expect(failures[5].message).toContain('it needs mode in the context');
    expect(failures[6].message).toContain('unfilled placeholder');
  });
});

describe('the dialect of a case', () => {
  const speaker = createRule({
    id: 'speaker',
    meta: { description: 'names Atime', severity: 'warning', docs: { sources: [] }, messages: { say: '{{atime}}' } },
    check({ report, words }) {
      report({ pointer: '/OverrideOptions/Atime', messageId: 'say', data: { atime: words.option('Atime', 'NONE') } });
    },
  });
  const payload = withOptions({ Atime: 'NONE' });

  it('checks the messages a .dsi file gets by default, and a request file’s with `dialect: request`', () => {
    const dsi = { messageId: 'say', pointer: '/OverrideOptions/Atime', message: '`atime none`' };
    const request = { messageId: 'say', pointer: '/OverrideOptions/Atime', messageIncludes: 'Atime NONE' };
    expect(testRule(speaker, { valid: [], invalid: [{ payload, errors: [dsi] }, { payload, dialect: 'request', errors: [request] }] })).toEqual([]);
    const failures = testRule(speaker, { valid: [], invalid: [{ payload, errors: [request] }, { payload, dialect: 'request', errors: [dsi] }] });
    expect(failures.map((f) => [f.index, f.name])).toEqual([
      [0, '#1 {"OverrideOptions":{"Atime":"NONE"}}'],
      [1, '#2 {"OverrideOptions":{"Atime":"NONE"}} (request file)'],
    ]);
  });
});

describe('RuleTester', () => {
  it('declares one test per case under the rule id, and a failing case throws', () => {
    const calls: string[] = [];
    const bodies: (() => void)[] = [];
    const tester = new RuleTester({
      describe: (name, body) => {
        calls.push(`describe ${name}`);
        body();
      },
      it: (name, body) => {
        calls.push(`it ${name}`);
        bodies.push(body);
      },
    });
    tester.run(needsMode, {
      valid: [{ name: 'fine', payload: withOptions({}), context: ctx }],
      invalid: [{ payload: withOptions({ Atime: 'NONE' }), context: ctx, errors: [{ messageId: 'nope', pointer: '' }] }],
    });
    expect(calls).toEqual(['describe sample', 'describe valid', 'it fine', 'describe invalid', 'it #1 {"OverrideOptions":{"Atime":"NONE"}}']);
    expect(() => bodies[0]()).not.toThrow();
    expect(() => bodies[1]()).toThrow(/expected but not reported/);
  });
});
