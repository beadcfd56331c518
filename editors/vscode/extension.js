// The VS Code client of `dsi lsp`: starts the server over stdio for .dsi intents and
// DataSync request files. Everything else (diagnostics, hover, completion, fixes) is the server's.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The `dsi.path` setting, else the workspace's own dsi, else `dsi` on the PATH. */
function dsiCommand() {
  const configured = vscode.workspace.getConfiguration('dsi').get('path');
  if (configured) return configured;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, 'node_modules', '.bin', process.platform === 'win32' ? 'dsi.cmd' : 'dsi');
    if (existsSync(local)) return local;
  }
  return 'dsi';
}

function activate(context) {
  const command = dsiCommand();
  const server = { command, args: ['lsp', '--stdio'], transport: TransportKind.stdio };
  client = new LanguageClient('dsi', 'DataSync Intent', server, {
    documentSelector: [
      { scheme: 'file', language: 'dsi' },
      { scheme: 'untitled', language: 'dsi' },
      { scheme: 'file', pattern: '**/*.datasync.{json,yaml,yml}' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.dsi,dsi.config.json,dsi.config.yaml,dsi.config.yml}') },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
