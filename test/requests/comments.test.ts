/** Waivers in request files come from the comments the format's own lexer finds. */
import { describe, expect, it } from 'vitest';
import { requestUnit } from '../../src/requests/index.js';

const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';

describe('request file comments', () => {
  it('a YAML comment on its own line is a waiver of the next line; `#` in a block scalar, a string or after a value is not', () => {
    const text = [
      `TaskArn: ${TASK}`,
      'Tags:',
      '  - Key: note',
      '    Value: |',
      '      # dsi-ignore inside-scalar -- no',
      '  - Key: "# dsi-ignore in-string -- no"',
      '    Value: x # dsi-ignore after-value -- no',
      'OverrideOptions:',
      '  # dsi-ignore atime-mtime-pair -- reviewed',
      '  Atime: BEST_EFFORT',
      '',
    ].join('\n');
    const unit = requestUnit(text, 'r.yaml');
    expect(unit.suppressions.map((s) => [s.ruleIds, s.targetLine, s.range.start.column])).toEqual([[['atime-mtime-pair'], 10, 3]]);
  });

  it('in JSON, where comments are reported, a `//` waiver still reads as one (and one inside a string does not)', () => {
    const text = `{\n  "TaskArn": "${TASK}",\n  // dsi-ignore some-rule -- why\n  "Tags": [{ "Key": "// dsi-ignore no -- no", "Value": "v" }]\n}\n`;
    expect(requestUnit(text, 'r.json').suppressions.map((s) => [s.ruleIds, s.targetLine])).toEqual([[['some-rule'], 4]]);
  });
});
