/** A related place given as a file and range (a policy clause in another file), and how the formatters show it. */
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/range.js';
import type * as Sarif from 'sarif';
import { formatResults } from '../../src/cli/formatters/index.js';
import { createRule } from '../../src/rules/create-rule.js';
import { lint } from '../../src/project/lint.js';
import { testRule } from '../../src/testing.js';
import { TASK_ARN } from './helpers.js';

const POLICY = 'policy prod-guardrails {\n  require verify only-files-transferred\n}\n';
const policyLines = new LineIndex(POLICY);
const clause = { file: 'policies/prod.dsi', range: policyLines.range(POLICY.indexOf('require'), POLICY.indexOf('\n}')) };

/** What a compiled policy assertion will be: a rule whose related place is its clause in the policy file. */
const requireVerify = createRule({
  id: 'prod-guardrails/1',
  meta: { description: 'd', severity: 'error', docs: { sources: [], url: 'https://example.com/prod' }, messages: { required: '{{what}} must verify the files it transfers' } },
  check({ payload, report }) {
    const mode = (payload.OverrideOptions as { VerifyMode?: string } | undefined)?.VerifyMode;
    if (mode !== 'ONLY_FILES_TRANSFERRED') {
      report({
        pointer: '/OverrideOptions/VerifyMode',
        messageId: 'required',
        data: { what: 'this transfer' },
        related: [{ location: clause, message: 'the policy `prod-guardrails` requires it here' }],
      });
    }
  },
});

const INTENT = `intent x {\n  task "${TASK_ARN}"\n  verify none\n}\n# a comment after the intent\n`;

describe('a related location in another file', () => {
  const [d] = lint(INTENT, { filename: 'x.dsi', readFile: () => '', rules: [requireVerify] }).diagnostics;

  it('is kept as given, and the diagnostic stays on the setting to change', () => {
    expect(d).toMatchObject({ file: 'x.dsi', ruleId: 'prod-guardrails/1', range: { start: { line: 3, column: 10 } } });
    expect(d.related).toEqual([{ ...clause, message: 'the policy `prod-guardrails` requires it here' }]);
  });

  it('never takes the diagnostic, even when it comes later in the checked file itself', () => {
    const text = INTENT + POLICY;
    const lines = new LineIndex(text);
    const here = { file: 'x.dsi', range: lines.range(text.indexOf('require'), text.indexOf('require') + 7) };
    const local = createRule({
      ...requireVerify,
      check: ({ report }) => report({ pointer: '/OverrideOptions/VerifyMode', messageId: 'required', data: { what: 'x' }, related: [{ location: here, message: 'required here' }] }),
    });
    // The file's own policy now enforces too (message id `notAllowed`); this test is about the rule given here.
    const [e] = lint(text, { filename: 'x.dsi', readFile: () => '', rules: [local] }).diagnostics.filter((x) => x.ruleId === 'prod-guardrails/1' && x.messageId === 'required');
    expect(e.range.start.line).toBe(3);
    expect(e.related).toEqual([{ ...here, message: 'required here' }]);
  });

  it('shows in the RuleTester as file:line:column', () => {
    expect(testRule(requireVerify, { valid: [], invalid: [{ payload: { TaskArn: TASK_ARN }, errors: [{ messageId: 'required', pointer: '/OverrideOptions/VerifyMode', related: ['policies/prod.dsi:2:3'] }] }] })).toEqual([]);
  });

  it('is rendered by the formatters: a stylish note, a GitHub note, a SARIF related location', async () => {
    const results = [{ file: 'x.dsi', source: INTENT, diagnostics: [d] }];
    const options = { cwd: '/', color: false, rules: [], toolVersion: '0.0.0' };
    expect(stripVTControlCharacters(await formatResults('stylish', results, options))).toContain('  policies/prod.dsi:2:3 note: the policy `prod-guardrails` requires it here');
    expect(await formatResults('github', results, options)).toContain('policies/prod.dsi:2:3 note: the policy `prod-guardrails` requires it here');
    const sarif = JSON.parse(await formatResults('sarif', results, options)) as Sarif.Log;
    const related = sarif.runs[0].results?.[0].relatedLocations?.[0];
    expect(related?.physicalLocation?.artifactLocation?.uri).toBe('policies/prod.dsi');
    expect(related?.physicalLocation?.region).toMatchObject({ startLine: 2, startColumn: 3 });
    expect(related?.message?.text).toBe('the policy `prod-guardrails` requires it here');
  });
});
