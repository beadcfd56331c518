/**
 * Linear work, counted rather than timed: each shape below (the bench's corpus, and the slow
 * shapes a hostile contributor found) is checked at one size and at double the size, and every
 * kind of work the stages count (tokens lexed, syntax nodes, rule calls, source-map look-ups,
 * waivers examined, settings merged, fix edits…) must grow about as the input does, not faster.
 */
import { describe, expect, it } from 'vitest';
import { lint, type LintResult } from '../../src/project/lint.js';
import { applyFixes } from '../../src/project/fix.js';
import { createCompileCache } from '../../src/compiler/index.js';
import { LineIndex } from '../../src/core/range.js';
import { measureWork, measureWorkAsync, WORK_KINDS, type WorkCounts, type WorkKind } from '../../src/core/work.js';
import { findDependents } from '../../src/project/dependents.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intent, TEMPLATE, waivers } from '../../bench/corpus.mjs';
import { memoryFs } from '../helpers.js';

const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';

/** The work `run(n)` does, counted. */
function countsOf(run: (n: number) => void, n: number): WorkCounts {
  return measureWork(() => run(n)).stats.counts;
}

/**
 * Each kind's growth from size `n` to `2n`, relative to the input's growth (`characters`, the text
 * the front ends read): 1 is linear; a quadratic stage gives about 2.
 */
function growth(run: (n: number) => void, n: number): { input: number; kinds: Partial<Record<WorkKind, number>>; counts: WorkCounts } {
  const small = countsOf(run, n);
  const large = countsOf(run, 2 * n);
  const input = large.characters / small.characters;
  const kinds: Partial<Record<WorkKind, number>> = {};
  for (const k of WORK_KINDS) {
    // A kind the small run never did must stay (nearly) absent in the large one.
    if (small[k] === 0) kinds[k] = large[k] === 0 ? 0 : Infinity;
    else kinds[k] = large[k] / small[k] / input;
  }
  return { input, kinds, counts: large };
}

/** Asserts the input doubled and that no stage's work grew faster than the input (15% slack for fixed costs). */
function expectLinear(run: (n: number) => void, n: number, busy: readonly WorkKind[]): void {
  const g = growth(run, n);
  expect(g.input).toBeGreaterThan(1.8);
  expect(g.input).toBeLessThan(4.4);
  const faster = Object.entries(g.kinds).filter(([, r]) => r! > 1.15);
  expect(faster, `work that grew faster than the input: ${JSON.stringify(g.kinds)}`).toEqual([]);
  // The stages the shape is about did real work (a counter nobody increments proves nothing).
  for (const k of busy) expect(g.counts[k], k).toBeGreaterThanOrEqual(2 * n);
}

const lintDsi = (text: string, readFile?: (p: string) => string): LintResult => lint(text, { filename: '/p/a.dsi', ...(readFile ? { readFile } : {}) });

describe('the counter catches what it is for', () => {
  it('a line index rebuilt per line is quadratic, and the growth says so', () => {
    const quadratic = (n: number) => {
      const text = 'x\n'.repeat(n);
      new LineIndex(text); // the characters of the input, once
      for (let i = 0; i < n; i++) new LineIndex(text);
    };
    // `characters` is counted by the front ends; here the first index stands for the input.
    const small = countsOf(quadratic, 500);
    const large = countsOf(quadratic, 1000);
    expect(large.lineIndexChars / small.lineIndexChars).toBeGreaterThan(3.5);
  });

  it('a lint that counts nothing is caught by the busy-stage check', () => {
    expect(() => expectLinear((n) => void lint(`intent a {\n task "${TASK}"\n}\n`.repeat(1) + '#\n'.repeat(n), { filename: 'a.dsi' }), 50, ['waiverChecks'])).toThrow();
  });
});

describe('every stage is linear in the input', () => {
  it('intents importing one template (the bench corpus), with the template parsed once per run', () => {
    const readFile = memoryFs({ '/p/template.dsi': TEMPLATE });
    expectLinear(
      (n) => {
        const cache = createCompileCache();
        // Several files of ten intents, as the bench lints them, sharing one cache.
        for (let f = 0; f < n / 10; f++) {
          const body = ['import "./template.dsi"', ''];
          for (let k = 0; k < 10; k++) body.push(intent(f * 10 + k));
          lint(body.join('\n'), { filename: `/p/batch-${f}.dsi`, readFile, cache });
        }
      },
      100,
      ['tokens', 'syntaxNodes', 'payloadWrites', 'payloads', 'ruleCalls', 'sourceMapLookups', 'filterPatterns', 'diagnostics'],
    );
  });

  it('one file of many intents', () => {
    const readFile = memoryFs({ '/p/template.dsi': TEMPLATE });
    expectLinear((n) => void lintDsi(['import "./template.dsi"', ...Array.from({ length: n }, (_, i) => intent(i))].join('\n'), readFile), 200, [
      'tokens',
      'syntaxNodes',
      'settingsMerged',
      'ruleCalls',
      'sourceMapLookups',
    ]);
  });

  it('long runs of `# dsi-ignore` above one line', () => {
    expectLinear(
      (n) => {
        const r = lint(waivers(n), { filename: 'a.dsi', reportUnusedSuppressions: false });
        // Judged as a run judges them (every waiver excuses nothing but the first).
        void r.suppressions.length;
      },
      2000,
      ['waiverChecks', 'tokens'],
    );
  });

  it('long runs of `# dsi-ignore`, judged as unused', () => {
    expectLinear((n) => void lint('# dsi-ignore filter-leading-slash -- reason\n'.repeat(n) + `intent a {\n task "${TASK}"\n}\n`, { filename: 'a.dsi' }), 2000, ['waiverChecks']);
  });

  it('a `set` path past the limit', () => {
    expectLinear((n) => void lintDsi(`intent a {\n task "${TASK}"\n set ${Array.from({ length: n }, (_, i) => `A${i}`).join('.')} = 1\n}\n`), 5000, ['tokens', 'syntaxNodes']);
  });

  it('many `set Tags[i]` statements', () => {
    expectLinear(
      (n) => void lintDsi(`intent a {\n task "${TASK}"\n` + Array.from({ length: n }, (_, i) => ` set Tags[${i}].Key = "k${i}"\n set Tags[${i}].Value = "v"\n`).join('') + '}\n'),
      1000,
      ['syntaxNodes', 'payloadWrites', 'settingsMerged'],
    );
  });

  it('many intents that each need a fix, fixed', () => {
    const role = 'arn:aws:iam::111122223333:role/r';
    expectLinear(
      (n) => {
        const text = Array.from({ length: n }, (_, i) => `intent a${i} {\n task "${TASK}"\n deleted remove\n manifest "s3://b/m${i}.csv" role "${role}"\n}\n`).join('');
        const relint = (texts: ReadonlyMap<string, string>) => [...texts].map(([file, t]) => lint(t, { filename: file }));
        const texts = new Map([['a.dsi', text]]);
        const outcome = applyFixes(texts, relint(texts), relint);
        expect(outcome.fixed.size).toBe(1);
      },
      500,
      ['fixEdits', 'ruleCalls', 'sourceMapLookups'],
    );
  });

  it('unknown parent names', () => {
    expectLinear((n) => void lintDsi(Array.from({ length: n }, (_, i) => `template t${i} extends nope${i} {\n}\n`).join('')), 1000, ['syntaxNodes', 'diagnostics']);
  });

  it('diamond inheritance with tags', () => {
    expectLinear(
      (n) =>
        void lintDsi(
          Array.from(
            { length: n },
            (_, i) => `template l${i}${i ? ` extends l${i - 1}, r${i - 1}` : ''} {\n tag a${i % 20} = "v"\n}\ntemplate r${i}${i ? ` extends r${i - 1}, l${i - 1}` : ''} {\n tag b${i % 20} = "v"\n}\n`,
          ).join('') + `intent x extends l${n - 1} {\n task "${TASK}"\n}\n`,
        ),
      // Below the extends-depth limit, so that the whole chain is merged at both sizes.
      25,
      ['settingsMerged'],
    );
  });

  it('many `tag` and `include` statements in one block (one key for all: compared for clashes with the first only)', () => {
    expectLinear((n) => void lintDsi(`intent a {\n task "${TASK}"\n` + ' tag k = "v"\n include "/a"\n'.repeat(n) + '}\n'), 1000, ['settingsMerged', 'syntaxNodes']);
  });

  it('many YAML errors on one line (each ends where its line does, found through one line index)', () => {
    expectLinear((n) => void lint('"'.repeat(4 * n), { filename: 'r.datasync.yaml' }), 2000, ['diagnostics', 'lineIndexChars']);
  });

  it('a JSON request filter of many patterns', () => {
    expectLinear(
      (n) => {
        const value = Array.from({ length: n }, (_, i) => `/p${i}`).join('|');
        lint(JSON.stringify({ TaskArn: TASK, Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: value }], Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: value }] }), { filename: 'r.datasync.json' });
      },
      2000,
      ['filterPatterns'],
    );
  });

  it('a .dsi filter of many patterns', () => {
    expectLinear((n) => void lintDsi(`intent a {\n task "${TASK}"\n include ${Array.from({ length: n }, (_, i) => `"/p${i}"`).join(' ')}\n}\n`), 2000, ['filterPatterns', 'syntaxNodes']);
  });

  it('many request files in a run', () => {
    expectLinear(
      (n) => {
        for (let i = 0; i < n; i++) lint(JSON.stringify({ TaskArn: TASK, Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: `/p${i}` }] }), { filename: `r${i}.datasync.json` });
      },
      100,
      ['syntaxNodes', 'ruleCalls', 'payloads'],
    );
  });

  it('a dense import graph (every file imports every file), seen from one entry', () => {
    expectLinear(
      (n) => {
        const files = Object.fromEntries(
          Array.from({ length: n }, (_, i) => [`/p/f${i}.dsi`, Array.from({ length: n }, (_, j) => `import "./f${j}.dsi"\n`).join('') + `template t${i} {\n tag k = "v"\n}\n`]),
        );
        lint(files['/p/f0.dsi'], { filename: '/p/f0.dsi', readFile: memoryFs(files) });
      },
      // n files of n imports: doubling n quadruples the input, and the work must follow it, no more.
      20,
      ['scopeEntries', 'tokens'],
    );
  });

  it('the search for dependents over a file of many imports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsi-linear-'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'one.dsi'), 'template t {\n}\n');
    const at = async (n: number) => {
      writeFileSync(join(dir, 'main.dsi'), 'import "./one.dsi"\n'.repeat(n));
      const { value, stats } = await measureWorkAsync(() => findDependents(['one.dsi'], { cwd: dir, rootOf: () => dir }));
      return { value, counts: stats.counts };
    };
    const small = await at(2000);
    const large = await at(4000);
    expect(small.value.map((d) => d.file)).toEqual(['main.dsi']);
    const input = large.counts.characters / small.counts.characters;
    expect(input).toBeGreaterThan(1.8);
    for (const k of ['scopeEntries', 'lineIndexChars'] as const) expect(large.counts[k] / small.counts[k] / input, k).toBeLessThan(1.15);
  });

  it('a deep import chain', () => {
    expectLinear(
      (n) => {
        const files = Object.fromEntries(Array.from({ length: n }, (_, i) => [`/p/f${i}.dsi`, `import "./f${i + 1}.dsi"\ntemplate t${i}${i + 1 < n ? ` extends t${i + 1}` : ''} {\n tag k${i} = "v"\n}\n`]));
        files[`/p/f${n}.dsi`] = `template t${n} {\n}\n`;
        lint(`import "./f0.dsi"\nintent x extends t0 {\n task "${TASK}"\n}\n`, { filename: '/p/main.dsi', readFile: memoryFs(files) });
      },
      25,
      ['scopeEntries', 'tokens'],
    );
  });
});
