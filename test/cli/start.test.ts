/**
 * `dsi start` through the bundled bin and the real SDK, against a loopback HTTP recorder that
 * answers each request by a script (ok, throttle, 500, reset) and counts what arrives: a call
 * without an idempotency token may be retried only after a throttling answer.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compile } from '../../src/project/compile.js';
import { repoRoot } from '../helpers.js';
import { credentials } from '../context/environment.js';

const bin = join(repoRoot, 'dist', 'bin', 'dsi.cjs');
const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
const EXECUTION = `${TASK}/execution/exec-0123456789abcdef0`;
const INTENT = `intent nightly {\n  task "${TASK}"\n  transfer changed\n  verify only-files-transferred\n  include "/projects/alpha"\n  tag team = "storage"\n}\n`;

type Answer = 'ok' | 'throttle' | '500' | 'reset' | 'denied' | 'running';

interface Recorded {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let server: Server;
let endpoint: string;
let script: Answer[] = [];
const recorded: Recorded[] = [];
let dir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      recorded.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = script.shift() ?? 'ok';
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(body));
      };
      if (answer === 'reset') return void req.socket.destroy();
      if (answer === 'ok') return json(200, { TaskExecutionArn: EXECUTION });
      if (answer === 'throttle') return json(400, { __type: 'ThrottlingException', message: 'Rate exceeded' });
      if (answer === '500') return json(500, { __type: 'InternalException', message: 'An internal error occurred.' });
      if (answer === 'denied') return json(400, { __type: 'AccessDeniedException', message: 'User: arn:aws:iam::111122223333:user/ci is not authorized to perform: datasync:StartTaskExecution' });
      return json(400, { __type: 'InvalidRequestException', message: 'Cannot start a task execution while another is running.' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'dsi-start-'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'nightly.dsi'), INTENT);
  writeFileSync(join(dir, 'two.dsi'), `${INTENT}\n${INTENT.replace('nightly', 'weekly')}`);
  writeFileSync(join(dir, 'broken.dsi'), INTENT.replace('transfer changed', 'transfer changed\n  deleted remove\n  transfer all'));
  writeFileSync(join(dir, 'request.datasync.json'), JSON.stringify({ TaskArn: TASK, OverrideOptions: { VerifyMode: 'NONE' } }));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  recorded.length = 0;
  script = [];
});

/** Runs the bin without blocking this process's event loop (the recorder runs in it). */
function dsi(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const missing = join(tmpdir(), 'dsi-test-no-such-aws-config');
  const env = {
    PATH: process.env.PATH ?? '',
    NO_COLOR: '1',
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: missing,
    AWS_SHARED_CREDENTIALS_FILE: missing,
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: dir, env, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const compiled = () => compile(INTENT, { filename: 'nightly.dsi' }).intents[0].payload;

describe('dsi start', () => {
  it('sends exactly the compiled payload to StartTaskExecution and prints the execution ARN', async () => {
    const r = await dsi(['start', 'nightly.dsi', '--endpoint', endpoint]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${EXECUTION}\n`);
    expect(r.code).toBe(0);
    expect(recorded).toHaveLength(1);
    expect(recorded[0].headers['x-amz-target']).toBe('FmrsService.StartTaskExecution');
    expect(recorded[0].headers['content-type']).toBe('application/x-amz-json-1.1');
    // The same text, not only an equal object: nothing dropped, added or reordered.
    expect(recorded[0].body).toBe(JSON.stringify(compiled()));
  });

  it('--dry-run prints the exact request and sends nothing', async () => {
    const r = await dsi(['start', 'nightly.dsi', '--dry-run', '--endpoint', endpoint]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(compiled());
    expect(r.stdout).toBe(JSON.stringify(compiled(), null, 2) + '\n');
    expect(recorded).toHaveLength(0);
  });

  it('sends a request file as written', async () => {
    const r = await dsi(['start', 'request.datasync.json', '--endpoint', endpoint]);
    expect(r.code).toBe(0);
    expect(JSON.parse(recorded[0].body)).toEqual({ TaskArn: TASK, OverrideOptions: { VerifyMode: 'NONE' } });
  });

  it('retries a throttled call', async () => {
    script = ['throttle', 'throttle', 'ok'];
    const r = await dsi(['start', 'nightly.dsi', '--endpoint', endpoint]);
    expect(r.stdout).toBe(`${EXECUTION}\n`);
    expect(r.code).toBe(0);
    expect(recorded).toHaveLength(3);
    expect(new Set(recorded.map((x) => x.body)).size).toBe(1);
  });

  it('does not retry a 500: the run may have started', async () => {
    script = ['500', 'ok'];
    const r = await dsi(['start', 'nightly.dsi', '--endpoint', endpoint]);
    expect(r.code).toBe(1);
    expect(recorded).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`dsi: StartTaskExecution failed for ${TASK}: InternalException: An internal error occurred. (HTTP 500)\n`);
  });

  it('does not retry after a reset connection', async () => {
    script = ['reset', 'ok'];
    const r = await dsi(['start', 'nightly.dsi', '--endpoint', endpoint]);
    expect(r.code).toBe(1);
    expect(recorded).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^dsi: StartTaskExecution failed for ${TASK}: .*(socket hang up|ECONNRESET).*\\n$`));
  });

  it('says an AWS error in one line, exit 1, no stack trace', async () => {
    for (const [answer, text] of [
      ['denied', 'AccessDeniedException: User: arn:aws:iam::111122223333:user/ci is not authorized to perform: datasync:StartTaskExecution (HTTP 400)'],
      ['running', 'InvalidRequestException: Cannot start a task execution while another is running. (HTTP 400)'],
    ] as const) {
      script = [answer];
      recorded.length = 0;
      const r = await dsi(['start', 'nightly.dsi', '--endpoint', endpoint]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`dsi: StartTaskExecution failed for ${TASK}: ${text}\n`);
      expect(recorded).toHaveLength(1);
    }
  });

  it('sends nothing when the input has an error, and needs --intent when the file has several', async () => {
    const broken = await dsi(['start', 'broken.dsi', '--endpoint', endpoint]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('nothing was sent');
    const two = await dsi(['start', 'two.dsi', '--endpoint', endpoint]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('choose one with --intent NAME (nightly, weekly)');
    const typo = await dsi(['start', 'two.dsi', '--intent', 'weekli', '--endpoint', endpoint]);
    expect(typo.stderr).toContain('did you mean `weekly`?');
    expect(recorded).toHaveLength(0);
  });
});
