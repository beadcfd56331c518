import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDsi } from './fake-io.js';
import { main } from '../../src/cli/main.js';
import { repoRoot } from '../helpers.js';
import { startDataSyncServer, type DataSyncServer } from '../fixtures/datasync-server.js';
import { credentials, isolateAwsEnvironment, locationArn } from '../context/environment.js';

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dsi-lint-'));
  cpSync(join(repoRoot, 'test', 'fixtures', 'language'), join(dir, 'ex'), { recursive: true });
});

function write(name: string, text: string): void {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
}

const conflict = `intent a {\n  task "${ARN}"\n  transfer all\n  deleted remove\n}\n`;
const conflictJson = JSON.stringify({ TaskArn: ARN, OverrideOptions: { PreserveDeletedFiles: 'REMOVE', TransferMode: 'ALL' } }, null, 2);

describe('dsi lint', () => {
  it('is clean on the LANGUAGE.md example', async () => {
    const r = await runDsi(['lint', 'ex'], { cwd: dir });
    expect(r.stdout).not.toMatch(/error/);
    expect(r.code).toBe(0);
  });

  it('--stats prints the work done and the stage times on standard error, the report unchanged', async () => {
    write('a.dsi', conflict);
    const plain = await runDsi(['lint', 'a.dsi'], { cwd: dir });
    const r = await runDsi(['lint', 'a.dsi', '--stats'], { cwd: dir });
    expect(r.stdout).toBe(plain.stdout);
    expect(r.code).toBe(plain.code);
    expect(r.stderr).toMatch(/^dsi: stats of this run/);
    expect(r.stderr).toMatch(new RegExp(`^  characters +${conflict.length}$`, 'm'));
    expect(r.stderr).toMatch(/^  ruleCalls +[1-9]\d*$/m);
    expect(r.stderr).toMatch(/^  check +\d+\.\d ms$/m);
  });

  it('reports the same rule id for the same defect in an intent and in a request file', async () => {
    write('a.dsi', conflict);
    write('b.datasync.json', conflictJson);
    const r = await runDsi(['lint', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    const ids = (f: string) => results.find((x) => x.filePath.endsWith(f))!.messages.map((m) => m.ruleId);
    expect(ids('a.dsi')).toContain('remove-with-transfer-all');
    expect(ids('b.datasync.json')).toContain('remove-with-transfer-all');
    // The conflict is reported at the later statement (deleted remove, line 4).
    expect(results.find((x) => x.filePath.endsWith('a.dsi'))!.messages[0]).toMatchObject({ line: 4, column: 11 });
  });

  it('reads from stdin with --stdin-filename', async () => {
    const r = await runDsi(['lint', '--stdin-filename', 'x.dsi', '--format', 'github'], { cwd: dir, stdin: conflict });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=x\.dsi,line=4,/m);
  });

  it('--rule turns a rule off; --quiet hides warnings; --max-warnings fails on too many', async () => {
    write('a.dsi', conflict);
    expect((await runDsi(['lint', 'a.dsi', '--rule', 'remove-with-transfer-all:off'], { cwd: dir })).code).toBe(0);
    const warn = await runDsi(['lint', 'a.dsi', '--rule', 'remove-with-transfer-all:warn', '--format', 'json'], { cwd: dir });
    expect(warn.code).toBe(0);
    expect(JSON.parse(warn.stdout)[0].warningCount).toBeGreaterThan(0);
    expect((await runDsi(['lint', 'a.dsi', '--rule', 'remove-with-transfer-all:warn', '--max-warnings', '0'], { cwd: dir })).code).toBe(1);
    const quiet = await runDsi(['lint', 'a.dsi', '--rule', 'remove-with-transfer-all:warn', '--quiet', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(quiet.stdout)[0].messages).toEqual([]);
    const bad = await runDsi(['lint', 'a.dsi', '--rule', 'remove-with-transfer-al:off'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('did you mean `remove-with-transfer-all`?');
  });

  it('dsi-ignore with a reason suppresses; without one it is reported; unused ones are reported', async () => {
    write('a.dsi', conflict.replace('  deleted remove', '  # dsi-ignore remove-with-transfer-all -- full resync after migration\n  deleted remove'));
    expect((await runDsi(['lint', 'a.dsi'], { cwd: dir })).code).toBe(0);
    write('b.dsi', conflict.replace('  deleted remove', '  # dsi-ignore remove-with-transfer-all\n  deleted remove'));
    const noReason = await runDsi(['lint', 'b.dsi', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(noReason.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['dsi-ignore']);
    write('c.dsi', `intent c {\n  # dsi-ignore bandwidth-zero -- nothing here\n  task "${ARN}"\n}\n`);
    const unused = await runDsi(['lint', 'c.dsi', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(unused.stdout)[0].messages[0]).toMatchObject({ ruleId: 'dsi-ignore', line: 2 });
  });

  it('a named file that does not exist is an error for that file only, and so is an empty folder', async () => {
    const r = await runDsi(['lint', 'ex', 'gone.dsi', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as { filePath: string; errorCount: number }[];
    expect(results.find((x) => x.filePath.endsWith('gone.dsi'))!.errorCount).toBe(1);
    expect(results.find((x) => x.filePath.endsWith('nightly.dsi'))!.errorCount).toBe(0);
    mkdirSync(join(dir, 'empty'));
    const none = await runDsi(['lint', 'empty', '--format', 'json'], { cwd: dir });
    expect(none.code).toBe(1);
    const gone = await runDsi(['lint', 'gone.dsi', '--format', 'json'], { cwd: dir });
    expect(gone.code).toBe(1);
    const messages = (r: { stdout: string }) => (JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[]).map((x) => [x.filePath.split('/').at(-1), x.messages.map((m) => m.ruleId)]);
    expect(messages(none)).toEqual([['empty', ['io']]]);
    expect(messages(gone)).toEqual([['gone.dsi', ['io']]]);
    expect((await runDsi(['lint'], { cwd: dir })).code).toBe(2);
  });

  it('skips node_modules, .git and .dsiignore patterns when walking', async () => {
    write('node_modules/x/a.dsi', conflict);
    write('.git/a.dsi', conflict);
    write('generated/a.dsi', conflict);
    write('.dsiignore', '# generated intents\ngenerated/\n');
    const r = await runDsi(['lint', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { filePath: string }[]).map((x) => x.filePath).sort()).toEqual(['ex/defaults.dsi', 'ex/nightly.dsi']);
  });

  it('-o writes the report to a file; sarif validates elsewhere', async () => {
    write('a.dsi', conflict);
    const r = await runDsi(['lint', 'a.dsi', '--format', 'sarif', '-o', 'out/report.sarif'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(join(dir, 'out', 'report.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].ruleId).toBe('remove-with-transfer-all');
    expect(sarif.runs[0].results[0].relatedLocations?.length).toBeGreaterThan(0);
  });

  it('writes the report to standard output file by file, the same bytes as -o writes whole', async () => {
    write('a.dsi', conflict);
    write('b.dsi', conflict.replace('intent a', 'intent b'));
    for (const format of ['stylish', 'json', 'github', 'sarif']) {
      const writes: string[] = [];
      const code = await main(['lint', 'a.dsi', 'b.dsi', '--format', format], {
        stdout: { write: (t) => void writes.push(t), color: false },
        stderr: { write: () => undefined, color: false },
        cwd: dir,
        readStdin: async () => '',
      });
      expect(code).toBe(1);
      expect(writes.length).toBe({ stylish: 3, json: 3, github: 2, sarif: 1 }[format]);
      await runDsi(['lint', 'a.dsi', 'b.dsi', '--format', format, '-o', `report.${format}`], { cwd: dir });
      expect(writes.join('')).toBe(readFileSync(join(dir, `report.${format}`), 'utf8'));
    }
  });

  it('usage errors exit 2', async () => {
    expect((await runDsi(['lint'], { cwd: dir })).code).toBe(2);
    expect((await runDsi(['lint', 'ex', '--format', 'xml'], { cwd: dir })).code).toBe(2);
    expect((await runDsi(['lint', 'ex', '--max-warnings', 'many'], { cwd: dir })).code).toBe(2);
  });

  it('--fix applies rule fixes to .dsi files in place', async () => {
    write('a.dsi', `intent a {\n  task "${ARN}"\n  atime none\n  mtime preserve\n}\n`);
    const before = await runDsi(['lint', 'a.dsi', '--format', 'json'], { cwd: dir });
    expect(before.code).toBe(1);
    const r = await runDsi(['lint', 'a.dsi', '--fix'], { cwd: dir });
    expect(r.code).toBe(0);
    // Mtime decides what later runs see as changed, so the fix aligns Atime with it.
    expect(readFileSync(join(dir, 'a.dsi'), 'utf8')).toBe(`intent a {\n  task "${ARN}"\n  atime best-effort\n  mtime preserve\n}\n`);
    // Written in place through a temporary file: nothing else is left in the folder.
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});

describe('dsi lint --resolve-context', () => {
  let server: DataSyncServer;
  beforeAll(async () => {
    isolateAwsEnvironment();
    process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
    const src = locationArn('us-east-1', 1);
    const dst = locationArn('us-east-1', 2);
    server = await startDataSyncServer({
      tasks: [{ TaskArn: ARN, TaskMode: 'ENHANCED', SourceLocationArn: src, DestinationLocationArn: dst, Options: { VerifyMode: 'ONLY_FILES_TRANSFERRED' } }],
      locations: [
        { kind: 'S3', LocationArn: src, LocationUri: 's3://source-bucket/' },
        { kind: 'S3', LocationArn: dst, LocationUri: 's3://dest-bucket/', S3StorageClass: 'DEEP_ARCHIVE' },
      ],
    });
  });
  afterAll(async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    await server?.close();
  });

  it('reads the task mode and storage class from AWS, so context rules fire on a bare request file', async () => {
    write('r.datasync.json', JSON.stringify({ TaskArn: ARN, OverrideOptions: { VerifyMode: 'POINT_IN_TIME_CONSISTENT' } }));
    const offline = await runDsi(['lint', 'r.datasync.json', '--format', 'json'], { cwd: dir });
    expect(offline.code).toBe(0);
    const online = await runDsi(['lint', 'r.datasync.json', '--format', 'json', '--resolve-context', '--endpoint-url', server.endpoint], { cwd: dir });
    const ids = (JSON.parse(online.stdout)[0].messages as { ruleId: string }[]).map((m) => m.ruleId);
    expect(ids).toContain('pit-verify-enhanced');
    expect(ids).toContain('pit-verify-glacier');
    expect(online.code).toBe(1);
    expect(server.requests.map((r) => r.operation)).toContain('DescribeTask');
  });
});

describe('dsi lint: suppressions over a whole run', () => {
  it('a template’s dsi-ignore used through another file’s intent is not “unused”', async () => {
    write('d/defaults.dsi', 'template base {\n  # dsi-ignore uid-gid-undocumented -- our NFS servers map names\n  uid name\n}\n');
    write('d/main.dsi', `import "./defaults.dsi"\nintent nightly extends base { task "${ARN}" }\n`);
    const r = await runDsi(['lint', 'd', '--max-warnings', '0', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).flatMap((f: { messages: unknown[] }) => f.messages)).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('a dsi-ignore of a rule that is off, or of an unknown rule', async () => {
    write('a.dsi', `intent a {\n  task "${ARN}"\n  # dsi-ignore uid-gid-undocumented -- checked\n  uid name\n  # dsi-ignore uid-gid-undocumentd -- typo\n  gid name\n}\n`);
    const r = await runDsi(['lint', 'a.dsi', '--rule', 'uid-gid-undocumented:off', '--format', 'json'], { cwd: dir });
    const messages = JSON.parse(r.stdout)[0].messages as { ruleId: string; message: string; line: number }[];
    expect(messages.map((m) => [m.line, m.ruleId])).toEqual([[5, 'dsi-ignore']]);
    expect(messages[0].message).toContain('did you mean `uid-gid-undocumented`?');
  });
});

describe('dsi lint --fix', () => {
  it('adds an override to the intent instead of editing a template other intents share', async () => {
    write('base.dsi', 'template base { verify point-in-time-consistent }\n');
    const intents = `import "./base.dsi"\nintent enh extends base {\n  task "${ARN}" { mode enhanced }\n}\nintent bas extends base {\n  task "${ARN}" { mode basic }\n}\n`;
    write('x.dsi', intents);
    const r = await runDsi(['lint', 'x.dsi', '--fix'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'base.dsi'), 'utf8')).toBe('template base { verify point-in-time-consistent }\n');
    expect(readFileSync(join(dir, 'x.dsi'), 'utf8')).toBe(intents.replace('{ mode enhanced }', '{ mode enhanced }\n  verify only-files-transferred'));
  });

  it('writes JSON inside a `set` value', async () => {
    write('s.dsi', `intent a {\n  task "${ARN}" { mode enhanced }\n  set OverrideOptions = { "VerifyMode": "POINT_IN_TIME_CONSISTENT" }\n}\n`);
    const r = await runDsi(['lint', 's.dsi', '--fix'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 's.dsi'), 'utf8')).toContain('{ "VerifyMode": "ONLY_FILES_TRANSFERRED" }');
  });

  it('keeps a symlink and the file mode', async () => {
    write('real.dsi', `intent a {\n  task "${ARN}"\n  atime none\n  mtime preserve\n}\n`);
    chmodSync(join(dir, 'real.dsi'), 0o640);
    symlinkSync(join(dir, 'real.dsi'), join(dir, 'link.dsi'));
    expect((await runDsi(['lint', 'link.dsi', '--fix'], { cwd: dir })).code).toBe(0);
    expect(lstatSync(join(dir, 'link.dsi')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.dsi'), 'utf8')).toContain('atime best-effort');
    expect(statSync(join(dir, 'real.dsi')).mode & 0o777).toBe(0o640);
  });
});

describe('dsi lint: where conflicts with the task context point', () => {
  it('stays on the option even when the task block comes later', async () => {
    write('c.dsi', `intent a {\n  verify point-in-time-consistent\n  task "${ARN}" { mode enhanced }\n}\n`);
    const r = await runDsi(['lint', 'c.dsi', '--format', 'json'], { cwd: dir });
    const [m] = JSON.parse(r.stdout)[0].messages;
    expect(m).toMatchObject({ ruleId: 'pit-verify-enhanced', line: 2, column: 10 });
  });
});
