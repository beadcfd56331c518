import { describe, expect, it } from 'vitest';
import { createCompileCache } from '../../src/compiler/index.js';
import { compile } from '../../src/project/compile.js';
import { allDiagnostics, compileFiles } from '../helpers.js';

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
const task = `task "${ARN}"`;

/** Compiles one in-memory file and returns its only intent's payload (asserting no errors). */
function payloadOf(body: string, extra = ''): unknown {
  const r = compileFiles({ 'a.dsi': `${extra}\nintent x {\n  ${task}\n${body}\n}\n` }, 'a.dsi', { rules: false });
  expect(allDiagnostics(r).filter((d) => d.severity === 'error')).toEqual([]);
  return r.intents[0].payload;
}

function errorsOf(files: Record<string, string>, entry = 'a.dsi') {
  return allDiagnostics(compileFiles(files, entry, { rules: false })).filter((d) => d.severity === 'error');
}

describe('values', () => {
  it.each([
    ['100 MiB/s', 104857600],
    ['1.5 GB/s', 1500000000],
    ['1.005 MB/s', 1005000],
    ['1_048_576 B/s', 1048576],
    ['1 kB/s', 1000],
    ['2 TiB/s', 2 * 1024 ** 4],
    ['0 B/s', 0],
    ['unlimited', -1],
  ])('bandwidth %s → %d bytes per second', (text, bytes) => {
    expect(payloadOf(`bandwidth ${text}`)).toEqual({ TaskArn: ARN, OverrideOptions: { BytesPerSecond: bytes } });
  });

  it.each([
    ['1.0005 kB/s', /not a whole number of bytes/],
    ['100 MiB', /a bandwidth is a rate: write `100 MiB\/s`/],
    ['100', /a bandwidth needs a unit/],
    ['9300000 TB/s', /more than a 64-bit whole number holds/],
    ['fast', /unknown bandwidth `fast`/],
  ])('bandwidth %s is an error at the value', (text, message) => {
    const errors = errorsOf({ 'a.dsi': `intent x {\n  ${task}\n  bandwidth ${text}\n}` });
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(message);
    expect(errors[0].range.start).toMatchObject({ line: 3, column: 13 });
  });

  it('matches API literals in any case, with _ and - alike', () => {
    expect(payloadOf('verify POINT_IN_TIME_CONSISTENT\nuid Name\nlog transfer\nobject-tags None')).toEqual({
      TaskArn: ARN,
      OverrideOptions: { VerifyMode: 'POINT_IN_TIME_CONSISTENT', Uid: 'NAME', LogLevel: 'TRANSFER', ObjectTags: 'NONE' },
    });
  });

  it('an unknown value gets a did-you-mean from the valid set', () => {
    const [e] = errorsOf({ 'a.dsi': `intent x {\n  ${task}\n  verify only-file-transfered\n}` });
    expect(e.ruleId).toBe('unknown-value');
    expect(e.message).toContain('did you mean `only-files-transferred`?');
    expect(e.range.start).toMatchObject({ line: 3, column: 10 });
    expect(e.range.end.column).toBe(10 + 'only-file-transfered'.length);
  });

  it('s3:// addresses become bucket ARNs in the task partition', () => {
    const cn = 'arn:aws-cn:datasync:cn-north-1:111122223333:task/task-08de6e6697796f026';
    const r = compileFiles(
      { 'a.dsi': `intent x {\n task "${cn}"\n manifest "s3://m-bucket/lists/today.csv" version "v1" role "arn:aws-cn:iam::111122223333:role/r"\n report { to "s3://reports" role "arn:aws-cn:iam::111122223333:role/r" output summary-only }\n}` },
      'a.dsi',
      { rules: false },
    );
    expect(allDiagnostics(r).filter((d) => d.severity === 'error')).toEqual([]);
    expect(JSON.stringify(r.intents[0].payload)).toBe(
      JSON.stringify({
        TaskArn: cn,
        ManifestConfig: {
          Action: 'TRANSFER',
          Format: 'CSV',
          Source: {
            S3: {
              ManifestObjectPath: 'lists/today.csv',
              BucketAccessRoleArn: 'arn:aws-cn:iam::111122223333:role/r',
              S3BucketArn: 'arn:aws-cn:s3:::m-bucket',
              ManifestObjectVersionId: 'v1',
            },
          },
        },
        TaskReportConfig: {
          Destination: { S3: { S3BucketArn: 'arn:aws-cn:s3:::reports', BucketAccessRoleArn: 'arn:aws-cn:iam::111122223333:role/r' } },
          OutputType: 'SUMMARY_ONLY',
        },
      }),
    );
  });

  it('a manifest address must name an object', () => {
    const [e] = errorsOf({ 'a.dsi': `intent x {\n ${task}\n manifest "s3://b/" role "arn:aws:iam::111122223333:role/r"\n}` });
    expect(e.message).toMatch(/names the manifest object/);
  });

  it('escaped pipes pass through; unescaped pipes in a pattern are errors', () => {
    expect(payloadOf('exclude "a\\\\|b" "c"')).toEqual({ TaskArn: ARN, Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: 'a\\|b|c' }] });
    const [e] = errorsOf({ 'a.dsi': `intent x {\n ${task}\n include "/a|/b"\n}` });
    expect(e.message).toContain('write them as separate strings ("/a" "/b")');
  });

  it('several include statements in one block are joined into one rule', () => {
    expect(payloadOf('include "/a"\ninclude "/b" "/c"')).toEqual({ TaskArn: ARN, Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a|/b|/c' }] });
  });
});

describe('set', () => {
  it('puts JSON at any path, re-keyed into canonical order', () => {
    const p = payloadOf('set TaskReportConfig = { "OutputType": "STANDARD", "Destination": { "S3": { "BucketAccessRoleArn": "arn:aws:iam::111122223333:role/r", "S3BucketArn": "arn:aws:s3:::b" } } }\nset Tags[0] = { "Value": "v", "Key": "k" }');
    expect(JSON.stringify(p)).toBe(
      JSON.stringify({
        TaskArn: ARN,
        TaskReportConfig: { Destination: { S3: { S3BucketArn: 'arn:aws:s3:::b', BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/r' } }, OutputType: 'STANDARD' },
        Tags: [{ Key: 'k', Value: 'v' }],
      }),
    );
  });

  it('overrides what a parent set at the same path or below', () => {
    const r = compileFiles(
      { 'a.dsi': `template t { verify none\n queueing enabled }\nintent x extends t {\n ${task}\n set OverrideOptions = { "LogLevel": "BASIC" }\n}` },
      'a.dsi',
      { rules: false },
    );
    expect(r.intents[0].payload).toEqual({ TaskArn: ARN, OverrideOptions: { LogLevel: 'BASIC' } });
  });

  it('is an error beside a statement of the same field in one block, at the later one', () => {
    const [e] = errorsOf({ 'a.dsi': `intent x {\n ${task}\n verify none\n set OverrideOptions.VerifyMode = "NONE"\n}` });
    expect(e.ruleId).toBe('duplicate');
    expect(e.range.start).toMatchObject({ line: 4, column: 6 });
    expect(e.related?.[0].range.start.line).toBe(3);
  });

  it('schema errors inside a set value point at the member', () => {
    const r = compileFiles({ 'a.dsi': `intent x {\n ${task}\n set OverrideOptions = {\n  "VerifyMode": "SOMETIMES"\n }\n}` }, 'a.dsi', { rules: false });
    const [e] = allDiagnostics(r);
    expect(e.ruleId).toBe('schema');
    expect(e.range.start.line).toBe(4);
  });
});

describe('extends and merging', () => {
  it('later parents override earlier ones; the intent overrides all; tags merge in place; include replaces', () => {
    const files = {
      'base.dsi': 'template a { verify none\n overwrite always\n tag env = "dev"\n tag owner = "x"\n include "/a" }\ntemplate b { verify only-files-transferred\n tag env = "prod" }',
      'a.dsi': `import "./base.dsi"\nintent x extends a, b {\n ${task}\n overwrite never\n tag owner = "y"\n tag extra = "z"\n include "/b"\n}`,
    };
    const r = compileFiles(files, 'a.dsi', { rules: false });
    expect(allDiagnostics(r)).toEqual([]);
    expect(JSON.stringify(r.intents[0].payload)).toBe(
      JSON.stringify({
        TaskArn: ARN,
        OverrideOptions: { VerifyMode: 'ONLY_FILES_TRANSFERRED', OverwriteMode: 'NEVER' },
        Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/b' }],
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'owner', Value: 'y' },
          { Key: 'extra', Value: 'z' },
        ],
      }),
    );
  });

  it('a block is inherited whole or replaced whole', () => {
    const r = compileFiles(
      { 'a.dsi': `template t { report { to "s3://r/x/" role "arn:aws:iam::111122223333:role/r" output standard } }\nintent x extends t {\n ${task}\n report { to "s3://q" role "arn:aws:iam::111122223333:role/q" }\n}` },
      'a.dsi',
      { rules: false },
    );
    expect(r.intents[0].payload?.TaskReportConfig).toEqual({ Destination: { S3: { S3BucketArn: 'arn:aws:s3:::q', BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/q' } } });
  });

  it('extends may name an intent, and a file sees only what it imports directly', () => {
    const files = {
      'c.dsi': 'template deep { verify none }',
      'b.dsi': `import "./c.dsi"\nintent parent extends deep { ${task} }`,
      'a.dsi': 'import "./b.dsi"\nintent child extends parent { overwrite never }\nintent other extends deep { }',
    };
    const r = compileFiles(files, 'a.dsi', { rules: false });
    expect(r.intents.map((i) => i.name)).toEqual(['child', 'other']);
    expect(r.intents[0].payload).toEqual({ TaskArn: ARN, OverrideOptions: { VerifyMode: 'NONE', OverwriteMode: 'NEVER' } });
    const unknown = r.diagnostics.find((d) => d.ruleId === 'unknown-name');
    expect(unknown).toMatchObject({ file: 'a.dsi', range: { start: { line: 3, column: 22 } } });
  });

  it('unknown parents get a did-you-mean', () => {
    const [e] = errorsOf({ 'a.dsi': 'template org-defaults { }\nintent x extends org-defualts { }' }).filter((d) => d.ruleId === 'unknown-name');
    expect(e.message).toContain('did you mean `org-defaults`?');
    expect(e.range.start).toMatchObject({ line: 2, column: 18 });
  });

  it('an extends cycle is reported at the extends that closes it', () => {
    const errors = errorsOf({ 'a.dsi': 'template a extends b { }\ntemplate b extends a { }' });
    const cycles = errors.filter((d) => d.ruleId === 'cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0].range.start).toMatchObject({ line: 2, column: 20 });
    expect(cycles[0].message).toContain('a → b → a');
  });

  it('schema errors are reported where the value was written, through extends and imports', () => {
    const files = {
      'defaults.dsi': 'template org {\n  tag owner = "café"\n}',
      'a.dsi': `import "./defaults.dsi"\nintent x extends org { ${task} }`,
    };
    const r = compileFiles(files, 'a.dsi', { rules: false });
    const [e] = r.intents[0].diagnostics;
    expect(e).toMatchObject({ file: 'defaults.dsi', ruleId: 'schema', range: { start: { line: 2, column: 15 } } });
    expect(e.message).toContain('é');
  });
});

describe('file-level errors', () => {
  it('a missing import names the file, line and column', () => {
    const [e] = errorsOf({ 'a.dsi': 'import "./nope.dsi"\n' });
    expect(e).toMatchObject({ ruleId: 'import', range: { start: { line: 1, column: 8 } } });
    expect(e.message).toContain('no such file');
  });

  it('an import cycle is an error at the import that closes it', () => {
    const errors = errorsOf({ 'a.dsi': 'import "./b.dsi"', 'b.dsi': 'import "./a.dsi"' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'b.dsi', ruleId: 'cycle' });
  });

  it('a name both imported and declared is an error at the later one, once', () => {
    const errors = errorsOf({ 'b.dsi': 'template t { }', 'a.dsi': 'template t { }\nimport "./b.dsi"\nintent x extends t { }' });
    expect(errors.map((e) => e.ruleId)).toEqual(['duplicate-name', 'missing-task']);
    expect(errors[0].range.start).toMatchObject({ line: 2, column: 8 });
  });

  it('duplicate statements in one block are errors at the later statement with the earlier related', () => {
    const [e] = errorsOf({ 'a.dsi': `intent x {\n ${task}\n verify none\n verify none\n tag a = "1"\n tag a = "2"\n}` });
    expect(e).toMatchObject({ ruleId: 'duplicate', range: { start: { line: 4, column: 9 } } });
    expect(e.related?.[0].range.start.line).toBe(3);
    const errors = errorsOf({ 'a.dsi': `intent x {\n ${task}\n tag a = "1"\n tag a = "2"\n}` });
    expect(errors[0]).toMatchObject({ ruleId: 'duplicate', range: { start: { line: 4, column: 6 } } });
  });

  it('an intent without a task is an error at its name', () => {
    const [e] = errorsOf({ 'a.dsi': 'intent lonely { verify none }' });
    expect(e).toMatchObject({ ruleId: 'missing-task', range: { start: { line: 1, column: 8 } } });
  });

  it('syntax errors are reported with positions, and compile never throws', () => {
    const r = compile('intent x {\n  include\n}\nintent y { verify none ', { filename: 'a.dsi', readFile: () => '' });
    // The top level holds every problem: the files' syntax errors and each intent's own (a missing task).
    const missingTask = (name: string) => `intent \`${name}\` has no \`task\`; add \`task "arn:aws:datasync:REGION:ACCOUNT:task/task-…"\` or extend a template that has one`;
    expect(r.diagnostics.map((d) => [d.ruleId, d.range.start.line, d.range.start.column, d.message])).toEqual([
      ['missing-task', 1, 8, missingTask('x')],
      ['syntax', 3, 1, 'expected a pattern in double quotes after `include`, found `}`'],
      ['missing-task', 4, 8, missingTask('y')],
      ['syntax', 4, 10, 'the `{` of this intent or template is not closed; add `}` before the end of the file'],
    ]);
    expect(r.intents.map((i) => i.diagnostics.map((d) => d.ruleId))).toEqual([['missing-task'], ['missing-task']]);
  });
});

describe('messages in the language', () => {
  it('a report block without role or bucket says what to add to the block', () => {
    const r = compileFiles({ 'a.dsi': `intent x {\n ${task}\n report { to "s3://b/x/" output standard }\n}` }, 'a.dsi', { rules: false });
    const [e] = r.intents[0].diagnostics;
    expect(e).toMatchObject({ ruleId: 'schema', range: { start: { line: 3, column: 2 } } });
    expect(e.message).toContain('add `role "arn:aws:iam::ACCOUNT:role/NAME"` to the report block');
    const noBucket = compileFiles({ 'a.dsi': `intent x {\n ${task}\n report { role "arn:aws:iam::111122223333:role/r" output standard }\n}` }, 'a.dsi', { rules: false });
    expect(noBucket.intents[0].diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('add `to "s3://bucket/prefix/"`')]);
  });
});

describe('hostile and edge inputs', () => {
  it('`constructor` and other Object.prototype names are unknown values, not lookups', () => {
    for (const body of ['verify constructor', 'task "x" { mode constructor }', 'task "x" { to s3 storage-class constructor }', 'task "x" { from toString }']) {
      const errors = errorsOf({ 'a.dsi': `intent x {\n ${body.startsWith('task') ? '' : task}\n ${body}\n}` });
      expect(errors.some((e) => e.ruleId === 'unknown-value'), body).toBe(true);
    }
  });

  it('an intent’s own tag beats a parent’s `set` inside Tags', () => {
    const r = compileFiles(
      { 'a.dsi': `template gp { tag a = "1" }\ntemplate par extends gp { set Tags[0].Value = "x" }\nintent a extends par {\n ${task}\n tag a = "2"\n}` },
      'a.dsi',
      { rules: false },
    );
    expect(r.intents[0].payload?.Tags).toEqual([{ Key: 'a', Value: '2' }]);
  });

  it('imports by absolute path', () => {
    const r = compileFiles({ '/abs/lib/t.dsi': 'template t { verify none }', 'a.dsi': `import "/abs/lib/t.dsi"\nintent x extends t { ${task} }` }, 'a.dsi', { rules: false });
    expect(allDiagnostics(r)).toEqual([]);
    expect(r.intents[0].payload?.OverrideOptions).toEqual({ VerifyMode: 'NONE' });
  });

  it('a `set` value nested too deep is one syntax error, not a crash', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const r = compile(`intent x {\n ${task}\n set Includes = ${deep}\n verify none\n}`, { filename: 'a.dsi', readFile: () => '' });
    const errors = allDiagnostics(r).filter((d) => d.severity === 'error');
    expect(errors.map((e) => e.ruleId)).toEqual(['syntax']);
    expect(errors[0].message).toContain('deeper than 64 levels');
    expect(r.intents[0].payload?.OverrideOptions).toEqual({ VerifyMode: 'NONE' });
  });

  it('`__proto__` in a set value is an ordinary (unknown) member', () => {
    const r = compileFiles({ 'a.dsi': `intent x {\n ${task}\n set OverrideOptions = { "__proto__": { "x": 1 }, "TaskQueueing": "ENABLED" }\n}` }, 'a.dsi', { rules: false });
    const [e] = allDiagnostics(r);
    expect(e).toMatchObject({ ruleId: 'schema', messageId: 'unknown-member' });
  });

  it('numbers past 64 bits, or past any number, are errors at the number (2^53 to 2^63−1: test/core/long.test.ts)', () => {
    const [big] = errorsOf({ 'a.dsi': `intent x {\n ${task}\n set OverrideOptions.BytesPerSecond = 9_223_372_036_854_775_808\n}` });
    expect(big).toMatchObject({ ruleId: 'invalid-value', range: { start: { line: 3, column: 39 } } });
    expect(big.message).toContain('does not fit in a 64-bit whole number');
    const [inf] = errorsOf({ 'a.dsi': `intent x {\n ${task}\n set OverrideOptions.BytesPerSecond = 1e400\n}` });
    expect(inf.message).toContain('too large');
  });

  it('a bad report address is one error, with a hint for an upper-case scheme', () => {
    const errors = errorsOf({ 'a.dsi': `intent x {\n ${task}\n report { to "S3://b/x/" role "arn:aws:iam::111122223333:role/r" output standard }\n}` });
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('write the scheme in lower case: "s3://b/x/"');
  });

  it('a member missing inside what a `set` created points at the `set`', () => {
    const r = compileFiles({ 'a.dsi': `intent x {\n ${task}\n set ManifestConfig.Source.S3.ManifestObjectPath = "m.csv"\n}` }, 'a.dsi', { rules: false });
    const required = allDiagnostics(r).filter((d) => d.messageId === 'required');
    expect(required.length).toBeGreaterThan(0);
    for (const d of required) expect(d.range.start.line).toBe(3);
  });

  it('a member path into a list asks for an index', () => {
    const [e] = errorsOf({ 'a.dsi': `template t { tag a = "b" }\nintent x extends t {\n ${task}\n set Tags.Key = "x"\n}` });
    expect(e.message).toContain('Tags is a list: name an item by its index, as in `Tags[0].Key`');
  });

  it('an empty intent name is an error', () => {
    const [e] = errorsOf({ 'a.dsi': `intent "" { ${task} }` });
    expect(e).toMatchObject({ ruleId: 'invalid-value', range: { start: { line: 1, column: 8 } } });
  });

  it('language errors cannot be excused by dsi-ignore', () => {
    const r = compileFiles({ 'a.dsi': `intent x {\n ${task}\n # dsi-ignore unknown-value -- x\n verify nonee\n}\n# dsi-ignore missing-task -- x\nintent y { verify none }` }, 'a.dsi', { rules: false });
    expect(allDiagnostics(r).map((d) => d.ruleId).sort()).toEqual(['missing-task', 'unknown-value']);
  });

  it('a schema error on BytesPerSecond is reported at the line of the imported template that wrote it', () => {
    const files = { 'd.dsi': 'template slow {\n  set OverrideOptions.BytesPerSecond = -7\n}', 'a.dsi': `import "./d.dsi"\nintent x extends slow { ${task} }` };
    const [e] = compileFiles(files, 'a.dsi', { rules: false }).intents[0].diagnostics;
    expect(e).toMatchObject({ file: 'd.dsi', ruleId: 'schema', range: { start: { line: 2, column: 40 } } });
  });
});

describe('helpful messages', () => {
  it('a unit in the wrong case is one error that names the right spelling', () => {
    const errors = errorsOf({ 'a.dsi': `intent x {\n ${task}\n bandwidth 100 mib/s\n}` });
    expect(errors.map((e) => e.message)).toEqual(['units are written exactly: `MiB`, not `mib`']);
  });

  it('a name declared in a file imported only indirectly says which import to add', () => {
    const files = { 'c.dsi': 'template deep { }', 'b.dsi': 'import "./c.dsi"\ntemplate mid { }', 'a.dsi': 'import "./b.dsi"\ntemplate x extends deep { }' };
    const [e] = errorsOf(files);
    expect(e.message).toContain('it is declared in c.dsi, which this file does not import');
    expect(e.message).toContain('add `import "./c.dsi"`');
  });

  it('a did-you-mean never suggests the declaration itself, nor far-fetched short names', () => {
    const [self] = errorsOf({ 'a.dsi': 'template abc extends abd { }' });
    expect(self.message).not.toContain('did you mean');
    const [short] = errorsOf({ 'a.dsi': 'template xy { }\ntemplate t extends q { }' });
    expect(short.message).not.toContain('did you mean');
  });
});

describe('fewer cascades, clearer words', () => {
  it('names an import would have brought get no second error when the import fails', () => {
    const errors = errorsOf({ 'a.dsi': `import "./gone.dsi"\nintent x extends org-defaults { ${task} }` });
    expect(errors.map((e) => e.ruleId)).toEqual(['import']);
  });

  it('two swapped letters still get a did-you-mean', () => {
    const [e] = errorsOf({ 'a.dsi': `intent x {\n task "${ARN}" { from nsf }\n}` });
    expect(e.message).toContain('did you mean `nfs`?');
  });

  it('compile() without options still answers, with a default file name', () => {
    const r = compile('intent x { verify none }');
    expect(r.intents[0].diagnostics[0]).toMatchObject({ file: 'input.dsi', ruleId: 'missing-task' });
  });
});

describe('a cache shared by the compiles of one run', () => {
  it('parses an imported file once (and keeps only imported files), gives the same results, and notices a changed text', () => {
    const files: Record<string, string> = {
      'defaults.dsi': 'template t {\n  verify none\n  tag owner = "café"\n}',
      'a.dsi': `import "./defaults.dsi"\nintent a extends t { ${task} }`,
      'b.dsi': `import "./defaults.dsi"\nintent b extends t { ${task} }`,
    };
    const cache = createCompileCache();
    const plain = ['a.dsi', 'b.dsi'].map((f) => compileFiles(files, f, { rules: false }));
    const cached = ['a.dsi', 'b.dsi'].map((f) => compileFiles(files, f, { rules: false, cache }));
    expect(cached.map((r) => r.intents.map((i) => [i.payload, i.diagnostics]))).toEqual(plain.map((r) => r.intents.map((i) => [i.payload, i.diagnostics])));
    expect([...cache.parsed.values()].map((e) => e.name).sort()).toEqual(['defaults.dsi']);
    const first = [...cache.parsed.values()].find((e) => e.name === 'defaults.dsi')!.result;
    compileFiles(files, 'a.dsi', { rules: false, cache });
    expect([...cache.parsed.values()].find((e) => e.name === 'defaults.dsi')!.result).toBe(first);
    const changed = compileFiles({ ...files, 'defaults.dsi': 'template t { verify all-wrong }' }, 'a.dsi', { rules: false, cache });
    expect(changed.diagnostics.map((d) => d.ruleId)).toEqual(['unknown-value']);
  });
});
