/** examples/embed/ runs as docs/embedding.md says: dry run, a real start through the SDK, and a file with an error. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, repoRoot } from '../helpers.js';
import { credentials } from '../context/environment.js';
import { startDataSyncServer, type DataSyncServer } from '../fixtures/datasync-server.js';

const script = join(repoRoot, 'examples', 'embed', 'start.mjs');
const expected = JSON.parse(fixture('language', 'nightly.expected.json')) as { TaskArn: string };
let server: DataSyncServer;

beforeAll(async () => {
  server = await startDataSyncServer({ tasks: [{ TaskArn: expected.TaskArn }] });
});
afterAll(async () => {
  await server?.close();
});

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const missing = join(tmpdir(), 'dsi-test-no-such-aws-config');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd: repoRoot, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: missing, AWS_SHARED_CREDENTIALS_FILE: missing, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('examples/embed/start.mjs', () => {
  it('--dry-run prints the compiled request of the LANGUAGE.md example', async () => {
    const r = await run(['examples/nightly.dsi', 'nightly-archive', '--dry-run']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expected);
  });

  it('starts the task through the SDK and prints the execution ARN', async () => {
    const before = server.requests.length;
    const r = await run(['examples/nightly.dsi', 'nightly-archive'], {
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_ENDPOINT_URL_DATASYNC: server.endpoint,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^${expected.TaskArn}/execution/exec-[0-9a-f]{17}\\n$`));
    expect(server.requests.slice(before).map((q) => q.target)).toEqual(['FmrsService.StartTaskExecution']);
    expect(JSON.parse(server.requests[before].body)).toEqual(expected);
  });

  it('stops on a problem, printing it with its place, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsi-embed-'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'bad.dsi'), `intent bad {\n  task "${expected.TaskArn}"\n  transfer all\n  deleted remove\n}\n`);
    const r = await run([join(dir, 'bad.dsi'), 'bad', '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.dsi:4:11 error `deleted remove` cannot be used with `transfer all`.*\(remove-with-transfer-all\)\n$/);
  });
});
