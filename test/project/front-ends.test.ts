import { describe, expect, it } from 'vitest';
import type { TaskContext } from '../../src/core/context.js';
import { lint } from '../../src/project/lint.js';

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';

function ruleIds(source: string, filename: string): string[] {
  return lint(source, { filename, readFile: () => '' }).diagnostics.map((d) => d.ruleId);
}

describe('the same defect through both front ends', () => {
  it('a filter over 102,400 characters: filter-max-length in an intent and in a request file, without a second schema error', () => {
    const long = '/' + 'a'.repeat(102_400);
    const dsi = ruleIds(`intent x {\n  task "${ARN}"\n  include "${long}"\n}\n`, 'x.dsi');
    const json = ruleIds(JSON.stringify({ TaskArn: ARN, Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: long }] }), 'x.json');
    expect(dsi).toEqual(['filter-max-length']);
    expect(json).toEqual(['filter-max-length']);
  });

  it('two filter rules in a request file are one error, the rule with its fix', () => {
    const r = lint(JSON.stringify({ TaskArn: ARN, Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a' }, { FilterType: 'SIMPLE_PATTERN', Value: '/b' }] }), {
      filename: 'x.json',
    });
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['filter-single-rule']);
  });

  it('YAML and JSON request files report at the same key', () => {
    const yaml = `TaskArn: ${ARN}\nOverrideOptions:\n  TransferMode: ALL\n  PreserveDeletedFiles: REMOVE\n`;
    const json = `{\n  "TaskArn": "${ARN}",\n  "OverrideOptions": {\n    "TransferMode": "ALL",\n    "PreserveDeletedFiles": "REMOVE"\n  }\n}\n`;
    const [y] = lint(yaml, { filename: 'r.yaml' }).diagnostics;
    const [j] = lint(json, { filename: 'r.json' }).diagnostics;
    expect(y).toMatchObject({ ruleId: 'remove-with-transfer-all', range: { start: { line: 4 } } });
    expect(j).toMatchObject({ ruleId: 'remove-with-transfer-all', range: { start: { line: 5 } } });
    expect(y.related?.[0].range.start.line).toBe(3);
    expect(j.related?.[0].range.start.line).toBe(4);
  });

  it('lint never throws: a request that is not an object, and garbage', () => {
    expect(ruleIds('[1, 2]', 'x.json')).toEqual(['parse']);
    expect(lint('\u0000\u0001{{{', { filename: 'x.yaml' }).diagnostics.length).toBeGreaterThan(0);
    expect(lint('intent {', { filename: 'x.dsi' }).diagnostics.length).toBeGreaterThan(0);
  });
});

/** The one diagnostic of `ruleId` that linting `source` as `filename` gives. */
function only(ruleId: string, source: string, filename: string, context?: TaskContext) {
  const found = lint(source, { filename, readFile: () => '', ...(context ? { context: () => context } : {}) }).diagnostics.filter((d) => d.ruleId === ruleId);
  expect(found, `${ruleId} in ${filename}`).toHaveLength(1);
  return found[0];
}

const intent = (...lines: string[]) => `intent x {\n  task "${ARN}"\n${lines.map((l) => `  ${l}\n`).join('')}}\n`;
const request = (members: Record<string, unknown>) => JSON.stringify({ TaskArn: ARN, ...members }, null, 2);

describe('messages speak the language of the file they annotate', () => {
  it('atime-mtime-pair: statements in an intent, members and what to set in a request file, fix included', () => {
    const dsi = only('atime-mtime-pair', intent('atime none', 'mtime preserve'), 'x.dsi');
    const json = only('atime-mtime-pair', request({ OverrideOptions: { Atime: 'NONE', Mtime: 'PRESERVE' } }), 'x.json');
    expect(dsi.message).toBe(
      '`atime none` cannot be used with `mtime preserve`: `atime` and `mtime` go in pairs, `atime best-effort` with `mtime preserve` or `atime none` with `mtime none`; write `atime best-effort` or `mtime none`',
    );
    expect(json.message).toBe(
      'Atime NONE cannot be used with Mtime PRESERVE: Atime and Mtime go in pairs, Atime BEST_EFFORT with Mtime PRESERVE or Atime NONE with Mtime NONE; set Atime to BEST_EFFORT or Mtime to NONE',
    );
    expect(dsi.related?.[0].message).toBe('`atime none` is set here');
    expect(json.related?.[0].message).toBe('Atime NONE is set here');
    expect(dsi.fix?.description).toBe('write `atime best-effort`');
    expect(json.fix?.description).toBe('set Atime to BEST_EFFORT');
  });

  it('remove-with-transfer-all: the same in YAML as in JSON', () => {
    const dsi = only('remove-with-transfer-all', intent('transfer all', 'deleted remove'), 'x.dsi');
    const yaml = only('remove-with-transfer-all', `TaskArn: ${ARN}\nOverrideOptions:\n  TransferMode: ALL\n  PreserveDeletedFiles: REMOVE\n`, 'x.yaml');
    const json = only('remove-with-transfer-all', request({ OverrideOptions: { TransferMode: 'ALL', PreserveDeletedFiles: 'REMOVE' } }), 'x.json');
    expect(dsi.message).toBe(
      '`deleted remove` cannot be used with `transfer all`: with `transfer all` DataSync does not scan the destination, so it cannot tell what to delete; write `transfer changed` or `deleted preserve`',
    );
    expect(json.message).toBe(
      'PreserveDeletedFiles REMOVE cannot be used with TransferMode ALL: with TransferMode ALL DataSync does not scan the destination, so it cannot tell what to delete; set TransferMode to CHANGED or PreserveDeletedFiles to PRESERVE',
    );
    expect(yaml.message).toBe(json.message);
  });

  it('include-wildcard-rightmost: the filter list and a literal star as each file writes them', () => {
    const dsi = only('include-wildcard-rightmost', intent('include "/a" "*.txt"'), 'x.dsi');
    const json = only('include-wildcard-rightmost', request({ Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a|*.txt' }] }), 'x.json');
    expect(dsi.message).toMatch(/^`include` pattern "\*\.txt" has `\*` before its end: in `include` patterns .* an `exclude` pattern, .*\(a literal star is written `\\\\\*`\)$/);
    expect(json.message).toMatch(/^Includes pattern "\*\.txt" has `\*` before its end: in Includes patterns .* an Excludes pattern, .*\(a literal star is written `\\\*`\)$/);
  });

  it('report-without-output: what to add to the block, or which member to set', () => {
    const dsi = only('report-without-output', intent('report {', '  to "s3://acme-reports/x/"', `  role "arn:aws:iam::111122223333:role/r"`, '}'), 'x.dsi');
    const json = only(
      'report-without-output',
      request({ TaskReportConfig: { Destination: { S3: { S3BucketArn: 'arn:aws:s3:::acme-reports', BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/r' } } } }),
      'x.json',
    );
    expect(dsi.message).toMatch(/^`report` has no output type: .*; add `output standard` \(every file\) or `output summary-only` to the block$/);
    expect(json.message).toMatch(/^TaskReportConfig has no output type: .*; set TaskReportConfig\.OutputType to STANDARD \(every file\) or SUMMARY_ONLY$/);
  });

  it('pit-verify-enhanced: context from the task block or from elsewhere, named in the file’s words', () => {
    const dsi = only('pit-verify-enhanced', `intent x {\n  task "${ARN}" { mode enhanced }\n  verify point-in-time-consistent\n}\n`, 'x.dsi');
    const json = only('pit-verify-enhanced', request({ OverrideOptions: { VerifyMode: 'POINT_IN_TIME_CONSISTENT' } }), 'x.json', { mode: 'ENHANCED' });
    expect(dsi.message).toBe(
      '`verify point-in-time-consistent` is not supported for an Enhanced-mode task, which verifies only what it transfers: write `verify only-files-transferred` or `verify none`',
    );
    expect(json.message).toBe(
      'VerifyMode POINT_IN_TIME_CONSISTENT is not supported for an Enhanced-mode task, which verifies only what it transfers: set VerifyMode to ONLY_FILES_TRANSFERRED or NONE',
    );
    expect(json.fix?.description).toBe('set VerifyMode to ONLY_FILES_TRANSFERRED');
  });

  it('storage-class-cost and security-descriptors-location: the context’s storage class and location type', () => {
    const context: TaskContext = { source: { type: 'NFS' }, destination: { type: 'S3', storageClass: 'DEEP_ARCHIVE' } };
    const dsiText = `intent x {\n  task "${ARN}" { from nfs\n to s3 storage-class deep-archive }\n  overwrite always\n  security-descriptors owner-dacl\n}\n`;
    const jsonText = request({ OverrideOptions: { OverwriteMode: 'ALWAYS', SecurityDescriptorCopyFlags: 'OWNER_DACL' } });
    const cost = [only('storage-class-cost', dsiText, 'x.dsi'), only('storage-class-cost', jsonText, 'x.json', context)];
    // A request file holds no task context, so only the intent shows where the storage class comes from.
    expect(cost.map((d) => d.related?.map((r) => r.message))).toEqual([["the destination's storage class is `deep-archive`"], undefined]);
    expect(cost[0].message).toMatch(/^`overwrite always` rewrites .*; write `overwrite never` unless the cost is intended$/);
    expect(cost[1].message).toMatch(/^OverwriteMode ALWAYS rewrites .*; set OverwriteMode to NEVER unless the cost is intended$/);
    const sd = [only('security-descriptors-location', dsiText, 'x.dsi'), only('security-descriptors-location', jsonText, 'x.json', context)];
    expect(sd[0].message).toMatch(/^`security-descriptors owner-dacl` has no effect when the source is `nfs`: .*; remove the `security-descriptors` statement$/);
    expect(sd[1].message).toMatch(/^SecurityDescriptorCopyFlags OWNER_DACL has no effect when the source is NFS: .*; remove SecurityDescriptorCopyFlags from OverrideOptions$/);
  });

  it('uid-gid-undocumented and bandwidth-zero: values in kebab-case and rates, or as the API writes them', () => {
    const dsi = intent('uid both', 'bandwidth 0 B/s');
    const json = request({ OverrideOptions: { Uid: 'BOTH', BytesPerSecond: 0 } });
    expect(only('uid-gid-undocumented', dsi, 'x.dsi').message).toBe(
      '`uid both` is accepted by the API, but AWS documents only `int-value` (keep numeric IDs) and `none` (ignore them); write `uid int-value` or `uid none` unless you have checked what `both` does',
    );
    expect(only('uid-gid-undocumented', json, 'x.json').message).toBe(
      'Uid BOTH is accepted by the API, but AWS documents only INT_VALUE (keep numeric IDs) and NONE (ignore them); set Uid to INT_VALUE or NONE unless you have checked what BOTH does',
    );
    expect(only('bandwidth-zero', dsi, 'x.dsi').message).toMatch(/^`bandwidth 0 B\/s` has no documented meaning: .*; write `bandwidth unlimited` for no limit/);
    expect(only('bandwidth-zero', json, 'x.json').message).toMatch(/^BytesPerSecond 0 has no documented meaning: .*; set BytesPerSecond to -1 for no limit/);
  });

  it('no message of a request file uses .dsi syntax, and no message of an intent a bare API literal', () => {
    const dsi = intent('atime none', 'mtime preserve', 'transfer all', 'deleted remove', 'uid name', 'include "a" "*.txt"', 'exclude "b"');
    const json = request({
      OverrideOptions: { Atime: 'NONE', Mtime: 'PRESERVE', TransferMode: 'ALL', PreserveDeletedFiles: 'REMOVE', Uid: 'NAME' },
      Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: 'a|*.txt' }],
      Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: 'b' }],
    });
    const fromDsi = lint(dsi, { filename: 'x.dsi', readFile: () => '' }).diagnostics;
    const fromJson = lint(json, { filename: 'x.json' }).diagnostics;
    expect(fromDsi.map((d) => d.ruleId).sort()).toEqual(fromJson.map((d) => d.ruleId).sort());
    expect(fromDsi.length).toBeGreaterThanOrEqual(6);
    for (const d of fromJson) expect(d.message).not.toMatch(/`(atime|mtime|transfer|deleted|uid|include|exclude)\b|\bwrite `/);
    for (const d of fromDsi) expect(d.message).not.toMatch(/\b(Atime|Mtime|TransferMode|PreserveDeletedFiles|Uid|Includes|Excludes)\b|\b(NONE|PRESERVE|ALL|REMOVE|NAME)\b/);
  });
});
