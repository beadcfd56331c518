import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { enumValues, memberNames, validatePayload } from '../../src/schema/index.js';

const TASK_ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
const enumMembers = (memberNames('/OverrideOptions') ?? []).filter((m) => enumValues(`/OverrideOptions/${m}`));

describe('OverrideOptions property', () => {
  it('knows the 14 enum members of Options', () => {
    expect(enumMembers).toHaveLength(14);
  });

  it('any set of valid enum values at any Options members passes the schema', () => {
    const entry = fc.constantFrom(...enumMembers).chain((m) => fc.tuple(fc.constant(m), fc.constantFrom(...enumValues(`/OverrideOptions/${m}`)!)));
    const bandwidth = fc.option(fc.integer({ min: -1, max: Number.MAX_SAFE_INTEGER }), { nil: undefined });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: ([m]) => m }), bandwidth, (entries, bytes) => {
        const options: Record<string, unknown> = Object.fromEntries(entries);
        if (bytes !== undefined) options.BytesPerSecond = bytes;
        expect(validatePayload({ TaskArn: TASK_ARN, OverrideOptions: options })).toEqual([]);
      }),
    );
  });

  it('any string outside a member\'s enum is reported at that member', () => {
    fc.assert(
      fc.property(fc.constantFrom(...enumMembers), fc.string(), (member, value) => {
        fc.pre(!enumValues(`/OverrideOptions/${member}`)!.includes(value));
        const issues = validatePayload({ TaskArn: TASK_ARN, OverrideOptions: { [member]: value } });
        expect(issues.map((i) => [i.pointer, i.messageId])).toEqual([[`/OverrideOptions/${member}`, 'enum']]);
      }),
    );
  });
});
