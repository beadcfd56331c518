import { describe, it, expect } from 'vitest';
import { canonicalize } from '../../src/schema/index.js';

const keys = (v: unknown) => Object.keys(v as object);

describe('canonicalize', () => {
  it('orders top-level and nested keys in model member order', () => {
    const out = canonicalize({
      Tags: [{ Value: 'dsi', Key: 'managed-by' }],
      OverrideOptions: { ObjectTags: 'NONE', TransferMode: 'CHANGED', VerifyMode: 'NONE', BytesPerSecond: 5 },
      TaskArn: 'arn',
      TaskReportConfig: {
        Overrides: { Skipped: { ReportLevel: 'ERRORS_ONLY' }, Transferred: { ReportLevel: 'ERRORS_ONLY' } },
        OutputType: 'STANDARD',
        Destination: { S3: { BucketAccessRoleArn: 'r', S3BucketArn: 'b', Subdirectory: 's/' } },
      },
    }) as Record<string, Record<string, unknown>>;
    expect(keys(out)).toEqual(['TaskArn', 'OverrideOptions', 'TaskReportConfig', 'Tags']);
    expect(keys(out.OverrideOptions)).toEqual(['VerifyMode', 'BytesPerSecond', 'TransferMode', 'ObjectTags']);
    expect(keys(out.TaskReportConfig)).toEqual(['Destination', 'OutputType', 'Overrides']);
    expect(keys(out.TaskReportConfig.Overrides)).toEqual(['Transferred', 'Skipped']);
    expect(keys((out.TaskReportConfig.Destination as Record<string, unknown>).S3)).toEqual(['Subdirectory', 'S3BucketArn', 'BucketAccessRoleArn']);
    expect(keys((out.Tags as unknown as unknown[])[0])).toEqual(['Key', 'Value']);
  });

  it('keeps unknown keys after the known ones, in their own order, copied deeply as they are', () => {
    const input = { Zeta: { b: 1, a: 2 }, OverrideOptions: { Extra: true, Atime: 'NONE', Mtime: 'NONE' }, Alpha: [{ y: 1, x: 2 }], TaskArn: 'arn' };
    const out = canonicalize(input) as Record<string, Record<string, unknown>>;
    expect(keys(out)).toEqual(['TaskArn', 'OverrideOptions', 'Zeta', 'Alpha']);
    expect(keys(out.OverrideOptions)).toEqual(['Atime', 'Mtime', 'Extra']);
    expect(keys(out.Zeta)).toEqual(['b', 'a']);
    expect(out).toEqual(input);
  });

  it('canonicalizes each item of nested arrays with the item shape', () => {
    const out = canonicalize({
      Excludes: [{ Value: '*.tmp', FilterType: 'SIMPLE_PATTERN' }, { Value: 'x', Unknown: 1, FilterType: 'SIMPLE_PATTERN' }],
      Tags: [{ Value: 'a', Key: 'k1' }, 'not-an-object', { Value: 'b', Key: 'k2' }],
    }) as Record<string, unknown[]>;
    expect(out.Excludes.map(keys)).toEqual([['FilterType', 'Value'], ['FilterType', 'Value', 'Unknown']]);
    expect(out.Tags[1]).toBe('not-an-object');
    expect(keys(out.Tags[2])).toEqual(['Key', 'Value']);
  });

  it('starts at the shape of a pointer', () => {
    expect(keys(canonicalize({ ReportLevel: 'ERRORS_ONLY', OutputType: 'STANDARD' }, '/TaskReportConfig'))).toEqual(['OutputType', 'ReportLevel']);
    expect(keys(canonicalize({ Value: 'x', FilterType: 'SIMPLE_PATTERN' }, '/Includes/0'))).toEqual(['FilterType', 'Value']);
    expect((canonicalize([{ Value: 'v', Key: 'k' }], '/Tags') as object[]).map(keys)).toEqual([['Key', 'Value']]);
    // No shape at the pointer: a plain deep copy.
    expect(keys(canonicalize({ b: 1, a: 2 }, '/Nowhere'))).toEqual(['b', 'a']);
  });

  it('returns a deep copy and leaves the input alone', () => {
    const input = { OverrideOptions: { Mtime: 'NONE', Atime: 'NONE' }, Tags: [{ Key: 'k' }] };
    const out = canonicalize(input) as typeof input;
    expect(out).not.toBe(input);
    expect(out.OverrideOptions).not.toBe(input.OverrideOptions);
    expect(out.Tags[0]).not.toBe(input.Tags[0]);
    expect(keys(input.OverrideOptions)).toEqual(['Mtime', 'Atime']);
    expect(canonicalize('x')).toBe('x');
    expect(canonicalize(null)).toBe(null);
  });

  it('keeps a __proto__ key as an own key instead of changing the prototype', () => {
    const out = canonicalize(JSON.parse('{"__proto__": {"polluted": true}, "TaskArn": "a"}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(keys(out)).toEqual(['TaskArn', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
