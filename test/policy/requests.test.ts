/** Policies over hand-written request files: the same payload view, tags from `Tags`, messages in the API's words. */
import { describe, expect, it } from 'vitest';
import { allDiagnostics, checkUnit } from '../../src/check/index.js';
import { loadPolicyFile } from '../../src/compiler/index.js';
import { requestUnit } from '../../src/requests/index.js';
import { memoryFs } from '../helpers.js';
import { GUARDRAILS, show } from './helpers.js';



const loaded = loadPolicyFile(GUARDRAILS, { filename: 'policies.dsi', readFile: memoryFs({}) });

/** Lints a request file with the configured policies and no other rules. */
function lintRequest(text: string, file = 'x.datasync.json'): string[] {
  return show(allDiagnostics(checkUnit(requestUnit(text, file), { rules: [], policies: loaded.policies })));
}

describe('policies from configuration', () => {
  it('loadPolicyFile reads the policies of a .dsi file, with its problems', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.policies.map((p) => [p.name, p.scope.length, p.assertions.length])).toEqual([['prod-guardrails', 1, 5]]);
    const broken = loadPolicyFile('policy p { require verfy none }', { filename: 'bad.dsi', readFile: memoryFs({}) });
    expect(show(broken.diagnostics)).toEqual(['bad.dsi:1:20 error unknown-statement: unknown statement `verfy` after `require`; did you mean `verify`?']);
  });
});

describe('a request file under the policy of LANGUAGE.md', () => {
  it('breaking four clauses: four diagnostics in the API\'s words, at the members, the clause in the policy file as related', () => {
    const json = `{
  "TaskArn": "arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026",
  "OverrideOptions": {
    "VerifyMode": "NONE",
    "PreserveDeletedFiles": "REMOVE",
    "BytesPerSecond": -1
  },
  "Tags": [
    { "Key": "env", "Value": "prod" },
    { "Key": "team", "Value": "storage" },
    { "Key": "cost-center", "Value": "cc-1" }
  ]
}
`;
    expect(lintRequest(json)).toEqual([
      'x.datasync.json:1:1 error prod-guardrails/3: `TaskReportConfig` is not set: prod-guardrails requires it; add it [policies.dsi:5:3 required by prod-guardrails]',
      'x.datasync.json:4:19 error prod-guardrails/1: `OverrideOptions.VerifyMode` is "NONE": prod-guardrails requires "ONLY_FILES_TRANSFERRED" or "POINT_IN_TIME_CONSISTENT" [policies.dsi:3:3 required by prod-guardrails]',
      'x.datasync.json:5:29 error prod-guardrails/4: `OverrideOptions.PreserveDeletedFiles` is "REMOVE": prod-guardrails forbids it; set it to "PRESERVE" — because production data is never deleted by sync [policies.dsi:6:3 forbidden by prod-guardrails]',
      'x.datasync.json:6:23 error prod-guardrails/5: `OverrideOptions.BytesPerSecond` is -1 (unlimited): prod-guardrails allows at most 524288000 (500 MiB/s); set it to 524288000 or less [policies.dsi:7:3 limited by prod-guardrails]',
    ]);
  });

  it('missing tags and an unset bandwidth, in YAML', () => {
    const yaml = `TaskArn: arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026
OverrideOptions:
  VerifyMode: ONLY_FILES_TRANSFERRED
TaskReportConfig:
  Destination:
    S3:
      S3BucketArn: arn:aws:s3:::reports
      BucketAccessRoleArn: arn:aws:iam::111122223333:role/reports
  OutputType: STANDARD
Tags:
  - Key: env
    Value: prod
`;
    expect(lintRequest(yaml, 'x.datasync.yaml')).toEqual([
      'x.datasync.yaml:1:1 error prod-guardrails/2: `Tags` has no keys "team", "cost-center": prod-guardrails requires them; add `{"Key": "team", "Value": "…"}` and `{"Key": "cost-center", "Value": "…"}` [policies.dsi:4:3 required by prod-guardrails]',
      'x.datasync.yaml:1:1 warning prod-guardrails/5: `OverrideOptions.BytesPerSecond` is not set, so the task\'s own setting applies, which may be unlimited: prod-guardrails allows at most 524288000 (500 MiB/s); set it to 524288000 or less [policies.dsi:7:3 limited by prod-guardrails]',
    ]);
  });

  it('a compliant request is clean, and one outside the scope is untouched', () => {
    const compliant = {
      TaskArn: 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026',
      OverrideOptions: { VerifyMode: 'POINT_IN_TIME_CONSISTENT', PreserveDeletedFiles: 'PRESERVE', BytesPerSecond: 1048576 },
      TaskReportConfig: { Destination: { S3: { S3BucketArn: 'arn:aws:s3:::r', BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/r' } }, OutputType: 'STANDARD' },
      Tags: [
        { Key: 'env', Value: 'prod' },
        { Key: 'team', Value: 't' },
        { Key: 'cost-center', Value: 'c' },
      ],
    };
    expect(lintRequest(JSON.stringify(compliant, null, 2))).toEqual([]);
    const outside = { TaskArn: compliant.TaskArn, OverrideOptions: { VerifyMode: 'NONE', PreserveDeletedFiles: 'REMOVE' }, Tags: [{ Key: 'env', Value: 'dev' }] };
    expect(lintRequest(JSON.stringify(outside))).toEqual([]);
  });

  it('the same policy in the unit and in the options is one policy, not a duplicate', () => {
    const unit = { ...requestUnit('{"TaskArn": "arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026"}', 'r.json'), policies: loaded.policies };
    const r = checkUnit(unit, { rules: [], policies: loaded.policies });
    expect(r.diagnostics).toEqual([]);
    // The ids a `dsi-ignore` may name, for whoever judges waivers.
    expect(r.policyRules.map((x) => x.id)).toEqual(['prod-guardrails/1', 'prod-guardrails/2', 'prod-guardrails/3', 'prod-guardrails/4', 'prod-guardrails/5']);
  });
});
