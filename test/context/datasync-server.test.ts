/** The loopback DataSync fixture itself, spoken to in raw awsJson1_1 (no SDK), so its protocol is pinned down. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDataSyncServer, type DataSyncServer, type FixtureLocation } from '../fixtures/datasync-server.js';
import { locationArn } from './environment.js';

const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';
const locations: FixtureLocation[] = [
  ...Array.from({ length: 5 }, (_, i) => ({
    kind: 'Nfs' as const,
    LocationArn: locationArn('us-east-1', i + 1),
    LocationUri: `nfs://10.0.0.${i + 1}/export/`,
  })),
  { kind: 'S3', LocationArn: locationArn('us-east-1', 99), LocationUri: 's3://b/', S3StorageClass: 'GLACIER', listed: false },
];

let server: DataSyncServer;
beforeAll(async () => {
  server = await startDataSyncServer({ tasks: [{ TaskArn: TASK, TaskMode: 'BASIC' }], locations });
});
afterAll(() => server?.close());

async function call(operation: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(server.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `FmrsService.${operation}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, contentType: res.headers.get('content-type'), json: (await res.json()) as Record<string, any> };
}

describe('startDataSyncServer', () => {
  it('listens on loopback only', () => {
    expect(server.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers DescribeTask with the task as given, and records the request verbatim', async () => {
    const before = server.requests.length;
    const r = await call('DescribeTask', { TaskArn: TASK });
    expect(r).toEqual({ status: 200, contentType: 'application/x-amz-json-1.1', json: { TaskArn: TASK, TaskMode: 'BASIC' } });
    expect(server.requests[before]).toMatchObject({
      target: 'FmrsService.DescribeTask',
      operation: 'DescribeTask',
      body: JSON.stringify({ TaskArn: TASK }),
    });
  });

  it('pages ListLocations with MaxResults and NextToken, leaving out unlisted locations', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await call('ListLocations', { MaxResults: 2, ...(token ? { NextToken: token } : {}) });
      expect(r.status).toBe(200);
      seen.push(...r.json.Locations.map((l: { LocationArn: string }) => l.LocationArn));
      token = r.json.NextToken;
      if (token) expect(token).toMatch(/^[a-zA-Z0-9=_-]+$/);
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(locations.slice(0, 5).map((l) => l.LocationArn));
  });

  it('describes a location only through its own DescribeLocation* operation', async () => {
    const s3 = locations[5].LocationArn;
    expect((await call('DescribeLocationS3', { LocationArn: s3 })).json).toEqual({
      LocationArn: s3,
      LocationUri: 's3://b/',
      S3StorageClass: 'GLACIER',
    });
    const wrong = await call('DescribeLocationNfs', { LocationArn: s3 });
    expect(wrong.status).toBe(400);
    expect(wrong.json.__type).toBe('InvalidRequestException');
  });

  it('returns the execution ARN in the model pattern', async () => {
    const r = await call('StartTaskExecution', { TaskArn: TASK });
    expect(r.json.TaskExecutionArn).toMatch(new RegExp(`^${TASK}/execution/exec-[0-9a-f]{17}$`));
  });

  it.each([
    ['an unknown task', 'DescribeTask', { TaskArn: TASK.replace('0123', 'ffff') }, {}, 400, 'InvalidRequestException'],
    ['a missing required member', 'DescribeTask', {}, {}, 400, 'ValidationException'],
    ['MaxResults out of range', 'ListLocations', { MaxResults: 101 }, {}, 400, 'ValidationException'],
    ['a forged NextToken', 'ListLocations', { NextToken: 'abc' }, {}, 400, 'InvalidRequestException'],
    ['an unknown operation', 'DescribeNothing', {}, {}, 400, 'UnknownOperationException'],
    ['a wrong content type', 'DescribeTask', { TaskArn: TASK }, { 'content-type': 'application/json' }, 400, 'SerializationException'],
    ['a body that is not JSON', 'DescribeTask', '{', {}, 400, 'SerializationException'],
  ])('answers %s with a JSON 1.1 error', async (_what, op, body, headers, status, type) => {
    const r = await call(op, body, headers);
    expect(r.status).toBe(status);
    expect(r.contentType).toBe('application/x-amz-json-1.1');
    expect(r.json.__type).toBe(type);
    expect(typeof r.json.message).toBe('string');
  });

  it('quotes validation failures in the service form', async () => {
    const r = await call('DescribeTask', {});
    expect(r.json.message).toBe("1 validation error detected: Value null at 'taskArn' failed to satisfy constraint: Member must not be null");
  });

  it('answers injected errors for one operation only', async () => {
    const denied = await startDataSyncServer({
      tasks: [{ TaskArn: TASK }],
      errors: { DescribeTask: { status: 403, type: 'AccessDeniedException', message: 'no' } },
    });
    try {
      const res = await fetch(denied.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'FmrsService.DescribeTask' },
        body: JSON.stringify({ TaskArn: TASK }),
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ __type: 'AccessDeniedException', message: 'no' });
      const ok = await fetch(denied.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'FmrsService.StartTaskExecution' },
        body: JSON.stringify({ TaskArn: TASK }),
      });
      expect(ok.status).toBe(200);
    } finally {
      await denied.close();
    }
  });
});
