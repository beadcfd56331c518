import { describe, expect, it } from 'vitest';
import type { TaskContext } from '../../src/core/context.js';
import { runRules } from '../../src/rules/engine.js';
import { builtinRules } from '../../src/rules/index.js';
import { compileFiles, fixture } from '../helpers.js';

// The first example of LANGUAGE.md, as compiled (the fixture is checked against the contract in test/compiler).
const payload = JSON.parse(fixture('language', 'nightly.expected.json')) as { OverrideOptions: Record<string, unknown> } & Record<string, unknown>;

// `mode enhanced`, `from nfs`, `to s3 storage-class deep-archive`.
const context: TaskContext = { mode: 'ENHANCED', source: { type: 'NFS' }, destination: { type: 'S3', storageClass: 'DEEP_ARCHIVE' } };

describe('the first example of LANGUAGE.md', () => {
  it('passes every built-in rule without an error or a warning', () => {
    const out = runRules({ file: 'nightly.dsi', payload, context, sourceMap: { get: () => undefined }, rules: builtinRules });
    expect(out).toEqual([]);
  });

  it('still has the rules in reach: the template’s `verify none` swapped for point-in-time verification is two errors', () => {
    const pit = { ...payload, OverrideOptions: { ...payload.OverrideOptions, VerifyMode: 'POINT_IN_TIME_CONSISTENT' } };
    const out = runRules({ file: 'nightly.dsi', payload: pit, context, sourceMap: { get: () => undefined }, rules: builtinRules });
    expect(out.map((d) => [d.ruleId, d.severity])).toEqual([
      ['pit-verify-enhanced', 'error'],
      ['pit-verify-glacier', 'error'],
    ]);
  });

  it('compiles from its .dsi files with no diagnostic at all', () => {
    const files = { 'defaults.dsi': fixture('language', 'defaults.dsi'), 'nightly.dsi': fixture('language', 'nightly.dsi') };
    const result = compileFiles(files, 'nightly.dsi');
    expect(result.diagnostics).toEqual([]);
    expect(result.intents.map((i) => [i.name, i.context, i.diagnostics])).toEqual([['nightly-archive', context, []]]);
  });
});
