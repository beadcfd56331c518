/** Hostile request files: line ends, byte order marks, encodings, YAML tags and aliases, `long` literals, the size limit. */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../src/requests/index.js';
import { MAX_REQUEST_LENGTH, MAX_YAML_ALIASES } from '../../src/requests/limits.js';
import { lint } from '../../src/project/lint.js';
import { LineIndex } from '../../src/core/range.js';
import { applyEdits, rangesInside, span } from './helpers.js';

const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';

/** Every position of every diagnostic has a column within its line (at most one past its last character). */
function columnsInsideLines(text: string, file: string): void {
  const lines = new LineIndex(text);
  for (const d of parseRequest(text, file).diagnostics) {
    expect(rangesInside(d, text.length)).toBe(true);
    for (const p of [d.range.start, d.range.end]) {
      const bom = p.line === 1 && text.startsWith('\uFEFF') ? 1 : 0;
      expect(p.column, `${d.message} at ${p.line}:${p.column}`).toBeLessThanOrEqual(lines.lineText(p.line).length - bom + 1);
    }
  }
}

describe('line ends', () => {
  it('places a diagnostic between \\r and \\n at the end of its line, in YAML and JSON', () => {
    columnsInsideLines('a: "\r\n"\n', 'r.yaml');
    columnsInsideLines('{"\\\r\n', 'r.json');
    columnsInsideLines('{"TaskArn": 1,\r\n\r\n}', 'r.json');
    const lines = new LineIndex('ab\r\ncd');
    expect(lines.position(3)).toEqual({ offset: 2, line: 1, column: 3 });
    expect(lines.position(4)).toEqual({ offset: 4, line: 2, column: 1 });
  });

  it('reads YAML whose lines end in a lone \\r as YAML 1.2 does', () => {
    const text = `TaskArn: ${TASK}\rOverrideOptions:\r  VerifyMode: NONE\r`;
    const r = parseRequest(text, 'r.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.payload).toEqual({ TaskArn: TASK, OverrideOptions: { VerifyMode: 'NONE' } });
    expect(span(r.sourceMap.get('/OverrideOptions/VerifyMode'))).toBe('3:15-3:19');
  });
});

describe('byte order mark', () => {
  it('is not a column', () => {
    const r = parseRequest('\uFEFFa: [', 'r.yaml');
    expect(r.diagnostics.map(span)).toEqual(['1:5-1:5']);
    const json = parseRequest('\uFEFF{"TaskArn": x}', 'r.json');
    // The mark itself is at 1:1; `x` is the 13th character after it.
    expect(json.diagnostics.map((d) => [d.messageId, span(d)])).toContainEqual(['byteOrderMark', '1:1-1:1']);
    expect(json.diagnostics.map((d) => [d.messageId, span(d)])).toContainEqual(['InvalidSymbol', '1:13-1:14']);
  });
});

describe('text that is not UTF-8', () => {
  const utf16 = (s: string) => Buffer.from('\uFEFF' + s, 'utf16le').toString('utf8');

  it('is one error, in JSON and YAML', () => {
    for (const file of ['r.json', 'r.yaml']) {
      const r = parseRequest(utf16(`{"TaskArn": "${TASK}"}`), file);
      expect(r.diagnostics.map((d) => [d.ruleId, d.messageId])).toEqual([['parse', 'notUtf8']]);
      expect(r.diagnostics[0].message).toContain('UTF-16');
      expect(r.payload).toBeUndefined();
    }
    // UTF-16 without a byte order mark: NUL after every ASCII character.
    const bare = parseRequest(Buffer.from(`TaskArn: ${TASK}\n`, 'utf16le').toString('utf8'), 'r.yaml');
    expect(bare.diagnostics.map((d) => d.messageId)).toEqual(['notUtf8']);
  });

  it('a NUL character anywhere is an error', () => {
    const text = `{"TaskArn": "${TASK}", "x": "a\0b"}`;
    const r = parseRequest(text, 'r.json');
    const at = text.indexOf('\0') + 1;
    expect(r.diagnostics.map((d) => [d.messageId, span(d)])).toEqual([['notUtf8', `1:${at}-1:${at + 1}`]]);
    expect(r.diagnostics[0].message).toContain('NUL');
  });
});

describe('YAML tags that make no JSON value', () => {
  it.each(['!!binary aGVsbG8=', '!!timestamp 2001-12-14', '!!set {a}', '!!omap [a: 1]', '!!pairs [a: 1]', '!custom x', '!<tag:yaml.org,2002:binary> aGVsbG8='])(
    '`TaskArn: %s` is an error at the tag, never an internal error',
    (value) => {
      const text = `TaskArn: ${value}\n`;
      const r = lint(text, { filename: 'r.yaml' });
      const tag = r.diagnostics.find((d) => d.messageId === 'TAG_RESOLVE_FAILED');
      expect(tag, JSON.stringify(r.diagnostics)).toMatchObject({ severity: 'error', ruleId: 'parse' });
      expect(text.slice(tag!.range.start.offset, tag!.range.end.offset)).toBe(value.split(' ')[0]);
      expect(tag!.message).toContain('makes no JSON value');
      expect(r.diagnostics.filter((d) => d.ruleId === 'internal')).toEqual([]);
    },
  );

  it('core tags still read', () => {
    expect(parseRequest('TaskArn: !!str 12\n', 'r.yaml')).toMatchObject({ payload: { TaskArn: '12' }, diagnostics: [] });
  });
});

describe('YAML aliases', () => {
  it(`more than ${MAX_YAML_ALIASES} are refused quickly, at the first alias past the limit`, () => {
    const text = 'a: &a x\nb:\n' + '  - *a\n'.repeat(14_000);
    const started = performance.now();
    const r = parseRequest(text, 'r.yaml');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.diagnostics.map((d) => [d.messageId, span(d)])).toEqual([['tooManyAliases', `${MAX_YAML_ALIASES + 3}:5-${MAX_YAML_ALIASES + 3}:7`]]);
  });

  it(`${MAX_YAML_ALIASES} are read`, () => {
    const text = `TaskArn: &t ${TASK}\nTags:\n` + `  - {Key: k, Value: *t}\n`.repeat(MAX_YAML_ALIASES);
    expect(parseRequest(text, 'r.yaml').diagnostics.map((d) => d.messageId)).not.toContain('tooManyAliases');
  });
});

describe('long members (BytesPerSecond)', () => {
  const json = (literal: string) => `{"TaskArn": "${TASK}", "OverrideOptions": {"BytesPerSecond": ${literal}}}`;
  const yaml = (literal: string) => `TaskArn: ${TASK}\nOverrideOptions:\n  BytesPerSecond: ${literal}\n`;

  it.each([
    ['1048576.0', '1048576'],
    ['1e6', '1000000'],
    ['1.5e3', '1500'],
    ['-1.0', '-1'],
    ['1E+2', '100'],
  ])('`%s` is an error with a fix to `%s`, in JSON and YAML', (literal, plain) => {
    for (const text of [json(literal), yaml(literal)]) {
      const r = parseRequest(text, text.startsWith('{') ? 'r.json' : 'r.yaml');
      expect(r.diagnostics.map((d) => [d.ruleId, d.messageId])).toEqual([['invalid-value', 'notWholeNumberLiteral']]);
      const fixed = applyEdits(text, r.diagnostics[0].fix!.edits);
      expect(fixed).toBe(text.replace(literal, plain));
      expect(parseRequest(fixed, text.startsWith('{') ? 'r.json' : 'r.yaml').diagnostics).toEqual([]);
    }
  });

  it('beyond 64 bits is an error; up to 2^63-1 is read exactly and valid (past 2^53 with a warning where the digits sent differ)', () => {
    for (const literal of ['9223372036854775808', '-9223372036854775809', '1e19', '18446744073709551616', '1e400']) {
      for (const text of [json(literal), yaml(literal)]) {
        const r = lint(text, { filename: text.startsWith('{') ? 'r.json' : 'r.yaml' });
        expect(r.diagnostics.map((d) => d.messageId), literal).toContain('outOfRange');
      }
    }
    for (const literal of ['10000000000000000', '-1', '0']) {
      for (const text of [json(literal), yaml(literal)]) {
        expect(lint(text, { filename: text.startsWith('{') ? 'r.json' : 'r.yaml', rules: [] }).diagnostics, literal).toEqual([]);
      }
    }
    for (const literal of ['9223372036854775807', '9007199254740993']) {
      for (const text of [json(literal), yaml(literal)]) {
        const r = lint(text, { filename: text.startsWith('{') ? 'r.json' : 'r.yaml', rules: [] });
        expect(r.diagnostics.map((d) => [d.severity, d.messageId]), literal).toEqual([['warning', 'inexactLong']]);
      }
    }
  });

  it('a fraction is left to the schema (a whole number is expected)', () => {
    const r = lint(json('1.5'), { filename: 'r.json' });
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['schema']);
  });
});

describe('the size limit', () => {
  it('never refuses the largest valid request: two 102,400-character filters of escaped emoji', () => {
    const emoji = '\\ud83d\\ude00'.repeat(102_400);
    const text = `{"TaskArn": "${TASK}", "Includes": [{"FilterType": "SIMPLE_PATTERN", "Value": "/${emoji.slice(12)}"}], "Excludes": [{"FilterType": "SIMPLE_PATTERN", "Value": "/${emoji.slice(12)}"}]}`;
    expect(text.length).toBeGreaterThan(2_450_000);
    expect(text.length).toBeLessThan(MAX_REQUEST_LENGTH);
    const r = lint(text, { filename: 'r.json', rules: [] });
    expect(r.diagnostics).toEqual([]);
  });

  it('refuses text past the limit with one error', () => {
    const r = parseRequest(' '.repeat(MAX_REQUEST_LENGTH + 1), 'r.json');
    expect(r.diagnostics.map((d) => d.messageId)).toEqual(['tooLarge']);
  });
});

describe('YAML that exhausts the parser’s stack', () => {
  it('is one error, the same on every call (yaml’s recovery depends on the stack left)', () => {
    const text = '{"TaskArn": ' + 'l` takes it.\nTaskArn: '.repeat(2000);
    const runs = [0, 1, 2].map(() => parseRequest(text, 'r.yaml').diagnostics);
    expect(runs[0].map((d) => [d.messageId, span(d)])).toEqual([['tooDeep', '1:1-1:2']]);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });
});

describe('prototype names as keys, tags and set paths', () => {
  it('name members, never the prototype, in every front end', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const dsi = `intent a {\n task "${TASK}"\n tag constructor = "y"\n set constructor.prototype.polluted = 2\n}\n`;
    const r = lint(dsi, { filename: 'a.dsi' });
    // `constructor` is an unknown member of the request, not "not an object" (the prototype's function).
    expect(r.diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining('unknown member "constructor" in the request'));
    const json = lint(`{"TaskArn": "${TASK}", "__proto__": {"polluted": 1}, "OverrideOptions": {"constructor": {"prototype": {"polluted": 2}}}}`, { filename: 'r.json' });
    expect(json.diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining('unknown member "__proto__" in the request'));
    const yaml = parseRequest(`TaskArn: ${TASK}\n__proto__:\n  polluted: 1\n`, 'r.yaml');
    expect(Object.hasOwn(yaml.payload as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });
});
