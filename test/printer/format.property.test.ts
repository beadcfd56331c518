/**
 * Laws of `dsi fmt` over generated programs in messy layouts: formatting is idempotent, never
 * changes what a file compiles to, and keeps every comment, in order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/grammar/index.js';
import { formatText } from '../../src/printer/format.js';
import { compileFiles } from '../helpers.js';
import { messyProgram } from './arbitraries.js';

const RUNS = 200;

function formatAll(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([name, text]) => {
      const r = formatText(text, name);
      expect(r.diagnostics, text).toEqual([]);
      return [name, r.text!];
    }),
  );
}

describe('dsi fmt', () => {
  it(`is idempotent (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(messyProgram, (files) => {
        const once = formatAll(files);
        expect(formatAll(once)).toEqual(once);
        for (const text of Object.values(once)) expect(formatText(text, 'x.dsi').changed).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it(`never changes what a file compiles to (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(messyProgram, (files) => {
        const before = compileFiles(files, 'main.dsi', { rules: false });
        const after = compileFiles(formatAll(files), 'main.dsi', { rules: false });
        expect(before.diagnostics.filter((d) => d.severity === 'error'), files['main.dsi']).toEqual([]);
        expect(after.intents.map((i) => i.payload)).toEqual(before.intents.map((i) => i.payload));
        expect(after.intents.map((i) => i.context)).toEqual(before.intents.map((i) => i.context));
      }),
      { numRuns: RUNS },
    );
  });

  it(`keeps every comment, in order (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(messyProgram, (files) => {
        for (const [name, text] of Object.entries(formatAll(files))) {
          expect(parse(text, name).comments.map((c) => c.text.trimEnd())).toEqual(parse(files[name], name).comments.map((c) => c.text.trimEnd()));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
