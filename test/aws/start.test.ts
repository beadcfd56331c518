import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sendStartTaskExecution } from '../../src/aws/start.js';
import type { Payload } from '../../src/core/payload.js';
import { startDataSyncServer, type DataSyncServer } from '../fixtures/datasync-server.js';
import { credentials, isolateAwsEnvironment } from '../context/environment.js';

// The compiled payload of LANGUAGE.md's example (kept as a fixture beside the example's sources).
const payload = JSON.parse(
  readFileSync(new URL('../fixtures/language/nightly.expected.json', import.meta.url), 'utf8'),
) as Payload;
const EXECUTION_ARN =
  /^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):datasync:[a-z\-0-9]+:[0-9]{12}:task\/task-[0-9a-f]{17}\/execution\/exec-[0-9a-f]{17}$/;

let server: DataSyncServer;

beforeAll(async () => {
  isolateAwsEnvironment();
  server = await startDataSyncServer({ tasks: [{ TaskArn: payload.TaskArn! }] });
});

afterAll(async () => {
  await server?.close();
  vi.unstubAllEnvs();
});

describe('sendStartTaskExecution through the real SDK', () => {
  it('sends the payload unchanged: same object, same key order', async () => {
    const before = server.requests.length;
    const result = await sendStartTaskExecution(payload, { endpoint: server.endpoint, credentials });
    expect(result.error).toBeUndefined();
    expect(result.taskExecutionArn).toMatch(EXECUTION_ARN);
    expect(result.taskExecutionArn!.startsWith(`${payload.TaskArn}/execution/`)).toBe(true);

    const sent = server.requests.slice(before);
    expect(sent.map((r) => r.target)).toEqual(['FmrsService.StartTaskExecution']);
    const body = JSON.parse(sent[0].body);
    expect(body).toEqual(payload);
    // The SDK drops unknown keys and nulls silently; only an equal text proves nothing was lost or reordered.
    expect(JSON.stringify(body)).toBe(JSON.stringify(payload));
    expect(sent[0].headers.authorization).toContain('/us-east-1/datasync/aws4_request');
  });

  it('checks the payload against the schema first: a member the SDK would drop silently is refused, nothing is sent', async () => {
    const withUnknown = { ...payload, OverrideOptions: { ...payload.OverrideOptions, NotAnOption: 'X' } } as Payload;
    const before = server.requests.length;
    const result = await sendStartTaskExecution(withUnknown, { endpoint: server.endpoint, credentials });
    expect(result.taskExecutionArn).toBeUndefined();
    expect(result.error).toMatch(/^the request for arn:\S+ does not match the StartTaskExecution schema \(\/OverrideOptions.*NotAnOption.*\); nothing was sent$/);
    expect(server.requests.length).toBe(before);
  });

  it('returns the service error as a value naming the call and the ARN', async () => {
    const other = { ...payload, TaskArn: 'arn:aws:datasync:us-east-1:111122223333:task/task-00000000000000bad' };
    const result = await sendStartTaskExecution(other, { endpoint: server.endpoint, credentials });
    expect(result.taskExecutionArn).toBeUndefined();
    expect(result.error).toBe(
      `StartTaskExecution failed for ${other.TaskArn}: InvalidRequestException: Task ${other.TaskArn} not found. (HTTP 400)`,
    );
  });
});
