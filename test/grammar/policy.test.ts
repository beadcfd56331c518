/** `policy` blocks: the grammar, the typed nodes, recovery and did-you-mean inside them. */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/grammar/index.js';
import type { AssertionNode, DeclarationNode, PolicyNode, PolicyValueNode } from '../../src/grammar/ast.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { GUARDRAILS } from '../policy/helpers.js';

const show = (ds: readonly Diagnostic[]) =>
  ds.map((d) => `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column} ${d.ruleId}: ${d.message}`);

const policies = (text: string) => parse(text, 'p.dsi').ast.items.filter((i): i is PolicyNode => i.type === 'Policy');
const value = (v: PolicyValueNode) => (v.type === 'Size' ? `${v.number}${v.unit ? ` ${v.unit}` : ''}${v.perSecond ? '/s' : ''}` : v.value);
const brief = (a: AssertionNode) =>
  [a.kind, a.subject.value, ...a.values.map(value), ...(a.equals ? ['=', ...a.equals.map(value)] : []), ...(a.limit ? [a.limit.operator, value(a.limit.value)] : [])].join(' ') +
  (a.name ? ` as ${a.name.value}` : '') +
  (a.warn ? ' warn' : '') +
  (a.because ? ` because ${a.because.value}` : '');

describe('policy blocks parse', () => {
  it('the example of LANGUAGE.md, clean, into typed nodes with ranges', () => {
    const { ast, diagnostics } = parse(GUARDRAILS, 'p.dsi');
    expect(diagnostics).toEqual([]);
    const [p] = ast.items as PolicyNode[];
    expect(p.name.value).toBe('prod-guardrails');
    expect(p.when).toHaveLength(1);
    expect(p.when[0]).toMatchObject({ type: 'When', subject: { value: 'tag' }, values: [{ type: 'Word', value: 'env' }], equals: [{ type: 'String', value: 'prod' }] });
    expect(p.when[0].range).toMatchObject({ start: { line: 2, column: 3 }, end: { line: 2, column: 24 } });
    expect(p.assertions.map(brief)).toEqual([
      'require verify only-files-transferred point-in-time-consistent',
      'require tag team cost-center',
      'require report',
      'forbid deleted remove because production data is never deleted by sync',
      'limit bandwidth <= 500 MiB/s',
    ]);
    expect(p.assertions[3].range).toMatchObject({ start: { line: 6, column: 3 }, end: { line: 6, column: 82 } });
    expect(p.assertions[3].because?.range.start).toMatchObject({ line: 6, column: 40 });
    expect(p.range).toMatchObject({ start: { line: 1, column: 1 }, end: { line: 8, column: 2 } });
  });

  it('modifiers in any order, on the same or a later line; `;` separates; every form of when', () => {
    const text = `policy p {
  when task "arn:aws:datasync:*:*:task/task-*" | "arn:aws-cn:*"; when mode enhanced; when from nfs | smb; when to s3; when tag team
  require verify only-files-transferred as verified warn because "audits"
  forbid manifest because "filters only"
    warn
    as no-manifest
  require tag env = "prod" | "staging"
  limit include <= 10; limit tags <= 1_000
}`;
    const { ast, diagnostics } = parse(text, 'p.dsi');
    expect(diagnostics).toEqual([]);
    const [p] = ast.items as PolicyNode[];
    expect(p.when.map((w) => [w.subject.value, ...w.values.map(value), ...(w.equals ?? []).map(value)].join(' '))).toEqual([
      'task arn:aws:datasync:*:*:task/task-* arn:aws-cn:*',
      'mode enhanced',
      'from nfs smb',
      'to s3',
      'tag team',
    ]);
    expect(p.assertions.map(brief)).toEqual([
      'require verify only-files-transferred as verified warn because audits',
      'forbid manifest as no-manifest warn because filters only',
      'require tag env = prod staging',
      'limit include <= 10',
      'limit tags <= 1000',
    ]);
  });

  it('the policy keywords stay words elsewhere: names, tag keys, values (a modifier word as a value of an assertion is quoted)', () => {
    const text = 'intent limit { tag warn = "x"; tag because = "y" }\ntemplate require { tag as = "z" }\npolicy when { require tag "as", when }';
    const { ast, diagnostics } = parse(text, 'p.dsi');
    expect(diagnostics).toEqual([]);
    expect(ast.items.map((i) => (i.type === 'Policy' ? `policy ${i.name.value}` : `${i.type} ${(i as DeclarationNode).name.value}`))).toEqual([
      'Intent limit',
      'Template require',
      'policy when',
    ]);
    expect(brief((ast.items[2] as PolicyNode).assertions[0])).toBe('require tag as when');
  });

  it('an empty policy, and a policy on one line', () => {
    expect(parse('policy empty {}\npolicy one { forbid deleted remove }', 'p.dsi').diagnostics).toEqual([]);
    expect(policies('policy one { forbid deleted remove }')[0].assertions.map(brief)).toEqual(['forbid deleted remove']);
  });
});

describe('errors inside policy blocks', () => {
  it('a misspelt assertion keyword: did you mean, then parsing resumes on the next line', () => {
    const text = 'policy p {\n  requir verify none\n  forbd deleted remove\n  limit bandwidth <= 1 GiB/s\n}';
    const { ast, diagnostics } = parse(text, 'p.dsi');
    expect(show(diagnostics)).toEqual([
      '2:3-2:9 unknown-statement: unknown statement `requir` in a policy; did you mean `require`?',
      '3:3-3:8 unknown-statement: unknown statement `forbd` in a policy; did you mean `forbid`?',
    ]);
    expect((ast.items[0] as PolicyNode).assertions.map(brief)).toEqual(['limit bandwidth <= 1 GiB/s']);
  });

  it('a statement of an intent written in a policy says how to assert it', () => {
    const { diagnostics } = parse('policy p {\n  verify none\n}', 'p.dsi');
    expect(show(diagnostics)).toEqual([
      '2:3-2:9 unknown-statement: unknown statement `verify` in a policy; a policy asserts statements: write `require verify …`, `forbid verify …` or `limit verify <= …`',
    ]);
  });

  it('an assertion keyword in an intent says where it belongs', () => {
    const { diagnostics } = parse('intent a {\n  require verify none\n}', 'p.dsi');
    expect(show(diagnostics)).toEqual(['2:3-2:10 unknown-statement: unknown statement `require` in an intent or template; `require` is written in a `policy { }` block']);
  });

  it('missing parts: the subject, the bound, the reason, the name, a value after `|`', () => {
    const text = 'policy p {\n  require\n  limit bandwidth <=\n  forbid deleted remove because\n  require report as\n  require verify none |\n  when\n}';
    const { ast, diagnostics } = parse(text, 'p.dsi');
    expect(show(diagnostics)).toEqual([
      '2:3-2:10 syntax: expected a statement such as `verify`, `tag` or `bandwidth` after `require`, found the end of the line',
      '3:19-3:21 syntax: expected a limit such as `500 MiB/s` or `10` after `<=`, found the end of the line',
      '4:25-4:32 syntax: expected the reason in double quotes after `because`, found the end of the line',
      '5:18-5:20 syntax: expected a name for this assertion (its rule id becomes `POLICY/NAME`) after `as`, found the end of the line',
      '6:23-6:24 syntax: expected a value after `|`, found the end of the line',
      '8:1-8:2 syntax: expected what the policy applies to: `tag`, `task`, `mode`, `from` or `to` after `when`, found `}`',
    ]);
    // Incomplete assertions are left out: ids of the rest would shift, but the file has errors and compiles to nothing.
    expect((ast.items[0] as PolicyNode).assertions).toEqual([]);
  });

  it('a modifier given twice, stray characters, and an unclosed policy', () => {
    const text = 'policy p {\n  require report warn warn\n  forbid manifest @\nintent a { verify none }';
    const { ast, diagnostics } = parse(text, 'p.dsi');
    expect(show(diagnostics)).toEqual([
      '1:10-1:11 syntax: the `{` of this policy is not closed; add `}` before `intent` on line 4',
      '2:23-2:27 syntax: `warn` is given twice in this assertion; keep one',
      '3:19-3:20 syntax: unexpected character `@`; remove it, or write it inside a string (`"…"`) or after `#` in a comment',
    ]);
    expect(ast.items.map((i) => i.type)).toEqual(['Policy', 'Intent']);
  });
});
