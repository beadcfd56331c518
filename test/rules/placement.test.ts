/** Rules through the real front ends: where conflicts land in `.dsi` and request files, and fixes as text edits. */
import { describe, expect, it } from 'vitest';
import { compileFiles } from '../helpers.js';
import { lint } from '../../src/project/lint.js';
import { TASK_ARN } from './helpers.js';

const task = `task "${TASK_ARN}"`;
const textAt = (text: string, d: { range: { start: { offset: number }; end: { offset: number } } }) => text.slice(d.range.start.offset, d.range.end.offset);

describe('conflicts in .dsi files', () => {
  it('land at the later statement, with the earlier one related, even across extends and imports', () => {
    const files = {
      'defaults.dsi': 'template base {\n  mtime none\n}\n',
      'main.dsi': `import "./defaults.dsi"\nintent nightly extends base {\n  ${task}\n  atime best-effort\n}\n`,
    };
    const result = compileFiles(files, 'main.dsi');
    const [d] = result.intents[0].diagnostics.filter((x) => x.ruleId === 'atime-mtime-pair');
    expect(d).toMatchObject({ file: 'main.dsi', severity: 'error', messageId: 'conflict' });
    expect(textAt(files['main.dsi'], d)).toBe('best-effort');
    expect(d.related).toHaveLength(1);
    expect(d.related![0]).toMatchObject({ file: 'defaults.dsi', message: '`mtime none` is set here' });
    expect(textAt(files['defaults.dsi'], d.related![0])).toBe('none');
  });

  it('move to the partner when it comes later in the same file', () => {
    const text = `intent nightly {\n  ${task}\n  deleted remove\n  transfer all\n}\n`;
    const [d] = compileFiles({ 'a.dsi': text }, 'a.dsi').intents[0].diagnostics.filter((x) => x.ruleId === 'remove-with-transfer-all');
    expect(textAt(text, d)).toBe('all');
    expect(d.related?.map((r) => [textAt(text, r), r.message])).toEqual([['remove', '`deleted remove` is set here']]);
  });

  it('point at the task block for context conflicts, and render the fix as an edit', () => {
    const text = `intent nightly {\n  task "${TASK_ARN}" {\n    mode enhanced\n  }\n  verify point-in-time-consistent\n}\n`;
    const [d] = compileFiles({ 'a.dsi': text }, 'a.dsi').intents[0].diagnostics.filter((x) => x.ruleId === 'pit-verify-enhanced');
    expect(textAt(text, d)).toBe('point-in-time-consistent');
    expect(d.related?.map((r) => textAt(text, r))).toEqual(['enhanced']);
    expect(d.fix?.edits.map((e) => [textAt(text, e), e.text])).toEqual([['point-in-time-consistent', 'only-files-transferred']]);
  });

  it('fix a half-written pair by adding the partner statement', () => {
    const text = `intent nightly {\n  ${task}\n  mtime none\n}\n`;
    const [d] = compileFiles({ 'a.dsi': text }, 'a.dsi').intents[0].diagnostics.filter((x) => x.ruleId === 'atime-mtime-pair');
    expect(d).toMatchObject({ severity: 'warning', messageId: 'partnerUnknown' });
    expect(d.fix?.edits).toHaveLength(1);
    const edit = d.fix!.edits[0];
    const fixed = text.slice(0, edit.range.start.offset) + edit.text + text.slice(edit.range.end.offset);
    expect(fixed).toContain('mtime none\n  atime none');
    expect(compileFiles({ 'a.dsi': fixed }, 'a.dsi').intents[0].diagnostics.filter((x) => x.ruleId === 'atime-mtime-pair')).toEqual([]);
  });
});

describe('conflicts in request files', () => {
  it('land at the later member, with the earlier one related', () => {
    const json = JSON.stringify({ TaskArn: TASK_ARN, OverrideOptions: { TransferMode: 'ALL', PreserveDeletedFiles: 'REMOVE' } }, null, 2);
    const [d] = lint(json, { filename: 'run.json' }).diagnostics.filter((x) => x.ruleId === 'remove-with-transfer-all');
    expect(textAt(json, d)).toBe('"REMOVE"');
    expect(d.related?.map((r) => textAt(json, r))).toEqual(['"ALL"']);
  });

  it('use the configured context, and drop related task-block places that a request file does not have', () => {
    const yaml = `TaskArn: ${TASK_ARN}\nOverrideOptions:\n  VerifyMode: POINT_IN_TIME_CONSISTENT\n`;
    const out = lint(yaml, { filename: 'run.yaml', context: () => ({ mode: 'ENHANCED' }) }).diagnostics.filter((x) => x.ruleId === 'pit-verify-enhanced');
    expect(out).toHaveLength(1);
    expect(textAt(yaml, out[0])).toBe('POINT_IN_TIME_CONSISTENT');
    expect(out[0].related).toBeUndefined();
    expect(out[0].fix?.edits.map((e) => e.text)).toEqual(['ONLY_FILES_TRANSFERRED']);
  });
});
