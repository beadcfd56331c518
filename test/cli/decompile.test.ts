/** `dsi decompile`: a request file to an intent on stdout, with the configured task context as the task block. */
import { beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDsi } from './fake-io.js';
import { repoRoot } from '../helpers.js';
import { compile } from '../../src/project/compile.js';

const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dsi-decompile-'));
  mkdirSync(join(dir, '.git'));
});

describe('dsi decompile', () => {
  it('prints the intent of a request file, named after the file, that compiles back to the request', async () => {
    const request = readFileSync(join(repoRoot, 'examples', 'requests', 'weekly-full.datasync.json'), 'utf8');
    writeFileSync(join(dir, 'weekly-full.datasync.json'), request);
    const r = await runDsi(['decompile', 'weekly-full.datasync.json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^intent weekly-full \{\n {2}task "/);
    expect(compile(r.stdout, { filename: 'w.dsi', rules: [] }).intents[0].payload).toEqual(JSON.parse(request));
  });

  it('takes --name, reads YAML, and writes the configured task context as the task block', async () => {
    writeFileSync(join(dir, 'dsi.config.json'), JSON.stringify({ context: { [TASK]: { mode: 'enhanced', to: { type: 's3', storageClass: 'glacier' } } } }));
    writeFileSync(join(dir, 'req.yaml'), `TaskArn: ${TASK}\nOverrideOptions:\n  BytesPerSecond: 104857600\n`);
    const r = await runDsi(['decompile', 'req.yaml', '--name', 'nightly'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`intent nightly {\n  task "${TASK}" {\n    mode enhanced\n    to s3 storage-class glacier\n  }\n  bandwidth 100 MiB/s\n}\n`);
  });

  it('reports a request file with errors and prints nothing (exit 1); usage errors exit 2', async () => {
    writeFileSync(join(dir, 'bad.json'), '{ "TaskArn": ');
    const r = await runDsi(['decompile', 'bad.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.json:1:');
    writeFileSync(join(dir, 'x.dsi'), 'intent x {}');
    expect((await runDsi(['decompile', 'x.dsi'], { cwd: dir })).stderr).toContain('dsi decompile reads a request file');
    expect((await runDsi(['decompile'], { cwd: dir })).code).toBe(2);
    expect((await runDsi(['decompile', 'bad.json', '--name', ' '], { cwd: dir })).code).toBe(2);
  });
});
