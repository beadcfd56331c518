import { describe, expect, it } from 'vitest';
import { collectReports, relativePath } from '../../../src/cli/formatters/common.js';
import { FORMAT_NAMES, formatChunks, formatResults, isFormatName } from '../../../src/cli/formatters/index.js';
import { toEslintResults } from '../../../src/cli/formatters/json.js';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { LineIndex } from '../../../src/core/range.js';
import { CWD, OPTIONS, sampleResults } from './fixtures.js';

const range = new LineIndex('abc\ndef\n').range(4, 7);

function diagnostic(file: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { file, range, severity: 'error', ruleId: 'r', message: 'm', ...extra };
}

describe('formatResults', () => {
  it('knows exactly the four formats', () => {
    expect(FORMAT_NAMES).toEqual(['stylish', 'json', 'sarif', 'github']);
    expect(FORMAT_NAMES.every(isFormatName)).toBe(true);
    expect(isFormatName('checkstyle')).toBe(false);
  });

  it('gives the same output whether files are named absolutely or relative to the working folder', async () => {
    const absolute = sampleResults().map((r) => ({
      ...r,
      file: r.file.startsWith('/') ? r.file : `${CWD}/${r.file}`,
      diagnostics: r.diagnostics.map((d) => ({ ...d, file: d.file.startsWith('/') ? d.file : `${CWD}/./${d.file}` })),
    }));
    for (const format of FORMAT_NAMES) expect(await formatResults(format, absolute, OPTIONS)).toBe(await formatResults(format, sampleResults(), OPTIONS));
  });
});

describe('formatChunks', () => {
  it('gives the report file by file: stylish and github one piece per file with problems, json one per file, sarif whole', async () => {
    const pieces = async (format: (typeof FORMAT_NAMES)[number]) => [...(await formatChunks(format, sampleResults(), OPTIONS))];
    const files = collectReports(sampleResults(), CWD);
    const withProblems = files.filter((r) => r.diagnostics.length > 0);
    const stylish = await pieces('stylish');
    // Each file's heading and blocks, a blank line, then the summary.
    expect(stylish.map((p) => p.split('\n')[0])).toEqual([...withProblems.map((r) => r.path), expect.stringMatching(/^✖ /)]);
    expect(stylish.slice(0, -1).every((p) => p.endsWith('\n\n'))).toBe(true);
    expect((await pieces('github')).map((p) => /file=([^,]+)/.exec(p)?.[1])).toEqual(withProblems.map((r) => r.path));
    expect(await pieces('json')).toHaveLength(files.length + 1);
    expect(await pieces('sarif')).toHaveLength(1);
  });

  it('json pieces joined are JSON.stringify of every file\'s entry at once, for no file, one and several', async () => {
    for (const results of [[], sampleResults().slice(0, 1), sampleResults()]) {
      const joined = [...(await formatChunks('json', results, OPTIONS))].join('');
      expect(joined).toBe(`${JSON.stringify(toEslintResults(collectReports(results, CWD), CWD))}\n`);
    }
  });
});

describe('collectReports', () => {
  it('makes paths relative with forward slashes, also above the working folder', () => {
    expect(relativePath(`${CWD}/a/b.dsi`, CWD)).toBe('a/b.dsi');
    expect(relativePath('./a/../b.dsi', CWD)).toBe('b.dsi');
    expect(relativePath('/work/other/c.dsi', CWD)).toBe('../other/c.dsi');
  });

  it('files a diagnostic under the file it names and drops exact repeats', () => {
    // Two intents importing the same file both report its problem.
    const shared = diagnostic('lib/common.dsi');
    const reports = collectReports(
      [
        { file: 'b.dsi', source: 'b', diagnostics: [shared, diagnostic('b.dsi', { severity: 'warning' })] },
        { file: 'a.dsi', source: 'a', diagnostics: [{ ...shared, file: `${CWD}/lib/common.dsi` }] },
      ],
      CWD,
    );
    expect(reports.map((r) => [r.path, r.source, r.diagnostics.length])).toEqual([
      ['a.dsi', 'a', 0],
      ['b.dsi', 'b', 1],
      ['lib/common.dsi', undefined, 1],
    ]);
  });

  it('sorts diagnostics by line and column, then severity, rule id and message', () => {
    const at = (start: number, end: number) => new LineIndex('abc\ndef\n').range(start, end);
    const [report] = collectReports(
      [
        {
          file: 'a.dsi',
          diagnostics: [
            diagnostic('a.dsi', { range: at(4, 6), ruleId: 'b' }),
            diagnostic('a.dsi', { range: at(4, 6), ruleId: 'a', severity: 'info' }),
            diagnostic('a.dsi', { range: at(4, 6), ruleId: 'z', message: 'y' }),
            diagnostic('a.dsi', { range: at(4, 6), ruleId: 'z', message: 'x' }),
            diagnostic('a.dsi', { range: at(4, 5) }),
            diagnostic('a.dsi', { range: at(1, 2) }),
          ],
        },
      ],
      CWD,
    );
    expect(report.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}-${d.range.end.column} ${d.ruleId} ${d.message}`)).toEqual([
      '1:2-3 r m',
      '2:1-2 r m',
      '2:1-3 b m',
      '2:1-3 z x',
      '2:1-3 z y',
      '2:1-3 a m',
    ]);
  });
});
