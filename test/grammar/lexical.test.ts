import { describe, expect, it } from 'vitest';
import { Lexer } from 'chevrotain';
import { parse } from '../../src/grammar/index.js';
import { allTokens, lexerConfig } from '../../src/grammar/tokens.js';
import type { DeclarationNode, JsonValueNode, StatementNode } from '../../src/grammar/ast.js';

/** Parses `body` inside `intent x { … }` and returns its statements; fails on any diagnostic. */
function statements(body: string): readonly StatementNode[] {
  const { ast, diagnostics } = parse(`intent x {\n${body}\n}\n`, 'test.dsi');
  expect(diagnostics).toEqual([]);
  return (ast.items[0] as DeclarationNode).body;
}

function only<T extends StatementNode['type']>(body: string, type: T): Extract<StatementNode, { type: T }> {
  const [s, ...rest] = statements(body);
  expect(rest).toEqual([]);
  expect(s.type).toBe(type);
  return s as Extract<StatementNode, { type: T }>;
}

const tagValue = (literal: string) => only(`tag k = ${literal}`, 'Tag').value.value;

describe('strings', () => {
  it('unescapes \\" \\\\ \\n \\t and \\u{…}', () => {
    expect(tagValue(String.raw`"a\"b"`)).toBe('a"b');
    expect(tagValue(String.raw`"back\\slash"`)).toBe('back\\slash');
    expect(tagValue(String.raw`"line\nbreak\ttab"`)).toBe('line\nbreak\ttab');
    expect(tagValue(String.raw`"\u{1F600}"`)).toBe('😀');
    expect(tagValue(String.raw`"\u{41}\u{00e9}\u{10FFFF}"`)).toBe('Aé\u{10FFFF}');
    expect(tagValue('""')).toBe('');
  });

  it('`\\\\|` in a pattern yields the two characters `\\|`', () => {
    expect(only(String.raw`include "a\\|b"`, 'Filter').patterns[0].value).toBe('a\\|b');
  });

  it('keeps non-ASCII text as written, and ranges count UTF-16 code units', () => {
    const tag = only('tag "clé😀" = "värde"', 'Tag');
    expect(tag.key).toMatchObject({ value: 'clé😀', quoted: true });
    // `"clé😀"` is 7 UTF-16 units: columns 5 to 12 on line 2.
    expect([tag.key.range.start.column, tag.key.range.end.column]).toEqual([5, 12]);
    expect(tag.value.value).toBe('värde');
  });
});

describe('numbers and sizes', () => {
  const bandwidth = (text: string) => only(`bandwidth ${text}`, 'Bandwidth').value;

  it('a bare integer, with or without `_`, is a size without unit', () => {
    expect(bandwidth('0')).toMatchObject({ type: 'Size', number: '0', perSecond: false });
    expect(bandwidth('1048576')).toMatchObject({ type: 'Size', number: '1048576' });
    expect(bandwidth('1_048_576')).toMatchObject({ type: 'Size', number: '1048576' });
    expect(bandwidth('1_048_576')).not.toHaveProperty('unit');
  });

  const units = ['B', 'kB', 'KB', 'MB', 'GB', 'TB', 'KiB', 'MiB', 'GiB', 'TiB'];
  it.each(units)('unit %s with and without a space, with and without /s', (unit) => {
    for (const [text, perSecond] of [
      [`100 ${unit}/s`, true],
      [`100${unit}/s`, true],
      [`100 ${unit}`, false],
      [`100\t${unit}`, false],
      [`100${unit}`, false],
    ] as const) {
      const v = bandwidth(text);
      expect(v).toMatchObject({ type: 'Size', number: '100', unit, perSecond });
      expect(v.range.end.offset - v.range.start.offset).toBe(text.length);
    }
  });

  it('decimals and underscores in sizes: `1.5 GB/s`, `1_000 MiB`', () => {
    expect(bandwidth('1.5 GB/s')).toMatchObject({ type: 'Size', number: '1.5', unit: 'GB', perSecond: true });
    expect(bandwidth('1.005 MB/s')).toMatchObject({ number: '1.005', unit: 'MB' });
    expect(bandwidth('1_000 MiB/s')).toMatchObject({ number: '1000', unit: 'MiB' });
  });

  it('`unlimited` (or any word) is a word value', () => {
    expect(bandwidth('unlimited')).toMatchObject({ type: 'Word', value: 'unlimited' });
  });

  it('a unit is matched exactly: `100 Bytes` is not `100 B` then `ytes`', () => {
    const { diagnostics } = parse('intent x { bandwidth 100 Bytes }', 't.dsi');
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['unknown-statement']);
    expect(diagnostics[0].message).toContain('`Bytes`');
  });

  it('JSON numbers in `set`: negative, decimal, exponent', () => {
    const value = (text: string) => only(`set A = ${text}`, 'Set').value;
    expect(value('-1')).toMatchObject({ type: 'JsonNumber', value: -1, raw: '-1' });
    expect(value('2.5e3')).toMatchObject({ type: 'JsonNumber', value: 2500, raw: '2.5e3' });
    expect(value('1E-2')).toMatchObject({ type: 'JsonNumber', value: 0.01 });
    expect(value('1_000')).toMatchObject({ type: 'JsonNumber', value: 1000, raw: '1_000' });
  });
});

describe('words and keywords', () => {
  it('keywords are contextual: any keyword may be a name', () => {
    for (const [text, type, name] of [
      ['intent off {}', 'Intent', 'off'],
      ['template task {}', 'Template', 'task'],
      ['intent intent extends template, verify {}', 'Intent', 'intent'],
      ['intent "quoted name" {}', 'Intent', 'quoted name'],
    ] as const) {
      const { ast, diagnostics } = parse(text, 't.dsi');
      expect(diagnostics).toEqual([]);
      expect(ast.items[0]).toMatchObject({ type, name: { value: name } });
    }
    const { ast } = parse('intent intent extends template, verify {}', 't.dsi');
    expect((ast.items[0] as DeclarationNode).parents.map((p) => p.value)).toEqual(['template', 'verify']);
  });

  it('keywords are values too, and a keyword that prefixes a word does not split it', () => {
    expect(only('log transfer', 'Option').value.value).toBe('transfer');
    expect(only('tag tags = "x"', 'Tag').key.value).toBe('tags');
    expect(only('tag log-group = "x"', 'Tag').key.value).toBe('log-group');
    expect(only('verify POINT_IN_TIME_CONSISTENT', 'Option').value.value).toBe('POINT_IN_TIME_CONSISTENT');
  });

  it('every option keyword reads one word', () => {
    const keywords = ['transfer', 'verify', 'overwrite', 'deleted', 'atime', 'mtime', 'uid', 'gid', 'permissions', 'devices', 'object-tags', 'security-descriptors', 'queueing', 'log'];
    const body = statements(keywords.map((k) => `${k} Some_value-1`).join('\n'));
    expect(body.map((s) => (s.type === 'Option' ? [s.keyword, s.value.value] : s.type))).toEqual(keywords.map((k) => [k, 'Some_value-1']));
  });
});

describe('separators and comments', () => {
  it('`;` and newlines separate statements; neither is required', () => {
    const kinds = (body: string) => statements(body).map((s) => (s.type === 'Option' ? s.keyword : s.type));
    expect(kinds('verify none; transfer all;; overwrite never')).toEqual(['verify', 'transfer', 'overwrite']);
    expect(kinds('verify none transfer all overwrite never')).toEqual(['verify', 'transfer', 'overwrite']);
    const { ast, diagnostics } = parse('import "a.dsi"; intent a { verify none }; template b {}', 't.dsi');
    expect(diagnostics).toEqual([]);
    expect(ast.items.map((i) => i.type)).toEqual(['Import', 'Intent', 'Template']);
  });

  it('`#` and `//` comments run to the end of the line, also right after a value', () => {
    const body = statements('verify none# trailing\n// a whole line\ntransfer all // trailing\n# tag x = "y"');
    expect(body.map((s) => (s.type === 'Option' ? s.value.value : s.type))).toEqual(['none', 'all']);
  });

  it('CRLF line ends count as one line break', () => {
    const { ast, diagnostics } = parse('intent a {\r\n  verify none\r\n}\r\n', 't.dsi');
    expect(diagnostics).toEqual([]);
    const v = (ast.items[0] as DeclarationNode).body[0];
    expect(v.range.start).toEqual({ offset: 14, line: 2, column: 3 });
  });

  it('a value may continue on the next line unless that line starts a statement', () => {
    expect(only('verify\n  none', 'Option').value.value).toBe('none');
    expect(only('include "a"\n  "b"', 'Filter').patterns.map((p) => p.value)).toEqual(['a', 'b']);
  });
});

describe('statements', () => {
  it('task with and without context; every context statement', () => {
    expect(only('task "arn:t"', 'Task')).not.toHaveProperty('context');
    const t = only('task "arn:t" {\n mode basic; from smb\n to s3 storage-class standard-ia\n log-group "/aws/datasync"\n}', 'Task');
    expect(t.context!.map((c) => ({ ...c, range: undefined, keywordRange: undefined }))).toMatchObject([
      { type: 'ContextMode', value: { value: 'basic' } },
      { type: 'ContextLocation', end: 'from', location: { value: 'smb' } },
      { type: 'ContextLocation', end: 'to', location: { value: 's3' }, storageClass: { value: 'standard-ia' } },
      { type: 'ContextLogGroup', value: { value: '/aws/datasync' } },
    ]);
    expect(only('task "arn:t" {}', 'Task').context).toEqual([]);
  });

  it('manifest with and without version', () => {
    expect(only('manifest "s3://b/k.csv" role "arn:r"', 'Manifest')).toMatchObject({ address: { value: 's3://b/k.csv' }, role: { value: 'arn:r' } });
    expect(only('manifest "s3://b/k.csv" role "arn:r"', 'Manifest')).not.toHaveProperty('version');
    expect(only('manifest "s3://b/k.csv" version "v1" role "arn:r"', 'Manifest')).toMatchObject({ version: { value: 'v1' }, role: { value: 'arn:r' } });
  });

  it('report with every statement, and an empty report', () => {
    const r = only('report { to "s3://b/p/"; role "arn:r"; output summary-only; level errors-only; object-versions include\n transferred errors-only; verified successes-and-errors; deleted errors-only; skipped errors-only }', 'Report');
    expect(r.statements.map((s) => [s.type === 'ReportSetting' ? s.keyword : s.type, s.value.value])).toEqual([
      ['ReportTo', 's3://b/p/'],
      ['ReportRole', 'arn:r'],
      ['output', 'summary-only'],
      ['level', 'errors-only'],
      ['object-versions', 'include'],
      ['transferred', 'errors-only'],
      ['verified', 'successes-and-errors'],
      ['deleted', 'errors-only'],
      ['skipped', 'errors-only'],
    ]);
    expect(only('report {}', 'Report').statements).toEqual([]);
  });

  it('tag keys are words or strings', () => {
    expect(only('tag team = "a"', 'Tag').key).toMatchObject({ value: 'team', quoted: false });
    expect(only('tag "aws:x y" = "a"', 'Tag').key).toMatchObject({ value: 'aws:x y', quoted: true });
  });

  it('set: paths with members and indexes, and every kind of JSON value', () => {
    const s = only('set TaskReportConfig.Destination.S3.S3BucketArn = "arn:aws:s3:::b"', 'Set');
    expect(s.path.map((p) => (p.type === 'Member' ? p.name : p.index))).toEqual(['TaskReportConfig', 'Destination', 'S3', 'S3BucketArn']);
    expect(s.pathRange.start.column).toBe(5);
    expect(s.pathRange.end.column).toBe(48);
    const i = only('set Includes[0].Value = "/a"', 'Set');
    expect(i.path.map((p) => (p.type === 'Member' ? p.name : p.index))).toEqual(['Includes', 0, 'Value']);
    expect(i.path[1].range.start.column).toBe(13);
    expect(i.path[1].range.end.column).toBe(16);

    const plain = (v: JsonValueNode): unknown => {
      switch (v.type) {
        case 'JsonArray':
          return v.items.map(plain);
        case 'JsonObject':
          return Object.fromEntries(v.members.map((m) => [m.key.value, plain(m.value)]));
        case 'JsonNull':
          return null;
        default:
          return v.value;
      }
    };
    const v = only('set A = { "s": "x\\ty", "n": -2.5, "t": true, "f": false, "z": null,\n  "a": [1, [], {}], Bare: "word keys are accepted" }', 'Set').value;
    expect(plain(v)).toEqual({ s: 'x\ty', n: -2.5, t: true, f: false, z: null, a: [1, [], {}], Bare: 'word keys are accepted' });
  });

  it('policy blocks parse like other blocks: stray characters and unknown statements are reported, the rest is read', () => {
    const text = 'policy prod-guardrails {\n  require verify a | b\n  limit bandwidth <= 500 MiB/s @ ~\n  nested { braces } "str"\n}\nintent a { verify none }';
    const { ast, diagnostics } = parse(text, 't.dsi');
    expect(diagnostics.map((d) => [d.range.start.line, d.range.start.column, d.ruleId, d.message])).toEqual([
      [3, 32, 'syntax', 'unexpected character `@`; remove it, or write it inside a string (`"…"`) or after `#` in a comment'],
      [3, 34, 'syntax', 'unexpected character `~`; remove it, or write it inside a string (`"…"`) or after `#` in a comment'],
      [4, 3, 'unknown-statement', 'unknown statement `nested` in a policy; expected one of `when`, `require`, `forbid`, `limit`'],
    ]);
    expect(ast.items.map((i) => i.type)).toEqual(['Policy', 'Intent']);
    expect(ast.items[0]).toMatchObject({ type: 'Policy', name: { value: 'prod-guardrails' }, assertions: [{ kind: 'require' }, { kind: 'limit' }] });
    expect(ast.items[0].range.end).toMatchObject({ line: 5, column: 2 });
  });
});

describe('the token list', () => {
  it('passes chevrotain\'s lexer definition checks, with the first-character optimization on', () => {
    // The shared lexer skips these checks at start-up; a bad pattern or order would throw here.
    expect(() => new Lexer(allTokens, lexerConfig)).not.toThrow();
  });
});

describe("the tokens' start-up hints", () => {
  // chevrotain's own analysis, from its internals: tokens.ts states what it would find (first
  // characters, line breaks) so that the lexer skips it at start-up; these must agree.
  it('name the first characters chevrotain finds in each pattern', async () => {
    // @ts-expect-error: internal modules of chevrotain, without types
    const { getOptimizedStartCodesIndices } = await import('../../node_modules/chevrotain/lib/src/scan/reg_exp.js');
    // @ts-expect-error: as above
    const { charCodeToOptimizedIndex } = await import('../../node_modules/chevrotain/lib/src/scan/lexer.js');
    // Building a lexer fills chevrotain's table of character classes.
    new Lexer(allTokens, lexerConfig);
    let hinted = 0;
    for (const t of allTokens) {
      const hint = (t as { START_CHARS_HINT?: string[] }).START_CHARS_HINT;
      if (!hint || !(t.PATTERN instanceof RegExp)) continue;
      const expected = [...new Set<number>(getOptimizedStartCodesIndices(t.PATTERN, true))].sort((a, b) => a - b);
      const actual = [...new Set(hint.map((c) => charCodeToOptimizedIndex(c.charCodeAt(0)) as number))].sort((a, b) => a - b);
      expect(actual, t.name).toEqual(expected);
      hinted++;
    }
    expect(hinted).toBeGreaterThanOrEqual(9);
  });

  it('say which patterns can match a line break', async () => {
    // @ts-expect-error: internal module of chevrotain, without types
    const { canMatchCharCode } = await import('../../node_modules/chevrotain/lib/src/scan/reg_exp.js');
    for (const t of allTokens) {
      const declared = (t as { LINE_BREAKS?: boolean }).LINE_BREAKS;
      if (declared === undefined || t.PATTERN === Lexer.NA) continue;
      const pattern = typeof t.PATTERN === 'string' ? new RegExp(t.PATTERN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : (t.PATTERN as RegExp);
      expect(canMatchCharCode([10, 13], pattern), t.name).toBe(declared);
    }
  });
});
