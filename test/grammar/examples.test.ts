import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '../../src/grammar/index.js';
import type { DeclarationNode, FileNode, StatementNode } from '../../src/grammar/ast.js';
import type { Range } from '../../src/core/range.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'language', name), 'utf8');
const languageMd = join(root, '..', 'shared', 'LANGUAGE.md');

/** `line:column-line:column` of a range, for compact exact assertions. */
const at = (r: Range) => `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;

function onlyDeclaration(ast: FileNode): DeclarationNode {
  const decls = ast.items.filter((i): i is DeclarationNode => i.type === 'Intent' || i.type === 'Template');
  expect(decls).toHaveLength(1);
  return decls[0];
}

/** A statement's payload-relevant content without ranges. */
function summary(s: StatementNode): unknown {
  switch (s.type) {
    case 'Task':
      return { task: s.arn.value, context: s.context?.map((c) => (c.type === 'ContextLocation' ? [c.end, c.location.value, c.storageClass?.value] : c.type === 'ContextMode' ? ['mode', c.value.value] : ['log-group', c.value.value])) };
    case 'Option':
      return [s.keyword, s.value.value];
    case 'Filter':
      return [s.kind, ...s.patterns.map((p) => p.value)];
    case 'Report':
      return { report: s.statements.map((r) => [r.type === 'ReportSetting' ? r.keyword : r.type, r.value.value]) };
    case 'Tag':
      return ['tag', s.key.value, s.value.value];
    default:
      return s.type;
  }
}

describe('LANGUAGE.md first example', () => {
  it('defaults.dsi: one template with its three statements', () => {
    const { ast, diagnostics } = parse(fixture('defaults.dsi'), 'defaults.dsi');
    expect(diagnostics).toEqual([]);
    const t = onlyDeclaration(ast);
    expect(t.type).toBe('Template');
    expect(t.name).toMatchObject({ type: 'Name', value: 'org-defaults', quoted: false });
    expect(t.parents).toEqual([]);
    expect(t.body.map(summary)).toEqual([['verify', 'none'], ['queueing', 'enabled'], ['tag', 'managed-by', 'dsi']]);
    expect(at(t.name.range)).toBe('2:10-2:22');
    expect(at(t.keywordRange)).toBe('2:1-2:9');
    expect(at(t.range)).toBe('2:1-6:2');
  });

  it('nightly.dsi: the import, the intent, its parent and every statement in order', () => {
    const text = fixture('nightly.dsi');
    const { ast, diagnostics } = parse(text, 'nightly.dsi');
    expect(diagnostics).toEqual([]);
    expect(ast.type).toBe('File');
    expect(ast.range.start.offset).toBe(0);
    expect(ast.range.end.offset).toBe(text.length);

    const [imp, intent] = ast.items;
    expect(imp).toMatchObject({ type: 'Import', path: { type: 'String', value: './defaults.dsi' } });
    expect(at(imp.range)).toBe('2:1-2:24');

    const d = onlyDeclaration(ast);
    expect(d).toBe(intent);
    expect(d.type).toBe('Intent');
    expect(d.name.value).toBe('nightly-archive');
    expect(at(d.name.range)).toBe('4:8-4:23');
    expect(d.parents.map((p) => p.value)).toEqual(['org-defaults']);
    expect(at(d.parents[0].range)).toBe('4:32-4:44');
    expect(at(d.range)).toBe('4:1-29:2');

    expect(d.body.map(summary)).toEqual([
      {
        task: 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026',
        context: [['mode', 'enhanced'], ['from', 'nfs', undefined], ['to', 's3', 'deep-archive']],
      },
      ['transfer', 'changed'],
      ['verify', 'only-files-transferred'],
      ['overwrite', 'never'],
      ['deleted', 'preserve'],
      ['include', '/projects/alpha', '/projects/beta'],
      ['exclude', '*.tmp', '*/.snapshot'],
      {
        report: [
          ['ReportTo', 's3://acme-datasync-reports/nightly/'],
          ['ReportRole', 'arn:aws:iam::111122223333:role/datasync-reports'],
          ['output', 'standard'],
          ['level', 'errors-only'],
          ['verified', 'successes-and-errors'],
        ],
      },
      ['tag', 'team', 'storage'],
      ['tag', 'cost-center', 'cc-1042'],
    ]);

    const task = d.body[0];
    if (task.type !== 'Task') throw new Error('first statement is not the task');
    expect(at(task.keywordRange)).toBe('5:3-5:7');
    expect(at(task.arn.range)).toBe('5:8-5:77');
    expect(at(task.range)).toBe('5:3-9:4');
    const mode = task.context![0];
    expect(mode.type).toBe('ContextMode');
    expect(at(mode.range)).toBe('6:5-6:18');

    const verify = d.body[2];
    if (verify.type !== 'Option') throw new Error('third statement is not an option');
    expect(at(verify.keywordRange)).toBe('12:3-12:9');
    expect(at(verify.value.range)).toBe('12:10-12:32');
    expect(at(verify.range)).toBe('12:3-12:32');

    const include = d.body[5];
    if (include.type !== 'Filter') throw new Error('sixth statement is not a filter');
    expect(at(include.patterns[1].range)).toBe('16:29-16:45');

    const tag = d.body[8];
    if (tag.type !== 'Tag') throw new Error('ninth statement is not a tag');
    expect(at(tag.key.range)).toBe('27:7-27:11');
    expect(at(tag.value.range)).toBe('27:14-27:23');
  });

  // The fixtures are copies of the contract: check them against it whenever it is beside the clone.
  it.runIf(existsSync(languageMd))('the fixtures are the dsi blocks of LANGUAGE.md, and every dsi block there parses cleanly', () => {
    const md = readFileSync(languageMd, 'utf8');
    const blocks = [...md.matchAll(/^```dsi\n([\s\S]*?)^```/gm)].map((m) => m[1]);
    expect(blocks).toContain(fixture('defaults.dsi'));
    expect(blocks).toContain(fixture('nightly.dsi'));
    for (const b of blocks) expect(parse(b, 'example.dsi').diagnostics).toEqual([]);
  });
});
