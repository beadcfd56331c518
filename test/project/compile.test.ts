import { describe, expect, it } from 'vitest';
import { compile, hasErrors, lint } from '../../src/index.js';
import type { RuleSetting } from '../../src/rules/engine.js';
import { memoryFs } from '../helpers.js';

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';

const files = {
  'defaults.dsi': 'template org {\n  # dsi-ignore uid-gid-undocumented -- our NFS server maps names\n  uid name\n}\n',
  'a.dsi': [
    'import "./defaults.dsi"',
    `intent clean extends org {\n  task "${ARN}"\n}`,
    `intent clashing extends org {\n  task "${ARN}" { mode enhanced }\n  atime none\n  mtime preserve\n  verify point-in-time-consistent\n  bandwidth 0 B/s\n}`,
    'intent lonely { verify none }',
    `intent accented {\n  task "${ARN}"\n  tag owner = "café"\n}`,
    `intent broken {\n  task "${ARN}"\n  verify sometimes\n}`,
  ].join('\n'),
};

describe('compile() and lint() of one .dsi file', () => {
  const settings: Record<string, RuleSetting>[] = [{}, { 'atime-mtime-pair': 'warning', 'bandwidth-zero': 'off' }, { 'pit-verify-enhanced': 'info' }];

  it.each(settings)('give the same diagnostics under the same settings (%o)', (ruleSettings) => {
    const options = { filename: 'a.dsi', readFile: memoryFs(files), ruleSettings, context: () => ({ logGroup: 'g' }) };
    const compiled = compile(files['a.dsi'], options);
    const linted = lint(files['a.dsi'], options);
    expect(compiled.diagnostics.length).toBeGreaterThan(3);
    expect(compiled.diagnostics).toEqual(linted.diagnostics);
    expect(compiled.suppressions).toEqual(linted.suppressions);
    expect([...compiled.sources.keys()].sort()).toEqual(['a.dsi', 'defaults.dsi']);
  });

  it('lists every intent’s own problems at the top level too', () => {
    const r = compile(files['a.dsi'], { filename: 'a.dsi', readFile: memoryFs(files) });
    for (const intent of r.intents) for (const d of intent.diagnostics) expect(r.diagnostics).toContainEqual(d);
    expect(r.diagnostics.filter((d) => d.ruleId === 'unknown-value')).toHaveLength(1);
  });
});

describe('compile() hands out no payload that fails the checks', () => {
  const compileA = (ruleSettings: Record<string, RuleSetting> = {}) => compile(files['a.dsi'], { filename: 'a.dsi', readFile: memoryFs(files), ruleSettings });
  const byName = (r: ReturnType<typeof compile>) => new Map(r.intents.map((i) => [i.name, i]));

  it('an intent that breaks a rule at error severity is listed, with its diagnostics and no payload', () => {
    const intents = byName(compileA());
    const clashing = intents.get('clashing')!;
    expect(clashing.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['atime-mtime-pair', 'pit-verify-enhanced']);
    expect(clashing.payload).toBeUndefined();
    expect(clashing.context).toEqual({ mode: 'ENHANCED' });
    // A schema error (the tag's `é`) blocks too, and so does a missing task; a clean intent beside them gets its payload.
    expect(intents.get('accented')!.diagnostics.map((d) => d.ruleId)).toEqual(['schema']);
    expect(intents.get('accented')!.payload).toBeUndefined();
    expect(intents.get('lonely')!.payload).toBeUndefined();
    expect(intents.get('clean')!.diagnostics).toEqual([]);
    expect(intents.get('clean')!.payload).toEqual({ TaskArn: ARN, OverrideOptions: { Uid: 'NAME' } });
  });

  it('the same intent gets its payload once the rules in force pass it', () => {
    const lenient = byName(compileA({ 'atime-mtime-pair': 'warning', 'pit-verify-enhanced': 'off' }));
    const clashing = lenient.get('clashing')!;
    expect(hasErrors(clashing.diagnostics)).toBe(false);
    expect(clashing.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['atime-mtime-pair', 'warning'],
      ['bandwidth-enhanced', 'info'],
      ['bandwidth-zero', 'warning'],
    ]);
    expect(clashing.payload?.OverrideOptions).toMatchObject({ Atime: 'NONE', Mtime: 'PRESERVE', Uid: 'NAME', BytesPerSecond: 0 });
  });

  it('a problem of the file (an unknown value) is at the top level, not the intent’s: the payload leaves that setting out', () => {
    const broken = byName(compileA()).get('broken')!;
    expect(broken.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(broken.payload).toEqual({ TaskArn: ARN });
    expect(hasErrors(compileA().diagnostics)).toBe(true);
  });
});
