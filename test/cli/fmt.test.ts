/** `dsi fmt`: rewrites in place, --check lists and exits 1, stdin to stdout, files with syntax errors left alone. */
import { beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDsi } from './fake-io.js';
import { repoRoot } from '../helpers.js';

let dir: string;
const messy = 'intent a {   verify none; # why\n  transfer all }\n';
const tidy = 'intent a {\n  verify none # why\n  transfer all\n}\n';
const broken = 'intent b {\n  verify\n}\n';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dsi-fmt-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'messy.dsi'), messy);
  writeFileSync(join(dir, 'src', 'tidy.dsi'), tidy);
});

const read = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('dsi fmt', () => {
  it('rewrites the files that change, in place, and exits 0', async () => {
    const r = await runDsi(['fmt', 'src'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: 'dsi: formatted 1 file\n' });
    expect(read('src/messy.dsi')).toBe(tidy);
    expect(read('src/tidy.dsi')).toBe(tidy);
    expect(await runDsi(['fmt', '--check', 'src'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
  });

  it('--check writes nothing, lists the files that would change, and exits 1', async () => {
    const r = await runDsi(['fmt', '--check', 'src'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('src/messy.dsi\n');
    expect(r.stderr).toContain('1 file would be reformatted');
    expect(read('src/messy.dsi')).toBe(messy);
  });

  it('reports a file with syntax errors, never rewrites it, and still formats the others (exit 1)', async () => {
    writeFileSync(join(dir, 'src', 'broken.dsi'), broken);
    const r = await runDsi(['fmt', 'src'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('src/broken.dsi:3:1');
    expect(r.stderr).toContain('expected a value after `verify`');
    expect(read('src/broken.dsi')).toBe(broken);
    expect(read('src/messy.dsi')).toBe(tidy);
  });

  it('`-` formats standard input to standard output; with --check it only exits 1', async () => {
    expect(await runDsi(['fmt', '-'], { cwd: dir, stdin: messy })).toMatchObject({ code: 0, stdout: tidy, stderr: '' });
    expect(await runDsi(['fmt', '--check', '-'], { cwd: dir, stdin: messy })).toMatchObject({ code: 1, stdout: '' });
    expect(await runDsi(['fmt', '--check', '-'], { cwd: dir, stdin: tidy })).toMatchObject({ code: 0, stdout: '' });
    const bad = await runDsi(['fmt', '-'], { cwd: dir, stdin: broken });
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toContain('<stdin>:3:1');
  });

  it('refuses what it cannot format, with usage errors', async () => {
    writeFileSync(join(dir, 'r.json'), '{}');
    expect((await runDsi(['fmt'], { cwd: dir })).code).toBe(2);
    expect((await runDsi(['fmt', '-', 'src'], { cwd: dir })).code).toBe(2);
    const r = await runDsi(['fmt', 'r.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dsi fmt formats .dsi files, and r.json is not one');
  });

  it('finds the examples already formatted (`dsi fmt --check examples` is clean)', async () => {
    expect(await runDsi(['fmt', '--check', 'examples'], { cwd: repoRoot })).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});
