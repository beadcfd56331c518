/**
 * Baselines: adopt dsi on a folder with problems, keep blocking only new ones. Problems are
 * matched by file, intent, rule and payload member, so edits that move lines change nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { LineIndex } from '../../src/core/range.js';
import { applyBaseline, createBaseline, formatBaseline, parseBaseline } from '../../src/project/baseline.js';
import { runDsi } from '../cli/fake-io.js';

const ARN = (n: number) => `arn:aws:datasync:us-east-1:111122223333:task/task-${n.toString(16).padStart(17, '0')}`;
let dir: string;

/** An intent with one error (`deleted remove` with `transfer all`) and one warning (`bandwidth 0`). */
function intent(name: string, n: number): string {
  return `intent ${name} {\n  task "${ARN(n)}"\n  transfer all\n  deleted remove\n  bandwidth 0 B/s\n}\n`;
}

function write(name: string, text: string): void {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; line: number }[];
}

const problems = (stdout: string) => (JSON.parse(stdout) as JsonResult[]).flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.ruleId}`));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dsi-baseline-'));
  mkdirSync(join(dir, '.git'));
  // 10 intents × (1 error + 1 warning) = 20 problems, in two files.
  write('intents/a.dsi', [0, 1, 2, 3, 4].map((i) => intent(`a${i}`, i)).join('\n'));
  write('intents/b.dsi', [5, 6, 7, 8, 9].map((i) => intent(`b${i}`, i)).join('\n'));
});

describe('baselines', () => {
  it('adopted with 20 problems; lines edited above them; one new problem: only the new one is reported', async () => {
    const before = await runDsi(['lint', 'intents', '--format', 'json'], { cwd: dir });
    expect(before.code).toBe(1);
    expect(problems(before.stdout)).toHaveLength(20);

    const adopt = await runDsi(['lint', 'intents', '--write-baseline', '.dsi-baseline.json'], { cwd: dir });
    expect(adopt.code).toBe(0);
    expect(adopt.stderr).toBe('dsi: wrote 20 problems to the baseline .dsi-baseline.json\n');
    // Written whole, through a temporary file that is gone.
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    const written = parseBaseline(readFileSync(join(dir, '.dsi-baseline.json'), 'utf8'), 'b');
    expect(written.problems.reduce((n, p) => n + p.count, 0)).toBe(20);
    expect(JSON.stringify(written)).not.toMatch(/"line"/);

    const clean = await runDsi(['lint', 'intents', '--baseline', '.dsi-baseline.json'], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('');
    expect(clean.stderr).toBe('dsi: 20 problems are in the baseline .dsi-baseline.json and not reported\n');

    // Unrelated edits move every problem down: comments and blank lines above, an intent reordered.
    const a = readFileSync(join(dir, 'intents/a.dsi'), 'utf8');
    write('intents/a.dsi', `# nightly intents\n# owned by storage\n\n\n${a.replace(intent('a0', 0), '')}\n${intent('a0', 0)}`);
    write('intents/b.dsi', `\n\n\n${readFileSync(join(dir, 'intents/b.dsi'), 'utf8')}`);
    // One new problem: a second warning in an existing intent.
    write('intents/b.dsi', readFileSync(join(dir, 'intents/b.dsi'), 'utf8').replace(`task "${ARN(7)}"`, `task "${ARN(7)}"\n  storage-class glacier`));
    const moved = await runDsi(['lint', 'intents', '--format', 'json', '--baseline', '.dsi-baseline.json'], { cwd: dir });
    const reported = problems(moved.stdout);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(/^intents\/b\.dsi:\d+ /);
    expect(moved.stderr).toBe('dsi: 20 problems are in the baseline .dsi-baseline.json and not reported\n');
  });

  it('fixed problems drop out when the baseline is rewritten, and come back as new if they return', async () => {
    await runDsi(['lint', 'intents', '--write-baseline', 'base.json'], { cwd: dir });
    write('intents/b.dsi', [5, 6, 7, 8, 9].map((i) => intent(`b${i}`, i).replace('  bandwidth 0 B/s\n', '')).join('\n'));
    const rewrite = await runDsi(['lint', 'intents', '--write-baseline', 'base.json'], { cwd: dir });
    expect(rewrite.stderr).toBe('dsi: wrote 15 problems to the baseline base.json\n');
    write('intents/b.dsi', [5, 6, 7, 8, 9].map((i) => intent(`b${i}`, i)).join('\n'));
    const back = await runDsi(['lint', 'intents', '--format', 'json', '--baseline', 'base.json'], { cwd: dir });
    expect(problems(back.stdout).map((p) => p.split(' ')[1])).toEqual(Array(5).fill('bandwidth-zero'));
    expect(back.code).toBe(0); // warnings only
  });

  it('a baseline larger than the 1 MiB limit of input files is read (adopting dsi records every problem of a repository)', async () => {
    const adopt = await runDsi(['lint', 'intents', '--write-baseline', 'big.json'], { cwd: dir });
    expect(adopt.code).toBe(0);
    // The same baseline, padded past 1 MiB with the white space JSON allows.
    write('big.json', readFileSync(join(dir, 'big.json'), 'utf8') + ' '.repeat(2 * 1024 * 1024) + '\n');
    const clean = await runDsi(['lint', 'intents', '--baseline', 'big.json'], { cwd: dir });
    expect(clean.stderr).toBe('dsi: 20 problems are in the baseline big.json and not reported\n');
    expect(clean.code).toBe(0);
  });

  it('a baseline that cannot be read or is malformed is a usage error naming it', async () => {
    const missing = await runDsi(['lint', 'intents', '--baseline', 'nope.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the baseline nope.json: no such file or directory');
    write('bad.json', '{"version": 1, "problems": [{"file": "a.dsi"}]}');
    const bad = await runDsi(['lint', 'intents', '--baseline', 'bad.json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the baseline bad.json has a problem 1 without a string "ruleId"');
  });

  it('counts: two equal problems need two accepted; the file is relative to the baseline', () => {
    const range = new LineIndex('x\ny\n').range(0, 1);
    const d = (line: number): Diagnostic => ({ file: 'src/a.dsi', range: { ...range, start: { ...range.start, line } }, severity: 'error', ruleId: 'r', message: 'm', intent: 'i', pointer: '/Includes/0' });
    const baseline = createBaseline([{ file: 'src/a.dsi', diagnostics: [d(1)] }], '/w', 'ci/baseline.json');
    expect(baseline.problems).toEqual([{ file: '../src/a.dsi', intent: 'i', ruleId: 'r', pointer: '/Includes/0', count: 1 }]);
    expect(parseBaseline(formatBaseline(baseline), 'x')).toEqual(baseline);
    const applied = applyBaseline([{ file: 'src/a.dsi', diagnostics: [d(5), d(9)] }], baseline, '/w', 'ci/baseline.json');
    expect(applied.accepted).toBe(1);
    expect(applied.results[0].diagnostics).toHaveLength(1);
    // Another intent or another member is another problem.
    expect(applyBaseline([{ file: 'src/a.dsi', diagnostics: [{ ...d(1), intent: 'j' }, { ...d(1), pointer: '/Excludes/0' }] }], baseline, '/w', 'ci/baseline.json').accepted).toBe(0);
  });
});
