import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { LineIndex, START_OF_FILE } from '../../../src/core/range.js';
import { formatDiagnostic, formatResults } from '../../../src/cli/formatters/index.js';
import { CWD, OPTIONS, rangeOf, sampleResults } from './fixtures.js';

const EXPECTED = [
  'src/alpha.dsi',
  'src/alpha.dsi:2:10 error unknown option value `only-file-transfered`; did you mean `only-files-transferred`? (unknown-value)',
  '  2 | \tverify  only-file-transfered',
  '    | \t        ^^^^^^^^^^^^^^^^^^^^',
  '  fixable: write `only-files-transferred`',
  'src/alpha.dsi:4:11 error `deleted remove` cannot be used with `transfer all`: write `transfer changed` or drop `deleted remove` (transfer-mode-conflict)',
  '  4 |   deleted remove',
  '    |           ^^^^^^',
  '  src/alpha.dsi:3:12 note: `transfer all` is set here',
  '',
  'src/zeta.dsi',
  'src/zeta.dsi:2:15 info the description spans two lines; write it on one line (multiline-string)',
  '  2 |   description "first',
  '    |               ^^^^^^',
  'src/zeta.dsi:4:13 warning bandwidth 1 GiB/s is more than one agent moves; write a lower limit or `unlimited` (bandwidth-ceiling)',
  '  4 |   bandwidth 1 GiB/s',
  '    |             ^^^^^^^',
  'src/zeta.dsi:5:12 error /Tags/0/Value must not contain `,` or `%`: write "a b c" (schema)',
  '  5 |   tag team "a,b: c%"',
  '    |            ^^^^^^^^^',
  '  fixable: drop the characters the API rejects',
  '',
  '✖ 5 problems (3 errors, 1 warning, 1 info)',
  '  2 errors and 0 warnings potentially fixable with the `--fix` option.',
  '',
].join('\n');

function diagnostic(source: string, text: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { file: 'a.dsi', range: rangeOf(source, text), severity: 'error', ruleId: 'syntax', message: 'bad', ...extra };
}

describe('stylish', () => {
  it('groups per file in path order, sorts by position, and shows source lines, carets and related notes', async () => {
    expect(await formatResults('stylish', sampleResults(), OPTIONS)).toBe(EXPECTED);
  });

  it('does not depend on the order results and diagnostics arrive in', async () => {
    const reversed = sampleResults()
      .reverse()
      .map((r) => ({ ...r, diagnostics: [...r.diagnostics].reverse() }));
    expect(await formatResults('stylish', reversed, OPTIONS)).toBe(EXPECTED);
  });

  it('prints nothing at all for clean results', async () => {
    expect(await formatResults('stylish', [{ file: 'a.dsi', source: 'x', diagnostics: [] }], OPTIONS)).toBe('');
    expect(await formatResults('stylish', [], OPTIONS)).toBe('');
  });

  it('styles only when color is on, and the styled text reads the same without its escapes', async () => {
    const colored = await formatResults('stylish', sampleResults(), { ...OPTIONS, color: true });
    expect(colored).toContain('\u001b[31m');
    expect(colored).not.toBe(EXPECTED);
    expect(stripVTControlCharacters(colored)).toBe(EXPECTED);
    expect(EXPECTED).not.toContain('\u001b');
  });

  it('sums up singular counts and leaves out a zero info count', async () => {
    const source = 'a b\n';
    const out = await formatResults('stylish', [{ file: 'a.dsi', source, diagnostics: [diagnostic(source, 'b', { severity: 'warning' })] }], OPTIONS);
    expect(out.endsWith('\n✖ 1 problem (0 errors, 1 warning)\n')).toBe(true);
  });
});

describe('formatDiagnostic', () => {
  const options = { cwd: CWD, color: false };

  it('prints the compile-style line, the source line and a caret line', () => {
    const source = 'intent x {\n  verify nope\n}\n';
    expect(formatDiagnostic(diagnostic(source, 'nope'), source, options)).toBe(
      ['a.dsi:2:10 error bad (syntax)', '  2 |   verify nope', '    |          ^^^^'].join('\n'),
    );
  });

  it('makes absolute paths relative to the working folder', () => {
    const source = 'x\n';
    const d = { ...diagnostic(source, 'x'), file: `${CWD}/deep/er/a.dsi` };
    expect(formatDiagnostic(d, undefined, options)).toBe('deep/er/a.dsi:1:1 error bad (syntax)');
  });

  it('prints only the line when the source is unknown or the line is not in it', () => {
    const d = diagnostic('x\ny\n', 'y');
    expect(formatDiagnostic(d, undefined, options)).toBe('a.dsi:2:1 error bad (syntax)');
    expect(formatDiagnostic(d, 'x', options)).toBe('a.dsi:2:1 error bad (syntax)');
  });

  it('shows one caret for an empty range, also at the end of a line', () => {
    expect(formatDiagnostic({ ...diagnostic('x', 'x'), range: START_OF_FILE }, 'abc\n', options)).toBe(
      ['a.dsi:1:1 error bad (syntax)', '  1 | abc', '    | ^'].join('\n'),
    );
    const atEnd = new LineIndex('abc\n').range(3, 3);
    expect(formatDiagnostic({ ...diagnostic('x', 'x'), range: atEnd }, 'abc\n', options)).toBe(
      ['a.dsi:1:4 error bad (syntax)', '  1 | abc', '    |    ^'].join('\n'),
    );
  });

  it('underlines a range spanning lines to the end of its first line', () => {
    const source = 'a "one\ntwo" b\n';
    expect(formatDiagnostic(diagnostic(source, '"one\ntwo"'), source, options)).toBe(
      ['a.dsi:1:3 error bad (syntax)', '  1 | a "one', '    |   ^^^^'].join('\n'),
    );
  });

  it('keeps tabs and counts a surrogate pair as one character when lining up the caret', () => {
    const source = '\t\u{1F600}\tkey  value\n';
    expect(formatDiagnostic(diagnostic(source, 'value'), source, options)).toBe(
      ['a.dsi:1:10 error bad (syntax)', `  1 | ${source.trimEnd()}`, '    | \t \t     ^^^^^'].join('\n'),
    );
  });

  it('widens the gutter with the line number and leaves no space after an empty source line', () => {
    const source = `${'\n'.repeat(11)}x\n`;
    expect(formatDiagnostic(diagnostic(source, 'x', { severity: 'info', ruleId: 'r' }), source, options)).toBe(
      ['a.dsi:12:1 info bad (r)', '  12 | x', '     | ^'].join('\n'),
    );
    const empty = { ...diagnostic('x', 'x'), range: new LineIndex('a\n\nb').range(2, 2) };
    expect(formatDiagnostic(empty, 'a\n\nb', options)).toBe(['a.dsi:2:1 error bad (syntax)', '  2 |', '    | ^'].join('\n'));
  });

  it('lists related locations as notes', () => {
    const source = 'name a\nname a\n';
    const d = diagnostic(source, 'a', {
      range: new LineIndex(source).range(12, 13),
      ruleId: 'duplicate-name',
      related: [{ file: `${CWD}/b.dsi`, range: new LineIndex(source).range(5, 6), message: 'first declared here' }],
    });
    expect(formatDiagnostic(d, source, options).split('\n').at(-1)).toBe('  b.dsi:1:6 note: first declared here');
  });
});

describe('what the terminal is shown of the user’s text', () => {
  it('control characters in the source and in messages never reach the terminal raw', () => {
    const source = 'intent \u001b]0;pwned\u0007 {\n';
    const range = new LineIndex(source).range(7, 8);
    const out = formatDiagnostic({ file: '/w/x.dsi', range, severity: 'error', ruleId: 'syntax', message: 'unexpected character `\u001b`' }, source, { cwd: '/w', color: false });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(out).toContain('unexpected character `\\u001b`');
    expect(out).toContain('intent \uFFFD]0;pwned\uFFFD {');
  });

  it('a very long line is shown as a window around the range, carets aligned', () => {
    const source = 'a'.repeat(100_000) + 'XYZ' + 'b'.repeat(100_000);
    const range = new LineIndex(source).range(100_000, 100_003);
    const out = formatDiagnostic({ file: '/w/x.dsi', range, severity: 'error', ruleId: 'r', message: 'm' }, source, { cwd: '/w', color: false });
    expect(out.length).toBeLessThan(500);
    const [, code, carets] = out.split('\n');
    expect(code.indexOf('XYZ')).toBe(carets.indexOf('^^^'));
  });
});
