import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANNOTATIONS_SHOWN_PER_STEP, escapeData, escapeProperty, formatStepSummary } from '../../../src/cli/formatters/github.js';
import { collectReports } from '../../../src/cli/formatters/common.js';
import { main } from '../../../src/cli/main.js';
import type { Severity } from '../../../src/core/diagnostic.js';
import type { FileResult } from '../../../src/core/result.js';
import { formatResults } from '../../../src/cli/formatters/index.js';
import { LineIndex } from '../../../src/core/range.js';
import { CWD, OPTIONS, sampleResults } from './fixtures.js';

describe('github', () => {
  it('prints one workflow command per diagnostic, in file and position order', async () => {
    expect(await formatResults('github', sampleResults(), OPTIONS)).toBe(
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

  it('prints nothing for clean results', async () => {
    expect(await formatResults('github', [{ file: 'a.dsi', diagnostics: [] }], OPTIONS)).toBe('');
  });

  it('escapes properties and message as GitHub reads them', async () => {
    const range = new LineIndex('x').range(0, 1);
    const out = await formatResults(
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

describe('github: what GitHub cannot show, and the step summary', () => {
  const many = (errors: number, warnings: number) => {
    const text = 'x\n'.repeat(errors + warnings);
    const lines = new LineIndex(text);
    const diagnostics = Array.from({ length: errors + warnings }, (_, i) => ({
      file: 'a.dsi',
      range: lines.range(i * 2, i * 2 + 1),
      severity: (i < errors ? 'error' : 'warning') as Severity,
      ruleId: 'r',
      message: `problem | ${i}`,
    }));
    return [{ file: 'a.dsi', diagnostics }];
  };

  it('says how many annotations GitHub will not show (10 errors and 10 warnings per step), first', async () => {
    const out = (await formatResults('github', many(13, 11), OPTIONS)).split('\n');
    expect(out[0]).toBe(
      `::notice title=dsi::3 errors and 1 warning could not be shown as annotations (GitHub shows at most ${ANNOTATIONS_SHOWN_PER_STEP} of each kind per step); every problem is listed in this step's log`,
    );
    expect(out.filter((l) => l.startsWith('::error'))).toHaveLength(13);
    expect(await formatResults('github', many(10, 10), OPTIONS)).not.toContain('could not be shown');
    // With the message itself a notice, one notice fewer is shown.
    const withInfos: FileResult[] = [...many(11, 0), { file: 'b.dsi', diagnostics: many(0, 10)[0].diagnostics.map((d) => ({ ...d, file: 'b.dsi', severity: 'info' as const })) }];
    expect((await formatResults('github', withInfos, OPTIONS)).split('\n')[0]).toContain('::1 error and 1 notice could not be shown');
  });

  it('writes a Markdown table of every problem', () => {
    const summary = formatStepSummary(collectReports(many(1, 1), CWD), CWD);
    expect(summary).toBe(
      '### dsi lint\n\n1 error, 1 warning, 0 infos in 1 file.\n\n| Where | Severity | Rule | Message |\n| --- | --- | --- | --- |\n' +
        '| a.dsi:1 | error | r | problem \\| 0 |\n| a.dsi:2 | warning | r | problem \\| 1 |\n',
    );
  });

  it('dsi lint --format github appends the summary to $GITHUB_STEP_SUMMARY', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsi-github-'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'a.dsi'), 'intent a {\n  task "arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026"\n  bandwidth 0 B/s\n}\n');
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, 'earlier step output\n');
    const io = { stdout: { write: () => {}, color: false }, stderr: { write: () => {}, color: false }, cwd: dir, readStdin: async () => '', env: { GITHUB_STEP_SUMMARY: summary } };
    expect(await main(['lint', 'a.dsi', '--format', 'github'], io)).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('earlier step output\n### dsi lint\n\n0 errors, 1 warning')).toBe(true);
    expect(text).toContain('| a.dsi:3 | warning | bandwidth-zero |');
    // Other formats leave it alone.
    await main(['lint', 'a.dsi'], io);
    expect(readFileSync(summary, 'utf8')).toBe(text);
  });
});
