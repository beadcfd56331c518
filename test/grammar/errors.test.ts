import { describe, expect, it } from 'vitest';
import { parse } from '../../src/grammar/index.js';
import type { DeclarationNode, ManifestNode, StatementNode } from '../../src/grammar/ast.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';

/** `line:column-line:column ruleId: message` of each diagnostic, in order. */
const show = (ds: readonly Diagnostic[]) =>
  ds.map((d) => `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column} ${d.ruleId}: ${d.message}`);

const declarations = (text: string) => parse(text, 'bad.dsi').ast.items.filter((i): i is DeclarationNode => i.type === 'Intent' || i.type === 'Template');

const kinds = (body: readonly StatementNode[]) => body.map((s) => (s.type === 'Option' ? `${s.keyword} ${s.value.value}` : s.type));

describe('unknown statements', () => {
  it('one diagnostic with a suggestion, then parsing resumes on the next line', () => {
    const text = 'intent a {\n  verfy none extra words\n  transfer all\n  overwrite never\n}\n';
    const { ast, diagnostics } = parse(text, 'bad.dsi');
    expect(show(diagnostics)).toEqual(['2:3-2:8 unknown-statement: unknown statement `verfy` in an intent or template; did you mean `verify`?']);
    expect(diagnostics[0]).toMatchObject({ file: 'bad.dsi', severity: 'error' });
    expect(kinds((ast.items[0] as DeclarationNode).body)).toEqual(['transfer all', 'overwrite never']);
  });

  it('resumes after `;` and before `}` on the same line', () => {
    const { ast, diagnostics } = parse('intent a { trasnfer all; verify none }  intent b { log off }', 'bad.dsi');
    expect(show(diagnostics)).toEqual(['1:12-1:20 unknown-statement: unknown statement `trasnfer` in an intent or template; did you mean `transfer`?']);
    const [a, b] = ast.items as DeclarationNode[];
    expect(kinds(a.body)).toEqual(['verify none']);
    expect(kinds(b.body)).toEqual(['log off']);
  });

  it('skips a block that follows the unknown word whole', () => {
    const { ast, diagnostics } = parse('intent a {\n  reprot {\n    to "s3://b/"\n    output standard\n  }\n  verify none\n}', 'bad.dsi');
    expect(show(diagnostics)).toEqual(['2:3-2:9 unknown-statement: unknown statement `reprot` in an intent or template; did you mean `report`?']);
    expect(kinds((ast.items[0] as DeclarationNode).body)).toEqual(['verify none']);
  });

  it('suggests within the block: report and task context have their own keywords', () => {
    const { diagnostics } = parse('intent a {\n task "t" { mod basic }\n report { levle errors-only }\n}', 'bad.dsi');
    expect(show(diagnostics)).toEqual([
      '2:13-2:16 unknown-statement: unknown statement `mod` in the block of `task`; did you mean `mode`?',
      '3:11-3:16 unknown-statement: unknown statement `levle` in `report { }`; did you mean `level`?',
    ]);
  });

  it('a keyword of another block says where it belongs', () => {
    const { diagnostics } = parse('intent a {\n  mode enhanced\n  output standard\n}', 'bad.dsi');
    expect(show(diagnostics)).toEqual([
      '2:3-2:7 unknown-statement: unknown statement `mode` in an intent or template; `mode` is written in the block after `task "…"`',
      '3:3-3:9 unknown-statement: unknown statement `output` in an intent or template; `output` is written in `report { }`',
    ]);
  });

  it('a word far from every keyword lists the valid ones', () => {
    const { diagnostics } = parse('intent a { report { zzz x } }', 'bad.dsi');
    expect(diagnostics[0].message).toBe(
      'unknown statement `zzz` in `report { }`; expected one of `to`, `role`, `output`, `level`, `object-versions`, `transferred`, `verified`, `deleted`, `skipped`',
    );
  });

  it('at the top level: did you mean, and the misspelt declaration is skipped whole', () => {
    const { ast, diagnostics } = parse('intnet a {\n  verify none\n}\ntemplate b { verify none }\n', 'bad.dsi');
    expect(show(diagnostics)).toEqual(['1:1-1:7 unknown-statement: unknown declaration `intnet` at the top level of a file; did you mean `intent`?']);
    expect(ast.items.map((i) => i.type)).toEqual(['Template']);
  });

  it('anything but a word where a statement starts is a syntax error', () => {
    const { diagnostics } = parse('intent a {\n  "verify" none\n  = 3\n}\n"x"', 'bad.dsi');
    expect(show(diagnostics)).toEqual([
      '2:3-2:11 syntax: unexpected `"verify"` in an intent or template; expected a statement such as `verify`',
      '3:3-3:4 syntax: unexpected `=` in an intent or template; expected a statement such as `verify`',
      '5:1-5:4 syntax: unexpected `"x"` at the top level of a file; expected `import`, `intent`, `template` or `policy`',
    ]);
  });
});

describe('missing and wrong values', () => {
  it('a statement missing its value at the end of the line: one diagnostic, the next line parses', () => {
    const { ast, diagnostics } = parse('intent a {\n  verify\n  overwrite never\n}', 'bad.dsi');
    expect(show(diagnostics)).toEqual(['2:3-2:9 syntax: expected a value after `verify`, found the end of the line']);
    expect(kinds((ast.items[0] as DeclarationNode).body)).toEqual(['overwrite never']);
  });

  it('names what it found, and suggests quotes for a word where a string belongs', () => {
    const { diagnostics } = parse('intent a {\n  include }', 'bad.dsi');
    expect(show(diagnostics)).toContain('2:11-2:12 syntax: expected a pattern in double quotes after `include`, found `}`');
    // On a later line, what is found is named too, unless that line starts a statement.
    expect(show(parse('intent a {\n  include\n}', 'bad.dsi').diagnostics)).toEqual(['3:1-3:2 syntax: expected a pattern in double quotes after `include`, found `}`']);
    const quoted = parse('intent a {\n  include foo bar baz\n}', 'bad.dsi');
    expect(show(quoted.diagnostics)).toEqual(['2:11-2:14 syntax: expected a pattern in double quotes after `include`, found `foo`; write `"foo"`']);
  });

  it('tag without `=`, tag without key, set without path or value, manifest without role', () => {
    const text = [
      'intent a {',
      '  tag team "storage"',
      '  tag = "x"',
      '  set = 1',
      '  set A.B =',
      '  manifest "s3://b/k" "arn:r"',
      '  bandwidth -5',
      '  verify none',
      '}',
    ].join('\n');
    const { ast, diagnostics } = parse(text, 'bad.dsi');
    expect(show(diagnostics)).toEqual([
      '2:12-2:21 syntax: expected `=` after `team`, found `"storage"`',
      '3:7-3:8 syntax: expected a tag key (a word or a string) after `tag`, found `=`',
      '4:7-4:8 syntax: expected a payload path such as `OverrideOptions.VerifyMode` after `set`, found `=`',
      '5:11-5:12 syntax: expected a JSON value (a string, a number, `true`, `false`, `null`, `[` or `{`) after `=`, found the end of the line',
      '6:23-6:30 syntax: expected `role` and the ARN of a role that can read the manifest after `"s3://b/k"`, found `"arn:r"`',
      '7:13-7:15 syntax: expected a rate such as `100 MiB/s` after `bandwidth`, found `-5`; a size is a number of 0 or more',
    ]);
    // Incomplete statements are left out of the AST; the complete one is there.
    expect(kinds((ast.items[0] as DeclarationNode).body)).toEqual(['verify none']);
  });

  it('a broken JSON value in `set` is one diagnostic, even across lines', () => {
    const text = 'intent a {\n  set X = {"a" = 1,\n    "b": [1, 2]}\n  verify none\n}\nintent b {}';
    const { ast, diagnostics } = parse(text, 'bad.dsi');
    expect(show(diagnostics)).toEqual(['2:16-2:17 syntax: expected `:` after `"a"`, found `=`']);
    expect(kinds((ast.items[0] as DeclarationNode).body)).toEqual(['verify none']);
    expect(ast.items.map((i) => i.type)).toEqual(['Intent', 'Intent']);
    expect(show(parse('intent a { set X = [1 2] }', 'bad.dsi').diagnostics)).toEqual(['1:23-1:24 syntax: expected `,` or `]` after `1`, found `2`']);
    expect(show(parse('intent a { set X = [1,] }', 'bad.dsi').diagnostics)).toEqual([
      '1:23-1:24 syntax: expected a JSON value (a string, a number, `true`, `false`, `null`, `[` or `{`) after `,`, found `]`',
    ]);
  });

  it('a list index must be a whole number', () => {
    const { diagnostics } = parse('intent a { set Includes[-1] = "x" }', 'bad.dsi');
    expect(show(diagnostics)).toEqual(['1:25-1:27 syntax: a list index is a whole number of 0 or more, such as `[0]`; found `-1`']);
  });
});

describe('blocks', () => {
  it('a `{` not closed by the end of the file is reported at the `{`', () => {
    const { ast, diagnostics } = parse('intent a {\n  verify none\n', 'bad.dsi');
    expect(show(diagnostics)).toEqual(['1:10-1:11 syntax: the `{` of this intent or template is not closed; add `}` before the end of the file']);
    expect(kinds((ast.items[0] as DeclarationNode).body)).toEqual(['verify none']);
  });

  it('a forgotten `}` ends at the next declaration, which parses', () => {
    const { ast, diagnostics } = parse('intent a {\n  report {\n    output standard\n}\nintent b { log off }', 'bad.dsi');
    expect(show(diagnostics)).toEqual(['1:10-1:11 syntax: the `{` of this intent or template is not closed; add `}` before `intent` on line 5']);
    expect(declarations('intent a {\n  verify none\nintent b { log off }').map((d) => [d.name.value, kinds(d.body)])).toEqual([
      ['a', ['verify none']],
      ['b', ['log off']],
    ]);
    expect(ast.items).toHaveLength(2);
  });

  it('a missing `{` is one diagnostic and the body still parses', () => {
    const { ast, diagnostics } = parse('intent a verify none }', 'bad.dsi');
    expect(show(diagnostics)).toEqual(['1:10-1:16 syntax: expected `{` after `a`, found `verify`']);
    expect(kinds((ast.items[0] as DeclarationNode).body)).toEqual(['verify none']);
  });

  it('a stray `}` at the top level', () => {
    expect(show(parse('intent a {}\n}', 'bad.dsi').diagnostics)).toEqual(['2:1-2:2 syntax: unexpected `}`: no block is open here; remove it']);
  });

  it('a declaration without a name is reported and left out', () => {
    const { ast, diagnostics } = parse('intent { verify none }\ntemplate t {}', 'bad.dsi');
    expect(show(diagnostics)).toEqual(['1:8-1:9 syntax: expected a name for the intent after `intent`, found `{`']);
    expect(ast.items.map((i) => i.type)).toEqual(['Template']);
  });
});

describe('lexical errors', () => {
  it('an unknown escape is reported at the escape; the rest of the string is kept', () => {
    const { ast, diagnostics } = parse('intent a { tag k = "a\\qb" }', 'bad.dsi');
    expect(show(diagnostics)).toEqual(['1:22-1:24 syntax: unknown escape `\\q`; write `\\\\` for a backslash']);
    const tag = (ast.items[0] as DeclarationNode).body[0];
    expect(tag).toMatchObject({ type: 'Tag', value: { value: 'a\\qb' } });
  });

  it('bad \\u escapes: malformed, surrogate, out of range', () => {
    const { diagnostics } = parse('intent a { tag k = "\\u{}\\u{D800}\\u{110000}\\u41" }', 'bad.dsi');
    expect(show(diagnostics)).toEqual([
      '1:21-1:25 syntax: malformed escape `\\u{}`; write `\\u{` with 1 to 6 hex digits and `}`, such as `\\u{1F600}`',
      '1:25-1:33 syntax: escape `\\u{D800}` is not a Unicode character; use a code point up to 10FFFF, outside D800–DFFF',
      '1:33-1:43 syntax: escape `\\u{110000}` is not a Unicode character; use a code point up to 10FFFF, outside D800–DFFF',
      '1:43-1:45 syntax: malformed escape `\\u`; write `\\u{` with 1 to 6 hex digits and `}`, such as `\\u{1F600}`',
    ]);
  });

  it('an unterminated string is one diagnostic, and the next line parses', () => {
    const { ast, diagnostics } = parse('intent a {\n  tag k = "abc\n  verify none\n}', 'bad.dsi');
    expect(show(diagnostics)).toEqual(['2:11-2:15 syntax: string is not closed on this line; add `"`']);
    expect(kinds((ast.items[0] as DeclarationNode).body)).toEqual(['Tag', 'verify none']);
    // A backslash at the end of the line escapes nothing.
    expect(show(parse('intent a {\n  tag k = "abc\\\n}', 'bad.dsi').diagnostics)).toEqual(['2:11-2:16 syntax: string is not closed on this line; add `"`']);
  });

  it('unexpected characters: one diagnostic per run', () => {
    const { diagnostics } = parse("intent a { verify none @@@ }\n$ intent b {}\ntag k = 'x'", 'bad.dsi');
    expect(show(diagnostics).filter((d) => d.includes('character'))).toEqual([
      '1:24-1:27 syntax: unexpected characters `@@@`; remove it, or write it inside a string (`"…"`) or after `#` in a comment',
      '2:1-2:2 syntax: unexpected character `$`; remove it, or write it inside a string (`"…"`) or after `#` in a comment',
      "3:9-3:10 syntax: unexpected character `'`; strings use double quotes: write `\"…\"`",
      "3:11-3:12 syntax: unexpected character `'`; strings use double quotes: write `\"…\"`",
    ]);
  });
});

describe('a file with many errors', () => {
  it('reports every one of them, each on its own line, in order', () => {
    const text = [
      'import',                               // 1: import without path
      'intent nightly extends {',             // 2: extends without a name
      '  task "arn:t" { mode; from nfs }',    // 3: mode without value
      '  verfy none',                          // 4: unknown statement
      '  include "a\\x"',                      // 5: bad escape
      '  report { output }',                   // 6: output without value
      '  tag cost-center "cc"',                // 7: missing =
      '  transfer changed',                    // 8: fine
      '}',
      'templat t {}',                          // 10: unknown declaration
      'intent last { log "off" }',             // 11: string where a word belongs
    ].join('\n');
    const { ast, diagnostics } = parse(text, 'many.dsi');
    expect(diagnostics.map((d) => d.range.start.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 10, 11]);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['syntax', 'syntax', 'syntax', 'unknown-statement', 'syntax', 'syntax', 'syntax', 'unknown-statement', 'syntax']);
    expect(diagnostics[0].message).toBe('expected a path in double quotes after `import`, found the end of the line');
    expect(diagnostics[1].message).toBe('expected the name of a template or intent after `extends`, found `{`');
    expect(diagnostics[7].message).toContain('did you mean `template`?');
    const [nightly, last] = ast.items as DeclarationNode[];
    expect(nightly.name.value).toBe('nightly');
    expect(kinds(nightly.body)).toEqual(['Task', 'Filter', 'Report', 'transfer changed']);
    expect(last.name.value).toBe('last');
  });
});

describe('statements over several lines', () => {
  it('a manifest may put `version` and `role` on the following lines', () => {
    const { ast, diagnostics } = parse(
      'intent x {\n  manifest "s3://b/m.csv"\n    version "v1"\n    role "arn:aws:iam::111122223333:role/r"\n  verify none\n}',
      'm.dsi',
    );
    expect(diagnostics).toEqual([]);
    const body = (ast.items[0] as DeclarationNode).body;
    expect(body.map((s) => s.type)).toEqual(['Manifest', 'Option']);
    expect((body[0] as ManifestNode).role.value).toBe('arn:aws:iam::111122223333:role/r');
  });
});

describe('words beyond ASCII', () => {
  it('a bare name or value with other letters is one error that says to quote it', () => {
    const { ast, diagnostics } = parse('intent naïve {\n  verify nöne\n}', 'u.dsi');
    expect(show(diagnostics)).toEqual([
      '1:8-1:13 syntax: a bare word is ASCII letters, digits, `_` and `-`; write it in double quotes: `"naïve"`',
      '2:10-2:14 syntax: a bare word is ASCII letters, digits, `_` and `-`; write it in double quotes: `"nöne"`',
    ]);
    expect((ast.items[0] as DeclarationNode).name.value).toBe('naïve');
  });

  it('spaces beyond ASCII are not letters', () => {
    const { diagnostics } = parse('intent x {\u2028verify none\u00a0}', 'u.dsi');
    expect(diagnostics.every((d) => d.message.startsWith('unexpected character'))).toBe(true);
  });
});
