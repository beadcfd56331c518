/**
 * Fuzzing the CLI in-process: any argument vector exits 0, 1 or 2, never throws, writes only inside
 * its folder, gives the same output for the same input, and leaves Object.prototype alone.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runDsi } from '../cli/fake-io.js';
import { SEEDS } from './arbitraries.js';

const base = mkdtempSync(join(tmpdir(), 'dsi-fuzz-cli-'));
const outside = readdirSync(tmpdir()).length;
afterAll(() => rmSync(base, { recursive: true, force: true }));

const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
const FILES: Record<string, string> = {
  '.git': '',
  'a.dsi': `intent a {\n  task "${TASK}"\n  verify none\n}\n`,
  'bad.dsi': 'intent {\n  verify sometimes\n',
  'fix.dsi': `intent f {\n  task "${TASK}"\n  include "x"\n}\n`,
  'r.datasync.json': `{"TaskArn": "${TASK}", "OverrideOptions": {"BytesPerSecond": 1e6}}`,
  'r.datasync.yaml': `TaskArn: !!binary aGVsbG8=\n`,
  'dsi.config.json': '{"rules": {"filter-leading-slash": "warn"}}',
  'broken.config.json': '{"rules": ',
  [`sub/${SEEDS[0].name}`]: SEEDS[0].text,
};

/** The words commands are made of (no `start` and no `--resolve-context`: they call AWS; no `lsp`: it serves standard input). */
const word = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('lint', 'compile', 'fmt', 'decompile', 'explain', 'help', '--help', '--version', 'nonsense') },
  { weight: 6, arbitrary: fc.constantFrom('a.dsi', 'bad.dsi', 'fix.dsi', 'r.datasync.json', 'r.datasync.yaml', 'sub', '.', '*.dsi', 'missing.dsi', '../elsewhere.dsi', '-', '--', '') },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '--format', 'json', 'sarif', 'github', 'stylish', '--fix', '--fix-dry-run', '--check', '--quiet', '--max-warnings', '0', '-1', 'x',
      '--rule', 'filter-leading-slash:off', 'nope:error', '--intent', 'a', '--out', 'out', '-o', 'report.txt', '--stdin', '--stdin-filename', 'in.dsi',
      '--no-plugins', '--no-config-lookup', '--config', 'broken.config.json', '--print-config', '--max-input-size', '1KiB', '0', '4MiB',
      '--import-root', '--ignore-pattern', '--no-ignore', '--baseline', '--write-baseline', 'base.json', '--no-inline-config',
      '--report-unused-waivers', 'error', '--color', '--no-color', '--name', 'filter-leading-slash', '-f',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);

describe('the CLI', () => {
  it('exits 0, 1 or 2 on any argument vector, without an exception, writing only inside its folder, the same way twice', async () => {
    let n = 0;
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype).join(',');
    /** Runs argv in a fresh copy of FILES; output with the copy's path written as <cwd>. */
    const runFresh = async (argv: string[], stdin: string) => {
      const cwd = join(base, String(n++));
      for (const [f, text] of Object.entries(FILES)) {
        mkdirSync(join(cwd, f, '..'), { recursive: true });
        writeFileSync(join(cwd, f), text);
      }
      const run = await runDsi(argv, { cwd, stdin });
      const clean = (t: string) => t.split(cwd).join('<cwd>');
      return { code: run.code, stdout: clean(run.stdout), stderr: clean(run.stderr) };
    };
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 8 }), fc.string({ maxLength: 60 }), async (argv, stdin) => {
        const run = await runFresh(argv, stdin);
        expect([0, 1, 2], `dsi ${argv.join(' ')}\n${run.stderr.slice(0, 500)}`).toContain(run.code);
        expect(run.stderr, `dsi ${argv.join(' ')}`).not.toMatch(/dsi: internal error|internal error while|TypeError|RangeError|^\s+at \S+ \(/m);
        expect(await runFresh(argv, stdin), `dsi ${argv.join(' ')} a second time`).toEqual(run);
        expect(Object.getOwnPropertyNames(Object.prototype).join(','), `dsi ${argv.join(' ')}`).toBe(prototypeNames);
      }),
      { numRuns: 150 },
    );
    expect(readdirSync(tmpdir()).length).toBeLessThanOrEqual(outside + 1);
  }, 180_000);
});
