import { describe, it, expect } from 'vitest';
import type { ErrorObject } from 'ajv';
import { issuesFromErrors } from '../../src/schema/messages.js';
import { suggest as closest } from '../../src/core/words.js';

const error = (e: Partial<ErrorObject> & Pick<ErrorObject, 'keyword' | 'instancePath' | 'schemaPath'>): ErrorObject => ({
  params: {},
  ...e,
});

describe('issuesFromErrors (shapes of ajv errors that today\'s schema does not produce)', () => {
  it('keeps one message for an anyOf and drops its branches', () => {
    const issues = issuesFromErrors(
      [
        error({ keyword: 'pattern', instancePath: '/TaskArn', schemaPath: '#/anyOf/0/pattern', params: { pattern: '^a$' } }),
        error({ keyword: 'pattern', instancePath: '/TaskArn', schemaPath: '#/anyOf/1/pattern', params: { pattern: '^b$' } }),
        error({ keyword: 'anyOf', instancePath: '/TaskArn', schemaPath: '#/anyOf' }),
      ],
      { TaskArn: 'c' },
    );
    expect(issues).toEqual([
      { pointer: '/TaskArn', part: 'value', messageId: 'no-match', message: 'TaskArn string "c" matches none of the forms DataSync allows here' },
    ]);
  });

  it('falls back to ajv\'s wording for other keywords, and drops exact repeats', () => {
    const e = error({ keyword: 'const', instancePath: '/OverrideOptions/Atime', schemaPath: '#/const', message: 'must be equal to constant' });
    expect(issuesFromErrors([e, e], {})).toEqual([
      { pointer: '/OverrideOptions/Atime', part: 'value', messageId: 'other', message: 'Atime must be equal to constant' },
    ]);
  });
});

describe('the one did-you-mean (core/words suggest), as schema messages use it', () => {
  it('ignores case, - and _, allows about one edit per three letters, and takes an unambiguous prefix', () => {
    expect(closest('point-in-time-consistent', ['POINT_IN_TIME_CONSISTENT', 'NONE'])).toBe('POINT_IN_TIME_CONSISTENT');
    expect(closest('TRANSFR', ['OFF', 'BASIC', 'TRANSFER'])).toBe('TRANSFER');
    expect(closest('successes', ['ERRORS_ONLY', 'SUCCESSES_AND_ERRORS'])).toBe('SUCCESSES_AND_ERRORS');
    expect(closest('xyz', ['ALL', 'CHANGED'])).toBeUndefined();
    expect(closest('', ['ALL'])).toBeUndefined();
    expect(closest('no', ['NONE', 'NAME'])).toBeUndefined();
  });
});
