/** The lossless syntax layer: comments kept and attached, spellings kept, tokens available, waivers read from comment tokens. */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/grammar/index.js';
import type { DeclarationNode, PolicyNode, ReportNode, StatementNode, TaskNode } from '../../src/grammar/ast.js';
import { buildIntents } from '../../src/compiler/index.js';

const texts = (list: readonly { text: string }[] | undefined) => (list ?? []).map((c) => c.text);

function declaration(text: string): DeclarationNode {
  const { ast, diagnostics } = parse(text, 'c.dsi');
  expect(diagnostics).toEqual([]);
  return ast.items.find((i) => i.type === 'Intent' || i.type === 'Template') as DeclarationNode;
}

describe('comments', () => {
  const text = [
    '# file header', // leading of the intent
    '',
    '// about nightly',
    'intent nightly { # opening line',
    '  # before verify',
    '  verify none  # why none',
    '',
    '  task "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0" {',
    '    mode enhanced # context',
    '    # end of task block',
    '  }',
    '  report {',
    '    to "s3://b/p/"',
    '  } // after report',
    '  # last in intent',
    '}',
    '# end of file',
    '',
  ].join('\n');

  it('are all kept, in source order, with their markers', () => {
    const { comments } = parse(text, 'c.dsi');
    expect(comments.map((c) => c.text)).toEqual([
      '# file header',
      '// about nightly',
      '# opening line',
      '# before verify',
      '# why none',
      '# context',
      '# end of task block',
      '// after report',
      '# last in intent',
      '# end of file',
    ]);
    expect(comments.map((c) => c.ownLine)).toEqual([true, true, false, true, false, false, true, false, true, true]);
    expect(comments[1]).toMatchObject({ blankLineBefore: true, range: { start: { line: 3, column: 1 }, end: { line: 3, column: 17 } } });
  });

  it('are attached to the nearest node: leading, trailing, dangling', () => {
    const { ast } = parse(text, 'c.dsi');
    const intent = ast.items[0] as DeclarationNode;
    expect(texts(intent.trivia?.leading)).toEqual(['# file header', '// about nightly']);
    const [verify, task, report] = intent.body as [StatementNode, TaskNode, ReportNode];
    expect(texts(verify.trivia?.leading)).toEqual(['# opening line', '# before verify']);
    expect(texts(verify.trivia?.trailing)).toEqual(['# why none']);
    expect(task.trivia?.blankLineBefore).toBe(true);
    expect(texts(task.context?.[0].trivia?.trailing)).toEqual(['# context']);
    expect(texts(task.trivia?.dangling)).toEqual(['# end of task block']);
    expect(texts(report.trivia?.trailing)).toEqual(['// after report']);
    expect(texts(intent.trivia?.dangling)).toEqual(['# last in intent']);
    expect(texts(ast.trivia?.dangling)).toEqual(['# end of file']);
  });

  it('inside a statement that spans lines, trail it', () => {
    const d = declaration('intent x {\n  manifest "s3://b/m.csv" # the list\n    role "arn:aws:iam::111122223333:role/r"\n}');
    expect(texts(d.body[0].trivia?.trailing)).toEqual(['# the list']);
  });

  it('in policies attach to `when` and assertions', () => {
    const { ast } = parse('policy p {\n  # scope\n  when mode enhanced\n  require report # always\n}', 'p.dsi');
    const p = ast.items[0] as PolicyNode;
    expect(texts(p.when[0].trivia?.leading)).toEqual(['# scope']);
    expect(texts(p.assertions[0].trivia?.trailing)).toEqual(['# always']);
  });

  it('a `#` inside a string is not a comment', () => {
    const { comments, ast } = parse('intent x { tag k = "a # b" }', 'c.dsi');
    expect(comments).toEqual([]);
    expect((ast.items[0] as DeclarationNode).body[0]).toMatchObject({ type: 'Tag', value: { value: 'a # b' } });
  });
});

describe('spellings', () => {
  it('strings, names, sizes and JSON keep their raw text', () => {
    const d = declaration('intent "my intent" {\n  bandwidth 1_048_576B/s\n  tag "k" = "a\\"b"\n  set X = { Key: "v", "N": 1_000 }\n}');
    expect(d.name).toMatchObject({ value: 'my intent', raw: '"my intent"', quoted: true });
    expect(d.body[0]).toMatchObject({ type: 'Bandwidth', value: { number: '1048576', unit: 'B', raw: '1_048_576B/s' } });
    expect(d.body[1]).toMatchObject({ type: 'Tag', key: { raw: '"k"' }, value: { value: 'a"b', raw: '"a\\"b"' } });
    expect(d.body[2]).toMatchObject({
      type: 'Set',
      value: { members: [{ key: { value: 'Key', raw: 'Key' }, value: { raw: '"v"' } }, { key: { raw: '"N"' }, value: { value: 1000, raw: '1_000' } }] },
    });
  });

  it('policy value separators are kept where a `,` is written', () => {
    const { ast } = parse('policy p {\n  require tag team, cost-center\n  require verify none | only-files-transferred\n}', 'p.dsi');
    const [a, b] = (ast.items[0] as PolicyNode).assertions;
    expect(a.separators).toEqual([',']);
    expect(b.separators).toBeUndefined();
  });
});

describe('tokens', () => {
  it('are every token but comments, with kinds and ranges', () => {
    const { tokens } = parse('intent x { verify none } # c', 'c.dsi');
    expect(tokens.map((t) => [t.kind, t.image])).toEqual([
      ['Intent', 'intent'],
      ['Word', 'x'],
      ['LCurly', '{'],
      ['Verify', 'verify'],
      ['Word', 'none'],
      ['RCurly', '}'],
    ]);
    expect(tokens[3].range).toMatchObject({ start: { offset: 11, column: 12 }, end: { offset: 17 } });
  });
});

describe('waivers come from comment tokens', () => {
  const build = (text: string) => buildIntents(text, { filename: 'w.dsi', readFile: () => '' });

  it('an own-line comment is a waiver of the next line', () => {
    const unit = build('intent x {\n  # dsi-ignore some-rule -- reason\n  verify none\n}');
    expect(unit.suppressions).toMatchObject([{ ruleIds: ['some-rule'], reason: 'reason', targetLine: 3 }]);
  });

  it('a comment after code, or `dsi-ignore` inside a string, is not', () => {
    const unit = build('intent x {\n  verify none # dsi-ignore some-rule -- reason\n  tag k = "# dsi-ignore other -- no"\n}');
    expect(unit.suppressions).toEqual([]);
  });
});
