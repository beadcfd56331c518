/** The one command table: help, did-you-mean, colors, standard input, patterns, explain, exit codes. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliMarkdown, COMMANDS, commandHelp, GLOBAL_OPTIONS, optionSignature } from '../../src/cli/command.js';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { builtinRules } from '../../src/rules/index.js';
import { repoRoot } from '../helpers.js';
import { runDsi } from './fake-io.js';

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
const WARNING = `intent a {\n  task "${ARN}"\n  bandwidth 0 B/s\n}\n`;
const ERROR = `intent b {\n  task "${ARN}"\n  transfer all\n  deleted remove\n}\n`;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dsi-command-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'intents', 'deep'), { recursive: true });
  writeFileSync(join(dir, 'intents', 'a.dsi'), WARNING);
  writeFileSync(join(dir, 'intents', 'deep', 'b.dsi'), ERROR);
});

describe('help from the command table', () => {
  it('dsi COMMAND --help lists every option of the command and an example', async () => {
    for (const spec of COMMANDS) {
      const r = await runDsi([spec.name, '--help'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(commandHelp(spec));
      expect(r.stdout).toContain(`Usage: dsi ${spec.name} [options] ${spec.args}`);
      for (const o of [...spec.options, ...GLOBAL_OPTIONS]) expect(r.stdout).toContain(optionSignature(o));
      expect(spec.examples.length).toBeGreaterThan(0);
      for (const e of spec.examples) expect(r.stdout).toContain(e.command);
    }
    expect((await runDsi(['help', 'lint'], { cwd: dir })).stdout).toBe(commandHelp(COMMANDS[0]));
    // The global options work after a command too.
    expect((await runDsi(['lint', '-v'], { cwd: dir })).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('the global help lists every command; with no command it goes to stderr and exits 2', async () => {
    const r = await runDsi(['--help'], { cwd: dir });
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c.name} +${c.summary.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    const none = await runDsi([], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(r.stdout);
  });

  it('every option the commands read is in the table: an option left out would be refused', async () => {
    for (const spec of COMMANDS) for (const o of spec.options) expect(o.description.length).toBeGreaterThan(10);
    // Each lint option is accepted as the table types it.
    const r = await runDsi(['lint', 'intents', '--quiet', '--max-warnings', '5', '-f', 'json', '--rule', 'bandwidth-zero:off', '--ignore-pattern', 'x', '--no-inline-config'], { cwd: dir });
    expect(r.stderr).toBe('');
  });

  it('docs/cli.md is generated from the table and current (npm run generate:cli-docs)', () => {
    expect(readFileSync(join(repoRoot, 'docs', 'cli.md'), 'utf8')).toBe(cliMarkdown());
  });
});

describe('did-you-mean and usage errors', () => {
  it('for a command, an option and a rule; exit 2 and a pointer to the help', async () => {
    const command = await runDsi(['lnit', 'intents'], { cwd: dir });
    expect(command.code).toBe(2);
    expect(command.stderr).toBe('dsi: unknown command `lnit`; did you mean `lint`?\nRun `dsi --help` for usage.\n');
    const option = await runDsi(['lint', 'intents', '--max-warning', '1'], { cwd: dir });
    expect(option.code).toBe(2);
    expect(option.stderr).toBe('dsi: unknown option `--max-warning` for dsi lint; did you mean `--max-warnings`?\nRun `dsi lint --help` for usage.\n');
    const short = await runDsi(['compile', 'intents', '-x'], { cwd: dir });
    expect(short.stderr).toBe('dsi: unknown option `-x` for dsi compile\nRun `dsi compile --help` for usage.\n');
    const value = await runDsi(['lint', 'intents', '--format'], { cwd: dir });
    expect(value.code).toBe(2);
    expect(value.stderr).toBe('dsi: --format needs a value (FORMAT)\nRun `dsi lint --help` for usage.\n');
    const flag = await runDsi(['lint', 'intents', '--quiet=yes'], { cwd: dir });
    expect(flag.stderr).toBe('dsi: --quiet takes no value\nRun `dsi lint --help` for usage.\n');
  });
});

describe('colors', () => {
  const io = (env: { color: boolean }, out: string[]): CliIo => ({
    stdout: { write: (t) => void out.push(t), color: env.color },
    stderr: { write: (t) => void out.push(t), color: env.color },
    cwd: dir,
    readStdin: async () => '',
  });

  it('--color colors a stream that would not be, --no-color the other way; the last flag wins', async () => {
    const plain: string[] = [];
    await main(['lint', 'intents/a.dsi'], io({ color: false }, plain));
    expect(plain.join('')).not.toContain('\u001b[');
    const forced: string[] = [];
    await main(['lint', 'intents/a.dsi', '--color'], io({ color: false }, forced));
    expect(forced.join('')).toContain('\u001b[');
    const off: string[] = [];
    await main(['--color', 'lint', 'intents/a.dsi', '--no-color'], io({ color: true }, off));
    expect(off.join('')).not.toContain('\u001b[');
  });
});

describe('inputs', () => {
  it('--stdin and - read standard input (as <stdin>.dsi unless --stdin-filename says)', async () => {
    for (const args of [['--stdin'], ['-']]) {
      const r = await runDsi(['lint', ...args], { cwd: dir, stdin: ERROR });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('<stdin>.dsi');
    }
    const request = await runDsi(['lint', '-', '--stdin-filename', 'r.json', '--format', 'json'], { cwd: dir, stdin: `{"TaskArn": "${ARN}", "OverrideOptions": {"VerifyMode": "NONE"}}` });
    expect(request.code).toBe(0);
    expect(JSON.parse(request.stdout)[0].filePath).toBe('r.json');
    const compiled = await runDsi(['compile', '-'], { cwd: dir, stdin: WARNING });
    expect(compiled.code).toBe(0);
    expect(JSON.parse(compiled.stdout).a.TaskArn).toBe(ARN);
    expect((await runDsi(['lint', '-', 'intents'], { cwd: dir, stdin: ERROR })).code).toBe(2);
    expect((await runDsi(['compile', '--stdin', '--stdin-filename', 'x.json'], { cwd: dir, stdin: '{}' })).code).toBe(2);
  });

  it('expands glob patterns in paths', async () => {
    const r = await runDsi(['lint', 'intents/**/*.dsi', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(r.stdout) as { filePath: string }[]).map((x) => x.filePath)).toEqual(['intents/a.dsi', 'intents/deep/b.dsi']);
    expect(r.code).toBe(1);
    const none = await runDsi(['lint', 'nowhere/*.dsi'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('no files to check in nowhere/*.dsi');
  });

  it('exit codes: 0 clean, 1 errors in the input, 2 usage', async () => {
    expect((await runDsi(['lint', 'intents/a.dsi'], { cwd: dir })).code).toBe(0);
    expect((await runDsi(['lint', 'intents/deep/b.dsi'], { cwd: dir })).code).toBe(1);
    expect((await runDsi(['lint', 'intents/a.dsi', '--max-warnings', '0'], { cwd: dir })).code).toBe(1);
    expect((await runDsi(['lint', '--format', 'xml', 'intents'], { cwd: dir })).code).toBe(2);
  });
});

describe('dsi explain', () => {
  it("prints the rule's docs page with its AWS sources", async () => {
    for (const rule of builtinRules) {
      const r = await runDsi(['explain', rule.id], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(repoRoot, 'docs', 'rules', `${rule.id}.md`), 'utf8'));
      expect(r.stdout).toMatch(/https:\/\/(docs\.aws\.amazon\.com|github\.com\/aws)/);
    }
  });

  it('did-you-mean for an unknown id; a check that is not a rule says so', async () => {
    const typo = await runDsi(['explain', 'bandwith-zero'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown rule `bandwith-zero`; did you mean `bandwidth-zero`?');
    const schema = await runDsi(['explain', 'schema'], { cwd: dir });
    expect(schema.code).toBe(2);
    expect(schema.stderr).toContain('not a rule');
    expect((await runDsi(['explain'], { cwd: dir })).code).toBe(2);
  });
});
