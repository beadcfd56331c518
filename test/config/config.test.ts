import { describe, expect, it } from 'vitest';
import { tempRepos } from '../helpers.js';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkRuleIds, configFor, createConfigCache, describeConfig, isLocked, lockedRuleProblem, ruleSettingsOf } from '../../src/config/index.js';
import { createRule } from '../../src/rules/create-rule.js';
import { builtinRules } from '../../src/rules/index.js';
import { findProjectRoot } from '../../src/files/roots.js';

const { repo, alsoRemove } = tempRepos('dsi-config-');

/** `file line:col messageId` of each diagnostic, paths relative to `dir`. */
function problems(dir: string, diagnostics: readonly { file: string; range: { start: { line: number; column: number } }; messageId?: string }[]) {
  return diagnostics.map((d) => `${d.file.slice(dir.length + 1)} ${d.range.start.line}:${d.range.start.column} ${d.messageId}`);
}

describe('validation at the config\'s own line and column', () => {
  it('a typo, an unknown rule id and bad options: each at its place, with what to write instead', () => {
    const dir = repo({
      'dsi.config.json': [
        '{',
        '  "rulse": {},',
        '  "rules": {',
        '    "storage-clas-cost": "warn",',
        '    "bandwidth-zero": "wran",',
        '    "filter-max-length": ["error", {"max": 3}]',
        '  }',
        '}',
      ].join('\n'),
    });
    const c = configFor('a.dsi', { cwd: dir });
    expect(problems(dir, c.diagnostics)).toEqual([
      'dsi.config.json 2:3 unknownKey',
      'dsi.config.json 4:5 unknownRule',
      'dsi.config.json 5:23 unknownSeverity',
      'dsi.config.json 6:36 invalidOptions',
    ]);
    const [typo, rule, severity, options] = c.diagnostics.map((d) => d.message);
    expect(typo).toContain('did you mean `rules`?');
    expect(rule).toContain('unknown rule `storage-clas-cost`; did you mean `storage-class-cost`?');
    expect(severity).toContain('did you mean `warn`?');
    expect(options).toContain('`filter-max-length` takes no options');
    expect(c.diagnostics.every((d) => d.ruleId === 'config' && d.severity === 'error')).toBe(true);
    // The bad settings are not applied.
    expect(c.rules.has('bandwidth-zero')).toBe(false);
    expect(c.rules.has('filter-max-length')).toBe(false);
  });

  it('a valid config has no diagnostics', () => {
    const dir = repo({
      'dsi.config.json': JSON.stringify({
        $schema: './node_modules/datasync-intent/dsi.config.schema.json',
        rules: { 'storage-class-cost': 'error', 'bandwidth-zero': ['warn'], 'acme/x': 'off' },
        locked: ['storage-class-cost'],
        overrides: [{ files: ['*.json'], rules: { 'bandwidth-zero': 'off' } }],
      }),
    });
    const c = configFor('a.dsi', { cwd: dir });
    expect(c.diagnostics).toEqual([]);
    expect(ruleSettingsOf(c)).toEqual({ 'storage-class-cost': 'error', 'bandwidth-zero': 'warning', 'acme/x': 'off' });
  });

  it('rule options are checked against the rule\'s meta.schema, at the options value', () => {
    const limit = createRule({
      id: 'acme/limit',
      meta: { description: 'x', severity: 'warning', docs: { sources: [] }, messages: { m: 'm' }, schema: { type: 'object', properties: { max: { type: 'integer' } }, additionalProperties: false } },
      check() {},
    });
    const dir = repo({ 'dsi.config.yaml': 'rules:\n  acme/limit: [error, {max: many}]\n  acme/other: warn\n' });
    const c = configFor('a.dsi', { cwd: dir, rules: [...builtinRules, limit] });
    expect(problems(dir, c.diagnostics)).toEqual(['dsi.config.yaml 2:23 invalidOptions']);
    expect(c.diagnostics[0].message).toContain('must be integer');
    // acme/other is namespaced and unknown here: left for the orchestrator, with its place.
    expect(c.pendingRuleIds.map((p) => [p.id, p.from.range.start.line, p.from.range.start.column])).toEqual([['acme/other', 3, 3]]);
    expect(problems(dir, checkRuleIds(c, [limit], ['acme/othr']))).toEqual(['dsi.config.yaml 3:3 unknownRule']);
    expect(checkRuleIds(c, [limit], ['acme/othr'])[0].message).toContain('did you mean `acme/othr`?');
    expect(configFor('a.dsi', { cwd: dir, rules: [...builtinRules, limit], knownRuleIds: ['acme/other'] }).pendingRuleIds).toEqual([]);
  });

  it('wrong types, a missing `files`, a key that is not a task ARN, an unknown preset, duplicate keys', () => {
    const dir = repo({
      'dsi.config.json': [
        '{',
        '  "extends": "dsi:recomended",',
        '  "policies": "p.dsi",',
        '  "overrides": [{ "rules": {} }],',
        '  "context": { "task-1": {} },',
        '  "root": true,',
        '  "root": true',
        '}',
      ].join('\n'),
    });
    const c = configFor('a.dsi', { cwd: dir });
    expect(problems(dir, c.diagnostics).sort()).toEqual(
      ['dsi.config.json 2:14 unknownPreset', 'dsi.config.json 3:15 wrongType', 'dsi.config.json 4:17 missingKey', 'dsi.config.json 5:16 notTaskArn', 'dsi.config.json 7:3 duplicateKey'].sort(),
    );
    const text = c.diagnostics.map((d) => d.message).join('\n');
    expect(text).toContain('did you mean `dsi:recommended`?');
    expect(text).toContain('`policies` must be a list of strings');
    expect(text).not.toContain('AWS CLI');
  });

  it('comments are allowed in dsi.config.json; a syntax error is reported in config words', () => {
    const ok = repo({ 'dsi.config.json': '{\n  // why\n  "rules": {}\n}\n' });
    expect(configFor('a.dsi', { cwd: ok }).diagnostics).toEqual([]);
    const bad = repo({ 'dsi.config.json': '[]' });
    expect(configFor('a.dsi', { cwd: bad }).diagnostics[0].message).toContain('a configuration file holds one object');
  });

  it('a YAML config: positions and context spellings of both the language and the API', () => {
    const arn = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';
    const dir = repo({
      'dsi.config.yml': [
        'context:',
        `  ${arn}:`,
        '    mode: Enhanced',
        '    from: FSX_WINDOWS',
        '    to: { type: s3, storageClass: glacier-flexible-retrieval }',
        '    filters: { includes: ["/a*"] }',
        '    manifest: true',
        `  arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef1:`,
        '    from: nsf',
        '    to: { type: nfs, storageClass: standard }',
      ].join('\n'),
    });
    const c = configFor('a.json', { cwd: dir });
    expect(c.context.get(arn)).toEqual({
      mode: 'ENHANCED',
      source: { type: 'FSX_WINDOWS' },
      destination: { type: 'S3', storageClass: 'GLACIER' },
      filters: { includes: ['/a*'] },
      manifest: true,
    });
    expect(problems(dir, c.diagnostics)).toEqual(['dsi.config.yml 9:11 unknownValue', 'dsi.config.yml 10:36 unknownValue']);
    expect(c.diagnostics[0].message).toContain('did you mean `nfs`?');
    expect(c.diagnostics[1].message).toContain('applies only to an `s3` location');
  });

  it('two configs in one folder: an error, and the JSON one is read', () => {
    const dir = repo({ 'dsi.config.json': '{"rules": {"bandwidth-zero": "off"}}', 'dsi.config.yaml': 'rules: {}\n' });
    const c = configFor('a.dsi', { cwd: dir });
    expect(problems(dir, c.diagnostics)).toEqual(['dsi.config.yaml 1:1 twoConfigs']);
    expect(c.rules.get('bandwidth-zero')?.setting).toBe('off');
  });
});

describe('the cascade', () => {
  it('applies every config from the file\'s folder up to the repository root, the nearer winning', () => {
    const dir = repo({
      'dsi.config.json': '{"rules": {"acme/x": ["error", {"n": 1}], "devices-efs": "warn"}, "policies": ["p.dsi"]}',
      'p.dsi': '',
      'a/dsi.config.yaml': 'rules:\n  devices-efs: error\n  acme/x: warn\n',
      'a/b/c.dsi': '',
    });
    const c = configFor('a/b/c.dsi', { cwd: dir });
    expect(c.files).toEqual([join(dir, 'dsi.config.json'), join(dir, 'a', 'dsi.config.yaml')]);
    expect(c.rules.get('devices-efs')?.setting).toBe('error');
    // A severity alone keeps the options a farther config gave.
    expect(c.rules.get('acme/x')?.setting).toEqual(['warning', { n: 1 }]);
    expect(c.diagnostics).toEqual([]);
    expect(c.policies.map((p) => p.path)).toEqual([join(dir, 'p.dsi')]);
    // Above the repository root nothing is read.
    writeFileSync(join(dirname(dir), 'dsi.config.json'), '{"rulse": 1}');
    alsoRemove(join(dirname(dir), 'dsi.config.json'));
    expect(configFor('a/b/c.dsi', { cwd: dir }).diagnostics).toEqual([]);
  });

  it('stops after a config marked "root": true, which is also the project root', () => {
    const dir = repo({
      'dsi.config.json': '{"rules": {"devices-efs": "off"}}',
      'a/dsi.config.json': '{"root": true, "rules": {"bandwidth-zero": "off"}}',
    });
    const c = configFor('a/x.dsi', { cwd: dir });
    expect(c.files).toEqual([join(dir, 'a', 'dsi.config.json')]);
    expect(c.rules.has('devices-efs')).toBe(false);
    expect(findProjectRoot(join(dir, 'a'))).toBe(join(dir, 'a'));
  });

  it('a repository root below a root-marked config stops the walk first', () => {
    const dir = repo({ 'dsi.config.json': '{"root": true, "rules": {"devices-efs": "off"}}', 'sub/.git/HEAD': '' });
    expect(findProjectRoot(join(dir, 'sub'))).toBe(join(dir, 'sub'));
    expect(configFor('sub/x.dsi', { cwd: dir }).files).toEqual([]);
  });

  it('--config uses that file alone', () => {
    const dir = repo({ 'dsi.config.json': '{"rules": {"devices-efs": "off"}}', 'ci/strict.yaml': 'rules:\n  bandwidth-zero: error\n' });
    const c = configFor('a.dsi', { cwd: dir, configFile: 'ci/strict.yaml' });
    expect(c.files).toEqual([join(dir, 'ci', 'strict.yaml')]);
    expect([...c.rules.keys()]).toEqual(['bandwidth-zero']);
    expect(problems(dir, configFor('a.dsi', { cwd: dir, configFile: 'nope.json' }).diagnostics)).toEqual(['nope.json 1:1 unreadable']);
  });

  it('overrides apply by glob (relative to their config), after its own keys and in order; excludedFiles wins', () => {
    const dir = repo({
      'dsi.config.json': JSON.stringify({
        rules: { 'devices-efs': 'error' },
        overrides: [
          { files: ['*.json'], excludedFiles: ['legacy/**'], rules: { 'devices-efs': 'off' } },
          { files: ['requests/prod/*.json'], rules: { 'devices-efs': 'warn' } },
        ],
      }),
    });
    const level = (f: string) => configFor(f, { cwd: dir }).rules.get('devices-efs')?.setting;
    expect(level('a.dsi')).toBe('error');
    expect(level('requests/a.json')).toBe('off');
    expect(level('requests/prod/a.json')).toBe('warning');
    expect(level('legacy/a.json')).toBe('error');
  });

  it('a cache reads each config once for many files of a folder', () => {
    const dir = repo({ 'dsi.config.json': '{"rules": {"devices-efs": "off"}}' });
    const cache = createConfigCache();
    const first = configFor('x/1.dsi', { cwd: dir, cache });
    writeFileSync(join(dir, 'dsi.config.json'), '{"rules": {"devices-efs": "error"}}');
    for (let i = 2; i < 200; i++) expect(configFor(`x/${i}.dsi`, { cwd: dir, cache }).rules.get('devices-efs')?.setting).toBe('off');
    expect(cache.files.size).toBe(1);
    expect(first.diagnostics).toBe(configFor('x/9.dsi', { cwd: dir, cache }).diagnostics);
  });

  it('with a cache, files that the same overrides match share one resolved configuration; others get their own', () => {
    const dir = repo({
      'dsi.config.json': JSON.stringify({ rules: { 'devices-efs': 'error' }, overrides: [{ files: ['*.json'], rules: { 'devices-efs': 'off' } }] }),
    });
    const cache = createConfigCache();
    const of = (f: string) => configFor(f, { cwd: dir, cache });
    expect(of('x/1.dsi')).toBe(of('x/2.dsi'));
    expect(of('x/1.json')).toBe(of('x/2.json'));
    expect(of('x/1.json')).not.toBe(of('x/1.dsi'));
    expect(of('x/1.json').rules.get('devices-efs')?.setting).toBe('off');
    expect(of('x/1.dsi').rules.get('devices-efs')?.setting).toBe('error');
  });
});

describe('extends', () => {
  it('a relative path, a package (its dsi.config.json), and the presets', () => {
    const dir = repo({
      'shared/base.yaml': 'rules:\n  devices-efs: off\nimportRoots: [../lib]\n',
      'lib/x.dsi': '',
      'node_modules/@acme/dsi-config/package.json': '{"name": "@acme/dsi-config", "version": "1.0.0"}',
      'node_modules/@acme/dsi-config/dsi.config.json': '{"rules": {"bandwidth-zero": "off"}, "plugins": ["dsi-plugin-acme"]}',
      'dsi.config.json': '{"extends": ["dsi:strict", "./shared/base.yaml", "@acme/dsi-config"], "rules": {"uid-gid-undocumented": "warn"}}',
    });
    const c = configFor('a.dsi', { cwd: dir });
    expect(c.diagnostics).toEqual([]);
    expect(c.files).toEqual([join(dir, 'shared', 'base.yaml'), join(dir, 'node_modules', '@acme', 'dsi-config', 'dsi.config.json'), join(dir, 'dsi.config.json')]);
    expect(c.rules.get('pit-verify-glacier')).toMatchObject({ setting: 'error', from: { preset: 'dsi:strict' } });
    expect(c.rules.get('devices-efs')?.setting).toBe('off');
    expect(c.rules.get('bandwidth-zero')?.setting).toBe('off');
    expect(c.rules.get('uid-gid-undocumented')?.setting).toBe('warning');
    expect(c.reportUnusedWaivers?.level).toBe('error');
    expect(c.importRoots).toEqual([join(dir, 'lib')]);
    expect(c.plugins).toMatchObject([{ specifier: 'dsi-plugin-acme', resolvedFrom: join(dir, 'node_modules', '@acme', 'dsi-config') }]);
  });

  it('dsi:recommended sets every built-in rule at its own severity', () => {
    const dir = repo({ 'dsi.config.yaml': 'extends: dsi:recommended\n' });
    const c = configFor('a.dsi', { cwd: dir });
    expect(c.rules.size).toBe(builtinRules.length);
    for (const r of builtinRules) expect(c.rules.get(r.id)?.setting).toBe(r.meta.severity);
    expect(c.reportUnusedWaivers).toBeUndefined();
  });

  it('a cycle, a missing file and a missing package are errors at the extends value', () => {
    const dir = repo({
      'dsi.config.json': '{"extends": ["./a.json", "./missing.json", "no-such-package"]}',
      'a.json': '{"extends": "./b.json"}',
      'b.json': '{\n  "extends": "./a.json"\n}',
    });
    const c = configFor('x.dsi', { cwd: dir });
    expect(problems(dir, c.diagnostics)).toEqual(['b.json 2:14 extendsCycle', 'dsi.config.json 1:26 extendsNotFound', 'dsi.config.json 1:44 extendsNotFound']);
    expect(c.diagnostics[0].message).toContain('a.json → b.json → a.json');
  });
});

describe('locks', () => {
  it('a child config that turns a locked rule off is an error at its setting, and changes nothing', () => {
    const dir = repo({
      'dsi.config.json': '{\n  "rules": { "storage-class-cost": "error" },\n  "locked": [\n    "storage-class-cost", "prod-guardrails/*"\n  ]\n}',
      'team/dsi.config.yaml': 'rules:\n  storage-class-cost: off\n  prod-guardrails/2: warn\n  devices-efs: off\noverrides:\n  - files: ["*.json"]\n    rules: { storage-class-cost: warn }\n',
    });
    const c = configFor('team/x.json', { cwd: dir });
    expect(problems(dir, c.diagnostics)).toEqual(['team/dsi.config.yaml 2:23 lockedRule', 'team/dsi.config.yaml 7:34 lockedRule']);
    expect(c.diagnostics[0].message).toBe(
      '`storage-class-cost` is locked by ../dsi.config.json:4:5; it cannot be turned off here, so this setting is ignored',
    );
    expect(c.diagnostics[1].message).toContain('cannot be lowered below `error`');
    expect(c.diagnostics[0].related?.[0].range.start.line).toBe(4);
    expect(c.rules.get('storage-class-cost')?.setting).toBe('error');
    // A policy rule locked by glob may be raised but not turned off; an unlocked rule may be turned off.
    expect(c.rules.get('prod-guardrails/2')?.setting).toBe('warning');
    expect(c.rules.get('devices-efs')?.setting).toBe('off');
    expect(isLocked(c, 'prod-guardrails/7')?.range.start.line).toBe(4);
    expect(isLocked(c, 'devices-efs')).toBeUndefined();
    expect(lockedRuleProblem(c, 'storage-class-cost', 'warning')).toContain('cannot be lowered below `error`');
    expect(lockedRuleProblem(c, 'storage-class-cost', 'error')).toBeUndefined();
    expect(lockedRuleProblem(c, 'prod-guardrails/1', 'off')).toContain('cannot be turned off');
  });

  it('a lock binds what comes after it: raising is fine, an unknown locked id is an error', () => {
    const dir = repo({
      'dsi.config.json': '{"locked": ["devices-efs", "devices-ef"]}',
      'a/dsi.config.json': '{"rules": {"devices-efs": "error"}}',
    });
    const c = configFor('a/x.dsi', { cwd: dir });
    expect(problems(dir, c.diagnostics)).toEqual(['dsi.config.json 1:28 unknownRule']);
    expect(c.diagnostics[0].message).toContain('did you mean `devices-efs`?');
    expect(c.rules.get('devices-efs')?.setting).toBe('error');
  });
  it("binds the locking config's own overrides too; a severity below the lock floor is refused", () => {
    const dir = repo({
      'dsi.config.yaml': 'rules:\n  devices-efs: warn\nlocked: [devices-efs]\noverrides:\n  - files: ["*.json"]\n    rules: { devices-efs: info }\n  - files: ["*.json"]\n    rules: { devices-efs: error }\n',
    });
    const c = configFor('x.json', { cwd: dir });
    expect(problems(dir, c.diagnostics)).toEqual(['dsi.config.yaml 6:27 lockedRule']);
    expect(c.diagnostics[0].message).toContain('cannot be lowered below `warn`');
    expect(c.rules.get('devices-efs')?.setting).toBe('error');
  });
});

describe('describeConfig (--print-config)', () => {
  it('lists each setting with the file:line:col it came from', () => {
    const dir = repo({
      'dsi.config.json': '{\n  "extends": "dsi:strict",\n  "rules": { "devices-efs": "warn" },\n  "locked": ["devices-efs"]\n}',
    });
    const text = describeConfig(configFor('a.dsi', { cwd: dir }), dir);
    expect(text).toContain('config files (farthest first):\n  dsi.config.json\n');
    expect(text).toContain('  devices-efs: warn  (dsi.config.json:3:29)\n');
    expect(text).toContain('  bandwidth-zero: error  (dsi:strict via dsi.config.json:2:14)\n');
    expect(text).toContain('locked:\n  devices-efs  (dsi.config.json:4:14)\n');
    expect(text).toContain('reportUnusedWaivers: error  (dsi:strict via dsi.config.json:2:14)\n');
  });
});
