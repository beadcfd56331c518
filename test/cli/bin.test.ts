import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, repoRoot } from '../helpers.js';
import ts from 'typescript';
import { runDsi } from './fake-io.js';

const bin = join(repoRoot, 'dist', 'bin', 'dsi.cjs');

function dsi(args: string[], input?: string) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

/** Object literals that start with a spread and then add properties (`{ ...d, intent }`), as `file:offset`. */
function spreadThenProperties(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node) && node.properties.length > 1 && ts.isSpreadAssignment(node.properties[0])) found.push(`${file}:${node.pos}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the bundles', () => {
  it('lower object spread (the library\'s modules too): on Node 20 each `{ ...d, intent }` object got a hidden class of its own', () => {
    // Guards the `supported` setting of scripts/build.mjs: 10,000 diagnostics were 20,000 maps in old space.
    for (const name of ['dsi-main.cjs', 'dsi-lsp.cjs', '../index.cjs']) expect(spreadThenProperties(join(repoRoot, 'dist', 'bin', name))).toEqual([]);
    // And the library's ES modules (tsc's output, lowered after).
    const modules = readdirSync(join(repoRoot, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js') && !f.startsWith('bin'));
    expect(modules.length).toBeGreaterThan(50);
    expect(modules.flatMap((f) => spreadThenProperties(join(repoRoot, 'dist', f)))).toEqual([]);
    // The check itself finds the shape, and only it.
    const sample = join(mkdtempSync(join(tmpdir(), 'dsi-spread-')), 'sample.js');
    writeFileSync(sample, 'const a = { ...d, intent };\nconst b = { ...d };\nconst c = { k: 1, ...d };\n');
    expect(spreadThenProperties(sample)).toHaveLength(1);
  });
});

describe('the bundles are ASCII', () => {
  it('so that V8 holds their source one byte a character', () => {
    for (const name of ['dsi-main.cjs', 'dsi-lsp.cjs']) expect(/[^\x00-\x7f]/.exec(readFileSync(join(repoRoot, 'dist', 'bin', name), 'utf8'))).toBeNull();
  });
});

describe('the bundled bin', () => {
  it('compiles the bundled examples (the README quick start)', () => {
    const r = dsi(['compile', 'examples']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)['nightly-archive']).toEqual(JSON.parse(fixture('language', 'nightly.expected.json')));
  });

  it('lints the bundled examples, intents and request files, with nothing to report', () => {
    const r = dsi(['lint', 'examples']);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('prints its version', () => {
    const r = dsi(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version);
  });

  it('answers --version and --help before loading the bundle, with what the CLI itself prints', async () => {
    for (const arg of ['--version', '-v', '--help', '-h', 'help']) {
      const r = dsi([arg]);
      const own = await runDsi([arg], { cwd: repoRoot });
      expect(r.status, arg).toBe(0);
      expect(r.stdout, arg).toBe(own.stdout);
    }
  });

  it('does not load the AWS SDK or chevrotain from node_modules when compiling', () => {
    const r = spawnSync(
      process.execPath,
      ['-e', `require(${JSON.stringify(bin)}); process.on('exit', () => { const m = Object.keys(require.cache).filter((k) => ['@aws-sdk', '@smithy', 'chevrotain', 'lodash'].some((m) => k.includes('node_modules/' + m))); if (m.length) process.stderr.write('LOADED ' + m.join(',')); })`, 'argv1', 'compile', 'examples'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(r.stderr).not.toContain('LOADED');
  });

  it('ends quietly when the reader closes the pipe', () => {
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(bin)} compile examples | head -c 1 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toMatch(/^exit=0$/);
  });
});

describe('the bundled bin, in a pipe', () => {
  it('keeps exit code 1 for an input with errors when the reader closes the pipe early', () => {
    const bad = join(repoRoot, 'test', 'fixtures', 'language', 'defaults.dsi');
    const script = `node ${JSON.stringify(bin)} compile ${JSON.stringify(bad)} does-not-exist.dsi 2>&1 | head -c 1 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', script], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('exit=1');
  });
});
