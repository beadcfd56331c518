import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../../src/cli/formatters/github.js';
import { formatResults } from '../../../src/cli/formatters/index.js';
import { LineIndex } from '../../../src/core/range.js';
import { CWD, OPTIONS, sampleResults } from './fixtures.js';

describe('github', () => {
  it('prints one workflow command per diagnostic, in file and position order', () => {
    expect(formatResults('github', sampleResults(), OPTIONS)).toBe(
      [
        '::error file=src/alpha.dsi,line=2,col=10,endLine=2,endColumn=30,title=unknown-value::unknown option value `only-file-transfered`; did you mean `only-files-transferred`?',
        '::error file=src/alpha.dsi,line=4,col=11,endLine=4,endColumn=17,title=transfer-mode-conflict::`deleted remove` cannot be used with `transfer all`: write `transfer changed` or drop `deleted remove`%0Asrc/alpha.dsi:3:12 note: `transfer all` is set here',
        // A range over two lines carries no columns: GitHub takes columns only on one line.
        '::notice file=src/zeta.dsi,line=2,endLine=3,title=multiline-string::the description spans two lines; write it on one line',
        '::warning file=src/zeta.dsi,line=4,col=13,endLine=4,endColumn=20,title=bandwidth-ceiling::bandwidth 1 GiB/s is more than one agent moves; write a lower limit or `unlimited`',
        '::error file=src/zeta.dsi,line=5,col=12,endLine=5,endColumn=21,title=schema::/Tags/0/Value must not contain `,` or `%25`: write "a b c"',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for clean results', () => {
    expect(formatResults('github', [{ file: 'a.dsi', diagnostics: [] }], OPTIONS)).toBe('');
  });

  it('escapes properties and message as GitHub reads them', () => {
    const range = new LineIndex('x').range(0, 1);
    const out = formatResults(
      'github',
      [
        {
          file: `${CWD}/odd,name:1%.dsi`,
          diagnostics: [
            {
              file: `${CWD}/odd,name:1%.dsi`,
              range,
              severity: 'warning',
              ruleId: 'team/rule:a,b',
              message: '100% sure: a, b\r\nnext line %0A stays literal',
            },
          ],
        },
      ],
      OPTIONS,
    );
    expect(out).toBe(
      '::warning file=odd%2Cname%3A1%25.dsi,line=1,col=1,endLine=1,endColumn=2,title=team/rule%3Aa%2Cb::100%25 sure: a, b%0D%0Anext line %250A stays literal\n',
    );
  });

  it('escapes `%` before what it introduces', () => {
    expect(escapeData('%0A\n\r:,')).toBe('%250A%0A%0D:,');
    expect(escapeProperty('%3A:,\n')).toBe('%253A%3A%2C%0A');
  });
});
