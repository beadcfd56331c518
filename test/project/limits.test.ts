/**
 * Limits and linear work: every limit gives one clear error, and the slow shapes found by a
 * hostile contributor (long runs of one construct, deep and dense structures) stay fast.
 */
import { describe, expect, it } from 'vitest';
import { lint, reportUnusedSuppressions } from '../../src/project/lint.js';
import { MAX_EXTENDS_DEPTH, MAX_IMPORT_DEPTH, MAX_IMPORTS_PER_FILE } from '../../src/compiler/resolve.js';
import { MAX_INTENTS_PER_FILE } from '../../src/compiler/index.js';
import { MAX_WAIVERS_PER_FILE } from '../../src/core/suppressions.js';
import { compileFiles, memoryFs } from '../helpers.js';

const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';

/** Runs `f` and fails when it takes longer than `ms` (generous: the machine is shared). */
function within<T>(ms: number, f: () => T): T {
  const started = performance.now();
  const out = f();
  expect(performance.now() - started).toBeLessThan(ms);
  return out;
}

const ids = (ds: readonly { ruleId: string }[]) => ds.map((d) => d.ruleId);

describe('imports', () => {
  it(`a chain deeper than ${MAX_IMPORT_DEPTH} files is one error, no stack overflow`, () => {
    const files = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`/p/f${i}.dsi`, `import "./f${i + 1}.dsi"\n`]));
    const r = within(3000, () => compileFiles(files, '/p/f0.dsi'));
    expect(r.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([[`/p/f${MAX_IMPORT_DEPTH - 1}.dsi`, 'limit']]);
    expect(r.diagnostics[0].message).toContain(`imports nest more than ${MAX_IMPORT_DEPTH} files deep`);
  });

  it(`more than ${MAX_IMPORTS_PER_FILE} imports in a file is one error at the first one past the limit`, () => {
    const files: Record<string, string> = { '/p/main.dsi': Array.from({ length: 150 }, (_, i) => `import "./t${i}.dsi"\n`).join('') };
    for (let i = 0; i < 150; i++) files[`/p/t${i}.dsi`] = `template t${i} {\n}\n`;
    const r = compileFiles(files, '/p/main.dsi');
    expect(r.diagnostics.map((d) => [d.ruleId, d.range.start.line])).toEqual([['limit', MAX_IMPORTS_PER_FILE + 1]]);
  });

  it('a dense import graph (every file imports every file) gives bounded output, each cycle once per file', () => {
    const n = 60;
    const files = Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`/p/f${i}.dsi`, Array.from({ length: n }, (_, j) => `import "./f${j}.dsi"\n`).join('') + `template t${i} {\n tag k = "v"\n}\n`]),
    );
    const fs = memoryFs(files);
    const all = within(20_000, () => Array.from({ length: n }, (_, i) => lint(files[`/p/f${i}.dsi`], { filename: `/p/f${i}.dsi`, readFile: fs }).diagnostics).flat());
    const distinct = new Set(all.map((d) => `${d.file}:${d.range.start.offset}:${d.message}`));
    // Each file: its own cycle, at most one depth error, and at most one more cycle seen from other entries.
    expect(distinct.size).toBeLessThanOrEqual(4 * n);
    // Every file's own import of itself is reported, in the same words from every entry.
    for (let i = 0; i < n; i++) expect(distinct).toContain(`/p/f${i}.dsi:${files[`/p/f${i}.dsi`].indexOf(`"./f${i}.dsi"`)}:import cycle: \`/p/f${i}.dsi\` imports itself; a file may not import itself, directly or through others`);
  });

  it('a 1,000-file import cycle is reported without its whole chain', () => {
    const files = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`/p/f${i}.dsi`, `import "./f${(i + 1) % 1000}.dsi"\n`]));
    const r = within(3000, () => compileFiles(files, '/p/f0.dsi'));
    const text = r.diagnostics.map((d) => d.message).join('\n');
    expect(text.length).toBeLessThan(2000);
  });
});

describe('extends', () => {
  it(`a chain deeper than ${MAX_EXTENDS_DEPTH} is one error, no stack overflow`, () => {
    // Declared child first, so that each parent is resolved inside its child.
    const text = Array.from({ length: 5000 }, (_, i) => `template t${i} extends t${i + 1} {\n}\n`).join('') + 'template t5000 {\n}\n';
    const r = within(5000, () => compileFiles({ '/p/a.dsi': text }, '/p/a.dsi'));
    expect(ids(r.diagnostics)).toContain('limit');
    expect(r.diagnostics.filter((d) => d.ruleId === 'internal')).toEqual([]);
  });

  it('diamond inheritance with tags 2,000 levels deep is linear', () => {
    const text = Array.from(
      { length: 2000 },
      (_, i) => `template l${i}${i ? ` extends l${i - 1}, r${i - 1}` : ''} {\n tag a${i % 40} = "v"\n}\ntemplate r${i}${i ? ` extends r${i - 1}, l${i - 1}` : ''} {\n tag b${i % 40} = "v"\n}\n`,
    ).join('');
    within(8000, () => compileFiles({ '/p/a.dsi': text }, '/p/a.dsi'));
  });

  it('10,000 unknown parent names are reported in linear time', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `template t${i} extends nope${i} {\n}\n`).join('');
    const r = within(8000, () => compileFiles({ '/p/a.dsi': text }, '/p/a.dsi'));
    expect(r.diagnostics.filter((d) => d.ruleId === 'unknown-name')).toHaveLength(10_000);
  });
});

describe('intents, statements and waivers', () => {
  it(`more than ${MAX_INTENTS_PER_FILE} intents is one error`, () => {
    const text = Array.from({ length: MAX_INTENTS_PER_FILE + 2 }, (_, i) => `intent a${i} {\ntask "${TASK}"\n}\n`).join('');
    const r = within(60_000, () => lint(text, { filename: 'a.dsi', rules: [] }));
    expect(r.diagnostics.map((d) => [d.ruleId, d.range.start.line])).toEqual([['limit', 3 * MAX_INTENTS_PER_FILE + 1]]);
  }, 90_000);

  it('5,000 `set Tags[i]` statements in one intent are linear', () => {
    const text = `intent a {\n task "${TASK}"\n` + Array.from({ length: 5000 }, (_, i) => ` set Tags[${i}].Key = "k"\n`).join('') + '}\n';
    within(5000, () => lint(text, { filename: 'a.dsi' }));
  });

  it('20,000 `tag`s and 20,000 `include`s in one block are linear (they share one key; duplicates still found)', () => {
    const text = `intent a {\n task "${TASK}"\n` + ' tag k = "v"\n include "/a"\n'.repeat(20_000) + ' set Tags[0].Key = "x"\n}\n';
    const r = within(8000, () => lint(text, { filename: 'a.dsi', rules: [] }));
    // The one `set` under /Tags clashes with the first `tag`, however many came between.
    const clash = r.diagnostics.filter((d) => d.message.includes('sets the same field'));
    expect(clash.map((d) => [d.range.start.line, d.related?.[0]?.range.start.line])).toEqual([[40_003, 3]]);
  }, 30_000);

  it('8,000 waivers are judged within a second; past the limit one error', () => {
    const waivers = '# dsi-ignore filter-leading-slash -- reason\n'.repeat(8000) + `intent a {\n task "${TASK}"\n}\n`;
    const r = lint(waivers, { filename: 'a.dsi', reportUnusedSuppressions: false });
    const unused = within(1000, () => reportUnusedSuppressions([r], () => true));
    expect(unused.filter((d) => d.messageId === 'unused')).toHaveLength(8000);
    const over = lint('# dsi-ignore x -- r\n'.repeat(MAX_WAIVERS_PER_FILE + 1), { filename: 'a.dsi' });
    expect(over.diagnostics.filter((d) => d.ruleId === 'limit').map((d) => d.range.start.line)).toEqual([MAX_WAIVERS_PER_FILE + 1]);
  });

  it('16,000 intents that each need a fix are fixed in linear time', () => {
    const role = 'arn:aws:iam::111122223333:role/r';
    const text = Array.from({ length: 16_000 }, (_, i) => `intent a${i} {\n task "${TASK}"\n deleted remove\n manifest "s3://b/m${i}.csv" role "${role}"\n}\n`).join('');
    const r = within(30_000, () => lint(text, { filename: 'a.dsi' }));
    expect(r.diagnostics.filter((d) => d.ruleId === 'remove-with-manifest' && d.fix)).toHaveLength(16_000);
  }, 60_000);
});

describe('grammar-level shapes', () => {
  it('a `set` path of 100,000 parts is one error, in linear time', () => {
    const text = `intent a {\n task "${TASK}"\n set ${Array.from({ length: 100_000 }, () => 'A').join('.')} = 1\n}\n`;
    const r = within(5000, () => lint(text, { filename: 'a.dsi' }));
    expect(r.diagnostics.map((d) => [d.ruleId, d.range.start.line])).toEqual([['limit', 3]]);
  });

  it('a path under the limit still reaches the schema, which names its first unknown member', () => {
    const text = `intent a {\n task "${TASK}"\n set ${Array.from({ length: 60 }, (_, i) => 'A' + i).join('.')} = 1\n}\n`;
    expect(within(2000, () => lint(text, { filename: 'a.dsi' })).diagnostics.map((d) => d.ruleId)).toEqual(['schema']);
  });

  it('a 10 MB string literal is read (no stack overflow)', () => {
    const text = `intent a {\n task "${TASK}"\n include "/${'x'.repeat(10_000_000)}"\n}\n`;
    const r = within(30_000, () => lint(text, { filename: 'a.dsi' }));
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['filter-max-length']);
  }, 60_000);

  it('200 KB of `-` is one syntax error in linear time (the lexer’s recovery)', () => {
    const r = within(5000, () => lint('-'.repeat(200_000), { filename: 'a.dsi' }));
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['syntax']);
  });

  it('compile of 32,000 intents without `task` is linear', () => {
    const text = Array.from({ length: 32_000 }, (_, i) => `intent a${i} {\n}\n`).join('');
    const r = within(15_000, () => compileFiles({ '/p/a.dsi': text }, '/p/a.dsi'));
    expect(r.diagnostics.filter((d) => d.ruleId === 'missing-task')).toHaveLength(32_000);
  }, 30_000);
});
