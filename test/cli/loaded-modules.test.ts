// What the bin evaluates for a command: a hook that lints one request file must not pay for the
// parser, `yaml`, the SARIF formatter or the AWS SDK. Every module of the bundle notes its name
// in `globalThis.__dsiLoaded` when that set exists (scripts/build.mjs); a preload creates it, and
// at exit writes it with the modules Node itself loaded (require.cache), so the real bin is checked.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';

const bin = join(repoRoot, 'dist', 'bin', 'dsi.cjs');
const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dsi-loaded-'));
  writeFileSync(join(dir, 'preload.cjs'), [
    'globalThis.__dsiLoaded = new Set();',
    "const builtins = () => process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => 'node:' + m.slice('NativeModule '.length));",
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.DSI_TEST_LOADED, JSON.stringify({ bundle: [...globalThis.__dsiLoaded], node: Object.keys(require.cache), builtins: builtins() })));",
  ].join('\n'));
  writeFileSync(join(dir, 'one.dsi'), `intent one {\n  task "${ARN}"\n  verify none\n}\n`);
  writeFileSync(join(dir, 'one.datasync.json'), JSON.stringify({ TaskArn: ARN, OverrideOptions: { VerifyMode: 'NONE' } }, null, 2) + '\n');
  writeFileSync(join(dir, 'one.datasync.yaml'), `TaskArn: ${ARN}\nOverrideOptions:\n  VerifyMode: NONE\n`);
});

/** Runs the bin; returns its exit code and the modules it evaluated (packages by name, our sources by path, Node's own as `node:…`). */
function loadedBy(args: string[]): { status: number | null; stderr: string; loaded: Set<string> } {
  const out = join(dir, `loaded-${args.join('-').replace(/[^\w.-]/g, '_')}.json`);
  const r = spawnSync(process.execPath, ['-r', join(dir, 'preload.cjs'), bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DSI_TEST_LOADED: out } });
  const { bundle, node, builtins } = JSON.parse(readFileSync(out, 'utf8')) as { bundle: string[]; node: string[]; builtins: string[] };
  const fromNode = node.flatMap((p) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(p.split('\\').join('/'))?.[1] ?? []);
  return { status: r.status, stderr: r.stderr, loaded: new Set([...bundle, ...fromNode, ...builtins]) };
}

const SARIF = 'src/cli/formatters/sarif.ts';

describe('modules the bin loads', () => {
  it('linting a JSON request file loads neither chevrotain, yaml, the SARIF formatter, node:crypto nor the AWS SDK', () => {
    const run = loadedBy(['lint', 'one.datasync.json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The notes work: what a JSON lint needs is there.
    expect(run.loaded).toContain('jsonc-parser');
    expect(run.loaded).toContain('src/requests/json.ts');
    expect(run.loaded).toContain('node:fs');
    for (const absent of ['chevrotain', 'yaml', SARIF, '@aws-sdk/client-datasync', 'src/grammar/parser.ts', 'tinyglobby', 'node:crypto']) expect(run.loaded).not.toContain(absent);
  });

  it('linting an intent and a JSON file loads the parser, but not yaml, the SARIF formatter, node:crypto or the AWS SDK', () => {
    const run = loadedBy(['lint', 'one.dsi', 'one.datasync.json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.loaded).toContain('chevrotain');
    expect(run.loaded).toContain('src/grammar/parser.ts');
    for (const absent of ['yaml', SARIF, '@aws-sdk/client-datasync', 'node:crypto']) expect(run.loaded).not.toContain(absent);
  });

  it('loads yaml for a YAML file and the SARIF formatter for --format sarif, and only then', () => {
    const run = loadedBy(['lint', '--format', 'sarif', 'one.datasync.yaml']);
    expect(run.status).toBe(0);
    expect(run.loaded).toContain('yaml');
    expect(run.loaded).toContain(SARIF);
    expect(run.loaded).not.toContain('chevrotain');
  });
});
