import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { LineIndex } from '../../../src/core/range.js';
import { collectReports } from '../../../src/cli/formatters/common.js';
import { formatJson, type EslintResult } from '../../../src/cli/formatters/json.js';
import { formatResults } from '../../../src/cli/formatters/index.js';
import { ALPHA, CWD, OPTIONS, rangeOf, sampleResults } from './fixtures.js';

function lint(results = sampleResults()): EslintResult[] {
  // Synchronous, as the formatter is: formatResults (async, loads it) is tested in index.test.ts.
  const out = formatJson(collectReports(results, OPTIONS.cwd), OPTIONS.cwd);
  expect(out.endsWith(']\n')).toBe(true);
  return JSON.parse(out) as EslintResult[];
}

describe('json (ESLint shape)', () => {
  it('lists every file, clean ones too, by relative path', () => {
    expect(lint().map((r) => r.filePath)).toEqual(['clean.json', 'src/alpha.dsi', 'src/zeta.dsi']);
  });

  it('has exactly the keys of an ESLint result and counts per file', () => {
    const [clean, alpha, zeta] = lint();
    expect(clean).toEqual({
      filePath: 'clean.json',
      messages: [],
      suppressedMessages: [],
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    });
    expect(alpha).not.toHaveProperty('source');
    expect([alpha.errorCount, alpha.warningCount, alpha.fixableErrorCount, alpha.fixableWarningCount]).toEqual([2, 0, 1, 0]);
    // info counts as a warning (severity 1); the two-edit fix counts as fixable though ESLint's shape cannot carry it.
    expect([zeta.errorCount, zeta.warningCount, zeta.fixableErrorCount, zeta.fixableWarningCount]).toEqual([1, 2, 1, 0]);
  });

  it('maps each diagnostic to an ESLint message', () => {
    const [, alpha, zeta] = lint();
    const start = ALPHA.indexOf('only-file-transfered');
    expect(alpha.messages[0]).toEqual({
      ruleId: 'unknown-value',
      severity: 2,
      message: 'unknown option value `only-file-transfered`; did you mean `only-files-transferred`?',
      line: 2,
      column: 10,
      messageId: 'unknownValue',
      endLine: 2,
      endColumn: 30,
      fix: { range: [start, start + 'only-file-transfered'.length], text: 'only-files-transferred' },
    });
    expect(alpha.messages[1]).not.toHaveProperty('fix');
    expect(alpha.messages[1]).not.toHaveProperty('messageId');
    expect(zeta.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn])).toEqual([
      ['multiline-string', 1, 2, 15, 3, 10],
      ['bandwidth-ceiling', 1, 4, 13, 4, 20],
      ['schema', 2, 5, 12, 5, 21],
    ]);
    expect(zeta.messages[2]).not.toHaveProperty('fix');
  });

  it('leaves out a one-edit fix that changes another file', () => {
    const d: Diagnostic = {
      file: 'a.dsi',
      range: rangeOf(ALPHA, 'all'),
      severity: 'warning',
      ruleId: 'r',
      message: 'm',
      fix: { description: 'd', edits: [{ file: 'b.dsi', range: rangeOf(ALPHA, 'all'), text: 'x' }] },
    };
    const [result] = lint([{ file: `${CWD}/a.dsi`, diagnostics: [d] }]);
    expect(result.messages[0]).not.toHaveProperty('fix');
    expect(result.fixableWarningCount).toBe(1);
  });

  it('marks whole-file parse errors fatal, as ESLint marks its parse errors', () => {
    const range = new LineIndex('{').range(1, 1);
    const parse: Diagnostic = { file: 'r.json', range, severity: 'error', ruleId: 'parse', message: 'unexpected end of file; close the object with `}`' };
    const [result] = lint([{ file: 'r.json', source: '{', diagnostics: [parse] }]);
    expect(result.fatalErrorCount).toBe(1);
    expect(result.messages[0].fatal).toBe(true);
  });

  it('prints an empty list for no files', async () => {
    expect(await formatResults('json', [], OPTIONS)).toBe('[]\n');
  });
});
