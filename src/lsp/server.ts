/**
 * `dsi lsp`: the language server. It speaks LSP 3.17 over a connection (stdio from the CLI) and
 * answers from the project orchestrator, the parser and the compiler's own lowering; it never
 * calls the CLI. No request may throw: a failure is logged and answered with nothing.
 */
import { resolve } from 'node:path';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT_CONFIG_NAMES } from '../files/roots.js';
import { VERSION } from '../version.js';
import { codeActions } from './actions.js';
import { completions } from './completion.js';
import { pathOf } from './convert.js';
import { createChecker, type Checker } from './diagnostics.js';
import { hover } from './hover.js';
import { definition, documentSymbols, foldingRanges, references } from './navigation.js';
import { createWorkspace, type Workspace } from './workspace.js';

/** What a client may pass in `initializationOptions`. */
export interface LspInitializationOptions {
  /** Folders besides the project root that imports may read (as `--import-root`). */
  readonly importRoots?: readonly string[];
}

/** Serves one client on `connection` until it exits. */
export function startLanguageServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let workspace: Workspace | undefined;
  let checker: Checker | undefined;
  let watchRegistration = false;

  /** Runs a handler; a bug of ours is logged, never a crash of the editor's server. */
  const guard =
    <P, R>(name: string, handler: (params: P) => R, fallback: R) =>
    (params: P): R => {
      try {
        return handler(params);
      } catch (e) {
        connection.console.error(`dsi: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return fallback;
      }
    };

  connection.onInitialize((params): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const root = (folder && pathOf(folder)) ?? params.rootPath ?? process.cwd();
    const options = (params.initializationOptions ?? {}) as LspInitializationOptions;
    const importRoots = Array.isArray(options.importRoots) ? options.importRoots.filter((r): r is string => typeof r === 'string').map((r) => resolve(root, r)) : [];
    workspace = createWorkspace({ root, importRoots }, () => documents.all());
    checker = createChecker(connection, workspace);
    watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '.', '"', ','] },
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'dsi', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (!watchRegistration) return;
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.dsi' }, ...ROOT_CONFIG_NAMES.map((n) => ({ globPattern: `**/${n}` }))],
    });
  });

  const fileOf = (uri: string) => workspace?.file(uri);

  /** The version each document was opened with: its first content event is the opening itself. */
  const openedAt = new Map<string, number>();
  documents.onDidOpen(guard('open', (e) => {
    openedAt.set(e.document.uri, e.document.version);
    workspace?.touch();
    const file = fileOf(e.document.uri);
    if (file) checker?.opened(file);
  }, undefined));
  documents.onDidChangeContent(guard('change', (e) => {
    if (openedAt.get(e.document.uri) === e.document.version) return;
    workspace?.touch();
    const file = fileOf(e.document.uri);
    if (file) checker?.changed(file);
  }, undefined));
  documents.onDidClose(guard('close', (e) => {
    openedAt.delete(e.document.uri);
    workspace?.touch();
    const path = pathOf(e.document.uri);
    if (path !== undefined) checker?.closed(e.document.uri, path);
  }, undefined));

  connection.onDidChangeWatchedFiles(guard('watched files', (params) => {
    let configChanged = false;
    for (const change of params.changes) {
      const path = pathOf(change.uri);
      if (path === undefined) continue;
      if ((ROOT_CONFIG_NAMES as readonly string[]).some((n) => path.endsWith(`/${n}`) || path.endsWith(`\\${n}`))) configChanged = true;
      else if (change.type !== FileChangeType.Created || /\.dsi$/i.test(path)) checker?.changedOnDisk(path);
    }
    if (configChanged) {
      workspace?.resetProject();
      checker?.recheckAll();
    }
  }, undefined));

  connection.onHover(guard('hover', (p) => {
    const file = fileOf(p.textDocument.uri);
    return file && workspace ? hover(workspace, file, p.position) : null;
  }, null));
  connection.onCompletion(guard('completion', (p) => {
    const file = fileOf(p.textDocument.uri);
    return file && workspace ? completions(workspace, file, p.position) : [];
  }, []));
  connection.onDefinition(guard('definition', (p) => {
    const file = fileOf(p.textDocument.uri);
    return file && workspace ? definition(workspace, file, p.position) : null;
  }, null));
  connection.onReferences(async (p) => {
    try {
      const file = fileOf(p.textDocument.uri);
      return file && workspace ? await references(workspace, file, p.position, p.context.includeDeclaration) : [];
    } catch (e) {
      connection.console.error(`dsi: references failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return [];
    }
  });
  connection.onDocumentSymbol(guard('document symbols', (p) => {
    const file = fileOf(p.textDocument.uri);
    return file && workspace ? documentSymbols(workspace, file) : [];
  }, []));
  connection.onFoldingRanges(guard('folding ranges', (p) => {
    const file = fileOf(p.textDocument.uri);
    return file && workspace ? foldingRanges(workspace, file) : [];
  }, []));
  connection.onCodeAction(guard('code actions', (p) => {
    const file = fileOf(p.textDocument.uri);
    return file && workspace && checker ? codeActions(workspace, file, checker.diagnosticsAt(file.path), p.range) : [];
  }, []));

  connection.onShutdown(() => checker?.dispose());
  documents.listen(connection);
  connection.listen();
}
