// How a platform team tests its policies and plugin rules: cases as ESLint's RuleTester takes
// them, run by vitest. Run with the project's tests (`npm test`).
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { RuleTester } from 'datasync-intent/testing';
import { rules } from './shared/plugins/acme.mjs';

const policy = readFileSync(new URL('./shared/prod-guardrails.dsi', import.meta.url), 'utf8');
const example = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const tester = new RuleTester({ describe, it });

const BROKEN = `intent nightly {
  task "arn:aws:datasync:us-east-1:111122223333:task/task-0a1b2c3d4e5f60718"
  verify none
  deleted remove
  bandwidth 1 GiB/s
  tag env = "prod"
  tag team = "media"
}
`;

const BROKEN_REQUEST = `{
  "TaskArn": "arn:aws:datasync:us-east-1:111122223333:task/task-0a1b2c3d4e5f60718",
  "OverrideOptions": { "VerifyMode": "NONE", "PreserveDeletedFiles": "REMOVE", "BytesPerSecond": 1073741824 },
  "Tags": [{ "Key": "env", "Value": "prod" }, { "Key": "team", "Value": "media" }]
}
`;

tester.runPolicy(policy, {
  valid: [
    { name: 'a compliant intent', code: example('./prod/replicate-media.dsi') },
    { name: 'the same as a request file', code: example('./prod/replicate-media.datasync.json'), filename: 'replicate-media.datasync.json' },
    { name: 'outside the scope: not tagged env=prod', code: example('./sandbox/scratch-sync.dsi') },
  ],
  invalid: [
    {
      name: 'an intent that breaks all four clauses',
      code: BROKEN,
      errors: [
        { ruleId: 'prod-guardrails/1', line: 3, column: 10, message: '`verify none`: prod-guardrails requires `only-files-transferred` or `point-in-time-consistent` — because an unverified copy is not a backup' },
        { ruleId: 'prod-guardrails/2', line: 4, column: 11, message: '`deleted remove`: prod-guardrails forbids it; write `deleted preserve` — because production data is never deleted by sync' },
        { ruleId: 'prod-guardrails/3', line: 1, column: 8, message: 'tag `cost-center` is not set: prod-guardrails requires it; add `tag cost-center = "…"` — because every run is charged to a team' },
        { ruleId: 'prod-guardrails/4', line: 5, column: 13, message: '`bandwidth 1 GiB/s`: prod-guardrails allows at most `500 MiB/s`; write `bandwidth 500 MiB/s` or less — because the site link is shared with production traffic' },
      ],
    },
    {
      name: 'the same request file, in API words',
      code: BROKEN_REQUEST,
      filename: 'nightly.datasync.json',
      errors: [
        { ruleId: 'prod-guardrails/1', line: 3, messageIncludes: '`OverrideOptions.VerifyMode` is "NONE"' },
        { ruleId: 'prod-guardrails/2', line: 3, messageIncludes: '`OverrideOptions.PreserveDeletedFiles` is "REMOVE"' },
        { ruleId: 'prod-guardrails/3', line: 1, messageIncludes: '`Tags` has no key "cost-center"' },
        { ruleId: 'prod-guardrails/4', line: 3, messageIncludes: 'allows at most 524288000 (500 MiB/s)' },
      ],
    },
  ],
});

tester.run(rules[0], {
  valid: [{ name: 'a task in an allowed account', payload: { TaskArn: 'arn:aws:datasync:us-east-1:111122223333:task/task-0a1b2c3d4e5f60718' }, options: { accounts: ['111122223333'] } }],
  invalid: [
    {
      name: 'a task in another account',
      payload: { TaskArn: 'arn:aws:datasync:us-east-1:999922223333:task/task-0a1b2c3d4e5f60718' },
      options: { accounts: ['111122223333'] },
      errors: [{ messageId: 'account', pointer: '/TaskArn', message: 'the task is in account 999922223333, which is not one of ours (111122223333); use a task in an allowed account' }],
    },
  ],
});
