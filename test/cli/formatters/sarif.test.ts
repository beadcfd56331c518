import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { collectReports } from '../../../src/cli/formatters/common.js';
import { formatSarif } from '../../../src/cli/formatters/sarif.js';
import { LineIndex } from '../../../src/core/range.js';
import { CWD, OPTIONS, sampleResults } from './fixtures.js';
import { lint } from '../../../src/project/lint.js';
import { FINGERPRINT_KEY } from '../../../src/cli/formatters/sarif.js';
import { expectValidSarif as expectValid, validate } from './sarif-schema.js';

function sarif(results = sampleResults()): { text: string; log: Sarif.Log } {
  const text = formatSarif(collectReports(results, OPTIONS.cwd), OPTIONS);
  return { text, log: JSON.parse(text) as Sarif.Log };
}


describe('sarif', () => {
  it('validates against the SARIF 2.1.0 JSON schema', () => {
    expectValid(sarif().log);
  });

  it('the validator does reject an invalid log, so the check above can fail', () => {
    const { log } = sarif();
    const broken = structuredClone(log);
    (broken.runs[0].results![0] as { level: string }).level = 'info';
    expect(validate(broken)).toBe(false);
    const badUri = structuredClone(log);
    badUri.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri = 'has space.dsi';
    expect(validate(badUri)).toBe(false);
  });

  it('describes the tool and every rule that occurs, with help links and default levels', () => {
    const driver = sarif().log.runs[0].tool.driver;
    expect(driver.name).toBe('dsi');
    expect(driver.version).toBe('1.2.3');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules).toEqual([
      { id: 'bandwidth-ceiling', shortDescription: { text: 'Bandwidth limits above what an agent moves.' }, defaultConfiguration: { level: 'warning' } },
      {
        id: 'multiline-string',
        shortDescription: { text: 'Strings that span lines.' },
        helpUri: 'https://dsi.example/rules/multiline-string',
        defaultConfiguration: { level: 'note' },
      },
      { id: 'schema', shortDescription: { text: expect.stringContaining('schema') } },
      {
        id: 'transfer-mode-conflict',
        shortDescription: { text: '`deleted remove` needs a transfer mode that compares files.' },
        helpUri: 'https://dsi.example/rules/transfer-mode-conflict',
        defaultConfiguration: { level: 'error' },
      },
      { id: 'unknown-value', shortDescription: { text: expect.any(String) } },
    ]);
  });

  it('points results at the rules, in file and position order, with levels and regions', () => {
    const run = sarif().log.runs[0];
    const results = run.results!;
    for (const result of results) expect(run.tool.driver.rules![result.ruleIndex!].id).toBe(result.ruleId);
    expect(
      results.map((r) => {
        const location = r.locations![0].physicalLocation!;
        return [r.ruleId, r.level, location.artifactLocation!.uri, location.region];
      }),
    ).toEqual([
      ['unknown-value', 'error', 'src/alpha.dsi', { startLine: 2, startColumn: 10, endLine: 2, endColumn: 30 }],
      ['transfer-mode-conflict', 'error', 'src/alpha.dsi', { startLine: 4, startColumn: 11, endLine: 4, endColumn: 17 }],
      ['multiline-string', 'note', 'src/zeta.dsi', { startLine: 2, startColumn: 15, endLine: 3, endColumn: 10 }],
      ['bandwidth-ceiling', 'warning', 'src/zeta.dsi', { startLine: 4, startColumn: 13, endLine: 4, endColumn: 20 }],
      ['schema', 'error', 'src/zeta.dsi', { startLine: 5, startColumn: 12, endLine: 5, endColumn: 21 }],
    ]);
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('resolves locations against %SRCROOT%, the working folder as a file URI ending in /', () => {
    const run = sarif().log.runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/project/' } });
    for (const result of run.results!) expect(result.locations![0].physicalLocation!.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
    expect(run.artifacts!.map((a) => a.location!.uri)).toEqual(['clean.json', 'src/alpha.dsi', 'src/zeta.dsi']);
  });

  it('carries the other end of a conflict as a related location with an id and a message', () => {
    const conflict = sarif().log.runs[0].results!.find((r) => r.ruleId === 'transfer-mode-conflict')!;
    expect(conflict.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'src/alpha.dsi', uriBaseId: '%SRCROOT%' },
          region: { startLine: 3, startColumn: 12, endLine: 3, endColumn: 15 },
        },
        message: { text: '`transfer all` is set here' },
      },
    ]);
  });

  it('turns fixes into artifact changes', () => {
    const results = sarif().log.runs[0].results!;
    const fix = results.find((r) => r.ruleId === 'schema')!.fixes![0];
    expect(fix.description!.text).toBe('drop the characters the API rejects');
    expect(fix.artifactChanges.map((c) => [c.artifactLocation.uri, c.replacements.map((r) => [r.deletedRegion.startColumn, r.insertedContent!.text])])).toEqual([
      ['src/zeta.dsi', [[14, ' '], [19, '']]],
    ]);
  });

  it('percent-encodes relative URIs and gives files outside the working folder absolute URIs', () => {
    const range = new LineIndex('x').range(0, 1);
    const odd = `${CWD}/docs/my file#1 ü.dsi`;
    const { log } = sarif([
      { file: odd, diagnostics: [{ file: odd, range, severity: 'warning', ruleId: 'policy/no-x', message: 'm' }] },
      { file: '/elsewhere/x.dsi', diagnostics: [{ file: '/elsewhere/x.dsi', range, severity: 'info', ruleId: 'syntax', message: 'm' }] },
    ]);
    expectValid(log);
    const locations = log.runs[0].results!.map((r) => r.locations![0].physicalLocation!.artifactLocation);
    expect(locations).toEqual([{ uri: 'file:///elsewhere/x.dsi' }, { uri: 'docs/my%20file%231%20%C3%BC.dsi', uriBaseId: '%SRCROOT%' }]);
    // A rule id that neither the rules nor the parse-level ids know still gets a descriptor.
    expect(log.runs[0].tool.driver.rules).toContainEqual({ id: 'policy/no-x' });
  });

  it('is deterministic: the same results in another order give the same text', () => {
    const reversed = sampleResults()
      .reverse()
      .map((r) => ({ ...r, diagnostics: [...r.diagnostics].reverse() }));
    expect(sarif(reversed).text).toBe(sarif().text);
    expect(sarif().text).not.toMatch(/Utc|time/i);
  });

  it('is a valid log for clean results too', () => {
    const { log } = sarif([{ file: 'a.dsi', diagnostics: [] }]);
    expectValid(log);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toEqual([]);
  });
});

describe('sarif partialFingerprints', () => {
  const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
  const intent = (name: string) => `intent ${name} {\n  task "${ARN}"\n  transfer all\n  deleted remove\n  bandwidth 0 B/s\n}\n`;
  const fingerprints = (text: string) => {
    const result = lint(text, { filename: 'a.dsi', readFile: () => '' });
    const log = JSON.parse(formatSarif(collectReports([{ file: 'a.dsi', diagnostics: result.diagnostics }], OPTIONS.cwd), OPTIONS)) as Sarif.Log;
    return log.runs[0].results!.map((r) => [r.ruleId, r.partialFingerprints![FINGERPRINT_KEY], r.locations![0].physicalLocation!.region!.startLine]);
  };

  it('stay the same across an edit that moves lines, and differ per intent, rule and member', () => {
    const before = fingerprints(`${intent('one')}\n${intent('two')}`);
    const after = fingerprints(`# moved\n\n\n${intent('two')}\n\n${intent('one')}`);
    expect(before).toHaveLength(4);
    const byPrint = (rows: typeof before) => new Map(rows.map(([rule, print, line]) => [print, { rule, line }]));
    const a = byPrint(before);
    const b = byPrint(after);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    // The lines did change.
    for (const [print, { line }] of a) expect(b.get(print)!.line).not.toBe(line);
    // Four problems, four fingerprints.
    expect(a.size).toBe(4);
    expect(before.every(([, print]) => /^[0-9a-f]{32}:1$/.test(String(print)))).toBe(true);
  });
});
