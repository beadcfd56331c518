import { describe, expect, it, beforeEach } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDsi } from './fake-io.js';
import { main } from '../../src/cli/main.js';
import { intent, TEMPLATE } from '../../bench/corpus.mjs';
import { fixture, repoRoot } from '../helpers.js';

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dsi-compile-'));
  cpSync(join(repoRoot, 'test', 'fixtures', 'language'), join(dir, 'ex'), { recursive: true });
});

function write(name: string, text: string): void {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
}

describe('dsi compile', () => {
  it('prints an object keyed by intent name for a folder', async () => {
    const r = await runDsi(['compile', 'ex'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ 'nightly-archive': JSON.parse(fixture('language', 'nightly.expected.json')) });
  });

  it('with --intent prints that payload alone, byte for byte in canonical order', async () => {
    const r = await runDsi(['compile', 'ex/nightly.dsi', '--intent', 'nightly-archive'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(JSON.stringify(JSON.parse(fixture('language', 'nightly.expected.json')), null, 2) + '\n');
  });

  it('prints {} for a file of templates only', async () => {
    const r = await runDsi(['compile', 'ex/defaults.dsi'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{}\n');
  });

  it('prints thousands of notes in a few writes of about 64 KiB each, not one per note nor one string of all', async () => {
    write('template.dsi', TEMPLATE);
    write('many.dsi', ['import "./template.dsi"', '', ...Array.from({ length: 600 }, (_, i) => intent(i))].join('\n'));
    const writes: string[] = [];
    const code = await main(['compile', 'many.dsi', '--out', 'out'], {
      stdout: { write: () => undefined, color: false },
      stderr: { write: (t) => void writes.push(t), color: false },
      cwd: dir,
      readStdin: async () => '',
    });
    expect(code).toBe(0);
    const notes = writes.slice(0, -1);
    expect(writes.at(-1)).toBe('dsi: wrote 600 requests to out\n');
    expect(notes.join('').match(/\(bandwidth-enhanced\)$/gm)).toHaveLength(600);
    expect(notes.length).toBeGreaterThan(1);
    expect(notes.length).toBeLessThan(20);
    for (const w of notes.slice(0, -1)) expect(w.length).toBeGreaterThanOrEqual(64 * 1024);
    for (const w of notes) expect(w.length).toBeLessThan(65 * 1024);
  });

  it('--out writes NAME.json for each intent', async () => {
    write('two.dsi', `intent a { task "${ARN}" }\nintent b { task "${ARN}"\n verify none }`);
    const r = await runDsi(['compile', 'two.dsi', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.json', 'b.json']);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'b.json'), 'utf8'))).toEqual({ TaskArn: ARN, OverrideOptions: { VerifyMode: 'NONE' } });
    expect(r.stderr).toBe('dsi: wrote 2 requests to out\n');
    // Run again with one intent changed: only its file is written.
    write('two.dsi', `intent a { task "${ARN}" }\nintent b { task "${ARN}"\n verify point-in-time-consistent }`);
    const again = await runDsi(['compile', 'two.dsi', '--out', 'out'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('dsi: wrote 1 request to out; 1 already up to date\n');
    expect(JSON.parse(readFileSync(join(dir, 'out', 'b.json'), 'utf8')).OverrideOptions).toEqual({ VerifyMode: 'POINT_IN_TIME_CONSISTENT' });
    const same = await runDsi(['compile', 'two.dsi', '--out', 'out'], { cwd: dir });
    expect(same.stderr).toBe('dsi: 2 requests in out already up to date\n');
  });

  it('refuses unsafe intent names for --out and writes nothing', async () => {
    write('bad.dsi', `intent ok { task "${ARN}" }\nintent "../evil" { task "${ARN}" }\nintent ".hidden" { task "${ARN}" }`);
    const r = await runDsi(['compile', 'bad.dsi', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"../evil" cannot be a file name');
    expect(r.stderr).toContain('".hidden" cannot be a file name');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('exits 1 and writes nothing when an input has errors, with file:line:col, source line and caret', async () => {
    write('err.dsi', `intent a {\n  task "${ARN}"\n  verify sometimes\n}\n`);
    const r = await runDsi(['compile', 'err.dsi', 'ex', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^err\.dsi:3:10 error unknown option value `sometimes` for `verify`.* \(unknown-value\)$/m);
    expect(r.stderr).toContain('  verify sometimes');
    expect(r.stderr).toMatch(/\^{9}/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('usage errors exit 2', async () => {
    expect((await runDsi(['compile'], { cwd: dir })).code).toBe(2);
    expect((await runDsi(['compile', 'ex', '--bogus'], { cwd: dir })).code).toBe(2);
    const unknown = await runDsi(['compile', 'ex', '--intent', 'nightly-archiv'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean `nightly-archive`?');
    expect((await runDsi(['frobnicate'], { cwd: dir })).code).toBe(2);
  });

  it('a missing file is an input error, and so is an empty folder', async () => {
    const r = await runDsi(['compile', 'nope.dsi'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.dsi');
    mkdirSync(join(dir, 'empty'));
    const empty = await runDsi(['compile', 'empty'], { cwd: dir });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('no files to check in empty');
  });

  it('intents compiled together need distinct names', async () => {
    write('one.dsi', `intent same { task "${ARN}" }`);
    write('two.dsi', `intent same { task "${ARN}" }`);
    const r = await runDsi(['compile', 'one.dsi', 'two.dsi'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('also declared in one.dsi');
  });
});

describe('dsi compile: outputs and inputs that cannot be used', () => {
  it('--out into a file, or a target that is a folder: one line, exit 2, nothing written, no temporary files left', async () => {
    write('afile', 'x');
    const r = await runDsi(['compile', 'ex', '--out', 'afile'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dsi: cannot write afile\/nightly-archive\.json: a file stands where a folder is needed; nothing was written\n$/);
    mkdirSync(join(dir, 'o', 'b.json'), { recursive: true });
    write('two.dsi', `intent a { task "${ARN}" }\nintent b { task "${ARN}" }`);
    const folder = await runDsi(['compile', 'two.dsi', '--out', 'o'], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('it is a folder');
    expect(readdirSync(join(dir, 'o'))).toEqual(['b.json']);
  });

  it('a request file or another file named on the command line is not read as an intent', async () => {
    write('r.datasync.json', '{}');
    const r = await runDsi(['compile', 'r.datasync.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dsi compile reads .dsi intents, and r.datasync.json is not one; a request file is a payload already: check it with `dsi lint r.datasync.json`');
  });
});
