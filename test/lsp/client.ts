/**
 * A real LSP client for the tests: `dsi lsp --stdio` started from the built bin, driven over its
 * standard streams with vscode-jsonrpc, as an editor drives it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { repoRoot } from '../helpers.js';

export const uri = (path: string) => pathToFileURL(path).href;

export interface LspClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcessWithoutNullStreams;
  /** What the server wrote on stderr (it must stay empty). */
  stderr(): string;
  /** The errors the server logged (a handler that failed: it must never happen). */
  errors(): readonly string[];
  /** Opens a document (version 1). */
  open(path: string, text: string, languageId?: string): void;
  /** Replaces a document's whole text. */
  change(path: string, text: string, version: number): void;
  close(path: string): void;
  /** The next diagnostics published for a file that satisfy `accept` (default: any). */
  diagnostics(path: string, accept?: (d: readonly Diagnostic[], version?: number) => boolean): Promise<Diagnostic[]>;
  request<R>(method: string, params: unknown): Promise<R>;
  /** `shutdown` then `exit`; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `dsi lsp --stdio` in `root` and initializes it. */
export async function startClient(root: string, initializationOptions?: unknown): Promise<LspClient> {
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'bin', 'dsi.cjs'), 'lsp', '--stdio'], { cwd: root });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map<string, PublishDiagnosticsParams[]>();
  const waiters: (() => void)[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.set(p.uri, [...(published.get(p.uri) ?? []), p]);
    for (const w of waiters.splice(0)) w();
  });
  connection.onRequest('client/registerCapability', () => null);
  const errors: string[] = [];
  connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
    if (p.type === 1) errors.push(p.message);
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri(root),
    workspaceFolders: [{ uri: uri(root), name: 'test' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
    ...(initializationOptions ? { initializationOptions } : {}),
  });
  await connection.sendNotification('initialized', {});
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    connection,
    process: child,
    stderr: () => stderr,
    errors: () => errors,
    open: (path, text, languageId = path.endsWith('.dsi') ? 'dsi' : 'json') =>
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(path), languageId, version: 1, text } }),
    change: (path, text, version) => void connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(path), version }, contentChanges: [{ text }] }),
    close: (path) => void connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(path) } }),
    async diagnostics(path, accept = () => true) {
      for (;;) {
        const list = published.get(uri(path)) ?? [];
        const hit = list.findIndex((p) => accept(p.diagnostics, p.version));
        if (hit >= 0) {
          published.set(uri(path), list.slice(hit + 1));
          return list[hit].diagnostics;
        }
        published.set(uri(path), []);
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    request: (method, params) => connection.sendRequest(method, params),
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}
