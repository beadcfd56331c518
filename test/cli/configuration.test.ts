/** The configuration flags and exit codes of `dsi lint` and `dsi compile`. */
import { describe, expect, it } from 'vitest';
import { tempRepos } from '../helpers.js';
import { runDsi } from './fake-io.js';

const { repo } = tempRepos('dsi-cli-config-');

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0a1b2c3d4e5f60718';
const INTENT = `intent a {\n  task "${ARN}"\n  verify none\n  tag env = "prod"\n}\n`;
const POLICY = 'policy guard {\n  when tag env = "prod"\n  require verify only-files-transferred because "always verify"\n}\n';

describe('a broken configuration', () => {
  const BROKEN = ['{', '  "rulse": {},', '  "rules": {', '    "storage-clas-cost": "warn",', '    "filter-max-length": ["error", { "max": 3 }]', '  }', '}', ''].join('\n');

  for (const command of ['lint', 'compile']) {
    it(`${command}: a typo, an unknown rule id and bad options exit 2, each at its line in the config with what to write`, async () => {
      const dir = repo({ 'dsi.config.json': BROKEN, 'a.dsi': INTENT });
      const r = await runDsi([command, 'a.dsi'], { cwd: dir });
      expect(r.code).toBe(2);
      const out = r.stdout + r.stderr;
      expect(out).toMatch(/dsi\.config\.json:2:3 +error +unknown key `rulse`[^\n]*did you mean `rules`\?/);
      expect(out).toMatch(/dsi\.config\.json:4:5 +error +unknown rule `storage-clas-cost`; did you mean `storage-class-cost`\?/);
      expect(out).toMatch(/dsi\.config\.json:5:36 +error +rule `filter-max-length` takes no options/);
    });
  }

  it('compile writes nothing when the configuration is broken, even for an intent that is fine', async () => {
    const dir = repo({ 'dsi.config.json': '{ "rules": { "bandwidth-zero": "loud" } }', 'a.dsi': `intent a {\n  task "${ARN}"\n}\n` });
    const r = await runDsi(['compile', 'a.dsi'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('the configuration has errors; nothing was written');
  });
});

describe('a plugin whose module loops while it loads', () => {
  it('is stopped after ten seconds: an error at the config entry naming it, exit 2 (as any plugin that cannot be loaded), nothing written', async () => {
    const dir = repo({ 'dsi.config.json': '{\n  "root": true,\n  "plugins": ["./loops.mjs"]\n}\n', 'loops.mjs': 'for (;;) {}\n', 'a.dsi': INTENT });
    for (const command of ['lint', 'compile']) {
      const started = performance.now();
      const r = await runDsi([command, 'a.dsi'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(performance.now() - started).toBeLessThan(25_000);
      expect(r.stdout + r.stderr).toMatch(/dsi\.config\.json:3:15 +error +plugin `\.\/loops\.mjs`: failed to load: its module ran for more than 10000 ms while loading and was stopped/);
      if (command === 'compile') expect(r.stderr).toContain('nothing was written');
    }
  }, 60_000);
});

describe('--config, --print-config, --no-config-lookup', () => {
  it('--config FILE uses that file alone; --no-config-lookup none', async () => {
    const dir = repo({
      'dsi.config.json': JSON.stringify({ root: true, policies: ['policy.dsi'] }),
      'policy.dsi': POLICY,
      'other.yaml': 'rules:\n  bandwidth-zero: error\n',
      'a.dsi': INTENT,
    });
    expect((await runDsi(['lint', 'a.dsi'], { cwd: dir })).code).toBe(1);
    expect((await runDsi(['lint', 'a.dsi', '--config', 'other.yaml'], { cwd: dir })).code).toBe(0);
    expect((await runDsi(['lint', 'a.dsi', '--no-config-lookup'], { cwd: dir })).code).toBe(0);
    expect((await runDsi(['compile', 'a.dsi', '--config', 'dsi.config.json'], { cwd: dir })).code).toBe(1);
  });

  it('--print-config FILE shows each setting with where it came from, and the policies and plugins in force', async () => {
    const dir = repo({
      'dsi.config.json': '{\n  "root": true,\n  "policies": ["policy.dsi"],\n  "rules": { "bandwidth-zero": "error" },\n  "locked": ["guard/*"]\n}\n',
      'team/dsi.config.yaml': 'rules:\n  devices-efs: off\n',
      'policy.dsi': POLICY,
      'team/a.dsi': INTENT,
    });
    const r = await runDsi(['lint', '--print-config', 'team/a.dsi'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('config files (farthest first):\n  dsi.config.json\n  team/dsi.config.yaml\n');
    expect(r.stdout).toContain('  bandwidth-zero: error  (dsi.config.json:4:32)');
    expect(r.stdout).toContain('  devices-efs: off  (team/dsi.config.yaml:2:16)');
    expect(r.stdout).toContain('  guard/*  (dsi.config.json:5:14)');
    expect(r.stdout).toContain('policies in force:\n  guard (1 assertion, policy.dsi:1)');
  });

  it('--rule on a locked rule is refused with the lock named, and the run exits 2', async () => {
    const dir = repo({ 'dsi.config.json': '{\n  "root": true,\n  "policies": ["policy.dsi"],\n  "locked": ["guard/*"]\n}\n', 'policy.dsi': POLICY, 'a.dsi': INTENT });
    const r = await runDsi(['lint', 'a.dsi', '--rule', 'guard/1:off'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dsi: error: --rule guard/1:off: `guard/1` is locked by dsi.config.json:4:14; it cannot be turned off, so the setting is ignored');
    expect(r.stdout).toContain('guard/1');
    const unlocked = await runDsi(['lint', 'a.dsi', '--rule', 'guard/1:off', '--config', 'other.json'], { cwd: dir });
    expect(unlocked.code).toBe(2);
  });
});
