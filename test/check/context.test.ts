/** An impossible task context (Enhanced mode for a location pair AWS does not offer it for) is an error at the task block. */
import { describe, expect, it } from 'vitest';
import { enhancedModeOffered } from '../../src/check/context.js';
import { LOCATION_TYPES, type LocationType } from '../../src/core/context.js';
import { lint } from '../../src/project/lint.js';

const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
const intent = (from: string, to: string, body = 'verify point-in-time-consistent') =>
  `intent a {\n  task "${TASK}" {\n    mode enhanced\n    from ${from}\n    to ${to}\n  }\n  ${body}\n}\n`;

describe('Enhanced mode and locations (constraints §28)', () => {
  it('is offered for S3↔S3, Azure Blob/other clouds↔S3 and NFS/SMB↔S3, nothing else', () => {
    const offered = (LOCATION_TYPES as readonly LocationType[]).flatMap((s) => (LOCATION_TYPES as readonly LocationType[]).filter((d) => enhancedModeOffered(s, d)).map((d) => `${s}>${d}`));
    expect(offered.sort()).toEqual(
      ['S3>S3', 'AZURE_BLOB>S3', 'S3>AZURE_BLOB', 'OBJECT_STORAGE>S3', 'S3>OBJECT_STORAGE', 'NFS>S3', 'S3>NFS', 'SMB>S3', 'S3>SMB'].sort(),
    );
  });

  it('an impossible pair is an error at the mode in the task block; the mode-dependent rules stay silent', () => {
    const text = intent('hdfs', 's3');
    const r = lint(text, { filename: 'a.dsi' });
    expect(r.diagnostics.map((d) => [d.ruleId, d.messageId, d.range.start.line])).toEqual([['invalid-value', 'enhancedModeUnavailable', 3]]);
    expect(r.diagnostics[0].message).toContain('from HDFS to S3');
    expect(r.diagnostics[0].related?.map((x) => [x.range.start.line, x.message])).toEqual([
      [4, 'the source is HDFS'],
      [5, 'the destination is S3'],
    ]);
    // The same intent with a possible pair: pit-verify-enhanced speaks, the context is fine.
    expect(lint(intent('s3', 's3'), { filename: 'a.dsi' }).diagnostics.map((d) => d.ruleId)).toEqual(['pit-verify-enhanced']);
    expect(lint(intent('nfs', 's3'), { filename: 'a.dsi' }).diagnostics.map((d) => d.ruleId)).toEqual(['pit-verify-enhanced']);
  });

  it('applies to context from configuration or AWS too, for request files', () => {
    const text = `{"TaskArn": "${TASK}", "OverrideOptions": {"VerifyMode": "POINT_IN_TIME_CONSISTENT"}}`;
    const context = () => ({ mode: 'ENHANCED' as const, source: { type: 'NFS' as const }, destination: { type: 'EFS' as const } });
    const r = lint(text, { filename: 'r.json', context });
    expect(r.diagnostics.map((d) => [d.ruleId, d.messageId])).toEqual([['invalid-value', 'enhancedModeUnavailable']]);
  });

  it('cannot be waived', () => {
    const text = intent('hdfs', 'efs').replace('    mode enhanced', '    # dsi-ignore invalid-value -- no\n    mode enhanced');
    expect(lint(text, { filename: 'a.dsi' }).diagnostics.map((d) => d.messageId)).toContain('enhancedModeUnavailable');
  });
});
