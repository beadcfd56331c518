#!/usr/bin/env node
// `node bench/lsp.mjs`: how fast `dsi lsp` answers on a .dsi file of 1,000 lines (issue: every
// request within 50 ms). Starts the built server as an editor does and drives it over stdio with
// vscode-jsonrpc; prints the median and the slowest of each request. Not a test: figures depend
// on the machine. Needs dist/ (npm run build).
//   BENCH_QUICK=1   fewer runs
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { intent, TEMPLATE } from './corpus.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'dist', 'bin', 'dsi.cjs');
if (!existsSync(bin)) {
  console.error('bench: dist/bin/dsi.cjs is missing; run `npm run build` first');
  process.exit(2);
}
const BAR_MS = 50;
// The server waits this long after a change before checking (src/lsp/diagnostics.ts CHECK_DELAY_MS).
const DEBOUNCE_MS = 150;
const runs = process.env.BENCH_QUICK === '1' ? 5 : 30;

const dir = mkdtempSync(join(tmpdir(), 'dsi-bench-lsp-'));
mkdirSync(join(dir, '.git'));
writeFileSync(join(dir, 'template.dsi'), TEMPLATE);
let text = 'import "./template.dsi"\n\n';
for (let i = 0; text.split('\n').length < 1000; i++) text += intent(i) + '\n';
const lines = text.split('\n');
const file = join(dir, 'big.dsi');
writeFileSync(file, text);
const uri = pathToFileURL(file).href;

const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
connection.onNotification('textDocument/publishDiagnostics', (p) => {
  const key = `${p.uri}#${p.version}`;
  waiting.get(key)?.(p);
  waiting.delete(key);
});
connection.onRequest('client/registerCapability', () => null);
connection.listen();
const published = (u, version) => new Promise((resolve) => waiting.set(`${u}#${version}`, resolve));

const at = (word, nth = 0) => {
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    const character = lines[line].indexOf(word);
    if (character >= 0 && seen++ === nth) return { line, character: character + 1 };
  }
  throw new Error(`bench: ${word} not found`);
};
const middle = Math.floor(lines.length / 2);
const near = (word) => at(word, Math.floor(lines.filter((l) => l.includes(word)).length / 2));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

try {
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} });
  await connection.sendNotification('initialized', {});
  const results = {};
  const measure = async (name, fn, minus = 0) => {
    const times = [];
    for (let i = 0; i < runs; i++) times.push((await time(fn)) - minus);
    results[name] = { median: median(times), max: Math.max(...times) };
  };

  let opened = 0;
  await measure('diagnostics on open (a full check)', async () => {
    const u = pathToFileURL(join(dir, `open-${opened++}.dsi`)).href;
    const done = published(u, 1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'dsi', version: 1, text } });
    await done;
  });
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dsi', version: 1, text } });
  await published(uri, 1);
  let version = 1;
  await measure(
    `diagnostics after a change (less the ${DEBOUNCE_MS} ms debounce)`,
    async () => {
      version++;
      const done = published(uri, version);
      const edited = text.replace('transfer changed', version % 2 ? 'transfer changed' : 'transfer all ');
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edited }] });
      await done;
    },
    DEBOUNCE_MS,
  );
  const doc = { uri };
  const requests = [
    ['hover on a keyword', 'textDocument/hover', { textDocument: doc, position: near('overwrite') }],
    ['hover on an extends name', 'textDocument/hover', { textDocument: doc, position: { ...near('extends org-defaults'), character: near('extends org-defaults').character + 10 } }],
    ['completion of values', 'textDocument/completion', { textDocument: doc, position: { ...near('overwrite'), character: near('overwrite').character + 9 } }],
    ['completion of statements', 'textDocument/completion', { textDocument: doc, position: { line: middle, character: 0 } }],
    ['definition', 'textDocument/definition', { textDocument: doc, position: { ...near('extends org-defaults'), character: near('extends org-defaults').character + 10 } }],
    ['references', 'textDocument/references', { textDocument: doc, position: { ...near('extends org-defaults'), character: near('extends org-defaults').character + 10 }, context: { includeDeclaration: true } }],
    ['document symbols', 'textDocument/documentSymbol', { textDocument: doc }],
    ['folding ranges', 'textDocument/foldingRange', { textDocument: doc }],
    ['code actions', 'textDocument/codeAction', { textDocument: doc, range: { start: { line: middle, character: 0 }, end: { line: middle, character: 0 } }, context: { diagnostics: [] } }],
  ];
  for (const [name, method, params] of requests) await measure(name, () => connection.sendRequest(method, params));

  console.log(`dsi lsp on a .dsi file of ${lines.length} lines (${(text.length / 1024).toFixed(0)} KiB), ${runs} runs each; bar ${BAR_MS} ms\n`);
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  for (const [name, r] of Object.entries(results)) {
    const verdict = r.median <= BAR_MS ? 'ok' : `MISSED (${(r.median / BAR_MS).toFixed(1)}× the bar)`;
    console.log(`${name.padEnd(width)}  median ${r.median.toFixed(1).padStart(6)} ms  max ${r.max.toFixed(1).padStart(6)} ms  ${verdict}`);
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
} finally {
  connection.dispose();
  child.kill();
  rmSync(dir, { recursive: true, force: true });
}
