/** The parser on random policy-ish input: never throws, every range inside the text, every node whole. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../src/grammar/index.js';
import { LineIndex, type Range } from '../../src/core/range.js';
import type { PolicyNode } from '../../src/grammar/ast.js';

const words = fc.constantFrom(
  'policy', 'p', '{', '}', 'when', 'tag', 'env', '=', '"prod"', 'task', '"arn:*"', 'mode', 'enhanced', 'from', 'to', 's3',
  'require', 'forbid', 'limit', 'verify', 'none', 'deleted', 'remove', 'report', 'include', 'tags', 'bandwidth', '<=', '<',
  '500 MiB/s', '10', 'unlimited', '|', ',', ';', 'as', 'name', 'warn', 'because', '"why"', '"', '\n', '#', 'intent', '@', '😀',
);

function inside(r: Range, text: string, lines: LineIndex): void {
  expect(0 <= r.start.offset && r.start.offset <= r.end.offset && r.end.offset <= text.length).toBe(true);
  expect(r.start).toEqual(lines.position(r.start.offset));
}

function check(text: string): void {
  const { ast, diagnostics } = parse(text, 'p.dsi');
  const lines = new LineIndex(text);
  for (const d of diagnostics) inside(d.range, text, lines);
  expect(diagnostics.filter((d) => d.ruleId === 'internal')).toEqual([]);
  for (const p of ast.items.filter((i): i is PolicyNode => i.type === 'Policy')) {
    inside(p.range, text, lines);
    for (const w of p.when) [w.range, w.subject.range, ...w.values.map((v) => v.range)].forEach((r) => inside(r, text, lines));
    for (const a of p.assertions) {
      [a.range, a.keywordRange, a.subject.range, ...a.values.map((v) => v.range), ...(a.equals ?? []).map((v) => v.range)].forEach((r) => inside(r, text, lines));
      // A node lies within its assertion.
      expect(a.subject.range.start.offset).toBeGreaterThanOrEqual(a.range.start.offset);
      if (a.because) expect(a.because.range.end.offset).toBeLessThanOrEqual(a.range.end.offset);
    }
  }
}

describe('policy blocks on random input', () => {
  it('never throw, and every range is inside the text', () => {
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), fc.array(fc.constantFrom(' ', '\n', ''), { maxLength: 40 }), (ws, gaps) =>
        check('policy p {\n' + ws.map((w, i) => w + (gaps[i] ?? ' ')).join('')),
      ),
      { numRuns: 300 },
    );
  });
});
