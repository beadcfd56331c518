import { describe, expect, it } from 'vitest';
import type { PayloadFix } from '../../src/core/source-map.js';
import { parseRequest } from '../../src/requests/index.js';
import { applyEdits, applyPayloadFix, requestFixture } from './helpers.js';

const files = {
  'nightly.json': requestFixture('first-example.json'),
  'nightly.yaml': requestFixture('first-example.yaml'),
};


/** Applies the edits for `fix` and reads the file again: it must hold the expected payload and nothing else. */
function fixed(file: keyof typeof files | string, text: string, fix: PayloadFix): string {
  const before = parseRequest(text, file);
  const edits = before.sourceMap.edits?.(fix);
  expect(edits, `${fix.description} in ${file}`).toBeDefined();
  expect(edits!.every((e) => e.file === file)).toBe(true);
  const after = applyEdits(text, edits!);
  const again = parseRequest(after, file);
  expect(again.diagnostics, after).toEqual([]);
  expect(again.payload, after).toEqual(applyPayloadFix(before.payload, fix));
  return after;
}

const fixes: PayloadFix[] = [
  { description: 'replace a string', pointer: '/OverrideOptions/VerifyMode', value: 'NONE' },
  { description: 'replace with a string YAML must quote', pointer: '/Excludes/0/Value', value: '*.tmp: #x, [y]' },
  { description: 'replace in a flow mapping with a string holding flow indicators', pointer: '/TaskReportConfig/Overrides/Verified/ReportLevel', value: 'a, {b}' },
  { description: 'replace a string by a number', pointer: '/OverrideOptions/TaskQueueing', value: -1 },
  { description: 'replace a string by a multi-line string', pointer: '/Tags/0/Value', value: 'line one\nline two' },
  { description: 'replace a block mapping by an object', pointer: '/TaskReportConfig/Destination', value: { S3: { S3BucketArn: 'arn:aws:s3:::b', Subdirectory: 'x/' } } },
  { description: 'replace a block sequence by an array', pointer: '/Includes', value: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a' }] },
  { description: 'replace a sequence written at its key’s indentation', pointer: '/Excludes', value: [] },
  { description: 'replace an array item', pointer: '/Tags/1', value: { Key: 'team', Value: 'platform' } },
  { description: 'insert a member into a block mapping', pointer: '/OverrideOptions/LogLevel', value: 'TRANSFER' },
  { description: 'insert a member into a flow mapping', pointer: '/TaskReportConfig/Overrides/Deleted', value: { ReportLevel: 'ERRORS_ONLY' } },
  { description: 'insert a member into a mapping inside a sequence item', pointer: '/Tags/2/Extra', value: true },
  { description: 'insert a member at the top level', pointer: '/ManifestConfig', value: { Action: 'TRANSFER', Format: 'CSV' } },
  { description: 'insert a number', pointer: '/OverrideOptions/BytesPerSecond', value: 1048576 },
  { description: 'remove the first member', pointer: '/OverrideOptions/VerifyMode', remove: true },
  { description: 'remove the last member', pointer: '/OverrideOptions/TransferMode', remove: true },
  { description: 'remove a middle member holding a mapping', pointer: '/TaskReportConfig/Destination', remove: true },
  { description: 'remove the only member of a mapping', pointer: '/TaskReportConfig/Overrides/Verified', remove: true },
  { description: 'remove the only member of a block mapping', pointer: '/TaskReportConfig/Destination/S3', remove: true },
  { description: 'remove the last top-level member', pointer: '/Tags', remove: true },
  { description: 'remove a block sequence value', pointer: '/Includes', remove: true },
  { description: 'remove the first item', pointer: '/Tags/0', remove: true },
  { description: 'remove a flow item in the middle', pointer: '/Tags/1', remove: true },
  { description: 'remove the last item', pointer: '/Tags/2', remove: true },
  { description: 'remove the only item', pointer: '/Includes/0', remove: true },
  { description: 'remove the first key of a compact mapping', pointer: '/Tags/0/Key', remove: true },
  { description: 'remove the last key of a compact mapping', pointer: '/Excludes/0/Value', remove: true },
];

describe('sourceMap.edits', () => {
  for (const [file, text] of Object.entries(files)) {
    describe(file, () => {
      for (const fix of fixes) it(fix.description, () => void fixed(file, text, fix));
    });
  }

  it('writes in the style of each format', () => {
    const json = fixed('nightly.json', files['nightly.json'], { description: '', pointer: '/OverrideOptions/LogLevel', value: 'BASIC' });
    expect(json).toContain('    "TransferMode": "CHANGED",\n    "LogLevel": "BASIC"\n  },');
    const yaml = fixed('nightly.yaml', files['nightly.yaml'], { description: '', pointer: '/OverrideOptions/LogLevel', value: 'BASIC' });
    expect(yaml).toContain('  TransferMode: CHANGED\n  LogLevel: BASIC\nIncludes:');
    const quoted = fixed('nightly.yaml', files['nightly.yaml'], { description: '', pointer: '/Tags/0/Value', value: 'true' });
    expect(quoted).toContain('Value: "true"');
    const flow = fixed('nightly.yaml', files['nightly.yaml'], { description: '', pointer: '/TaskReportConfig/Destination', value: { S3: { Subdirectory: 'x/' } } });
    expect(flow).toContain('  Destination: { S3: { Subdirectory: x/ } }\n  OutputType');
    const removed = fixed('nightly.yaml', files['nightly.yaml'], { description: '', pointer: '/OverrideOptions/TransferMode', remove: true });
    expect(removed).toContain('  TaskQueueing: ENABLED\nIncludes:');
  });

  it('fills an empty value, an empty object and an only member', () => {
    fixed('r.yaml', 'TaskArn:\nTags: []\n', { description: '', pointer: '/TaskArn', value: 'arn' });
    fixed('r.json', '{"OverrideOptions": {}}', { description: '', pointer: '/OverrideOptions/Atime', value: 'NONE' });
    fixed('r.yaml', 'OverrideOptions: {}\n', { description: '', pointer: '/OverrideOptions/Atime', value: 'NONE' });
    expect(fixed('r.yaml', 'TaskArn: x\n', { description: '', pointer: '/TaskArn', remove: true })).toBe('{}\n');
    expect(fixed('r.json', '{\n  "A": [\n    1\n  ]\n}', { description: '', pointer: '/A/0', remove: true })).toBe('{\n  "A": []\n}');
  });

  it('keeps CRLF line breaks', () => {
    const after = fixed('r.yaml', 'A:\r\n  B: 1\r\n', { description: '', pointer: '/A/C', value: 2 });
    expect(after).toBe('A:\r\n  B: 1\r\n  C: 2\r\n');
  });

  it('declines what it cannot do safely', () => {
    const json = parseRequest(files['nightly.json'], 'nightly.json').sourceMap;
    expect(json.edits?.({ description: '', pointer: '/ManifestConfig/Source/S3', value: {} })).toBeUndefined();
    expect(json.edits?.({ description: '', pointer: '/ManifestConfig', remove: true })).toBeUndefined();
    expect(json.edits?.({ description: '', pointer: '/Tags/3', value: { Key: 'k', Value: 'v' } })).toBeUndefined();
    expect(json.edits?.({ description: '', pointer: '/TaskArn' })).toBeUndefined();
    expect(json.edits?.({ description: '', pointer: '', remove: true })).toBeUndefined();
    expect(json.edits?.({ description: '', pointer: '/OverrideOptions/BytesPerSecond', value: 10n })).toBeUndefined();
    // A key given twice: removing one would bring back the other.
    const dup = parseRequest('{"A": 1, "A": 2}', 'r.json').sourceMap;
    expect(dup.edits?.({ description: '', pointer: '/A', remove: true })).toBeUndefined();
    // An anchored value is shared with its aliases; a value behind an alias has no text of its own.
    const alias = parseRequest('Includes: &f [{Value: /a}]\nExcludes: *f\n', 'r.yaml').sourceMap;
    expect(alias.edits?.({ description: '', pointer: '/Includes', value: [] })).toBeUndefined();
    expect(alias.edits?.({ description: '', pointer: '/Excludes/0/Value', value: '/b' })).toBeUndefined();
    expect(alias.edits?.({ description: '', pointer: '/Excludes/0', remove: true })).toBeUndefined();
    // A fix for a file that was never read.
    const refused = parseRequest('['.repeat(1000), 'r.json').sourceMap;
    expect(refused.edits?.({ description: '', pointer: '/TaskArn', value: 'x' })).toBeUndefined();
  });

  it('replaces an alias with a value of its own', () => {
    fixed('r.yaml', 'Includes: &f [{Value: /a}]\nExcludes: *f\n', { description: '', pointer: '/Excludes', value: [{ Value: '/b' }] });
  });
});
