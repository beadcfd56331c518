/** Decompiled intents read as a person would write them: statements where the language has them, `set` only where none exists. */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/project/compile.js';
import { decompile } from '../../src/printer/decompile.js';
import { fixture } from '../helpers.js';

const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
const roundTrip = (text: string) => compile(text, { filename: 'd.dsi', rules: [] }).intents[0]?.payload;

describe('decompile', () => {
  it("turns the language reference's request back into its intent, with the task context as the task block", () => {
    const payload = JSON.parse(fixture('language', 'nightly.expected.json'));
    const d = decompile(payload, { name: 'nightly-archive', context: { mode: 'ENHANCED', source: { type: 'NFS' }, destination: { type: 'S3', storageClass: 'DEEP_ARCHIVE' } } });
    expect(d.text).toBe(`intent nightly-archive {
  task "${TASK}" {
    mode enhanced
    from nfs
    to s3 storage-class deep-archive
  }
  verify only-files-transferred
  overwrite never
  deleted preserve
  queueing enabled
  transfer changed
  include "/projects/alpha" "/projects/beta"
  exclude "*.tmp" "*/.snapshot"
  report {
    to "s3://acme-datasync-reports/nightly/"
    role "arn:aws:iam::111122223333:role/datasync-reports"
    output standard
    level errors-only
    verified successes-and-errors
  }
  tag managed-by = "dsi"
  tag team = "storage"
  tag cost-center = "cc-1042"
}
`);
    expect(d.problems).toEqual([]);
    expect(roundTrip(d.text!)).toEqual(payload);
  });

  it('writes sizes in the largest exact unit, IEC first', () => {
    const line = (bytes: number) => decompile({ TaskArn: TASK, OverrideOptions: { BytesPerSecond: bytes } }).text!.split('\n')[2].trim();
    expect([104857600, 1073741824, 1500000, 3 * 1024, 1001, -1].map(line)).toEqual([
      'bandwidth 100 MiB/s',
      'bandwidth 1 GiB/s',
      'bandwidth 1500 kB/s',
      'bandwidth 3 KiB/s',
      'bandwidth 1001 B/s',
      'bandwidth unlimited',
    ]);
  });

  it('uses s3:// only where the bucket ARN is a bucket of the task partition; an access point is written with `set`', () => {
    const cn = 'arn:aws-cn:datasync:cn-north-1:111122223333:task/task-08de6e6697796f026';
    const manifest = (arn: string, bucket: string) => ({
      TaskArn: arn,
      ManifestConfig: { Action: 'TRANSFER', Format: 'CSV', Source: { S3: { ManifestObjectPath: 'lists/a.csv', BucketAccessRoleArn: 'arn:aws-cn:iam::111122223333:role/r', S3BucketArn: bucket } } },
    });
    expect(decompile(manifest(cn, 'arn:aws-cn:s3:::lists')).text).toContain('  manifest "s3://lists/lists/a.csv" role "arn:aws-cn:iam::111122223333:role/r"\n');
    const other = manifest(cn, 'arn:aws:s3:::lists');
    expect(decompile(other).text).toContain('  set ManifestConfig = { "Action": "TRANSFER", "Format": "CSV", "Source": { "S3": {');
    const ap = manifest(cn, 'arn:aws-cn:s3:cn-north-1:111122223333:accesspoint/lists');
    for (const p of [other, ap]) expect(roundTrip(decompile(p).text!)).toEqual(p);
  });

  it('writes `set` for exactly the members no statement can say, beside statements for the rest', () => {
    const payload = {
      TaskArn: TASK,
      OverrideOptions: { VerifyMode: 'NONE' },
      Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: 'a||b' }],
      Excludes: [],
      TaskReportConfig: { Destination: { S3: { S3BucketArn: 'arn:aws:s3:::r', BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/r', Subdirectory: '/abs' } } },
      Tags: [{ Key: 'only-key' }],
    };
    const d = decompile(payload, { name: 'my request' });
    expect(d.text).toBe(`intent "my request" {
  task "${TASK}"
  verify none
  set Includes = [{ "FilterType": "SIMPLE_PATTERN", "Value": "a||b" }]
  set Excludes = []
  set TaskReportConfig = { "Destination": { "S3": { "Subdirectory": "/abs", "S3BucketArn": "arn:aws:s3:::r", "BucketAccessRoleArn": "arn:aws:iam::111122223333:role/r" } } }
  set Tags = [{ "Key": "only-key" }]
}
`);
    expect(roundTrip(d.text!)).toEqual(payload);
  });

  it('keeps escaped pipes and Unicode in patterns and tags', () => {
    const payload = { TaskArn: TASK, Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a\\|b|/ünï cödé/😀' }], Tags: [{ Key: 'team\u2003name', Value: 'v\u00a0w\u2028' }] };
    const d = decompile(payload);
    expect(d.text).toContain('  include "/a\\\\|b" "/ünï cödé/😀"\n');
    expect(d.text).toContain('  tag "team\u2003name" = "v\u00a0w\\u{2028}"\n');
    expect(roundTrip(d.text!)).toEqual(payload);
  });

  it('says what it cannot write, and refuses what is not a request', () => {
    expect(decompile([1, 2])).toEqual({ problems: ['a StartTaskExecution request is a JSON object; this one is not'] });
    const d = decompile({ TaskArn: TASK, 'Not A Word': 1 });
    expect(d.problems).toEqual(['the member "Not A Word" cannot be written in .dsi (a member name is a word); it was left out']);
  });
});
