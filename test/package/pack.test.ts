/**
 * The package a team installs: `npm pack` the repository, install the tarball into a fresh
 * folder, and use it there as a user would — `npx dsi lint`, an ESM `import { compile }` and a
 * CommonJS `require`. The install is offline from npm's cache where it can be; where the cache
 * lacks the dependencies (a fresh CI machine), it uses the registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
const GOOD = `intent nightly {\n  task "${ARN}"\n  transfer changed\n}\n`;
const BAD = `intent nightly {\n  task "${ARN}"\n  transfer all\n  deleted remove\n}\n`;

// npm reads npm_config_* from the environment vitest runs in (npm run test sets some): start clean.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
let tarball: string;
let files: string[];
let project: string;

function npm(args: string[], cwd: string) {
  return spawnSync('npm', args, { cwd, env, encoding: 'utf8' });
}

beforeAll(() => {
  const packed = mkdtempSync(join(tmpdir(), 'dsi-pack-'));
  // dist/ is fresh (test/global-setup.ts); --ignore-scripts: pack what is built, do not build again.
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packed], { cwd: repoRoot, env, encoding: 'utf8' });
  const info = JSON.parse(out.slice(out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = join(packed, info[0].filename);
  files = info[0].files.map((f) => f.path);

  project = mkdtempSync(join(tmpdir(), 'dsi-installed-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'team-transfers', version: '1.0.0', private: true }));
  let install = npm(['install', '--offline', '--no-audit', '--no-fund', tarball], project);
  if (install.status !== 0 && /ENOTCACHED/.test(install.stderr)) install = npm(['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
  if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`);
  writeFileSync(join(project, 'good.dsi'), GOOD);
  writeFileSync(join(project, 'bad.dsi'), BAD);
}, 240_000);

describe('the packed package', () => {
  it('ships what runs, and no generated API pages, sources or tests', () => {
    for (const f of ['package.json', 'LICENSE', 'CHANGELOG.md', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/index.cjs', 'dist/testing.cjs', 'dist/bin/dsi.cjs', 'dist/bin/dsi-lsp.cjs', 'docs/rules/bandwidth-zero.md', 'dsi.config.schema.json']) {
      expect(files).toContain(f);
    }
    // The CLI and the language server run from their bundles (dist/bin): their tsc output is not shipped.
    for (const f of files) expect(f).not.toMatch(/^(src|test|scripts|site|docs\/api|examples|dist\/cli|dist\/lsp)\/|\.test\./);
  });

  it('npx dsi lint works in the installed project: 1 for an intent with an error, 0 for a clean one', () => {
    const bad = spawnSync('npx', ['--offline', 'dsi', 'lint', 'bad.dsi'], { cwd: project, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8' });
    expect(bad.stdout).toContain('bad.dsi:4:11 error');
    expect(bad.status).toBe(1);
    const good = spawnSync('npx', ['--offline', 'dsi', 'lint', 'good.dsi'], { cwd: project, env, encoding: 'utf8' });
    expect(good.stdout + good.stderr).toBe('');
    expect(good.status).toBe(0);
    const explain = spawnSync('npx', ['--offline', 'dsi', 'explain', 'remove-with-transfer-all'], { cwd: project, env, encoding: 'utf8' });
    expect(explain.status).toBe(0);
    expect(explain.stdout).toContain('# `remove-with-transfer-all`');
  });

  it('an ESM import { compile } and a CommonJS require both compile the intent', () => {
    const esm = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `import { compile } from 'datasync-intent'; import { RuleTester } from 'datasync-intent/testing'; const r = compile(${JSON.stringify(GOOD)}, { filename: 'x.dsi' }); console.log(JSON.stringify([r.intents[0].payload, typeof RuleTester]));`],
      { cwd: project, env, encoding: 'utf8' },
    );
    expect(esm.stderr).toBe('');
    const cjs = spawnSync(
      process.execPath,
      ['-e', `const { compile, lint } = require('datasync-intent'); const { RuleTester } = require('datasync-intent/testing'); const r = compile(${JSON.stringify(GOOD)}, { filename: 'x.dsi' }); console.log(JSON.stringify([r.intents[0].payload, typeof RuleTester])); if (lint(${JSON.stringify(BAD)}, { filename: 'y.dsi' }).diagnostics.length !== 1) process.exit(3);`],
      { cwd: project, env, encoding: 'utf8' },
    );
    expect(cjs.stderr).toBe('');
    expect(cjs.status).toBe(0);
    const expected = [{ TaskArn: ARN, OverrideOptions: { TransferMode: 'CHANGED' } }, 'function'];
    expect(JSON.parse(esm.stdout)).toEqual(expected);
    expect(JSON.parse(cjs.stdout)).toEqual(expected);
  });
});
