/**
 * Navigation: go to definition and find references for template and intent names and for
 * imports, document symbols (intents, templates, policies and their statements), folding ranges.
 */
import { resolve } from 'node:path';
import { DocumentSymbol, FoldingRangeKind, SymbolKind, type FoldingRange, type Location, type Position } from 'vscode-languageserver';
import type { Range } from '../core/range.js';
import { offsetAt, toLspRange } from './convert.js';
import { lookUp } from './names.js';
import { declarationAt, itemAt, parentNameAt, touches } from './syntax.js';
import { importTarget, type OpenFile, type Workspace } from './workspace.js';

const START: Range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

/** What a name or an import under the cursor refers to. */
type Target = { readonly kind: 'declaration'; readonly file: string; readonly name: string; readonly range: Range } | { readonly kind: 'file'; readonly file: string };

function targetAt(workspace: Workspace, file: OpenFile, offset: number): Target | undefined {
  const { ast } = workspace.syntax(file);
  const parent = parentNameAt(ast, offset);
  if (parent) {
    const found = lookUp(workspace.resolution(file), parent.name.value);
    return found ? { kind: 'declaration', file: found.file.file, name: found.decl.name.value, range: found.decl.name.range } : undefined;
  }
  const decl = declarationAt(ast, offset);
  if (decl && touches(decl.name.range, offset)) return { kind: 'declaration', file: file.path, name: decl.name.value, range: decl.name.range };
  const item = itemAt(ast, offset);
  if (item?.type === 'Import' && touches(item.path.range, offset)) return { kind: 'file', file: importTarget(file.path, item.path.value) };
  return undefined;
}

export function definition(workspace: Workspace, file: OpenFile, position: Position): Location | null {
  if (!file.isDsi) return null;
  const target = targetAt(workspace, file, offsetAt(file.lines, position));
  if (!target) return null;
  if (target.kind === 'declaration') return { uri: workspace.uriOf(target.file), range: toLspRange(target.range) };
  // Only a file the import could read: the resolution has loaded it.
  const loaded = [...workspace.resolution(file).files.values()].some((f) => resolve(f.file) === resolve(target.file));
  return loaded ? { uri: workspace.uriOf(target.file), range: toLspRange(START) } : null;
}

/** References across the workspace's `.dsi` files (open buffers first, else the disk). */
export async function references(workspace: Workspace, file: OpenFile, position: Position, includeDeclaration: boolean): Promise<Location[]> {
  if (!file.isDsi) return [];
  const target = targetAt(workspace, file, offsetAt(file.lines, position));
  if (!target) return [];
  const project = workspace.project();
  const found = await project.readInputs([workspace.root], { patterns: ['**/*.dsi'] });
  const texts = new Map<string, string>([...found.texts].map(([p, t]) => [resolve(workspace.root, p), t]));
  for (const open of workspace.files()) if (open.isDsi) texts.set(open.path, open.text);
  const out: Location[] = [];
  const at = (path: string, range: Range) => out.push({ uri: workspace.uriOf(path), range: toLspRange(range) });
  if (target.kind === 'declaration' && includeDeclaration) at(target.file, target.range);
  for (const [path, text] of texts) {
    const { ast } = workspace.syntaxAt(path, text);
    const imports = ast.items.flatMap((i) => (i.type === 'Import' ? [{ node: i, target: resolve(importTarget(path, i.path.value)) }] : []));
    if (target.kind === 'file') {
      for (const i of imports) if (i.target === resolve(target.file)) at(path, i.node.path.range);
      continue;
    }
    // A file sees the declaration when it declares it or imports its file directly.
    if (resolve(path) !== resolve(target.file) && !imports.some((i) => i.target === resolve(target.file))) continue;
    for (const item of ast.items) {
      if (item.type !== 'Intent' && item.type !== 'Template') continue;
      for (const p of item.parents) if (p.value === target.name) at(path, p.range);
    }
  }
  return out;
}

export function documentSymbols(workspace: Workspace, file: OpenFile): DocumentSymbol[] {
  if (!file.isDsi) return [];
  const { ast } = workspace.syntax(file);
  const summary = (range: Range) => {
    const line = file.text.slice(range.start.offset, range.end.offset).split(/\r?\n/)[0].replace(/\s+/g, ' ').trim();
    return line.length > 60 ? `${line.slice(0, 59)}…` : line || ' ';
  };
  return ast.items.map((item): DocumentSymbol => {
    switch (item.type) {
      case 'Import':
        return DocumentSymbol.create(`import ${item.path.value}`, undefined, SymbolKind.File, toLspRange(item.range), toLspRange(item.path.range));
      case 'Policy':
        return DocumentSymbol.create(
          item.name.value || ' ',
          'policy',
          SymbolKind.Namespace,
          toLspRange(item.range),
          toLspRange(item.name.range),
          [...item.when, ...item.assertions].map((a) => DocumentSymbol.create(summary(a.range), undefined, SymbolKind.Property, toLspRange(a.range), toLspRange(a.keywordRange))),
        );
      default:
        return DocumentSymbol.create(
          item.name.value || ' ',
          item.parents.length ? `${item.type.toLowerCase()} extends ${item.parents.map((p) => p.value).join(', ')}` : item.type.toLowerCase(),
          item.type === 'Intent' ? SymbolKind.Class : SymbolKind.Interface,
          toLspRange(item.range),
          toLspRange(item.name.range),
          item.body.map((s) => DocumentSymbol.create(summary(s.range), undefined, SymbolKind.Property, toLspRange(s.range), toLspRange(s.keywordRange))),
        );
    }
  });
}

/** Blocks that span lines, runs of comment lines, and runs of imports. */
export function foldingRanges(workspace: Workspace, file: OpenFile): FoldingRange[] {
  if (!file.isDsi) return [];
  const { ast } = workspace.syntax(file);
  const out: FoldingRange[] = [];
  const block = (range: Range, kind?: FoldingRangeKind) => {
    // Up to the line before the closing `}`, so that it stays visible.
    const end = range.end.line - 1;
    if (end > range.start.line) out.push({ startLine: range.start.line - 1, endLine: end - 1, ...(kind ? { kind } : {}) });
  };
  const runs = (isMember: (line: string) => boolean, kind: FoldingRangeKind) => {
    let start = -1;
    for (let line = 1; line <= file.lines.lineCount + 1; line++) {
      const member = line <= file.lines.lineCount && isMember(file.lines.lineText(line));
      if (member && start < 0) start = line;
      if (!member && start > 0) {
        if (line - 1 > start) out.push({ startLine: start - 1, endLine: line - 2, kind });
        start = -1;
      }
    }
  };
  for (const item of ast.items) {
    if (item.type === 'Import') continue;
    block(item.range);
    if (item.type === 'Policy') continue;
    for (const s of item.body) {
      if (s.type === 'Report' || (s.type === 'Task' && s.context) || s.type === 'Set') block(s.range);
    }
  }
  runs((l) => /^\s*(#|\/\/)/.test(l), FoldingRangeKind.Comment);
  runs((l) => /^\s*import\s/.test(l), FoldingRangeKind.Imports);
  return out.sort((a, b) => a.startLine - b.startLine);
}
