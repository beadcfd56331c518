import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locate } from '../../src/core/source-map.js';
import { parseRequest, requestFormatOf } from '../../src/requests/index.js';
import { applyEdits, requestFixture, span, textAt } from './helpers.js';

const exampleJson = requestFixture('first-example.json');
const exampleYaml = requestFixture('first-example.yaml');

describe('requestFormatOf', () => {
  it('knows .json, .yaml and .yml in any case', () => {
    expect(requestFormatOf('req.json')).toBe('json');
    expect(requestFormatOf('dir/REQ.JSON')).toBe('json');
    expect(requestFormatOf('a/b.yaml')).toBe('yaml');
    expect(requestFormatOf('C:\\x\\b.Yml')).toBe('yaml');
    expect(requestFormatOf('nightly.dsi')).toBeUndefined();
    expect(requestFormatOf('json')).toBeUndefined();
    expect(requestFormatOf('dir.json/file')).toBeUndefined();
  });
});

describe('the first example of LANGUAGE.md', () => {
  it('is the JSON block of LANGUAGE.md, verbatim', () => {
    const languageMd = join(import.meta.dirname, '..', '..', '..', 'shared', 'LANGUAGE.md');
    const block = existsSync(languageMd) ? /^```json\n([\s\S]*?)^```/m.exec(readFileSync(languageMd, 'utf8'))?.[1] : exampleJson;
    expect(exampleJson).toBe(block);
  });

  it('reads the same payload from JSON and from YAML, without diagnostics', () => {
    const json = parseRequest(exampleJson, 'nightly.json');
    const yaml = parseRequest(exampleYaml, 'nightly.yaml');
    expect(json.diagnostics).toEqual([]);
    expect(yaml.diagnostics).toEqual([]);
    expect(json.payload).toEqual(JSON.parse(exampleJson));
    expect(yaml.payload).toEqual(json.payload);
    // Key order is the file's.
    expect(Object.keys(yaml.payload as object)).toEqual(Object.keys(json.payload as object));
  });

  it('maps pointers to keys and values in JSON', () => {
    const { sourceMap: map } = parseRequest(exampleJson, 'nightly.json');
    expect(span(map.get('/TaskArn', 'key'))).toBe('2:3-2:12');
    expect(span(map.get('/TaskArn'))).toBe('2:14-2:83');
    expect(span(map.get('/Tags/1/Value', 'key'))).toBe('23:22-23:29');
    expect(textAt(exampleJson, map.get('/Tags/1/Value'))).toBe('"storage"');
    expect(span(map.get('/Tags/1/Value'))).toBe('23:31-23:40');
    expect(span(map.get('/TaskReportConfig/Destination/S3', 'key'))).toBe('13:22-13:26');
    expect(span(map.get('/TaskReportConfig/Destination/S3'))).toBe('13:28-16:81');
    expect(textAt(exampleJson, map.get('/TaskReportConfig/Overrides/Verified/ReportLevel'))).toBe('"SUCCESSES_AND_ERRORS"');
    // An array item is its own key.
    expect(span(map.get('/Includes/0', 'key'))).toBe('10:16-10:93');
    expect(span(map.get('/Includes/0'))).toBe('10:16-10:93');
    // The root: the whole object, its "key" the opening brace.
    expect(span(map.get(''))).toBe('1:1-26:2');
    expect(span(map.get('', 'key'))).toBe('1:1-1:2');
    expect(map.get('/ManifestConfig')).toBeUndefined();
    expect(map.get('/Tags/3')).toBeUndefined();
    expect(map.get('/Tags/1/Value')?.file).toBe('nightly.json');
  });

  it('maps pointers to keys and values in YAML', () => {
    const { sourceMap: map } = parseRequest(exampleYaml, 'nightly.yaml');
    expect(span(map.get('/TaskArn', 'key'))).toBe('2:1-2:8');
    expect(span(map.get('/TaskArn'))).toBe('2:10-2:77');
    expect(span(map.get('/Tags/1/Value', 'key'))).toBe('27:18-27:23');
    expect(textAt(exampleYaml, map.get('/Tags/1/Value'))).toBe('storage');
    expect(textAt(exampleYaml, map.get('/Tags/2/Value'))).toBe("'cc-1042'");
    expect(textAt(exampleYaml, map.get('/Excludes/0/Value'))).toBe('"*.tmp|*/.snapshot"');
    expect(span(map.get('/TaskReportConfig/Destination/S3', 'key'))).toBe('17:5-17:7');
    // A block mapping ends with its last value, not with the line break after it.
    expect(span(map.get('/TaskReportConfig/Destination/S3'))).toBe('18:7-20:75');
    expect(span(map.get('/OverrideOptions'))).toBe('4:3-8:24');
    expect(textAt(exampleYaml, map.get('/TaskReportConfig/Overrides'))).toBe('{ Verified: { ReportLevel: SUCCESSES_AND_ERRORS } }');
    expect(span(map.get('/Includes/0'))).toBe('10:5-11:42');
    // The root's "key" of a block mapping is its first key.
    expect(span(map.get('', 'key'))).toBe('2:1-2:8');
  });

  it('falls back to the nearest key that was written (locate)', () => {
    const { sourceMap: map } = parseRequest(exampleYaml, 'nightly.yaml');
    expect(span(locate(map, '/OverrideOptions/Mtime'))).toBe('3:1-3:16');
    expect(span(locate(map, '/ManifestConfig'))).toBe('2:1-2:8');
  });
});

describe('duplicate keys', () => {
  it('are errors at the later key in JSON, with the earlier related; the later value is kept', () => {
    const text = '{\n  "TaskArn": "a",\n  "OverrideOptions": { "Mtime": "NONE", "Mtime": "PRESERVE" },\n  "TaskArn": "b"\n}\n';
    const r = parseRequest(text, 'r.json');
    expect(r.diagnostics.map((d) => [d.ruleId, d.severity, span(d), d.related?.map((x) => span(x))])).toEqual([
      ['duplicate-key', 'error', '3:41-3:48', ['3:24-3:31']],
      ['duplicate-key', 'error', '4:3-4:12', ['2:3-2:12']],
    ]);
    expect(r.diagnostics[1].message).toContain('`TaskArn` is given twice');
    expect(r.payload).toEqual({ TaskArn: 'b', OverrideOptions: { Mtime: 'PRESERVE' } });
    expect(textAt(text, r.sourceMap.get('/TaskArn'))).toBe('"b"');
    expect(textAt(text, r.sourceMap.get('/OverrideOptions/Mtime'))).toBe('"PRESERVE"');
  });

  it('are errors at the later key in YAML, block and flow', () => {
    const text = 'TaskArn: a\nOverrideOptions: {Mtime: NONE, Mtime: PRESERVE}\nTaskArn: b\n';
    const r = parseRequest(text, 'r.yaml');
    expect(r.diagnostics.map((d) => [d.ruleId, span(d), d.related?.map((x) => span(x))])).toEqual([
      ['duplicate-key', '2:32-2:37', ['2:19-2:24']],
      ['duplicate-key', '3:1-3:8', ['1:1-1:8']],
    ]);
    expect(r.payload).toEqual({ TaskArn: 'b', OverrideOptions: { Mtime: 'PRESERVE' } });
  });

  it('drop the earlier value from the source map, nested members included', () => {
    const r = parseRequest('{"A": {"x": 1}, "A": {"y": 2}}', 'r.json');
    expect(r.payload).toEqual({ A: { y: 2 } });
    expect(r.sourceMap.get('/A/x')).toBeUndefined();
    expect(span(r.sourceMap.get('/A/y'))).toBe('1:28-1:29');
  });
});

describe('JSON syntax', () => {
  it('reports errors at their offsets in plain words, and gives no payload', () => {
    const r = parseRequest('{\n  "TaskArn": "a"\n  "Tags": []\n}', 'r.json');
    expect(r.payload).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.ruleId, d.messageId, span(d)])).toEqual([['parse', 'CommaExpected', '3:3-3:9']]);
    expect(r.diagnostics[0].message).toMatch(/expected `,` before `"Tags"`/);
  });

  it('reports an unterminated string and single quotes', () => {
    const a = parseRequest('{"TaskArn": "arn\n}', 'r.json');
    expect(a.diagnostics[0]).toMatchObject({ messageId: 'UnexpectedEndOfString', range: { start: { line: 1, column: 13 } } });
    const b = parseRequest("{'TaskArn': 1}", 'r.json');
    expect(b.diagnostics[0].message).toContain('write "TaskArn" instead of \'TaskArn\'');
  });

  it('reports comments and trailing commas as errors with fixes, and still gives the payload', () => {
    const text = '{\n  // the nightly task\n  "TaskArn": "x", /* why */\n  "Tags": [1,],\n}\n';
    const r = parseRequest(text, 'r.json');
    expect(r.diagnostics.map((d) => [d.ruleId, d.messageId, span(d)])).toEqual([
      ['parse', 'comment', '2:3-2:22'],
      ['parse', 'comment', '3:19-3:28'],
      ['parse', 'trailingComma', '4:13-4:14'],
      ['parse', 'trailingComma', '4:15-4:16'],
    ]);
    expect(r.diagnostics[0].message).toContain('comments are not allowed');
    expect(r.payload).toEqual({ TaskArn: 'x', Tags: [1] });
    const fixed = applyEdits(text, r.diagnostics.flatMap((d) => d.fix?.edits ?? []));
    expect(fixed).toBe('{\n  "TaskArn": "x", \n  "Tags": [1]\n}\n');
    expect(parseRequest(fixed, 'r.json').diagnostics).toEqual([]);
  });

  it('reports a byte order mark (the AWS CLI reads the file without stripping it)', () => {
    const r = parseRequest('\uFEFF{"TaskArn": "x"}', 'r.json');
    expect(r.diagnostics.map((d) => [d.messageId, span(d)])).toEqual([['byteOrderMark', '1:1-1:1']]);
    expect(r.payload).toEqual({ TaskArn: 'x' });
    expect(parseRequest('\uFEFFTaskArn: x\n', 'r.yaml').diagnostics).toEqual([]);
  });

  it('reports text after the object', () => {
    const r = parseRequest('{"TaskArn": "x"} {}', 'r.json');
    expect(r.diagnostics[0]).toMatchObject({ messageId: 'EndOfFileExpected', range: { start: { column: 18 } } });
    expect(r.payload).toBeUndefined();
  });
});

describe('YAML syntax', () => {
  it('reports errors with positions and gives no payload', () => {
    const r = parseRequest('TaskArn: a\nOverrideOptions:\n  Mtime: NONE\n Atime: NONE\n', 'r.yaml');
    expect(r.payload).toBeUndefined();
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'parse', severity: 'error', range: { start: { line: 4 } } });
  });

  it('reports tabs, several documents and unknown tags', () => {
    expect(parseRequest('TaskArn: a\n\tTags: []\n', 'r.yaml').diagnostics[0].message).toContain('YAML indents with spaces');
    const docs = parseRequest('TaskArn: a\n---\nTaskArn: b\n', 'r.yaml');
    expect(docs.diagnostics.map((d) => [d.messageId, d.range.start.line])).toEqual([['MULTIPLE_DOCS', 2]]);
    expect(docs.payload).toBeUndefined();
    const tag = parseRequest('TaskArn: !Ref TaskArn\n', 'r.yaml');
    expect(tag.diagnostics.map((d) => [d.severity, d.messageId, span(d)])).toEqual([['error', 'TAG_RESOLVE_FAILED', '1:10-1:14']]);
  });

  it('reads YAML 1.2: yes, no, on and off stay strings', () => {
    expect(parseRequest('A: no\nB: on\nC: yes\nD: true\nE: 010\n', 'r.yaml').payload).toEqual({ A: 'no', B: 'on', C: 'yes', D: true, E: 10 });
  });

  it('expands aliases, but refuses a value that contains itself', () => {
    const ok = parseRequest('Includes: &f [{FilterType: SIMPLE_PATTERN, Value: /a}]\nExcludes: *f\n', 'r.yaml');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.payload).toEqual({ Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a' }], Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a' }] });
    expect(textAt('Includes: &f [{FilterType: SIMPLE_PATTERN, Value: /a}]\nExcludes: *f\n', ok.sourceMap.get('/Excludes'))).toBe('*f');
    const loop = parseRequest('Tags: &t [*t]\n', 'r.yaml');
    expect(loop.diagnostics.map((d) => [d.messageId, span(d)])).toEqual([['circularAlias', '1:11-1:13']]);
    expect(loop.payload).toBeUndefined();
  });

  it('stops aliases that multiply the document (billion laughs) quickly', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(10).fill('*' + 'abcdefghij'[i - 1]).join(', ')}]`);
    const started = performance.now();
    const r = parseRequest(lines.join('\n') + '\n', 'r.yaml');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.diagnostics.map((d) => d.messageId)).toEqual(['aliasCount']);
    expect(r.payload).toBeUndefined();
  });

  it('reports a mapping used as a key', () => {
    const r = parseRequest('? {a: 1}\n: x\nTaskArn: y\n', 'r.yaml');
    expect(r.diagnostics.map((d) => [d.messageId, span(d)])).toEqual([['complexKey', '1:3-1:9']]);
  });
});

describe('the shape of a request', () => {
  it('must be one object', () => {
    const cases: [string, string, string, string][] = [
      ['[{"TaskArn": "x"}]', 'r.json', 'not an array', '1:1-1:2'],
      ['"arn"', 'r.json', 'not a string', '1:1-1:6'],
      ['- TaskArn: x\n', 'r.yaml', 'not a sequence', '1:1-1:2'],
      ['arn:aws:datasync\n', 'r.yaml', 'not a string', '1:1-1:17'],
      ['null\n', 'r.yaml', 'not a null', '1:1-1:5'],
    ];
    for (const [text, file, what, at] of cases) {
      const r = parseRequest(text, file);
      expect(r.payload).toBeUndefined();
      expect(r.diagnostics.map((d) => [d.ruleId, d.messageId, span(d)])).toEqual([['parse', 'notAnObject', at]]);
      expect(r.diagnostics[0].message).toContain(what);
      expect(r.diagnostics[0].message).toContain('TaskArn');
    }
  });

  it('reports an empty file once', () => {
    for (const [text, file] of [['', 'r.json'], ['  \n', 'r.json'], ['', 'r.yaml'], ['# nothing yet\n', 'r.yml']]) {
      const r = parseRequest(text, file);
      expect(r.diagnostics.map((d) => d.messageId)).toEqual(['emptyFile']);
      expect(r.payload).toBeUndefined();
    }
  });

  it('keeps members that are not API members, for the schema to report', () => {
    expect(parseRequest('{"TaskArn": "x", "Foo": 1}', 'r.json').payload).toEqual({ TaskArn: 'x', Foo: 1 });
  });

  it('keeps `__proto__` an ordinary member', () => {
    for (const [text, file] of [['{"__proto__": {"x": 1}}', 'r.json'], ['__proto__: {x: 1}\n', 'r.yaml']]) {
      const payload = parseRequest(text, file).payload as Record<string, unknown>;
      expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
      expect(Object.keys(payload)).toEqual(['__proto__']);
      expect(Object.getOwnPropertyDescriptor(payload, '__proto__')?.value).toEqual({ x: 1 });
    }
  });

  it('reads text without a telling extension by its first character, and honours an explicit format', () => {
    expect(parseRequest('{"TaskArn": "x"}', 'request.txt').payload).toEqual({ TaskArn: 'x' });
    expect(parseRequest('TaskArn: x\n', 'request.txt').payload).toEqual({ TaskArn: 'x' });
    // JSON read as YAML (a superset) passes; YAML forced to JSON does not.
    expect(parseRequest('{"TaskArn": "x"}', 'r.json', 'yaml').payload).toEqual({ TaskArn: 'x' });
    expect(parseRequest('TaskArn: x\n', 'r.yaml', 'json').payload).toBeUndefined();
  });
});

describe('whole numbers past 2^53-1', () => {
  it('are read exactly up to 2^63-1; past 64 bits they are errors at the value in JSON', () => {
    const text = '{"OverrideOptions": {"BytesPerSecond": 9223372036854775808}}';
    const r = parseRequest(text, 'r.json');
    expect(r.diagnostics.map((d) => [d.ruleId, d.messageId, span(d)])).toEqual([['invalid-value', 'outOfRange', '1:40-1:59']]);
    expect(r.diagnostics[0].message).toContain('a 64-bit whole number (at most 9223372036854775807)');
    expect(r.diagnostics[0].message).toContain('write -1');
    expect(parseRequest('{"OverrideOptions": {"BytesPerSecond": -9223372036854775809}}', 'r.json').diagnostics[0].messageId).toBe('outOfRange');
    // Within 64 bits, past 2^53: a warning that says what would be sent (test/core/long.test.ts).
    expect(parseRequest('{"OverrideOptions": {"BytesPerSecond": 9007199254740993}}', 'r.json').diagnostics.map((d) => [d.severity, d.messageId])).toEqual([['warning', 'inexactLong']]);
    // Only where the model has a whole number: elsewhere the schema judges the type.
    expect(parseRequest('{"BytesPerSecond": 1e300}', 'r.json').diagnostics).toEqual([]);
  });

  it('are errors at the value in YAML; smaller integers become numbers', () => {
    const r = parseRequest('OverrideOptions:\n  BytesPerSecond: 18446744073709551616\n', 'r.yaml');
    expect(r.diagnostics.map((d) => [d.messageId, span(d)])).toEqual([['outOfRange', '2:19-2:39']]);
    const ok = parseRequest('OverrideOptions:\n  BytesPerSecond: 1048576\n', 'r.yaml');
    expect(ok.payload).toEqual({ OverrideOptions: { BytesPerSecond: 1048576 } });
    expect(typeof (ok.payload as { OverrideOptions: { BytesPerSecond: unknown } }).OverrideOptions.BytesPerSecond).toBe('number');
  });
});
