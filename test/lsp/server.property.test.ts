/**
 * `dsi lsp` never fails on any text: random text (dsi words, punctuation, unclosed strings,
 * non-ASCII, line breaks of every kind) opened and edited, with every kind of request at random
 * places. The server must answer each, log no error, write nothing on stderr and exit cleanly.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startClient, uri, type LspClient } from './client.js';

const FRAGMENTS = [
  'intent', 'template', 'policy', 'import', 'extends', 'a', 'b', 'verify', 'none', 'transfer', 'all', 'report', 'output', 'task',
  'mode', 'enhanced', 'to', 's3', 'storage-class', 'bandwidth', '100', '1.5', 'MiB/s', 'unlimited', 'set', 'OverrideOptions.',
  'Includes', '[0]', '.', 'tag', 'k', '=', '"x"', '"./a.dsi"', '"', '\\', '{', '}', '[', ']', ',', ';', '|', '<=', 'require',
  'when', 'limit', 'because', '# dsi-ignore atime-mtime-pair until 2099-01-01 -- r', '//', '#', ' ', '\t', '\n', '\r\n', '\r',
  'é', '\u{1F600}', '\u2028', '\uFEFF', '{"TaskArn": ', '- ', ': ',
];

const text = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
const position = fc.record({ line: fc.nat(12), character: fc.nat(80) });

let root: string;
let client: LspClient;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dsi-lsp-property-'));
  mkdirSync(join(root, '.git'));
  client = await startClient(root);
});

afterAll(() => {
  client?.process.kill();
  rmSync(root, { recursive: true, force: true });
});

it('answers every request on any text, and never logs a failure', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('.dsi', '.datasync.json', '.datasync.yaml'), text, text, fc.array(position, { minLength: 1, maxLength: 3 }), async (ext, first, second, positions) => {
      const path = join(root, `random-${++n}${ext}`);
      const logged = client.errors().length;
      const textDocument = { uri: uri(path) };
      client.open(path, first, ext === '.dsi' ? 'dsi' : ext.endsWith('json') ? 'json' : 'yaml');
      client.change(path, second, 2);
      for (const p of positions) {
        await client.request('textDocument/hover', { textDocument, position: p });
        await client.request('textDocument/completion', { textDocument, position: p });
        await client.request('textDocument/definition', { textDocument, position: p });
        await client.request('textDocument/codeAction', { textDocument, range: { start: p, end: p }, context: { diagnostics: [] } });
      }
      await client.request('textDocument/documentSymbol', { textDocument });
      await client.request('textDocument/foldingRange', { textDocument });
      // Diagnostics of the last version arrive too: the check itself did not fail.
      await client.diagnostics(path, (_, version) => version === 2);
      client.close(path);
      expect(client.errors().slice(logged)).toEqual([]);
    }),
    { numRuns: 60 },
  );
  expect(client.stderr()).toBe('');
  expect(await client.stop()).toBe(0);
});
