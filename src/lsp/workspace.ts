/**
 * What the server knows of the editor's files: the open documents (whose text wins over the
 * disk's), their paths, one parse and one resolution per document version, and the project
 * (the same orchestrator `dsi lint` uses) that checks them.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createCompileCache, type CompileCache, type ReadFile } from '../compiler/index.js';
import { resolveEntry, type Resolution } from '../compiler/resolve.js';
import { LineIndex } from '../core/range.js';
import { createImportReader, projectRootFinder, realPathOf } from '../files/roots.js';
import { parse, type ParseResult } from '../grammar/index.js';
import { isLintable } from '../project/linting.js';
import { expandInputs, readInput } from '../files/inputs.js';
import { pathOf, uriOf } from './convert.js';

/** How the server was started: the workspace folder and the folders imports may also read. */
export interface WorkspaceOptions {
  readonly root: string;
  readonly importRoots?: readonly string[];
}

/** One open document as dsi sees it. */
export interface OpenFile {
  readonly uri: string;
  /** The path diagnostics and imports use: the file's own, or a made-up one in the root for an unsaved buffer. */
  readonly path: string;
  readonly document: TextDocument;
  /** The document's version when `text` was read (the document object itself changes in place). */
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  readonly isDsi: boolean;
}

export interface Workspace {
  readonly root: string;
  /** The open file of a URI, if it is one dsi reads (`.dsi`, JSON or YAML request file). */
  file(uri: string): OpenFile | undefined;
  /** The open file at a path, if any. */
  fileAt(path: string): OpenFile | undefined;
  /** Every open file dsi reads. */
  files(): OpenFile[];
  /** The URI of a path: the open document's, else a file URI. */
  uriOf(path: string): string;
  /** The `.dsi` text at a path: the open document's, else the file's, read as imports are (confined to the project). */
  readFor(entry: string): ReadFile;
  /** The parse of an open `.dsi` file (once per version). */
  syntax(file: OpenFile): ParseResult;
  /** The parse of a `.dsi` text at a path: the open file's, else one kept while the text stays the same. */
  syntaxAt(path: string, text: string): ParseResult;
  /** The resolution (imports read, scopes, effective settings) of an open `.dsi` file (once per version). */
  resolution(file: OpenFile): Resolution;
  /**
   * The workspace's `.dsi` files and their texts (open buffers first), found as `dsi lint DIR`
   * finds them (no `node_modules`, `.git` or what `.dsiignore` excludes).
   */
  dsiFiles(): Map<string, string>;
  /** Some open document changed: resolutions, which read the buffers of imports, are stale. */
  touch(): void;
}

/** A workspace over the editor's open documents. */
export function createWorkspace(options: WorkspaceOptions, openDocuments: () => readonly TextDocument[]): Workspace {
  const root = options.root;
  const importRoots = options.importRoots ?? [];
  const rootOf = projectRootFinder(root);
  const parses = new WeakMap<TextDocument, { version: number; result: ParseResult }>();
  const resolutions = new WeakMap<TextDocument, { generation: number; result: Resolution }>();
  const cache: CompileCache = createCompileCache();
  const closedParses = new Map<string, { text: string; result: ParseResult }>();
  const opened = new Map<string, OpenFile>();
  /** Counts opens, changes and closes: what was read from the open buffers is stale when it moves. */
  let generation = 0;

  const toFile = (document: TextDocument): OpenFile | undefined => {
    const path = pathOf(document.uri) ?? join(root, untitledName(document));
    if (!isLintable(path)) return undefined;
    const known = opened.get(document.uri);
    if (known && known.document === document && known.version === document.version) return known;
    const text = document.getText();
    const file: OpenFile = { uri: document.uri, path, document, version: document.version, text, lines: new LineIndex(text), isDsi: /\.dsi$/i.test(path) };
    opened.set(document.uri, file);
    return file;
  };
  // The open files by path, rebuilt after each open, change or close (`touch`).
  let listed: { generation: number; files: OpenFile[]; byPath: Map<string, OpenFile> } | undefined;
  const listing = () => {
    if (listed?.generation !== generation) {
      const files = openDocuments().flatMap((d) => toFile(d) ?? []);
      listed = { generation, files, byPath: new Map(files.map((f) => [f.path, f])) };
    }
    return listed;
  };
  const all = () => listing().files;

  const workspace: Workspace = {
    root,
    file: (uri) => all().find((f) => f.uri === uri),
    fileAt: (path) => listing().byPath.get(path),
    files: all,
    uriOf: (path) => workspace.fileAt(path)?.uri ?? uriOf(path),
    readFor(entry) {
      const disk = createImportReader(entry, { cwd: root, importRoots, projectRoot: rootOf(dirname(entry)) });
      return (p) => workspace.fileAt(resolve(root, p))?.text ?? disk(p);
    },
    syntax(file) {
      const hit = parses.get(file.document);
      if (hit && hit.version === file.version) return hit.result;
      const result = parse(file.text, file.path);
      parses.set(file.document, { version: file.version, result });
      return result;
    },
    syntaxAt(path, text) {
      const open = workspace.fileAt(path);
      if (open && open.text === text) return workspace.syntax(open);
      const hit = closedParses.get(path);
      if (hit && hit.text === text) return hit.result;
      const result = parse(text, path);
      closedParses.set(path, { text, result });
      return result;
    },
    resolution(file) {
      const hit = resolutions.get(file.document);
      if (hit && hit.generation === generation) return hit.result;
      const result = resolveEntry(file.text, file.path, workspace.readFor(file.path), cache);
      resolutions.set(file.document, { generation, result });
      return result;
    },
    dsiFiles() {
      const found = expandInputs([root], ['**/*.dsi'], root, [rootOf(root), ...importRoots.map((r) => realPathOf(r))]);
      const texts = new Map<string, string>();
      for (const f of found.files) {
        const read = readInput(root, f);
        if ('text' in read) texts.set(resolve(root, f), read.text);
      }
      for (const open of all()) if (open.isDsi) texts.set(open.path, open.text);
      return texts;
    },
    touch: () => {
      generation++;
    },
  };
  return workspace;
}

/** A path-safe name for an unsaved buffer (`untitled:Untitled-1` → `Untitled-1.dsi`). */
function untitledName(document: TextDocument): string {
  const base = document.uri.replace(/^[a-z]+:/i, '').replace(/[^A-Za-z0-9._-]+/g, '_') || 'untitled';
  return /\.(dsi|json|ya?ml)$/i.test(base) ? base : `${base}.${document.languageId === 'dsi' ? 'dsi' : document.languageId === 'yaml' ? 'yaml' : 'json'}`;
}

/** The absolute path an `import "…"` of `file` names. */
export function importTarget(file: string, written: string): string {
  return isAbsolute(written) ? written : join(dirname(file), written);
}
