import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/index.js';

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';

function ruleIds(source: string, filename: string): string[] {
  return lint(source, { filename, readFile: () => '' }).diagnostics.map((d) => d.ruleId);
}

describe('the same defect through both front ends', () => {
  it('a filter over 102,400 characters: filter-max-length in an intent and in a request file, without a second schema error', () => {
    const long = '/' + 'a'.repeat(102_400);
    const dsi = ruleIds(`intent x {\n  task "${ARN}"\n  include "${long}"\n}\n`, 'x.dsi');
    const json = ruleIds(JSON.stringify({ TaskArn: ARN, Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: long }] }), 'x.json');
    expect(dsi).toEqual(['filter-max-length']);
    expect(json).toEqual(['filter-max-length']);
  });

  it('two filter rules in a request file are one error, the rule with its fix', () => {
    const r = lint(JSON.stringify({ TaskArn: ARN, Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a' }, { FilterType: 'SIMPLE_PATTERN', Value: '/b' }] }), {
      filename: 'x.json',
    });
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['filter-single-rule']);
  });

  it('YAML and JSON request files report at the same key', () => {
    const yaml = `TaskArn: ${ARN}\nOverrideOptions:\n  TransferMode: ALL\n  PreserveDeletedFiles: REMOVE\n`;
    const json = `{\n  "TaskArn": "${ARN}",\n  "OverrideOptions": {\n    "TransferMode": "ALL",\n    "PreserveDeletedFiles": "REMOVE"\n  }\n}\n`;
    const [y] = lint(yaml, { filename: 'r.yaml' }).diagnostics;
    const [j] = lint(json, { filename: 'r.json' }).diagnostics;
    expect(y).toMatchObject({ ruleId: 'remove-with-transfer-all', range: { start: { line: 4 } } });
    expect(j).toMatchObject({ ruleId: 'remove-with-transfer-all', range: { start: { line: 5 } } });
    expect(y.related?.[0].range.start.line).toBe(3);
    expect(j.related?.[0].range.start.line).toBe(4);
  });

  it('lint never throws: a request that is not an object, and garbage', () => {
    expect(ruleIds('[1, 2]', 'x.json')).toEqual(['parse']);
    expect(lint('\u0000\u0001{{{', { filename: 'x.yaml' }).diagnostics.length).toBeGreaterThan(0);
    expect(lint('intent {', { filename: 'x.dsi' }).diagnostics.length).toBeGreaterThan(0);
  });
});
