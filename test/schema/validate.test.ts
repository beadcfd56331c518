import { describe, it, expect } from 'vitest';
import { validatePayload, type SchemaIssue } from '../../src/schema/index.js';
import { fixture } from '../helpers.js';

/** The JSON of LANGUAGE.md's first example, verbatim. */
const LANGUAGE_EXAMPLE = JSON.parse(fixture('language', 'nightly.expected.json')) as Record<string, unknown>;

/** The example with `patch` applied at the top level. */
function withTop(patch: Record<string, unknown>): Record<string, unknown> {
  return { ...structuredClone(LANGUAGE_EXAMPLE), ...patch };
}

function only(issues: SchemaIssue[]): SchemaIssue {
  expect(issues).toHaveLength(1);
  return issues[0];
}

const manifest = (s3: Record<string, unknown>) => ({
  Action: 'TRANSFER',
  Format: 'CSV',
  Source: {
    S3: {
      ManifestObjectPath: 'manifests/list.csv',
      BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/manifest-reader',
      S3BucketArn: 'arn:aws:s3:::acme-manifests',
      ...s3,
    },
  },
});

describe('validatePayload', () => {
  it('passes the LANGUAGE.md example', () => {
    expect(validatePayload(LANGUAGE_EXAMPLE)).toEqual([]);
  });

  it('passes a full manifest configuration and every option', () => {
    const payload = {
      TaskArn: 'arn:aws-cn:datasync:cn-north-1:111122223333:task/task-0123456789abcdef0',
      OverrideOptions: { Atime: 'NONE', Mtime: 'NONE', Uid: 'BOTH', Gid: 'NAME', BytesPerSecond: -1, LogLevel: 'TRANSFER' },
      ManifestConfig: manifest({ ManifestObjectVersionId: 'v1' }),
    };
    expect(validatePayload(payload)).toEqual([]);
  });

  it('reports a non-object request at the root', () => {
    expect(only(validatePayload(['x']))).toMatchObject({ pointer: '', part: 'value', messageId: 'type', message: 'the request must be an object, got array' });
  });

  it('pattern: names the character a tag value may not hold', () => {
    const issue = only(validatePayload(withTop({ Tags: [{ Key: 'team', Value: 'café' }] })));
    expect(issue).toEqual({
      pointer: '/Tags/0/Value',
      part: 'value',
      messageId: 'pattern',
      message:
        'tag value "café" has a character that DataSync does not allow: é; allowed are letters a–z, digits, spaces and + = . _ : @ / -',
    });
  });

  it('pattern: tag keys may not hold @ although values may', () => {
    const issues = validatePayload(withTop({ Tags: [{ Key: 'owner@acme', Value: 'ops@acme' }] }));
    expect(only(issues)).toMatchObject({ pointer: '/Tags/0/Key', messageId: 'pattern' });
    expect(issues[0].message).toBe(
      'tag key "owner@acme" has a character that DataSync does not allow: @; allowed are letters a–z, digits, spaces and + = . _ : / -',
    );
  });

  it('pattern: an empty tag value is one clear message', () => {
    const issue = only(validatePayload(withTop({ Tags: [{ Key: 'team', Value: '' }] })));
    expect(issue).toMatchObject({ pointer: '/Tags/0/Value', messageId: 'pattern' });
    expect(issue.message).toMatch(/^tag value is empty, which DataSync does not allow; leave out Value/);
  });

  it('pattern: a malformed task ARN shows a well-formed one', () => {
    const issue = only(validatePayload(withTop({ TaskArn: 'arn:aws:datasync:us-east-1:111122223333:task/task-08de' })));
    expect(issue).toEqual({
      pointer: '/TaskArn',
      part: 'value',
      messageId: 'pattern',
      message:
        'TaskArn "arn:aws:datasync:us-east-1:111122223333:task/task-08de" is not a task ARN; expected a task ARN like arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0',
    });
  });

  it('pattern: role and bucket ARNs, and an s3:// URI given as a bucket ARN', () => {
    const payload = withTop({
      TaskReportConfig: { Destination: { S3: { S3BucketArn: 's3://acme-reports/nightly/', BucketAccessRoleArn: 'datasync-reports' } } },
      ManifestConfig: manifest({ S3BucketArn: 'acme-manifests' }),
    });
    const issues = validatePayload(payload);
    expect(issues.map((i) => [i.pointer, i.messageId])).toEqual([
      ['/ManifestConfig/Source/S3/S3BucketArn', 'pattern'],
      ['/TaskReportConfig/Destination/S3/S3BucketArn', 'pattern'],
      ['/TaskReportConfig/Destination/S3/BucketAccessRoleArn', 'pattern'],
    ]);
    expect(issues[0].message).toBe(
      'S3BucketArn "acme-manifests" is not an S3 bucket ARN; expected one like arn:aws:s3:::amzn-s3-demo-bucket, or an S3 access point ARN',
    );
    expect(issues[1].message).toBe(
      'S3BucketArn "s3://acme-reports/nightly/" is an S3 URI, not a bucket ARN; write the bucket\'s ARN, like arn:aws:s3:::acme-reports',
    );
    expect(issues[2].message).toBe(
      'BucketAccessRoleArn "datasync-reports" is not an IAM role ARN; expected one like arn:aws:iam::111122223333:role/datasync-role',
    );
  });

  it('pattern: lists every character an S3 subdirectory may not hold', () => {
    const payload = withTop({ ManifestConfig: manifest({ ManifestObjectPath: 'lists/2024*?/café*.csv' }) });
    const issue = only(validatePayload(payload));
    expect(issue.pointer).toBe('/ManifestConfig/Source/S3/ManifestObjectPath');
    expect(issue.message).toBe(
      'ManifestObjectPath "lists/2024*?/café*.csv" has characters that DataSync does not allow: * ? é; allowed are letters a–z, digits, spaces and _ - + . / ( )',
    );
  });

  it('pattern: \\p{Zs} in S3Subdirectory accepts Unicode spaces (the pattern runs with the u flag)', () => {
    // U+3000 IDEOGRAPHIC SPACE and U+00A0 NO-BREAK SPACE are Zs; without `u`, \p{Zs} would mean "p{Zs}".
    const payload = withTop({ ManifestConfig: manifest({ ManifestObjectPath: 'lists/night\u3000run\u00a0(1).csv' }) });
    expect(validatePayload(payload)).toEqual([]);
    const literal = withTop({ ManifestConfig: manifest({ ManifestObjectPath: 'p{Zs}' }) });
    expect(only(validatePayload(literal)).message).toContain('does not allow: { }');
  });

  it('pattern: a NUL in a filter value is rejected and shown by name', () => {
    const issue = only(validatePayload(withTop({ Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: '*.tmp\u0000|x' }] })));
    expect(issue).toMatchObject({ pointer: '/Excludes/0/Value', part: 'value', messageId: 'pattern' });
    expect(issue.message).toBe(
      'filter value "*.tmp\\u0000|x" has a character that DataSync does not allow: NUL (U+0000); remove it',
    );
  });

  it('pattern: an empty filter value', () => {
    const issue = only(validatePayload(withTop({ Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '' }] })));
    expect(issue.message).toBe(
      'filter value is empty, which DataSync does not allow; write at least one pattern, or leave out the filter rule',
    );
  });

  it('pattern: an object version id must be one line', () => {
    const issue = only(validatePayload(withTop({ ManifestConfig: manifest({ ManifestObjectVersionId: 'v1\nv2' }) })));
    expect(issue.message).toBe(
      'ManifestObjectVersionId "v1\\nv2" has a character that DataSync does not allow: line break (U+000A); write the version ID on one line',
    );
  });

  it('enum: unknown value with a suggestion', () => {
    const issue = only(validatePayload(withTop({ OverrideOptions: { OverwriteMode: 'NEVR' } })));
    expect(issue).toEqual({
      pointer: '/OverrideOptions/OverwriteMode',
      part: 'value',
      messageId: 'enum',
      message: 'unknown value "NEVR" for OverwriteMode; did you mean "NEVER"? Allowed: ALWAYS, NEVER',
      expected: ['ALWAYS', 'NEVER'],
      suggestion: 'NEVER',
    });
  });

  it('enum: case, - and _ do not count; a far-off value gets no suggestion', () => {
    const issues = validatePayload(
      withTop({ OverrideOptions: { VerifyMode: 'only-files-transferred', LogLevel: 'verbose' } }),
    );
    expect(issues.map((i) => [i.pointer, i.suggestion])).toEqual([
      ['/OverrideOptions/VerifyMode', 'ONLY_FILES_TRANSFERRED'],
      ['/OverrideOptions/LogLevel', undefined],
    ]);
    expect(issues[1].message).toBe('unknown value "verbose" for LogLevel; allowed: OFF, BASIC, TRANSFER');
  });

  it('enum: deep members, and the enum hides its pattern twin', () => {
    const payload = withTop({
      Includes: [{ FilterType: 'simple-pattern', Value: '/a' }],
      TaskReportConfig: { Overrides: { Verified: { ReportLevel: 'errors' } } },
    });
    const issues = validatePayload(payload);
    // FilterType "simple-pattern" also fails ^[A-Z0-9_]+$: only the enum message is kept.
    expect(issues.map((i) => [i.pointer, i.messageId, i.suggestion])).toEqual([
      ['/Includes/0/FilterType', 'enum', 'SIMPLE_PATTERN'],
      ['/TaskReportConfig/Overrides/Verified/ReportLevel', 'enum', 'ERRORS_ONLY'],
    ]);
  });

  it('unknown-member: points at the key and suggests the nearest member', () => {
    const issue = only(validatePayload(withTop({ OverrideOptions: { VerfyMode: 'NONE' } })));
    expect(issue).toMatchObject({
      pointer: '/OverrideOptions/VerfyMode',
      part: 'key',
      messageId: 'unknown-member',
      message: 'unknown member "VerfyMode" in OverrideOptions; did you mean "VerifyMode"?',
      suggestion: 'VerifyMode',
    });
    expect(issue.expected).toContain('ObjectTags');
  });

  it('unknown-member: without a near match it lists the members; keys are escaped in the pointer', () => {
    const issue = only(validatePayload(withTop({ 'Mode/Task': 'ENHANCED' })));
    expect(issue.pointer).toBe('/Mode~1Task');
    expect(issue.message).toBe(
      'unknown member "Mode/Task" in the request; allowed members: TaskArn, OverrideOptions, Includes, Excludes, ManifestConfig, TaskReportConfig, Tags',
    );
  });

  it('required: a missing TaskArn points at the request', () => {
    const payload = withTop({});
    delete payload.TaskArn;
    expect(only(validatePayload(payload))).toEqual({
      pointer: '',
      part: 'key',
      messageId: 'required',
      message:
        'missing required member "TaskArn" in the request; add it, e.g. "TaskArn": "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0"',
      expected: ['TaskArn'],
    });
  });

  it('required: a missing S3BucketArn in the report destination points at Destination.S3', () => {
    const payload = withTop({
      TaskReportConfig: { Destination: { S3: { BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/datasync-reports' } } },
    });
    expect(only(validatePayload(payload))).toEqual({
      pointer: '/TaskReportConfig/Destination/S3',
      part: 'key',
      messageId: 'required',
      message:
        'missing required member "S3BucketArn" in TaskReportConfig.Destination.S3; add it, e.g. "S3BucketArn": "arn:aws:s3:::amzn-s3-demo-bucket"',
      expected: ['S3BucketArn'],
    });
  });

  it('required: a missing structure names its own required members', () => {
    const issue = only(validatePayload(withTop({ ManifestConfig: { Source: {} } })));
    expect(issue.message).toBe(
      'missing required member "S3" in ManifestConfig.Source; add it: an object with ManifestObjectPath, BucketAccessRoleArn, S3BucketArn',
    );
  });

  it('max-items: Includes with 2 items points at the second', () => {
    const payload = withTop({ Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a' }, { FilterType: 'SIMPLE_PATTERN', Value: '/b' }] });
    expect(only(validatePayload(payload))).toEqual({
      pointer: '/Includes/1',
      part: 'value',
      messageId: 'max-items',
      message: 'Includes holds at most 1 filter rule, got 2; join patterns with | in one Value',
    });
  });

  it('max-items: 50 tags pass, 51 do not', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(validatePayload(withTop({ Tags: tags(50) }))).toEqual([]);
    expect(only(validatePayload(withTop({ Tags: tags(51) })))).toMatchObject({
      pointer: '/Tags/50',
      messageId: 'max-items',
      message: 'Tags holds at most 50 tags, got 51; remove 1 tag',
    });
  });

  it('minimum: BytesPerSecond -2; -1 and 0 pass', () => {
    const issue = only(validatePayload(withTop({ OverrideOptions: { BytesPerSecond: -2 } })));
    expect(issue).toEqual({
      pointer: '/OverrideOptions/BytesPerSecond',
      part: 'value',
      messageId: 'minimum',
      message: 'BytesPerSecond must be -1 (unlimited) or more, got -2',
    });
    expect(validatePayload(withTop({ OverrideOptions: { BytesPerSecond: -1 } }))).toEqual([]);
    expect(validatePayload(withTop({ OverrideOptions: { BytesPerSecond: 0 } }))).toEqual([]);
  });

  it('type: a string, a fraction, a number for an enum, a non-list', () => {
    const issues = validatePayload(
      withTop({ OverrideOptions: { Uid: 0, BytesPerSecond: '1048576' }, Excludes: { Value: '*.tmp' } }),
    );
    expect(issues.map((i) => [i.pointer, i.messageId, i.message])).toEqual([
      ['/OverrideOptions/Uid', 'type', 'Uid must be a string: one of NONE, INT_VALUE, NAME, BOTH; got number 0'],
      [
        '/OverrideOptions/BytesPerSecond',
        'type',
        'BytesPerSecond must be an integer, got string "1048576"; write the number without quotes',
      ],
      ['/Excludes', 'type', 'Excludes must be a list, got object'],
    ]);
    expect(issues[0].expected).toEqual(['NONE', 'INT_VALUE', 'NAME', 'BOTH']);
    expect(only(validatePayload(withTop({ OverrideOptions: { BytesPerSecond: 1.5 } }))).message).toBe(
      'BytesPerSecond must be an integer, got number 1.5',
    );
  });

  it('min-length: an empty tag key is one message, not two', () => {
    const issue = only(validatePayload(withTop({ Tags: [{ Key: '' }] })));
    expect(issue).toEqual({ pointer: '/Tags/0/Key', part: 'value', messageId: 'min-length', message: 'tag key must not be empty; write at least one character' });
  });

  it('max-length: counts code points, not UTF-16 units', () => {
    const astral = '\u{1F600}'; // one code point, two UTF-16 units
    const version = (n: number) => validatePayload(withTop({ ManifestConfig: manifest({ ManifestObjectVersionId: astral.repeat(n) }) }));
    expect(version(100)).toEqual([]);
    expect(only(version(101))).toEqual({
      pointer: '/ManifestConfig/Source/S3/ManifestObjectVersionId',
      part: 'value',
      messageId: 'max-length',
      message:
        'ManifestObjectVersionId is 101 characters long (counted in Unicode code points); DataSync allows at most 100, so remove 1',
    });
    // Astral characters fail TagValue's pattern, but 256 of them (512 UTF-16 units) are within its length.
    const tagValue = (n: number) => validatePayload(withTop({ Tags: [{ Key: 'k', Value: astral.repeat(n) }] })).map((i) => i.messageId);
    expect(tagValue(256)).toEqual(['pattern']);
    expect(tagValue(257)).toEqual(['max-length', 'pattern']);
    // A filter value may hold anything but NUL: the limit of 102400 holds for astral characters too.
    const filter = (n: number) => validatePayload(withTop({ Excludes: [{ Value: astral.repeat(n) }] }));
    expect(filter(102400)).toEqual([]);
    expect(only(filter(102401)).messageId).toBe('max-length');
  });

  it('reports every problem at once (allErrors)', () => {
    const issues = validatePayload({ OverrideOptions: { Atime: 'BEST', Bogus: 1 }, Tags: [{ Value: 'x' }] });
    expect(issues.map((i) => `${i.messageId} ${i.pointer}`)).toEqual([
      'required ',
      'unknown-member /OverrideOptions/Bogus',
      'enum /OverrideOptions/Atime',
      'required /Tags/0',
    ]);
  });
});
