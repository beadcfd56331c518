/** `policy` blocks enforce: one rule per assertion, placed where the setting was written, the clause as related location. */
import { describe, expect, it } from 'vitest';
import { compileFiles } from '../helpers.js';
import { GUARDRAILS, show } from './helpers.js';

const TASK = 'task "arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026"';
const REPORT = 'report {\n    to "s3://acme-reports/nightly/"\n    role "arn:aws:iam::111122223333:role/reports"\n    output standard\n  }';


const check = (files: Record<string, string>, entry = 'main.dsi') => compileFiles(files, entry);

describe('the policy of LANGUAGE.md', () => {
  it('an intent breaking four clauses gets four diagnostics, each at the setting, naming the clause, with the reason', () => {
    const main = `${GUARDRAILS}
intent nightly {
  ${TASK}
  verify none
  deleted remove
  bandwidth unlimited
  tag env = "prod"
  tag team = "storage"
  tag cost-center = "cc-1"
}
`;
    const r = check({ 'main.dsi': main });
    expect(show(r.diagnostics)).toEqual([
      'main.dsi:10:8 error prod-guardrails/3: `report` is not set: prod-guardrails requires it; add a `report { … }` block [main.dsi:5:3 required by prod-guardrails]',
      'main.dsi:12:10 error prod-guardrails/1: `verify none`: prod-guardrails requires `only-files-transferred` or `point-in-time-consistent` [main.dsi:3:3 required by prod-guardrails]',
      'main.dsi:13:11 error prod-guardrails/4: `deleted remove`: prod-guardrails forbids it; write `deleted preserve` — because production data is never deleted by sync [main.dsi:6:3 forbidden by prod-guardrails]',
      'main.dsi:14:13 error prod-guardrails/5: `bandwidth unlimited`: prod-guardrails allows at most `500 MiB/s`; write `bandwidth 500 MiB/s` or less [main.dsi:7:3 limited by prod-guardrails]',
    ]);
    expect(r.intents[0].payload).toBeUndefined();
    expect(r.diagnostics.map((d) => d.messageId)).toEqual(['missing', 'notAllowed', 'forbidden', 'overLimit']);
  });

  it('a missing tag names what is missing, at the intent\'s name', () => {
    const main = `${GUARDRAILS}\nintent nightly {\n  ${TASK}\n  verify only-files-transferred\n  ${REPORT}\n  bandwidth 100 MiB/s\n  tag env = "prod"\n}\n`;
    expect(show(check({ 'main.dsi': main }).diagnostics)).toEqual([
      'main.dsi:10:8 error prod-guardrails/2: tags `team`, `cost-center` are not set: prod-guardrails requires them; add `tag team = "…"` and `tag cost-center = "…"` [main.dsi:4:3 required by prod-guardrails]',
    ]);
  });

  it('a compliant intent is clean and compiles', () => {
    const main = `${GUARDRAILS}\nintent nightly {\n  ${TASK}\n  verify point-in-time-consistent\n  deleted preserve\n  ${REPORT}\n  bandwidth 500 MiB/s\n  tag env = "prod"\n  tag team = "storage"\n  tag cost-center = "cc-1"\n}\n`;
    const r = check({ 'main.dsi': main });
    expect(r.diagnostics).toEqual([]);
    expect(r.intents[0].payload).toBeDefined();
  });

  it('an intent outside the `when` scope is untouched', () => {
    for (const tags of ['tag env = "dev"', '', 'tag environment = "prod"']) {
      const main = `${GUARDRAILS}\nintent nightly {\n  ${TASK}\n  verify none\n  deleted remove\n  ${tags}\n}\n`;
      expect(check({ 'main.dsi': main }).diagnostics).toEqual([]);
    }
  });
});

describe('judged where it was written', () => {
  it('an inherited value is reported in the template\'s file; the scope tag may come from a template too', () => {
    const files = {
      'policies.dsi': GUARDRAILS,
      'defaults.dsi': 'template org-defaults {\n  deleted remove\n  tag env = "prod"\n}\n',
      'main.dsi': `import "./policies.dsi"\nimport "./defaults.dsi"\n\nintent nightly extends org-defaults {\n  ${TASK}\n  verify only-files-transferred\n  ${REPORT}\n  bandwidth 1 MiB/s\n  tag team = "t"\n  tag cost-center = "c"\n}\n`,
    };
    expect(show(check(files).diagnostics)).toEqual([
      'defaults.dsi:2:11 error prod-guardrails/4: `deleted remove`: prod-guardrails forbids it; write `deleted preserve` — because production data is never deleted by sync [policies.dsi:6:3 forbidden by prod-guardrails]',
    ]);
  });

  it('a file sees the policies of the files it imports directly, not of their imports', () => {
    const files = {
      'policies.dsi': 'policy strict { forbid deleted remove }\n',
      'middle.dsi': 'import "./policies.dsi"\ntemplate t { deleted remove }\n',
      'main.dsi': `import "./middle.dsi"\nintent a extends t { ${TASK} }\n`,
    };
    expect(check(files).diagnostics).toEqual([]);
    expect(show(check(files, 'middle.dsi').diagnostics)).toEqual([]); // a template alone is not compiled
  });
});

describe('assertions', () => {
  // Only the policy's rules: the built-in rules have their own tests.
  const run = (policy: string, body: string, context = '') =>
    show(
      check({ 'main.dsi': `${policy}\nintent a {\n  task "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0"${context}\n${body}\n}\n` }).diagnostics.filter((d) =>
        d.ruleId.startsWith('p/'),
      ),
    );

  it('`as NAME` names the rule; `warn` makes it a warning; numbers count assertions only', () => {
    const policy = 'policy p {\n  when tag env\n  forbid deleted remove as keep-data\n  require report warn\n  forbid log off\n}';
    expect(run(policy, '  tag env = "x"\n  deleted remove\n  log off')).toEqual([
      'main.dsi:7:8 warning p/2: `report` is not set: p requires it; add a `report { … }` block [main.dsi:4:3 required by p]',
      'main.dsi:10:11 error p/keep-data: `deleted remove`: p forbids it; write `deleted preserve` [main.dsi:3:3 forbidden by p]',
      'main.dsi:11:7 error p/3: `log off`: p forbids it; write `log basic` or `log transfer` [main.dsi:5:3 forbidden by p]',
    ]);
  });

  it('`unlimited` exceeds every limit; an unset bandwidth warns, or is judged by the task\'s stored setting when known', () => {
    const policy = 'policy p { limit bandwidth <= 10 MiB/s }';
    expect(run(policy, '  bandwidth unlimited')).toEqual([
      'main.dsi:4:13 error p/1: `bandwidth unlimited`: p allows at most `10 MiB/s`; write `bandwidth 10 MiB/s` or less [main.dsi:1:12 limited by p]',
    ]);
    expect(run(policy, '  bandwidth 11 MiB/s')).toHaveLength(1);
    expect(run(policy, '  bandwidth 10 MiB/s')).toEqual([]);
    expect(run(policy, '')).toEqual([
      'main.dsi:2:8 warning p/1: `bandwidth` is not set, so the task\'s own setting applies, which may be unlimited: p allows at most `10 MiB/s`; add `bandwidth 10 MiB/s` or less [main.dsi:1:12 limited by p]',
    ]);
    const stored = (bytes: number) =>
      show(
        compileFiles({ 'main.dsi': `${policy}\nintent a { ${TASK} }` }, 'main.dsi', { context: () => ({ options: { BytesPerSecond: bytes } }) }).diagnostics,
      );
    expect(stored(1024)).toEqual([]);
    expect(stored(-1)).toEqual([
      'main.dsi:2:8 error p/1: the task\'s stored `bandwidth unlimited` applies, as `bandwidth` is not set: p allows at most `10 MiB/s`; add `bandwidth 10 MiB/s` or less [main.dsi:1:12 limited by p]',
    ]);
  });

  it('`require` and `forbid` of statements, tags with values, and counts', () => {
    const policy = `policy p {
  require include
  forbid manifest
  require tag env = "prod" | "staging"
  forbid tag secret
  limit exclude <= 2
  limit tags <= 2
}`;
    const body = '  tag env = "dev"\n  tag secret = "x"\n  tag third = "y"\n  exclude "a" "b" "c"\n  manifest "s3://b/m.csv" role "arn:aws:iam::111122223333:role/r"';
    expect(run(policy, body)).toEqual([
      'main.dsi:9:8 error p/1: `include` is not set: p requires it; add an `include` statement [main.dsi:2:3 required by p]',
      'main.dsi:11:13 error p/3: `tag env = "dev"`: p requires "prod" or "staging" [main.dsi:4:3 required by p]',
      'main.dsi:12:7 error p/4: `tag secret = "x"`: p forbids this tag; remove it [main.dsi:5:3 forbidden by p]',
      'main.dsi:13:7 error p/6: 3 tags are set: p allows at most 2 [main.dsi:7:3 limited by p]',
      'main.dsi:14:19 error p/5: `exclude` has 3 patterns: p allows at most 2 [main.dsi:6:3 limited by p]',
      'main.dsi:15:3 error p/2: `manifest` is set: p forbids it; remove it [main.dsi:3:3 forbidden by p]',
    ]);
  });

  it('scopes that read the task context apply only where it is known', () => {
    const policy = 'policy p {\n  when mode enhanced\n  when to s3\n  forbid verify point-in-time-consistent\n}';
    const body = '  verify point-in-time-consistent';
    expect(run(policy, body)).toEqual([]);
    expect(run(policy, body, ' { mode enhanced }')).toEqual([]);
    expect(run(policy, body, ' { mode basic; to s3 }')).toEqual([]);
    expect(run(policy, body, ' { mode enhanced; to s3 }')).toHaveLength(1);
  });

  it('`when task` matches the task ARN against globs', () => {
    const policy = (glob: string) => `policy p {\n  when task "${glob}"\n  forbid log off\n}`;
    expect(run(policy('arn:aws:datasync:us-east-1:*:task/task-0123*'), '  log off')).toHaveLength(1);
    expect(run(policy('arn:aws:datasync:eu-*'), '  log off')).toEqual([]);
  });
});

describe('problems of policies', () => {
  const problems = (text: string) => show(check({ 'main.dsi': text }).diagnostics);

  it('unknown statements and values, with did-you-mean, at the word', () => {
    expect(
      problems('policy p {\n  require verfy none\n  forbid deleted remvoe\n  when mod enhanced\n  limit verify <= 1\n  when to s4\n  require bandwidth 1 Mib/s\n}'),
    ).toEqual([
      'main.dsi:2:11 error unknown-statement: unknown statement `verfy` after `require`; did you mean `verify`?',
      'main.dsi:3:18 error unknown-value: unknown option value `remvoe` for `deleted`; did you mean `remove`? Values: preserve, remove',
      'main.dsi:4:8 error unknown-statement: unknown scope `when mod`; did you mean `mode`?',
      'main.dsi:5:9 error unknown-statement: unknown statement `verify` after `limit`; `limit` takes `bandwidth`, `include`, `exclude`, `tags`',
      'main.dsi:6:11 error unknown-value: unknown location type `s4`; did you mean `s3`? Values: nfs, smb, hdfs, efs, fsx-windows, fsx-lustre, fsx-ontap, fsx-openzfs, s3, object-storage, azure-blob',
      'main.dsi:7:21 error invalid-value: units are written exactly: `MiB`, not `Mib`',
    ]);
  });

  it('forms that do not fit their statement', () => {
    expect(problems('policy p {\n  require report on\n  limit include < 3\n  forbid verify <= 3\n  limit tags <= 1.5\n  limit bandwidth <= unlimited\n}')).toEqual([
      'main.dsi:2:18 error invalid-value: `require report` takes no values: it asks whether the statement is there',
      'main.dsi:3:17 error invalid-value: a limit is written with `<=` (at most): write `limit include <= 10`',
      'main.dsi:4:17 error invalid-value: only `limit` takes `<=`; write `limit verify <= …`',
      'main.dsi:5:17 error invalid-value: `limit tags` counts tags: write a whole number such as `10`',
      'main.dsi:6:22 error invalid-value: `unlimited` is no limit; write a rate such as `500 MiB/s`, or remove this assertion',
    ]);
  });

  it('a policy name given twice, an id given twice, a name that cannot start a rule id', () => {
    const files = {
      'other.dsi': 'policy p { forbid log off }\n',
      'main.dsi': 'import "./other.dsi"\npolicy p { forbid log basic }\npolicy q {\n  forbid log off as x\n  forbid log basic as x\n}\npolicy "Prod Rules" { forbid log off }\n',
    };
    expect(show(check(files).diagnostics)).toEqual([
      'main.dsi:2:8 error duplicate-name: policy `p` is declared twice; rename one (its rules would share the ids `p/…`) [other.dsi:1:8 first declared here]',
      'main.dsi:5:23 error duplicate-name: rule id `q/x` is taken by another assertion of this policy; give this one another name [main.dsi:4:21 first declared here]',
      'main.dsi:7:8 error invalid-value: a policy name starts its rule ids (`NAME/1`), so it is lower-case letters and digits joined by `-`: write `prod-rules`',
    ]);
  });

  it('a policy rule can be excused like any rule, with a reason', () => {
    const main = `policy p { forbid log off }\nintent a {\n  ${TASK}\n  # dsi-ignore p/1 -- the debug run\n  log off\n}\n`;
    expect(check({ 'main.dsi': main }).diagnostics).toEqual([]);
  });
});
