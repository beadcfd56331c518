import { describe, expect, it } from 'vitest';
import { createRule, type Rule } from '../../src/rules/create-rule.js';
import { testRule } from '../../src/testing.js';
import { withOptions } from './helpers.js';

describe('createRule: message ids are typed', () => {
  it('infers the ids from meta.messages, so report() takes only those', () => {
    const rule = createRule({
      id: 'typed-ids',
      meta: { description: 'd', severity: 'warning', docs: { sources: [] }, messages: { tooFast: 'too fast', tooSlow: 'too slow' } },
      check({ report }) {
        report({ pointer: '/OverrideOptions/BytesPerSecond', messageId: 'tooFast' });
        // @ts-expect-error -- `tooFats` is not a key of meta.messages: a misspelt id does not type-check
        if (Math.random() > 2) report({ pointer: '', messageId: 'tooFats' });
      },
    });
    const typed: Rule<undefined, 'tooFast' | 'tooSlow'> = rule;
    // Rules of any message ids go in one list, as registries and configurations hold them.
    const list: readonly Rule<any>[] = [typed];
    expect(Object.keys(list[0].meta.messages)).toEqual(['tooFast', 'tooSlow']);
    expect(testRule(rule, { valid: [], invalid: [{ payload: withOptions({}), errors: [{ messageId: 'tooFast', pointer: '/OverrideOptions/BytesPerSecond' }] }] })).toEqual([]);
  });
});
