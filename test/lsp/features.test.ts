/**
 * Completion, hover, navigation, symbols and folding of `dsi lsp`, asked over stdio as an editor
 * asks: each case marks the cursor with `‸`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, DocumentSymbol, FoldingRange, Hover, Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OPTION_MEMBERS } from '../../src/compiler/emit/options.js';
import { SIZE_UNITS } from '../../src/compiler/values.js';
import { kebab } from '../../src/core/words.js';
import { enumValues, memberNames } from '../../src/schema/index.js';
import { startClient, uri, type LspClient } from './client.js';

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
let root: string;
let client: LspClient;
let opened = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dsi-lsp-features-'));
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, 'defaults.dsi'), 'template org-defaults {\n  verify none\n}\ntemplate "quoted name" {\n  queueing enabled\n}\nintent elsewhere {\n  task "' + ARN + '"\n}\n');
  writeFileSync(join(root, 'far.dsi'), 'template far-away { verify none }\n');
  client = await startClient(root);
});

afterAll(() => {
  client?.process.kill();
  rmSync(root, { recursive: true, force: true });
});

/** Opens `text` (with `‸` at the cursor) as a new file; returns its path and the cursor position. */
function openWithCursor(text: string, name = `f${++opened}.dsi`) {
  const at = Math.max(0, text.indexOf('‸'));
  const clean = text.replace('‸', '');
  const path = join(root, name);
  client.open(path, clean, name.endsWith('.dsi') ? 'dsi' : name.endsWith('.json') ? 'json' : 'yaml');
  return { path, text: clean, position: TextDocument.create('x', 'dsi', 1, clean).positionAt(at) };
}

async function complete(text: string, name?: string): Promise<string[]> {
  const { path, position } = openWithCursor(text, name);
  const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri(path) }, position });
  return items.map((i) => i.label);
}

const sorted = (list: readonly string[]) => [...list].sort();

describe('completion', () => {
  it('offers the statements of a block that it does not have yet (include, exclude, tag and set repeat)', async () => {
    const labels = await complete('intent a {\n  verify none\n  include "/x"\n  ‸\n}\n');
    expect(labels).not.toContain('verify');
    expect(labels).toEqual(expect.arrayContaining(['task', 'transfer', 'bandwidth', 'include', 'exclude', 'tag', 'set', 'report', 'manifest']));
    expect(labels).toHaveLength(Object.keys(OPTION_MEMBERS).length + 8 - 1);
  });

  it('offers top-level keywords outside blocks, and the statements of report and task blocks inside them', async () => {
    expect(sorted(await complete('‸'))).toEqual(['import', 'intent', 'policy', 'template']);
    expect(sorted(await complete('intent a {\n  report {\n    output standard\n    ‸\n  }\n}\n'))).toEqual(['deleted', 'level', 'object-versions', 'role', 'skipped', 'to', 'transferred', 'verified']);
    expect(sorted(await complete(`intent a {\n  task "${ARN}" {\n    mode basic; ‸\n  }\n}\n`))).toEqual(['from', 'log-group', 'to']);
  });

  it('offers the values of a statement in .dsi spelling, wherever the statement is', async () => {
    for (const [keyword, member] of Object.entries(OPTION_MEMBERS)) {
      expect(sorted(await complete(`template t {\n  ${keyword} ‸\n}\n`)), keyword).toEqual(sorted(enumValues(`/OverrideOptions/${member}`)!.map(kebab)));
    }
    expect(sorted(await complete('intent a { report { output ‸ } }'))).toEqual(['standard', 'summary-only']);
    expect(sorted(await complete(`intent a { task "${ARN}" { mode ‸ } }`))).toEqual(['basic', 'enhanced']);
    expect(await complete(`intent a { task "${ARN}" { to s3 storage-class ‸ } }`)).toContain('deep-archive');
    expect(sorted(await complete('policy p {\n  require verify only-files-transferred | ‸\n}\n'))).toEqual(sorted(enumValues('/OverrideOptions/VerifyMode')!.map(kebab)));
  });

  it('offers units after a number: rates in bandwidth and limits', async () => {
    expect(await complete('intent a {\n  bandwidth 100 ‸\n}\n')).toEqual(SIZE_UNITS.map((u) => `${u}/s`));
    expect(await complete('intent a {\n  bandwidth 100 Mi‸\n}\n')).toEqual(SIZE_UNITS.map((u) => `${u}/s`));
    expect(await complete('policy p {\n  limit bandwidth <= 5 ‸\n}\n')).toEqual(SIZE_UNITS.map((u) => `${u}/s`));
    expect(await complete('intent a {\n  bandwidth ‸\n}\n')).toEqual(['unlimited']);
  });

  it('offers the templates and intents in scope after extends: own and directly imported, not itself', async () => {
    const labels = await complete('import "./defaults.dsi"\ntemplate mine { }\nintent a extends ‸');
    expect(sorted(labels)).toEqual(['elsewhere', 'mine', 'org-defaults', 'quoted name']);
    const { path, position } = openWithCursor('import "./defaults.dsi"\nintent b extends org-defaults, ‸');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri(path) }, position });
    expect(items.find((i) => i.label === 'quoted name')?.textEdit).toMatchObject({ newText: '"quoted name"' });
  });

  it('offers member names in set paths', async () => {
    expect(await complete('intent a {\n  set ‸\n}\n')).toEqual([...memberNames('')!]);
    expect(await complete('intent a {\n  set OverrideOptions.‸\n}\n')).toEqual([...memberNames('/OverrideOptions')!]);
    expect(await complete('intent a {\n  set TaskReportConfig.Destination.S3.Sub‸\n}\n')).toEqual([...memberNames('/TaskReportConfig/Destination/S3')!]);
    expect(await complete('intent a {\n  set Includes[0].‸\n}\n')).toEqual([...memberNames('/Includes/0')!]);
  });

  it('offers nothing inside comments and strings', async () => {
    expect(await complete('intent a {\n  # verify ‸\n}\n')).toEqual([]);
    expect(await complete('intent a {\n  include "verify ‸"\n}\n')).toEqual([]);
  });

  it('offers keys and values in YAML request files', async () => {
    expect(await complete('TaskArn: x\nOverrideOptions:\n  Verify‸\n', 'r1.datasync.yaml')).toEqual([...memberNames('/OverrideOptions')!]);
    expect(sorted(await complete('OverrideOptions:\n  VerifyMode: ‸\n', 'r2.datasync.yaml'))).toEqual(sorted(enumValues('/OverrideOptions/VerifyMode')!));
    expect(await complete('Includes:\n  - Filter‸\n', 'r3.datasync.yaml')).toEqual([...memberNames('/Includes/0')!]);
  });
});

describe('hover', () => {
  const hoverText = async (text: string) => {
    const { path, position } = openWithCursor(text);
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri(path) }, position });
    return h ? (h.contents as { value: string }).value : undefined;
  };

  it('names what a set path sets, segment by segment', async () => {
    expect(await hoverText('intent a {\n  set OverrideOptions.Task‸Queueing = "ENABLED"\n}\n')).toMatch(/sets `OverrideOptions\.TaskQueueing`[\s\S]*queue/);
    expect(await hoverText('intent a {\n  set Override‸Options.TaskQueueing = "ENABLED"\n}\n')).toMatch(/sets `OverrideOptions` \(`Options`\)/);
  });

  it('shows the effective payload of a parent in extends', async () => {
    const text = await hoverText('import "./defaults.dsi"\ntemplate t extends org-defaults { transfer all }\nintent a extends t‸, org-defaults {\n  task "' + ARN + '"\n}\n');
    const json = /```json\n([\s\S]*)\n```/.exec(text!)![1];
    expect(JSON.parse(json)).toEqual({ OverrideOptions: { VerifyMode: 'NONE', TransferMode: 'ALL' } });
  });

  it('says what task context describes, and is silent between statements', async () => {
    expect(await hoverText(`intent a {\n  task "${ARN}" {\n    mode enh‸anced\n  }\n}\n`)).toMatch(/describes the task[\s\S]*ENHANCED/);
    expect(await hoverText('intent a {\n‸\n}\n')).toBeUndefined();
  });
});

describe('navigation', () => {
  it('finds the references of a template across the workspace, and of an imported file', async () => {
    const one = openWithCursor('import "./defaults.dsi"\nintent one extends org-defaults { }\n', 'one.dsi');
    openWithCursor('import "./defaults.dsi"\nintent two extends org-defaults, elsewhere { }\n', 'two.dsi');
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: uri(one.path) },
      position: { line: 1, character: 25 },
      context: { includeDeclaration: true },
    });
    const where = refs.map((r) => `${r.uri.slice(r.uri.lastIndexOf('/') + 1)}:${r.range.start.line}:${r.range.start.character}`).sort();
    expect(where).toEqual(expect.arrayContaining(['defaults.dsi:0:9', 'one.dsi:1:19', 'two.dsi:1:19']));
    const imports = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uri(one.path) }, position: { line: 0, character: 10 }, context: { includeDeclaration: false } });
    expect(imports.map((r) => r.uri.slice(r.uri.lastIndexOf('/') + 1))).toEqual(expect.arrayContaining(['one.dsi', 'two.dsi']));
    expect(imports.map((r) => [r.uri.slice(r.uri.lastIndexOf('/') + 1), r.range.start.line, r.range.start.character])).toEqual(imports.map((r) => [r.uri.slice(r.uri.lastIndexOf('/') + 1), 0, 7]));
  });

  it('goes from an import to the file, and from a name not in scope nowhere', async () => {
    const { path } = openWithCursor('import "./defaults.dsi"\nintent x extends far-away { }\n');
    expect(await client.request<Location>('textDocument/definition', { textDocument: { uri: uri(path) }, position: { line: 0, character: 12 } })).toEqual({
      uri: uri(join(root, 'defaults.dsi')),
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
    expect(await client.request('textDocument/definition', { textDocument: { uri: uri(path) }, position: { line: 1, character: 20 } })).toBeNull();
  });

  it('lists intents, templates and policies with their statements, and folds blocks and comment runs', async () => {
    const text = '# one\n# two\ntemplate t {\n  verify none\n  report {\n    output standard\n  }\n}\npolicy p {\n  require report\n}\n';
    const { path } = openWithCursor(text);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri(path) } });
    expect(symbols.map((s) => [s.name, s.detail, s.children?.map((c) => c.name)])).toEqual([
      ['t', 'template', ['verify none', 'report {']],
      ['p', 'policy', ['require report']],
    ]);
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: uri(path) } });
    expect(folds.map((f) => [f.startLine, f.endLine, f.kind])).toEqual([
      [0, 1, 'comment'],
      [2, 6, undefined],
      [4, 5, undefined],
      [8, 9, undefined],
    ]);
  });
});
