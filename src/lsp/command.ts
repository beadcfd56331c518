/**
 * `dsi lsp [--stdio]`: runs the language server on standard input and output until the editor
 * says `exit`. The CLI loads this module only for this command, so that other commands do not
 * pay for the server's start-up.
 */
import { parseArgs } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';
import type { CliIo } from '../cli/io.js';
import { startLanguageServer } from './server.js';

export async function lspCommand(args: string[], _io: CliIo): Promise<number> {
  // Editors pass `--stdio` (the only transport); `--clientProcessId` is read by the connection itself.
  parseArgs({ args, strict: true, options: { stdio: { type: 'boolean' }, clientProcessId: { type: 'string' } } });
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  startLanguageServer(connection);
  // The connection ends the process on `exit`; until then the command is still running.
  return new Promise<number>(() => {});
}
