import { describe, expect, it } from 'vitest';
import { findSuppressions, isCalendarDate } from '../../src/core/suppressions.js';
import { applySuppressions } from '../../src/check/suppressions.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { LineIndex } from '../../src/core/range.js';

const TEXT = [
  'intent a {',
  '  # dsi-ignore uid-gid-undocumented until 2027-01-31 -- NFS maps names until the migration',
  '  uid name',
  '  # dsi-ignore uid-gid-undocumented until 2026-11-30 -- old waiver',
  '  gid name',
  '  # dsi-ignore storage-class-cost -- archive on purpose',
  '  verify none',
  '}',
  '',
].join('\n');

const lines = new LineIndex(TEXT);
function at(line: number, ruleId: string): Diagnostic {
  const start = lines.lineStart(line) + 2;
  return { file: 'a.dsi', range: lines.range(start, start + 3), severity: 'warning', ruleId, message: `${ruleId} on ${line}` };
}

describe('waivers with an end date', () => {
  it('reads `until YYYY-MM-DD` and rejects a date that is not a day', () => {
    const problems: Diagnostic[] = [];
    const found = findSuppressions(TEXT, 'a.dsi', problems);
    expect(found.map((s) => [s.ruleIds, s.until, s.targetLine, s.reason])).toEqual([
      [['uid-gid-undocumented'], '2027-01-31', 3, 'NFS maps names until the migration'],
      [['uid-gid-undocumented'], '2026-11-30', 5, 'old waiver'],
      [['storage-class-cost'], undefined, 7, 'archive on purpose'],
    ]);
    expect(problems).toEqual([]);
    const bad: Diagnostic[] = [];
    expect(findSuppressions('# dsi-ignore x until 2027-02-30 -- r\nverify none\n', 'b.dsi', bad)).toEqual([]);
    expect(bad.map((d) => [d.range.start.line, d.message])).toEqual([[1, 'dsi-ignore needs a date after `until`, written YYYY-MM-DD (`until 2027-03-31`), not `2027-02-30`']]);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
  });

  it('a live waiver suppresses and keeps the problem with its justification; an expired one does not, and is reported', () => {
    const suppressions = findSuppressions(TEXT, 'a.dsi', []);
    const diagnostics = [at(3, 'uid-gid-undocumented'), at(5, 'uid-gid-undocumented'), at(7, 'storage-class-cost')];
    const r = applySuppressions(diagnostics, suppressions, { today: '2026-12-02' });
    expect(r.kept.map((d) => d.range.start.line)).toEqual([5]);
    expect(r.suppressed.map((d) => [d.range.start.line, d.suppressions?.[0].justification, d.suppressions?.[0].until])).toEqual([
      [3, 'NFS maps names until the migration', '2027-01-31'],
      [7, 'archive on purpose', undefined],
    ]);
    expect(r.problems.map((d) => [d.range.start.line, d.severity, d.messageId, d.message])).toEqual([
      [4, 'warning', 'expired', 'this waiver of uid-gid-undocumented expired after 2026-11-30; fix the problem on line 5 or renew the waiver with a later date'],
    ]);
    // The last day still counts; the day after does not.
    expect(applySuppressions(diagnostics, suppressions, { today: '2027-01-31' }).kept.map((d) => d.range.start.line)).toEqual([5]);
    expect(applySuppressions(diagnostics, suppressions, { today: '2027-02-01' }).kept.map((d) => d.range.start.line)).toEqual([3, 5]);
  });

  it('a locked rule cannot be waived: the waiver is an error and the problem stays', () => {
    const suppressions = findSuppressions(TEXT, 'a.dsi', []);
    const lock = { file: 'dsi.config.json', range: lines.range(0, 1) };
    const r = applySuppressions([at(7, 'storage-class-cost')], suppressions, { today: '2026-12-02', locked: (id) => (id === 'storage-class-cost' ? lock : undefined) });
    expect(r.kept.map((d) => d.ruleId)).toEqual(['storage-class-cost']);
    expect(r.problems.filter((d) => d.messageId !== 'expired').map((d) => [d.range.start.line, d.severity, d.messageId, d.message])).toEqual([
      [6, 'error', 'locked', '`storage-class-cost` is locked by dsi.config.json:1:1; a dsi-ignore cannot waive it'],
    ]);
  });

  it('with inline config off, no waiver counts and none is judged', () => {
    const r = applySuppressions([at(7, 'storage-class-cost')], findSuppressions(TEXT, 'a.dsi', []), { inline: false });
    expect([r.kept.length, r.suppressed.length, r.uses.length, r.problems.length]).toEqual([1, 0, 0, 0]);
  });

  it('8,000 waiver lines in a row are read in linear time', () => {
    const text = '# dsi-ignore x -- r\n'.repeat(8000) + 'verify none\n';
    const found = findSuppressions(text, 'big.dsi', []);
    expect(found).toHaveLength(8000);
    expect(new Set(found.map((s) => s.targetLine))).toEqual(new Set([8001]));
  });
});
