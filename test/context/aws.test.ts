import { DataSyncClient } from '@aws-sdk/client-datasync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveTaskContext } from '../../src/context/aws.js';
import { startDataSyncServer, type DataSyncServer, type FixtureLocation } from '../fixtures/datasync-server.js';
import { credentials, isolateAwsEnvironment, locationArn } from './environment.js';

const BASIC_TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-0a1b2c3d4e5f60718';
const ENHANCED_TASK = 'arn:aws:datasync:eu-west-1:111122223333:task/task-00000000000000e01';
const TRIED_TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-00000000000000a01';
const FSX_TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-00000000000000f01';
const UNKNOWN_TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-fffffffffffffffff';

const NFS_SOURCE = locationArn('us-east-1', 0x1001);
const GLACIER_DESTINATION = locationArn('us-east-1', 0x1002);
const S3_SOURCE_EU = locationArn('eu-west-1', 0x2001);
const S3_DESTINATION_EU = locationArn('eu-west-1', 0x2002);
const HIDDEN_HDFS = locationArn('us-east-1', 0x3001);
const FSX_LUSTRE = locationArn('us-east-1', 0x4001);

const LOG_GROUP = 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync/nightly:*';
const STORED_OPTIONS = {
  VerifyMode: 'POINT_IN_TIME_CONSISTENT',
  Atime: 'BEST_EFFORT',
  Mtime: 'PRESERVE',
  PreserveDeletedFiles: 'PRESERVE',
  BytesPerSecond: 104857600,
  LogLevel: 'TRANSFER',
  TransferMode: 'CHANGED',
};

// 150 unrelated locations so that the Basic task's destination is on ListLocations' second page.
const filler: FixtureLocation[] = Array.from({ length: 150 }, (_, i) => ({
  kind: 'S3',
  LocationArn: locationArn('us-east-1', 0x9000 + i),
  LocationUri: `s3://filler-${i}/`,
  S3StorageClass: 'STANDARD',
}));

let server: DataSyncServer;

beforeAll(async () => {
  isolateAwsEnvironment();
  server = await startDataSyncServer({
    tasks: [
      {
        TaskArn: BASIC_TASK,
        Status: 'AVAILABLE',
        Name: 'nightly-archive',
        SourceLocationArn: NFS_SOURCE,
        DestinationLocationArn: GLACIER_DESTINATION,
        CloudWatchLogGroupArn: LOG_GROUP,
        Options: STORED_OPTIONS,
        CreationTime: 1_700_000_000,
        TaskMode: 'BASIC',
      },
      {
        TaskArn: ENHANCED_TASK,
        Status: 'AVAILABLE',
        SourceLocationArn: S3_SOURCE_EU,
        DestinationLocationArn: S3_DESTINATION_EU,
        TaskMode: 'ENHANCED',
      },
      { TaskArn: TRIED_TASK, SourceLocationArn: HIDDEN_HDFS, DestinationLocationArn: GLACIER_DESTINATION, TaskMode: 'BASIC' },
      { TaskArn: FSX_TASK, SourceLocationArn: FSX_LUSTRE, DestinationLocationArn: NFS_SOURCE, TaskMode: 'BASIC' },
    ],
    locations: [
      ...filler.slice(0, 10),
      { kind: 'Nfs', LocationArn: NFS_SOURCE, LocationUri: 'nfs://10.0.0.5/exports/projects/' },
      ...filler.slice(10, 130),
      { kind: 'S3', LocationArn: GLACIER_DESTINATION, LocationUri: 's3://acme-archive/nightly/', S3StorageClass: 'DEEP_ARCHIVE' },
      ...filler.slice(130),
      { kind: 'S3', LocationArn: S3_SOURCE_EU, LocationUri: 's3://acme-eu-source/', S3StorageClass: 'STANDARD' },
      { kind: 'S3', LocationArn: S3_DESTINATION_EU, LocationUri: 's3://acme-eu-copy/data/', S3StorageClass: 'INTELLIGENT_TIERING' },
      { kind: 'Hdfs', LocationArn: HIDDEN_HDFS, LocationUri: 'hdfs://namenode.example.com:8020/data/', listed: false },
      { kind: 'FsxLustre', LocationArn: FSX_LUSTRE, LocationUri: 'fsxl://us-east-1.fs-0123456789abcdef0/fsx/' },
    ],
  });
});

afterAll(async () => {
  await server?.close();
  vi.unstubAllEnvs();
});

/** Runs one resolution and returns it with the operations it called, in order. */
async function resolveRecorded(taskArn: string, extra: Parameters<typeof resolveTaskContext>[1] = {}) {
  const before = server.requests.length;
  const resolved = await resolveTaskContext(taskArn, { endpoint: server.endpoint, credentials, ...extra });
  const requests = server.requests.slice(before);
  return { ...resolved, requests, targets: requests.map((r) => r.target) };
}

describe('resolveTaskContext against the loopback DataSync', () => {
  it('describes a Basic NFS → S3 Deep Archive task with a log group and stored options', async () => {
    const { context, warnings, requests, targets } = await resolveRecorded(BASIC_TASK);
    expect(warnings).toEqual([]);
    expect(context).toEqual({
      mode: 'BASIC',
      source: { type: 'NFS', arn: NFS_SOURCE, uri: 'nfs://10.0.0.5/exports/projects/' },
      destination: { type: 'S3', storageClass: 'DEEP_ARCHIVE', arn: GLACIER_DESTINATION, uri: 's3://acme-archive/nightly/' },
      logGroup: LOG_GROUP,
      options: STORED_OPTIONS,
    });
    // The destination is on the second page: ListLocations follows NextToken, then stops.
    expect(targets).toEqual([
      'FmrsService.DescribeTask',
      'FmrsService.ListLocations',
      'FmrsService.ListLocations',
      'FmrsService.DescribeLocationS3',
    ]);
    expect(JSON.parse(requests[0].body)).toEqual({ TaskArn: BASIC_TASK });
    expect(JSON.parse(requests[1].body)).toEqual({ MaxResults: 100 });
    expect(JSON.parse(requests[2].body)).toEqual({ MaxResults: 100, NextToken: expect.any(String) });
    expect(JSON.parse(requests[3].body)).toEqual({ LocationArn: GLACIER_DESTINATION });
  });

  it('speaks awsJson1_1, signs for the task ARN region and never sends the secret key', async () => {
    const { requests } = await resolveRecorded(BASIC_TASK);
    for (const r of requests) {
      expect(r.headers['content-type']).toBe('application/x-amz-json-1.1');
      expect(r.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDFIXTURE0000000001\/\d{8}\/us-east-1\/datasync\/aws4_request,/,
      );
      expect(JSON.stringify(r.headers) + r.body).not.toContain(credentials.secretAccessKey);
    }
  });

  it('describes an Enhanced S3 → S3 task, taking the region from its ARN', async () => {
    const { context, warnings, requests, targets } = await resolveRecorded(ENHANCED_TASK);
    expect(warnings).toEqual([]);
    expect(context).toEqual({
      mode: 'ENHANCED',
      source: { type: 'S3', storageClass: 'STANDARD', arn: S3_SOURCE_EU, uri: 's3://acme-eu-source/' },
      destination: { type: 'S3', storageClass: 'INTELLIGENT_TIERING', arn: S3_DESTINATION_EU, uri: 's3://acme-eu-copy/data/' },
    });
    expect(targets).toEqual([
      'FmrsService.DescribeTask',
      'FmrsService.ListLocations',
      'FmrsService.ListLocations',
      'FmrsService.DescribeLocationS3',
      'FmrsService.DescribeLocationS3',
    ]);
    expect(requests[0].headers.authorization).toContain('/eu-west-1/datasync/aws4_request');
  });

  it('an explicit region wins over the ARN region', async () => {
    const { requests } = await resolveRecorded(UNKNOWN_TASK, { region: 'ap-southeast-2' });
    expect(requests[0].headers.authorization).toContain('/ap-southeast-2/datasync/aws4_request');
  });

  it('turns an unknown task into a warning naming the call and the ARN, without throwing', async () => {
    const { context, warnings, targets } = await resolveRecorded(UNKNOWN_TASK);
    expect(context).toEqual({});
    expect(targets).toEqual(['FmrsService.DescribeTask']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`DescribeTask failed for ${UNKNOWN_TASK}: InvalidRequestException: Task ${UNKNOWN_TASK} not found. (HTTP 400)`);
    expect(warnings[0]).toContain('task { } block');
  });

  it('finds the type of an unlisted location by trying the DescribeLocation* calls', async () => {
    const { context, warnings, targets } = await resolveRecorded(TRIED_TASK);
    expect(warnings).toEqual([]);
    expect(context.source).toEqual({ type: 'HDFS', arn: HIDDEN_HDFS, uri: 'hdfs://namenode.example.com:8020/data/' });
    expect(context.destination).toEqual({
      type: 'S3',
      storageClass: 'DEEP_ARCHIVE',
      arn: GLACIER_DESTINATION,
      uri: 's3://acme-archive/nightly/',
    });
    // Every page is read looking for the hidden location; then each kind is asked in turn until HDFS answers.
    expect(targets).toEqual([
      'FmrsService.DescribeTask',
      'FmrsService.ListLocations',
      'FmrsService.ListLocations',
      ...['S3', 'Nfs', 'Smb', 'Efs', 'FsxWindows', 'FsxLustre', 'FsxOntap', 'FsxOpenZfs', 'ObjectStorage', 'AzureBlob', 'Hdfs'].map(
        (k) => `FmrsService.DescribeLocation${k}`,
      ),
      'FmrsService.DescribeLocationS3',
    ]);
  });

  it('tries the FSx calls first for an fsx… scheme the model does not spell out', async () => {
    const { context, warnings, targets } = await resolveRecorded(FSX_TASK);
    expect(warnings).toEqual([]);
    expect(context.source).toEqual({ type: 'FSX_LUSTRE', arn: FSX_LUSTRE, uri: 'fsxl://us-east-1.fs-0123456789abcdef0/fsx/' });
    expect(context.destination).toEqual({ type: 'NFS', arn: NFS_SOURCE, uri: 'nfs://10.0.0.5/exports/projects/' });
    expect(targets).toEqual([
      'FmrsService.DescribeTask',
      'FmrsService.ListLocations',
      'FmrsService.ListLocations',
      'FmrsService.DescribeLocationFsxWindows',
      'FmrsService.DescribeLocationFsxLustre',
    ]);
  });

  it('uses a client it is given', async () => {
    const client = new DataSyncClient({ region: 'us-east-1', endpoint: server.endpoint, credentials });
    try {
      const { context, warnings } = await resolveRecorded(ENHANCED_TASK, { client, endpoint: 'http://127.0.0.1:9' });
      expect(warnings).toEqual([]);
      expect(context.mode).toBe('ENHANCED');
    } finally {
      client.destroy();
    }
  });

  it('rejects a task ARN of the wrong form before calling AWS', async () => {
    const { context, warnings, targets } = await resolveRecorded('arn:aws:datasync:us-east-1:111122223333:task/task-XYZ');
    expect(context).toEqual({});
    expect(targets).toEqual([]);
    expect(warnings[0]).toMatch(/is not a task ARN; write one such as arn:aws:datasync:/);
  });

  it('reports a client option that is not a client', async () => {
    const { context, warnings, targets } = await resolveRecorded(BASIC_TASK, { client: { nope: true } });
    expect(context).toEqual({});
    expect(targets).toEqual([]);
    expect(warnings[0]).toContain('not a DataSyncClient');
  });
});

describe('resolveTaskContext when calls fail', () => {
  let denied: DataSyncServer;
  beforeAll(async () => {
    denied = await startDataSyncServer({
      tasks: [
        { TaskArn: BASIC_TASK, SourceLocationArn: NFS_SOURCE, DestinationLocationArn: GLACIER_DESTINATION, TaskMode: 'BASIC' },
      ],
      locations: [
        { kind: 'Nfs', LocationArn: NFS_SOURCE, LocationUri: 'nfs://10.0.0.5/exports/projects/' },
        { kind: 'S3', LocationArn: GLACIER_DESTINATION, LocationUri: 's3://acme-archive/nightly/', S3StorageClass: 'DEEP_ARCHIVE' },
      ],
      errors: {
        ListLocations: { type: 'AccessDeniedException', message: 'not authorized to perform datasync:ListLocations' },
        // A message echoing the secret: the warning must not repeat it.
        DescribeLocationS3: { status: 403, type: 'AccessDeniedException', message: `denied for ${credentials.secretAccessKey}` },
      },
    });
  });
  afterAll(() => denied?.close());

  it('falls back to trying DescribeLocation* when ListLocations is denied, and keeps what it learnt', async () => {
    const before = denied.requests.length;
    const { context, warnings } = await resolveTaskContext(BASIC_TASK, { endpoint: denied.endpoint, credentials });
    expect(denied.requests.slice(before).map((r) => r.operation)).toEqual([
      'DescribeTask',
      'ListLocations',
      'DescribeLocationS3',
      'DescribeLocationNfs',
      'DescribeLocationS3',
      ...['Nfs', 'Smb', 'Efs', 'FsxWindows', 'FsxLustre', 'FsxOntap', 'FsxOpenZfs', 'ObjectStorage', 'AzureBlob', 'Hdfs'].map(
        (k) => `DescribeLocation${k}`,
      ),
    ]);
    expect(context).toEqual({
      mode: 'BASIC',
      source: { type: 'NFS', arn: NFS_SOURCE, uri: 'nfs://10.0.0.5/exports/projects/' },
      destination: { arn: GLACIER_DESTINATION },
    });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain(`ListLocations failed for ${BASIC_TASK}: AccessDeniedException: not authorized`);
    expect(warnings[1]).toContain(`cannot tell the type of the destination location ${GLACIER_DESTINATION}`);
    expect(warnings[1]).toContain('`to TYPE`');
    expect(warnings.join('\n')).not.toContain(credentials.secretAccessKey);
    expect(warnings[1]).toContain('denied for ****');
  });

  it('stops trying DescribeLocation* calls once the connection is lost', async () => {
    const calls: string[] = [];
    // A client whose connection drops after DescribeTask: errors without any HTTP answer.
    const client = {
      async send(command: { constructor: { name: string } }) {
        calls.push(command.constructor.name);
        if (command.constructor.name === 'DescribeTaskCommand') {
          return { TaskMode: 'ENHANCED', SourceLocationArn: S3_SOURCE_EU, DestinationLocationArn: S3_DESTINATION_EU };
        }
        throw Object.assign(new Error('socket hang up'), { name: 'Error', code: 'ECONNRESET' });
      },
    };
    const { context, warnings } = await resolveTaskContext(ENHANCED_TASK, { client });
    expect(calls).toEqual([
      'DescribeTaskCommand',
      'ListLocationsCommand',
      'DescribeLocationS3Command',
      'DescribeLocationS3Command',
    ]);
    expect(context).toEqual({ mode: 'ENHANCED', source: { arn: S3_SOURCE_EU }, destination: { arn: S3_DESTINATION_EU } });
    expect(warnings).toHaveLength(3);
    expect(warnings[2]).toContain('(DescribeLocationS3: socket hang up)');
  });

  it('does not throw when nothing answers', async () => {
    const gone = await startDataSyncServer();
    const deadEndpoint = gone.endpoint;
    await gone.close();
    // One attempt only: the SDK's default retries would only slow the test down.
    const client = new DataSyncClient({ region: 'us-east-1', endpoint: deadEndpoint, credentials, maxAttempts: 1 });
    try {
      const { context, warnings } = await resolveTaskContext(BASIC_TASK, { client });
      expect(context).toEqual({});
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(new RegExp(`^DescribeTask failed for ${BASIC_TASK}: .*ECONNREFUSED`));
    } finally {
      client.destroy();
    }
  });
});
