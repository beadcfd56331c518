/**
 * The configuration in force, applied by the orchestrator and the library alike: policies named by
 * a config on a folder of intents and request files, locks that nothing nearer can undo, plugins
 * from configuration only, and compile()/lint() agreeing under the same configuration.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProject } from '../../src/project/project.js';
import { configure } from '../../src/project/settings.js';
import { compile } from '../../src/project/compile.js';
import { lint } from '../../src/project/lint.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { repoRoot, tempRepos } from '../helpers.js';

const { repo, alsoRemove } = tempRepos('dsi-configured-');

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0a1b2c3d4e5f60718';

const GUARDRAILS = `policy prod-guardrails {
  when tag env = "prod"
  require verify only-files-transferred | point-in-time-consistent because "an unverified copy is not a backup"
  forbid deleted remove because "production data is never deleted by sync"
  require tag team, cost-center because "every run is charged to a team"
  limit bandwidth <= 500 MiB/s because "the site link is shared"
}
`;

const BROKEN = `intent broken {
  task "${ARN}"
  verify none
  deleted remove
  bandwidth 1 GiB/s
  tag env = "prod"
  tag team = "media"
}
`;

const COMPLIANT = `intent compliant {
  task "${ARN}"
  verify point-in-time-consistent
  bandwidth 100 MiB/s
  tag env = "prod"
  tag team = "media"
  tag cost-center = "cc-1"
}
`;

const OUT_OF_SCOPE = `intent sandbox {
  task "${ARN}"
  verify none
  deleted remove
  tag env = "dev"
}
`;

const BROKEN_REQUEST = JSON.stringify(
  {
    TaskArn: ARN,
    OverrideOptions: { VerifyMode: 'NONE', PreserveDeletedFiles: 'REMOVE', BytesPerSecond: 1073741824 },
    Tags: [
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'media' },
    ],
  },
  null,
  2,
);

const CONFIG = JSON.stringify({ root: true, policies: ['policies/guardrails.dsi'], locked: ['prod-guardrails/*'] }, null, 2);

/** `line:column ruleId` of the diagnostics of one file. */
const where = (ds: readonly Diagnostic[], file: string) => ds.filter((d) => d.file === file).map((d) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId}`);

async function lintFolder(dir: string, paths = ['.'], extra: Partial<Parameters<typeof createProject>[0]> = {}) {
  const project = createProject({ cwd: dir, ...extra });
  const inputs = await project.readInputs(paths, { patterns: ['**/*.dsi', '**/*.datasync.json'] });
  return project.lint(inputs);
}

describe('policies applied through configuration to a folder', () => {
  it('four broken clauses give four diagnostics at their lines, each naming its clause and ending with its because; compliant and out-of-scope intents are clean', async () => {
    const dir = repo({
      'dsi.config.json': CONFIG,
      'policies/guardrails.dsi': GUARDRAILS,
      'prod/broken.dsi': BROKEN,
      'prod/compliant.dsi': COMPLIANT,
      'dev/sandbox.dsi': OUT_OF_SCOPE,
    });
    const run = await lintFolder(dir);
    expect(where(run.diagnostics, 'prod/broken.dsi')).toEqual(['1:8 prod-guardrails/3', '3:10 prod-guardrails/1', '4:11 prod-guardrails/2', '5:13 prod-guardrails/4']);
    const broken = run.diagnostics.filter((d) => d.file === 'prod/broken.dsi');
    expect(broken.map((d) => d.message.split(' — because ')[1])).toEqual([
      'every run is charged to a team',
      'an unverified copy is not a backup',
      'production data is never deleted by sync',
      'the site link is shared',
    ]);
    // Each carries the clause it breaks, in the policy file.
    expect(broken.map((d) => `${d.related?.[0]?.file}:${d.related?.[0]?.range.start.line}`)).toEqual([
      'policies/guardrails.dsi:5',
      'policies/guardrails.dsi:3',
      'policies/guardrails.dsi:4',
      'policies/guardrails.dsi:6',
    ]);
    expect(where(run.diagnostics, 'prod/compliant.dsi')).toEqual([]);
    expect(where(run.diagnostics, 'dev/sandbox.dsi')).toEqual([]);
    expect(run.diagnostics.filter((d) => d.file !== 'prod/broken.dsi')).toEqual([]);
  });

  it('the same checks on the equivalent request file, in API words', async () => {
    const dir = repo({ 'dsi.config.json': CONFIG, 'policies/guardrails.dsi': GUARDRAILS, 'prod/broken.datasync.json': BROKEN_REQUEST });
    const run = await lintFolder(dir);
    expect(where(run.diagnostics, 'prod/broken.datasync.json')).toEqual(['1:1 prod-guardrails/3', '4:19 prod-guardrails/1', '5:29 prod-guardrails/2', '6:23 prod-guardrails/4']);
    expect(run.diagnostics.map((d) => d.message)).toContain(
      '`OverrideOptions.PreserveDeletedFiles` is "REMOVE": prod-guardrails forbids it; set it to "PRESERVE" — because production data is never deleted by sync',
    );
  });

  it('compile refuses to emit what breaks a configured policy, and emits the rest of a clean run', async () => {
    const dir = repo({ 'dsi.config.json': CONFIG, 'policies/guardrails.dsi': GUARDRAILS, 'prod/broken.dsi': BROKEN, 'prod/compliant.dsi': COMPLIANT });
    const project = createProject({ cwd: dir });
    const broken = project.compile(await project.readInputs(['prod'], { patterns: ['**/*.dsi'] }));
    expect(broken.payloads.size).toBe(0);
    expect(where(broken.diagnostics, 'prod/broken.dsi')).toHaveLength(4);
    const clean = project.compile(await project.readInputs(['prod/compliant.dsi'], { patterns: ['**/*.dsi'] }));
    expect([...clean.payloads.keys()]).toEqual(['compliant']);
  });
});

describe('settings of many files', () => {
  it('are built once per configuration in force: files it covers alike share them, an override makes its own', async () => {
    const dir = repo({ 'dsi.config.json': JSON.stringify({ rules: { 'devices-efs': 'error' }, overrides: [{ files: ['b/*.dsi'], rules: { 'devices-efs': 'off' } }] }) });
    const project = createProject({ cwd: dir });
    await project.prepare(['a/1.dsi', 'a/2.dsi', 'b/1.dsi', 'b/2.dsi']);
    expect(project.settingsOf('a/1.dsi')).toBe(project.settingsOf('a/2.dsi'));
    expect(project.settingsOf('b/1.dsi')).toBe(project.settingsOf('b/2.dsi'));
    expect(project.settingsOf('a/1.dsi')).not.toBe(project.settingsOf('b/1.dsi'));
    expect(project.settingsOf('b/1.dsi').ruleSettings['devices-efs']).toBe('off');
    expect(project.settingsOf('a/1.dsi').ruleSettings['devices-efs']).toBe('error');
  });
});

describe('locked rules', () => {
  it('a child config that turns a locked policy rule off, a dsi-ignore of it and --rule are each an error at the attempt, and change nothing', async () => {
    const dir = repo({
      'dsi.config.json': CONFIG,
      'policies/guardrails.dsi': GUARDRAILS,
      'prod/dsi.config.json': '{\n  "rules": {\n    "prod-guardrails/2": "off"\n  }\n}\n',
      'prod/waived.dsi': COMPLIANT.replace('intent compliant', 'intent waived').replace('  bandwidth', '  # dsi-ignore prod-guardrails/2 -- we need the space\n  deleted remove\n  bandwidth'),
    });
    const run = await lintFolder(dir, ['prod'], { ruleSettings: { 'prod-guardrails/2': 'off' } });
    const child = join(dir, 'prod/dsi.config.json');
    expect(run.diagnostics.filter((d) => d.file === child).map((d) => [d.range.start.line, d.range.start.column, d.messageId])).toEqual([[3, 26, 'lockedRule']]);
    expect(where(run.diagnostics, 'prod/waived.dsi')).toEqual(['4:3 dsi-ignore', '5:11 prod-guardrails/2']);
    expect(run.diagnostics.find((d) => d.file === 'prod/waived.dsi' && d.ruleId === 'dsi-ignore')?.message).toBe(
      '`prod-guardrails/2` is locked by dsi.config.json:7:5; a dsi-ignore cannot waive it',
    );
    expect(run.refused).toEqual(['--rule prod-guardrails/2:off: `prod-guardrails/2` is locked by dsi.config.json:7:5; it cannot be turned off, so the setting is ignored']);
  });

  it('without the lock, the child config and the waiver do what they say', async () => {
    const dir = repo({
      'dsi.config.json': JSON.stringify({ root: true, policies: ['policies/guardrails.dsi'] }),
      'policies/guardrails.dsi': GUARDRAILS,
      'prod/dsi.config.json': '{ "rules": { "prod-guardrails/4": "off" } }',
      'prod/waived.dsi': COMPLIANT.replace('intent compliant', 'intent waived').replace('  bandwidth 100 MiB/s', '  # dsi-ignore prod-guardrails/2 -- we need the space\n  deleted remove\n  bandwidth 2 GiB/s'),
    });
    const run = await lintFolder(dir, ['prod']);
    expect(run.diagnostics).toEqual([]);
    expect(where(run.diagnostics, 'prod/waived.dsi')).toEqual([]);
    expect(run.results.find((r) => r.file === 'prod/waived.dsi')?.suppressed?.map((d) => d.ruleId)).toEqual(['prod-guardrails/2']);
  });
});

describe('plugins come from configuration only', () => {
  const pluginSource = (id: string) =>
    `import { createRule } from ${JSON.stringify(pathToFileURL(join(repoRoot, 'src', 'rules', 'create-rule.ts')).href)};\n` +
    `export const rules = [createRule({ id: '${id}', meta: { description: 'd', severity: 'error', docs: { sources: [] }, messages: { m: 'verify is {{v}}' } },\n` +
    `  check({ payload, report }) { const v = payload.OverrideOptions?.VerifyMode; if (v === 'NONE') report({ pointer: '/OverrideOptions/VerifyMode', messageId: 'm', data: { v } }); if (v === 'POINT_IN_TIME_CONSISTENT') throw new Error('boom'); } })];\n`;

  it('a configured plugin rule runs; --no-plugins skips it; a rule that throws names its plugin and the run goes on', async () => {
    const dir = repo({
      'dsi.config.json': JSON.stringify({ root: true, plugins: ['./rules/acme.mjs'], rules: { 'acme/no-verify-none': 'warn' } }),
      'rules/acme.mjs': pluginSource('acme/no-verify-none'),
      'a.dsi': OUT_OF_SCOPE,
      'b.dsi': COMPLIANT,
    });
    const run = await lintFolder(dir, ['a.dsi', 'b.dsi']);
    expect(run.diagnostics.map((d) => [d.file, d.ruleId, d.severity, d.message])).toEqual([
      ['a.dsi', 'acme/no-verify-none', 'warning', 'verify is NONE'],
      ['b.dsi', 'acme/no-verify-none', 'error', expect.stringContaining('(from plugin `./rules/acme.mjs`) boom')],
    ]);
    const without = await lintFolder(dir, ['a.dsi', 'b.dsi'], { plugins: false });
    // The plugin's rule id is then unknown to the configuration that sets it: said at its place.
    expect(without.diagnostics.map((d) => [d.file.replace(dir + '/', ''), d.ruleId, d.messageId])).toEqual([['dsi.config.json', 'config', 'unknownRule']]);
  });

  it('an input file cannot load a plugin: nothing in the language names one', async () => {
    const dir = repo({ 'a.dsi': 'plugin "./evil.mjs"\n' + OUT_OF_SCOPE, 'evil.mjs': 'globalThis.__dsiEvil = true; export const rules = [];' });
    const run = await lintFolder(dir, ['a.dsi']);
    expect(run.diagnostics[0]?.ruleId).toBe('unknown-statement');
    expect((globalThis as { __dsiEvil?: boolean }).__dsiEvil).toBeUndefined();
  });
});

describe('the library applies the same configuration', () => {
  it('compile() and lint() give the same diagnostics for an intent under configure(), and compile() emits no payload that breaks a policy', async () => {
    const dir = repo({ 'dsi.config.json': CONFIG, 'policies/guardrails.dsi': GUARDRAILS, 'prod/broken.dsi': BROKEN });
    const settings = await configure('prod/broken.dsi', { cwd: dir });
    expect(settings.diagnostics).toEqual([]);
    const readFile = (p: string) => {
      throw new Error(`no imports here: ${p}`);
    };
    const compiled = compile(BROKEN, { filename: 'prod/broken.dsi', readFile, ...settings });
    const linted = lint(BROKEN, { filename: 'prod/broken.dsi', readFile, ...settings });
    expect(compiled.diagnostics).toEqual(linted.diagnostics);
    expect(where(compiled.diagnostics, 'prod/broken.dsi')).toEqual(['1:8 prod-guardrails/3', '3:10 prod-guardrails/1', '4:11 prod-guardrails/2', '5:13 prod-guardrails/4']);
    expect(compiled.intents.map((i) => [i.name, i.payload])).toEqual([['broken', undefined]]);
    // Without the configuration the same intent compiles: the policy is what stops it.
    expect(compile(BROKEN, { filename: 'prod/broken.dsi', readFile }).intents[0].payload).toBeDefined();
  });
});

describe('policy files named by configuration are read as imports are', () => {
  it('a policy path outside the project root, or not a .dsi file, is an error at the config entry that shows the path, never the content', async () => {
    const dir = repo({ 'dsi.config.json': JSON.stringify({ root: true, policies: ['/proc/self/environ', '../outside.dsi', 'notes.txt'] }), 'a.dsi': OUT_OF_SCOPE, 'notes.txt': 'SECRET=1' });
    writeFileSync(join(dir, '..', 'outside.dsi'), 'SECRET=2\n');
    alsoRemove(join(dir, '..', 'outside.dsi'));
    const run = await lintFolder(dir, ['a.dsi']);
    const messages = run.diagnostics.map((d) => [d.file === join(dir, 'dsi.config.json'), d.range.start.line, d.message]);
    expect(messages).toEqual([
      [true, 1, expect.stringContaining('the policy file /proc/self/environ is not a .dsi file')],
      [true, 1, expect.stringMatching(/cannot read the policy file .*outside\.dsi: it is outside the project root/)],
      [true, 1, expect.stringContaining('the policy file notes.txt is not a .dsi file')],
    ]);
    expect(JSON.stringify(run)).not.toMatch(/SECRET|AWS_|PATH=/);
  });
});

describe('task context from configuration', () => {
  it('filters stored on the task (config context) meet a manifest in the intent: manifest-with-filters sees them', async () => {
    const dir = repo({
      'dsi.config.json': JSON.stringify({ root: true, context: { [ARN]: { filters: { includes: ['/photos*'] } } } }),
      'a.dsi': `intent a {\n  task "${ARN}"\n  manifest "s3://acme-manifests/lists/today.csv" role "arn:aws:iam::111122223333:role/datasync-manifest"\n}\n`,
    });
    const run = await lintFolder(dir, ['a.dsi']);
    expect(run.diagnostics.map((d) => [d.range.start.line, d.ruleId, d.messageId])).toEqual([[3, 'manifest-with-filters', 'storedFilters']]);
  });
});
