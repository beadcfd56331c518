/**
 * `dsi lsp` as an editor sees it: the built bin started as a process and driven over stdio by a
 * real LSP client (vscode-jsonrpc), never by calls into the server's functions.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, Diagnostic, Hover, Location, Range, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AWS_DOCS } from '../../src/lsp/aws-docs.js';
import { startClient, uri, type LspClient } from './client.js';

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
const THREE = `intent nightly {
  task "${ARN}" {
    mode enhanced
  }
  verify point-in-time-consistent
  transfer all
  deleted remove
  atime best-effort
  mtime none
}
`;

/** The LSP range of the `nth` occurrence of `word` in `text`. */
function rangeOf(text: string, word: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(word, at + 1);
  if (at < 0) throw new Error(`${word} is not in the text`);
  const doc = TextDocument.create('x', 'dsi', 1, text);
  return { start: doc.positionAt(at), end: doc.positionAt(at + word.length) };
}

function positionIn(text: string, word: string, nth = 0, delta = 0) {
  const r = rangeOf(text, word, nth);
  return { line: r.start.line, character: r.start.character + delta };
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'dsi', 1, text), [...edits]);
}

const summary = (ds: readonly Diagnostic[]) => ds.map((d) => ({ code: d.code, range: d.range })).sort((a, b) => a.range.start.line - b.range.start.line);

let root: string;
let client: LspClient;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dsi-lsp-'));
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, 'defaults.dsi'), 'template org-defaults {\n  verify none\n  queueing enabled\n}\n');
  client = await startClient(root);
});

afterAll(() => {
  client?.process.kill();
  rmSync(root, { recursive: true, force: true });
});

describe('dsi lsp over stdio', () => {
  it('publishes the problems of an opened file with exact ranges, and the new set after an edit', async () => {
    const file = join(root, 'three.dsi');
    client.open(file, THREE);
    const first = await client.diagnostics(file);
    expect(summary(first)).toEqual([
      { code: 'pit-verify-enhanced', range: rangeOf(THREE, 'point-in-time-consistent') },
      { code: 'remove-with-transfer-all', range: rangeOf(THREE, 'remove') },
      { code: 'atime-mtime-pair', range: rangeOf(THREE, 'none') },
    ]);
    expect(first.every((d) => d.source === 'dsi' && d.severity === 1 && d.message.length > 0)).toBe(true);

    // Pair the times and drop the deletion: one problem is left, at its new place.
    const edited = THREE.replace('mtime none', 'mtime preserve').replace('  deleted remove\n', '');
    client.change(file, edited, 2);
    const second = await client.diagnostics(file, (_, version) => version === 2);
    expect(summary(second)).toEqual([{ code: 'pit-verify-enhanced', range: rangeOf(edited, 'point-in-time-consistent') }]);

    // Its quick fix, applied as an editor applies it, leaves the file clean.
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(file) }, range: second[0].range, context: { diagnostics: second } });
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.title).toMatch(/only-files-transferred/);
    const fixed = applyEdits(edited, fix.edit!.changes![uri(file)]);
    expect(fixed).toContain('verify only-files-transferred');
    client.change(file, fixed, 3);
    expect(await client.diagnostics(file, (_, version) => version === 3)).toEqual([]);
  });

  it('gives related locations', async () => {
    const file = join(root, 'twice.dsi');
    const text = `template t {\n  verify none\n  verify none\n}\n`;
    client.open(file, text);
    const [d] = await client.diagnostics(file);
    expect(d.code).toBe('duplicate');
    expect(d.range).toEqual(rangeOf(text, 'none', 1));
    expect(d.relatedInformation).toEqual([{ location: { uri: uri(file), range: rangeOf(text, 'none', 0) }, message: 'first given here' }]);
  });

  it('hover over `verify` shows the AWS documentation of VerifyMode; over a value, that value’s', async () => {
    const file = join(root, 'three.dsi');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri(file) }, position: positionIn(THREE, 'verify', 0, 2) });
    const text = (hover.contents as { value: string }).value;
    expect(text).toContain('OverrideOptions.VerifyMode');
    expect(text).toContain(AWS_DOCS['/OverrideOptions/VerifyMode'].doc);
    expect(text).toContain('Specifies if and how DataSync checks the integrity of your data');
    const value = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri(file) }, position: positionIn(THREE, 'all', 0, 1) });
    expect((value.contents as { value: string }).value).toContain(AWS_DOCS['/OverrideOptions/TransferMode'].values!.ALL);
  });

  it('completion after `verify ` offers exactly the three values', async () => {
    const file = join(root, 'complete.dsi');
    const text = 'intent a {\n  verify \n}\n';
    client.open(file, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri(file) }, position: { line: 1, character: 9 } });
    expect(items.map((i) => i.label).sort()).toEqual(['none', 'only-files-transferred', 'point-in-time-consistent']);
  });

  it('go to definition from an `extends` name lands in the imported file', async () => {
    const file = join(root, 'child.dsi');
    const text = 'import "./defaults.dsi"\nintent child extends org-defaults {\n  task "' + ARN + '"\n}\n';
    client.open(file, text);
    const location = await client.request<Location>('textDocument/definition', { textDocument: { uri: uri(file) }, position: positionIn(text, 'org-defaults', 0, 3) });
    expect(location).toEqual({ uri: uri(join(root, 'defaults.dsi')), range: rangeOf('template org-defaults {', 'org-defaults') });
  });

  it('re-checks an open file when a template it imports changes', async () => {
    const template = join(root, 'base.dsi');
    const intent = join(root, 'uses-base.dsi');
    const baseText = 'template base {\n  atime none\n  mtime none\n}\n';
    writeFileSync(template, baseText);
    const intentText = 'import "./base.dsi"\nintent uses extends base {\n  task "' + ARN + '"\n}\n';
    client.open(intent, intentText);
    expect(await client.diagnostics(intent)).toEqual([]);
    client.open(template, baseText);
    await client.diagnostics(template);
    // The template's buffer (not yet saved) now breaks the pair: the intent that extends it learns so.
    const broken = baseText.replace('mtime none', 'mtime preserve');
    client.change(template, broken, 2);
    const found = await client.diagnostics(template, (ds) => ds.length > 0);
    expect(summary(found)).toEqual([{ code: 'atime-mtime-pair', range: rangeOf(broken, 'preserve') }]);
    // The intent itself has nothing of its own: the problem is on the template's line.
    expect(await client.diagnostics(intent, (_, version) => version === 1)).toEqual([]);
  });

  it('offers a waiver with a date; applied, the problem is excused and the missing reason is asked for', async () => {
    const file = join(root, 'waive.dsi');
    const text = 'intent w {\n  task "' + ARN + '" { mode enhanced }\n  verify point-in-time-consistent\n}\n';
    client.open(file, text);
    const [d] = await client.diagnostics(file);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(file) }, range: d.range, context: { diagnostics: [d] } });
    const waiver = actions.find((a) => a.title.startsWith('Waive'))!;
    const [edit] = waiver.edit!.changes![uri(file)];
    expect(edit.newText).toMatch(/^  # dsi-ignore pit-verify-enhanced until \d{4}-\d{2}-\d{2} -- \n$/);
    const waived = applyEdits(text, [edit]);
    client.change(file, waived, 2);
    const after = await client.diagnostics(file, (_, version) => version === 2);
    expect(after.map((x) => [x.code, x.severity, x.range.start.line])).toEqual([['dsi-ignore', 2, 2]]);
    expect(after[0].message).toMatch(/gives no reason/);
  });

  it('checks JSON request files and completes their keys and values', async () => {
    const file = join(root, 'run.datasync.json');
    const text = `{\n  "TaskArn": "${ARN}",\n  "OverrideOptions": { "VerifyMode": "SOMETIMES" }\n}\n`;
    client.open(file, text, 'json');
    const [d] = await client.diagnostics(file);
    expect(d.range).toEqual(rangeOf(text, '"SOMETIMES"'));
    const keys = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri(file) }, position: positionIn(text, '"VerifyMode"', 0, 0) });
    expect(keys.map((k) => k.label)).toContain('Atime');
    expect(keys.map((k) => k.label)).not.toContain('VerifyMode');
    const values = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri(file) }, position: positionIn(text, 'SOMETIMES', 0, 1) });
    expect(values.map((k) => k.label).sort()).toEqual(['NONE', 'ONLY_FILES_TRANSFERRED', 'POINT_IN_TIME_CONSISTENT']);
  });

  it('shuts down and exits with 0, having written nothing on stderr', async () => {
    const own = await startClient(root);
    expect(await own.stop()).toBe(0);
    expect(own.stderr()).toBe('');
  });
});
