/** Input size limits on the command line: 1 MiB per .dsi file by default, --max-input-size to raise it, 8 MiB per request file; non-UTF-8 text refused in one line. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDsi } from './fake-io.js';

const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';

function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dsi-limits-'));
  writeFileSync(join(dir, '.git'), '');
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

describe('input size limits', () => {
  const big = `intent a {\n  task "${TASK}"\n}\n` + '# padding\n'.repeat(110_000);

  it('refuse a .dsi file over 1 MiB by default, naming the limit and the flag', async () => {
    const cwd = project({ 'big.dsi': big });
    const r = await runDsi(['lint', 'big.dsi'], { cwd });
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('larger than the limit of 1 MiB (raise it with --max-input-size)');
  });

  it('--max-input-size raises it; a bad size is a usage error', async () => {
    const cwd = project({ 'big.dsi': big });
    expect((await runDsi(['lint', '--max-input-size', '2MiB', 'big.dsi'], { cwd })).code).toBe(0);
    const bad = await runDsi(['lint', '--max-input-size', 'lots', 'big.dsi'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-input-size takes a size such as 4MiB');
  });

  it('read a 2.5 MB request file (the largest valid request, escaped)', async () => {
    const emoji = '\\ud83d\\ude00'.repeat(102_399);
    const text = `{"TaskArn": "${TASK}", "Includes": [{"FilterType": "SIMPLE_PATTERN", "Value": "/${emoji}"}], "Excludes": [{"FilterType": "SIMPLE_PATTERN", "Value": "/${emoji}"}]}`;
    const cwd = project({ 'r.datasync.json': text });
    const r = await runDsi(['lint', 'r.datasync.json'], { cwd });
    expect(r.stderr + r.stdout).not.toContain('larger than the limit');
  });

  it('refuse a UTF-16 request file in one line', async () => {
    const cwd = project({ 'r.datasync.json': Buffer.from(`\uFEFF{"TaskArn": "${TASK}"}`, 'utf16le') });
    const r = await runDsi(['lint', 'r.datasync.json'], { cwd });
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('it is UTF-16 text; save it as UTF-8');
  });
});
