/**
 * A hook passes only the changed files; a template change can break an intent in another file.
 * Built as a scratch repository: `dsi lint CHANGED-TEMPLATE` must check the intents that import
 * it (directly or through other files) and name them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { findDependents } from '../../src/project/dependents.js';
import { projectRootFinder } from '../../src/files/roots.js';
import { runDsi } from '../cli/fake-io.js';

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
let dir: string;

function write(name: string, text: string): void {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dsi-dependents-'));
  mkdirSync(join(dir, '.git'));
  write('templates/base.dsi', 'template base {\n  transfer changed\n}\n');
  write('templates/archive.dsi', 'import "./base.dsi"\n\ntemplate archive extends base {\n  verify only-files-transferred\n}\n');
  // Imports the template directly.
  write('intents/nightly.dsi', `import "../templates/base.dsi"\n\nintent nightly extends base {\n  task "${ARN}"\n  deleted remove\n}\n`);
  // Imports it through archive.dsi.
  write('intents/weekly.dsi', `import "../templates/archive.dsi"\n\nintent weekly extends archive {\n  task "${ARN}"\n  deleted remove\n}\n`);
  // Imports nothing.
  write('intents/other.dsi', `intent other {\n  task "${ARN}"\n  transfer all\n}\n`);
});

describe('dependents of changed files', () => {
  it('finds every file that imports a file, directly or through others, with the chain', async () => {
    const found = await findDependents(['templates/base.dsi'], { cwd: dir, rootOf: projectRootFinder(dir) });
    expect(found.map((d) => [d.file, d.chain])).toEqual([
      ['intents/nightly.dsi', ['intents/nightly.dsi', 'templates/base.dsi']],
      ['intents/weekly.dsi', ['intents/weekly.dsi', 'templates/archive.dsi', 'templates/base.dsi']],
      ['templates/archive.dsi', ['templates/archive.dsi', 'templates/base.dsi']],
    ]);
    // The import statement that starts the chain (line 1 of each dependent).
    expect(found.every((d) => d.importRange.start.line === 1)).toBe(true);
    // A file given is not its own dependent; a file nobody imports has none.
    expect(await findDependents(['intents/other.dsi'], { cwd: dir, rootOf: projectRootFinder(dir) })).toEqual([]);
    expect((await findDependents(['templates/base.dsi', 'intents/nightly.dsi'], { cwd: dir, rootOf: projectRootFinder(dir) })).map((d) => d.file)).not.toContain('intents/nightly.dsi');
  });

  it('a template change that breaks intents elsewhere fails `dsi lint CHANGED-TEMPLATE` and names them', async () => {
    expect((await runDsi(['lint', 'templates/base.dsi'], { cwd: dir })).code).toBe(0);
    // The change: `transfer all` cannot go with the intents' `deleted remove`.
    write('templates/base.dsi', 'template base {\n  transfer all\n}\n');
    const r = await runDsi(['lint', 'templates/base.dsi', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dsi: also checking intents/nightly.dsi, which imports templates/base.dsi\n');
    expect(r.stderr).toContain('dsi: also checking intents/weekly.dsi, which imports templates/base.dsi through templates/archive.dsi\n');
    const results = JSON.parse(r.stdout) as { filePath: string; errorCount: number; messages: { ruleId: string; message: string }[] }[];
    const broken = results.filter((x) => x.errorCount > 0).map((x) => x.filePath);
    expect(broken).toEqual(['intents/nightly.dsi', 'intents/weekly.dsi']);
    expect(results.find((x) => x.filePath.endsWith('other.dsi'))).toBeUndefined();

    // Stylish names the dependent and the import it broke through.
    const stylish = await runDsi(['lint', 'templates/base.dsi'], { cwd: dir });
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain('intents/weekly.dsi');
    expect(stylish.stdout).toContain('intents/weekly.dsi:1:8 note: checked because this file imports templates/base.dsi through templates/archive.dsi');

    // --no-dependents checks the template alone, which is fine by itself.
    const alone = await runDsi(['lint', 'templates/base.dsi', '--no-dependents'], { cwd: dir });
    expect([alone.code, alone.stderr]).toEqual([0, '']);
  });

  it('a file named that .dsiignore excludes is skipped with a warning, unless --no-ignore', async () => {
    write('.dsiignore', 'intents/other.dsi\n');
    write('intents/other.dsi', 'intent other {\n  task "nope"\n');
    const r = await runDsi(['lint', 'intents/other.dsi'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('dsi: warning: intents/other.dsi is ignored (.dsiignore or --ignore-pattern) and was not checked; use --no-ignore to check it\n');
    expect((await runDsi(['lint', 'intents/other.dsi', '--no-ignore'], { cwd: dir })).code).toBe(1);
    const patterned = await runDsi(['lint', 'intents/nightly.dsi', '--ignore-pattern', 'intents/night*'], { cwd: dir });
    expect(patterned.code).toBe(0);
    expect(patterned.stderr).toContain('intents/nightly.dsi is ignored');
  });
});
