import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareDiagnostics, type Diagnostic } from '../../src/core/diagnostic.js';
import { LineIndex } from '../../src/core/range.js';
import { repeatFilter } from '../../src/core/repeats.js';
import { dedupe } from '../../src/check/index.js';
import { collectReports } from '../../src/cli/formatters/common.js';

const TEXT = 'abcdef\nghijkl\n';
const lines = new LineIndex(TEXT);

/** Small diagnostics that often repeat one another in some fields. */
const diagnostic = fc
  .record({
    file: fc.constantFrom('a.dsi', 'b.dsi'),
    start: fc.integer({ min: 0, max: 3 }),
    length: fc.integer({ min: 0, max: 2 }),
    severity: fc.constantFrom('error', 'warning', 'info'),
    ruleId: fc.constantFrom('r', 's'),
    message: fc.constantFrom('m', 'n'),
  })
  .map(({ file, start, length, severity, ruleId, message }): Diagnostic => ({ file, range: lines.range(start, start + length), severity, ruleId, message }));

const sameRuleAndMessage = (a: Diagnostic, b: Diagnostic) => a.range.end.offset === b.range.end.offset && a.ruleId === b.ruleId && a.message === b.message;

describe('repeatFilter', () => {
  it('answers true exactly for a diagnostic equal to an earlier one, as a set of string keys does', () => {
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 40 }), (list) => {
        const repeated = repeatFilter(sameRuleAndMessage);
        const keys = new Set<string>();
        for (const d of list) {
          const key = JSON.stringify([d.range.start.offset, d.range.end.offset, d.ruleId, d.message]);
          expect(repeated(d)).toBe(keys.has(key));
          keys.add(key);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps dedupe and collectReports dropping exactly the repeats (the first of equal ones stays)', () => {
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 40 }), (list) => {
        const key = (d: Diagnostic) => JSON.stringify([d.file, d.range.start.offset, d.range.end.offset, d.ruleId, d.message]);
        const firsts = list.filter((d, i) => list.findIndex((e) => key(e) === key(d)) === i);
        expect(dedupe(list)).toEqual([...firsts].sort(compareDiagnostics));
        const shown = (d: Diagnostic) => JSON.stringify([d.range.start.offset, d.range.end.offset, d.severity, d.ruleId, d.message]);
        for (const report of collectReports([{ file: 'a.dsi', diagnostics: list }], '/w')) {
          const mine = list.filter((d) => d.file === report.path);
          expect(report.diagnostics.map(shown).sort()).toEqual([...new Set(mine.map(shown))].sort());
        }
      }),
      { numRuns: 200 },
    );
  });
});
