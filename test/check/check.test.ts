import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { LineIndex, START_OF_FILE } from '../../src/core/range.js';
import type { SourceMap } from '../../src/core/source-map.js';
import type { PayloadUnit, SourceUnit } from '../../src/core/unit.js';
import { allDiagnostics, checkUnit, type CheckOptions } from '../../src/check/index.js';
import { buildIntents } from '../../src/compiler/index.js';
import { requestUnit } from '../../src/requests/index.js';
import { builtinRules } from '../../src/rules/index.js';

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
const intent = (...lines: string[]) => `intent x {\n  task "${ARN}"\n${lines.map((l) => `  ${l}\n`).join('')}}\n`;
const request = (options: Record<string, unknown>) => JSON.stringify({ TaskArn: ARN, OverrideOptions: options }, null, 2);

/** The units of one defect, from each front end. */
function bothUnits(dsiLines: string[], options: Record<string, unknown>): SourceUnit[] {
  return [buildIntents(intent(...dsiLines), { filename: 'x.dsi', readFile: () => '' }), requestUnit(request(options), 'x.json')];
}

/** What the check found, without the wording (which follows each file's dialect) or the places. */
const outline = (ds: readonly Diagnostic[]) => ds.map((d) => [d.ruleId, d.messageId, d.severity, d.fix !== undefined]);

describe('checkUnit: one stage for both front ends', () => {
  it('finds the same problems in a unit from the .dsi front end and one from a request file', () => {
    const units = bothUnits(['atime none', 'mtime preserve', 'transfer all', 'deleted remove'], { Atime: 'NONE', Mtime: 'PRESERVE', TransferMode: 'ALL', PreserveDeletedFiles: 'REMOVE' });
    const [dsi, json] = units.map((u) => checkUnit(u, { rules: builtinRules }));
    expect(outline(allDiagnostics(dsi))).toEqual([
      ['atime-mtime-pair', 'conflict', 'error', true],
      ['remove-with-transfer-all', 'conflict', 'error', false],
    ]);
    expect(outline(allDiagnostics(json))).toEqual(outline(allDiagnostics(dsi)));
    // Each diagnostic lands in its own file, in its own words.
    expect(allDiagnostics(dsi).every((d) => d.file === 'x.dsi' && d.message.includes('`atime none`') === (d.ruleId === 'atime-mtime-pair'))).toBe(true);
    expect(allDiagnostics(json).every((d) => d.file === 'x.json')).toBe(true);
  });

  it('applies severities, `off` and configured task context alike to both', () => {
    const units = bothUnits(['verify point-in-time-consistent', 'uid both'], { VerifyMode: 'POINT_IN_TIME_CONSISTENT', Uid: 'BOTH' });
    const options: CheckOptions = { rules: builtinRules, ruleSettings: { 'uid-gid-undocumented': 'error' }, context: (arn) => (arn === ARN ? { mode: 'ENHANCED' } : undefined) };
    const outlines = units.map((u) => outline(allDiagnostics(checkUnit(u, options))));
    expect(outlines[0]).toEqual([
      ['pit-verify-enhanced', 'enhanced', 'error', true],
      ['uid-gid-undocumented', 'undocumented', 'error', false],
    ]);
    expect(outlines[1]).toEqual(outlines[0]);
    const off = units.map((u) => allDiagnostics(checkUnit(u, { ...options, ruleSettings: { 'pit-verify-enhanced': 'off', 'uid-gid-undocumented': 'off' } })));
    expect(off).toEqual([[], []]);
  });

  it('gives each payload the configured context under what its file says', () => {
    const [dsi] = checkUnit(buildIntents(`intent x {\n  task "${ARN}" { mode basic }\n}\n`, { filename: 'x.dsi', readFile: () => '' }), {
      rules: builtinRules,
      context: () => ({ mode: 'ENHANCED', logGroup: 'g' }),
    }).payloads;
    expect(dsi.context).toEqual({ mode: 'BASIC', logGroup: 'g' });
  });
});

describe('checkUnit over a unit of any front end', () => {
  const text = 'line one\nline two\nline three\n';
  const lines = new LineIndex(text);
  const line = (n: number) => ({ file: 'u.txt', range: lines.range(lines.lineStart(n), lines.lineStart(n) + 4) });
  const map: SourceMap = { get: (pointer) => (pointer === '/OverrideOptions/Atime' ? line(2) : pointer === '/OverrideOptions/Mtime' ? line(3) : undefined) };
  const payload: PayloadUnit = {
    payload: { TaskArn: ARN, OverrideOptions: { Atime: 'NONE', Mtime: 'PRESERVE', Gid: 'EVERYONE' } },
    sourceMap: map,
    context: {},
    fallback: { file: 'u.txt', range: START_OF_FILE },
    dialect: 'request',
    diagnostics: [],
  };
  const unit = (p: Partial<PayloadUnit> = {}, rest: Partial<SourceUnit> = {}): SourceUnit => ({
    file: 'u.txt',
    payloads: [{ ...payload, ...p }],
    diagnostics: [],
    sources: new Map([['u.txt', text]]),
    suppressions: [],
    policies: [],
    ...rest,
  });

  it('words schema issues as the front end asks, or leaves them to it', () => {
    const plain = checkUnit(unit(), { rules: false });
    expect(plain.payloads[0].diagnostics.map((d) => [d.ruleId, d.messageId])).toEqual([['schema', 'enum']]);
    const reworded = checkUnit(unit({ schemaWording: { rephrase: (issue) => `in our words: ${issue.pointer}` } }), { rules: false });
    expect(reworded.payloads[0].diagnostics[0].message).toBe('in our words: /OverrideOptions/Gid');
    const skipped = checkUnit(unit({ schemaWording: { skip: (issue) => issue.pointer === '/OverrideOptions/Gid' } }), { rules: false });
    expect(skipped.payloads[0].diagnostics).toEqual([]);
  });

  it('keeps the front end’s problems of the files apart from each payload’s, and excuses what a comment names', () => {
    const fileProblem: Diagnostic = { file: 'u.txt', range: line(1).range, severity: 'warning', ruleId: 'syntax', message: 'odd' };
    const atimeLine = 3; // the diagnostic moves to the later of its two places, Mtime's line
    const result = checkUnit(
      unit({}, { diagnostics: [fileProblem], suppressions: [{ file: 'u.txt', ruleIds: ['atime-mtime-pair'], reason: 'known', targetLine: atimeLine, range: line(2).range }] }),
      { rules: builtinRules },
    );
    expect(result.diagnostics).toEqual([fileProblem]);
    expect(result.payloads[0].diagnostics.map((d) => d.ruleId)).toEqual(['schema']);
    expect(result.suppressions.map((s) => s.used)).toEqual([true]);
  });
});
