import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { runDsi } from './fake-io.js';
import { expectValidSarif } from './formatters/sarif-schema.js';

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';

function folder(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dsi-waivers-'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'a.dsi'), text);
  return dir;
}

// Far past and far future, so the test does not depend on today.
const INTENT = [
  'intent a {',
  `  task "${ARN}"`,
  '  # dsi-ignore uid-gid-undocumented until 2999-12-31 -- NFS servers map names',
  '  uid name',
  '  # dsi-ignore uid-gid-undocumented until 2000-01-31 -- expired long ago',
  '  gid name',
  '}',
  '',
].join('\n');

describe('waivers in the reports', () => {
  it('JSON lists suppressed problems in suppressedMessages with the justification; an expired waiver is reported and excuses nothing', async () => {
    const r = await runDsi(['lint', 'a.dsi', '--format', 'json'], { cwd: folder(INTENT) });
    const [file] = JSON.parse(r.stdout);
    expect(file.messages.map((m: { line: number; ruleId: string; messageId?: string }) => [m.line, m.ruleId, m.messageId])).toEqual([
      [5, 'dsi-ignore', 'expired'],
      [6, 'uid-gid-undocumented', expect.any(String)],
    ]);
    expect(file.suppressedMessages).toEqual([
      expect.objectContaining({ line: 4, ruleId: 'uid-gid-undocumented', suppressions: [{ kind: 'directive', justification: 'NFS servers map names' }] }),
    ]);
    expect(r.code).toBe(0);
  });

  it('SARIF carries suppressed results with inSource suppressions, and stays valid', async () => {
    const r = await runDsi(['lint', 'a.dsi', '--format', 'sarif'], { cwd: folder(INTENT) });
    const log = JSON.parse(r.stdout) as Sarif.Log;
    expectValidSarif(log);
    const suppressed = log.runs[0].results!.filter((x) => x.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].locations![0].physicalLocation!.region!.startLine).toBe(4);
    expect(suppressed[0].suppressions).toEqual([
      {
        kind: 'inSource',
        justification: 'NFS servers map names',
        location: { physicalLocation: expect.objectContaining({ region: expect.objectContaining({ startLine: 3 }) }) },
        properties: { until: '2999-12-31' },
      },
    ]);
    expect(log.runs[0].results!.filter((x) => !x.suppressions).map((x) => x.ruleId)).toEqual(['dsi-ignore', 'uid-gid-undocumented']);
  });

  it('--no-inline-config ignores every waiver', async () => {
    const r = await runDsi(['lint', 'a.dsi', '--format', 'json', '--no-inline-config'], { cwd: folder(INTENT) });
    const [file] = JSON.parse(r.stdout);
    expect(file.messages.map((m: { line: number; ruleId: string }) => [m.line, m.ruleId])).toEqual([
      [4, 'uid-gid-undocumented'],
      [6, 'uid-gid-undocumented'],
    ]);
    expect(file.suppressedMessages).toEqual([]);
  });

  it('--report-unused-waivers decides how a waiver that excuses nothing is reported', async () => {
    const dir = folder(`intent a {\n  task "${ARN}"\n  # dsi-ignore uid-gid-undocumented -- not needed\n  verify none\n}\n`);
    const levels = async (flag: string[]) => {
      const r = await runDsi(['lint', 'a.dsi', '--format', 'json', ...flag], { cwd: dir });
      return [r.code, JSON.parse(r.stdout)[0].messages.map((m: { severity: number; messageId?: string }) => [m.severity, m.messageId])];
    };
    expect(await levels([])).toEqual([0, [[1, 'unused']]]);
    expect(await levels(['--report-unused-waivers', 'error'])).toEqual([1, [[2, 'unused']]]);
    expect(await levels(['--report-unused-waivers', 'off'])).toEqual([0, []]);
    const bad = await runDsi(['lint', 'a.dsi', '--report-unused-waivers', 'loud'], { cwd: dir });
    expect(bad.stderr).toContain('--report-unused-waivers takes off, warn or error, not `loud`');
    expect(bad.code).toBe(2);
  });
});
