/**
 * Task context from AWS through the real SDK (`dsi lint --resolve-context`); the client comes
 * from src/aws/client.ts, which loads the SDK only when a call is made.
 */
import type { DataSyncClient, Options } from '@aws-sdk/client-datasync';
import { describeError, httpStatus, openSession, type AwsContextOptions, type Sdk } from '../aws/client.js';
import {
  S3_STORAGE_CLASSES,
  type LocationContext,
  type S3StorageClass,
  type TaskContext,
  type TaskMode,
} from '../core/context.js';
import { DESCRIBE_LOCATION_TYPES, describeKindOfUri, describeKindsToTry, type DescribeLocationKind } from './locations.js';

/** What could be learnt about a task, and why anything else could not. */
export interface ResolvedContext {
  context: TaskContext;
  /** One line each, naming the call and the ARN that failed; never credentials. */
  warnings: string[];
}

/** The model's TaskArn pattern. */
export const TASK_ARN =
  /^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):datasync:[a-z\-0-9]+:[0-9]{12}:task\/task-[0-9a-f]{17}$/;
/** ListLocations pages to read (100 locations each) before falling back to trying DescribeLocation* calls. */
const MAX_LIST_PAGES = 20;

/** Describes a task and its locations through DataSync; failures become warnings, never exceptions. */
/** The filter rules stored on a task, as the `Value`s the API writes; undefined when there are none. */
function storedFilters(includes: readonly { Value?: string }[] | undefined, excludes: readonly { Value?: string }[] | undefined): TaskContext['filters'] {
  const values = (rules: readonly { Value?: string }[] | undefined) => (rules ?? []).flatMap((r) => (typeof r.Value === 'string' && r.Value !== '' ? [r.Value] : []));
  const inc = values(includes);
  const exc = values(excludes);
  if (inc.length === 0 && exc.length === 0) return undefined;
  return { ...(inc.length ? { includes: inc } : {}), ...(exc.length ? { excludes: exc } : {}) };
}

export async function resolveTaskContext(taskArn: string, options: AwsContextOptions = {}): Promise<ResolvedContext> {
  const warnings: string[] = [];
  if (!TASK_ARN.test(taskArn)) {
    warnings.push(
      `cannot resolve the context of "${taskArn}": it is not a task ARN; write one such as ` +
        `arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0`,
    );
    return { context: {}, warnings };
  }
  const session = await openSession(taskArn, options);
  if ('error' in session) {
    warnings.push(`cannot resolve the context of ${taskArn}: ${session.error}`);
    return { context: {}, warnings };
  }
  const { sdk, client, redact } = session;
  const warn = (call: string, arn: string, e: unknown, consequence: string) =>
    warnings.push(`${call} failed for ${arn}: ${redact(describeError(e))}; ${consequence}`);

  try {
    let task;
    try {
      task = await client.send(new sdk.DescribeTaskCommand({ TaskArn: taskArn }));
    } catch (e) {
      const consequence = "the task's mode, options, log group and locations stay unknown (write them in the intent's task { } block)";
      warn('DescribeTask', taskArn, e, consequence);
      return { context: {}, warnings };
    }

    let mode: TaskMode | undefined;
    if (task.TaskMode === 'BASIC' || task.TaskMode === 'ENHANCED') mode = task.TaskMode;
    else if (task.TaskMode !== undefined) {
      warnings.push(
        `DescribeTask for ${taskArn} returned TaskMode "${task.TaskMode}", which dsi does not know; ` +
          'rules that depend on the mode stay silent (write `mode basic|enhanced` in the task { } block)',
      );
    }

    const ends = { source: task.SourceLocationArn, destination: task.DestinationLocationArn };
    const arns = [ends.source, ends.destination].filter((a): a is string => typeof a === 'string');
    const uris = await listLocationUris(sdk, client, arns, (e) =>
      warn('ListLocations', taskArn, e, 'the location types are found by trying the DescribeLocation* calls instead'),
    );

    const locate = async (arn: string | undefined, end: string): Promise<LocationContext | undefined> =>
      arn === undefined ? undefined : describeLocation(sdk, client, arn, end, uris.get(arn), warnings, redact);
    const source = await locate(ends.source, 'source');
    const destination = await locate(ends.destination, 'destination');

    return {
      context: compact({
        mode,
        source,
        destination,
        logGroup: task.CloudWatchLogGroupArn,
        options: task.Options && Object.keys(task.Options).length > 0 ? (compact({ ...task.Options }) as Options) : undefined,
        filters: storedFilters(task.Includes, task.Excludes),
        manifest: task.ManifestConfig && Object.keys(task.ManifestConfig).length > 0 ? ({ ...task.ManifestConfig } as Record<string, unknown>) : undefined,
      }),
      warnings,
    };
  } catch (e) {
    // Every call above catches its own errors; this is a last guard for the promise never to reject.
    warnings.push(`resolving the context of ${taskArn} failed unexpectedly: ${redact(describeError(e))}`);
    return { context: {}, warnings };
  } finally {
    session.close();
  }
}

/** LocationUri by LocationArn for the ARNs wanted, read from ListLocations until all are found. */
async function listLocationUris(
  sdk: Sdk,
  client: DataSyncClient,
  wanted: readonly string[],
  onError: (e: unknown) => void,
): Promise<Map<string, string>> {
  const uris = new Map<string, string>();
  if (wanted.length === 0) return uris;
  let token: string | undefined;
  try {
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const out = await client.send(new sdk.ListLocationsCommand({ MaxResults: 100, ...(token ? { NextToken: token } : {}) }));
      for (const l of out.Locations ?? []) {
        if (l.LocationArn && l.LocationUri && wanted.includes(l.LocationArn)) uris.set(l.LocationArn, l.LocationUri);
      }
      token = out.NextToken;
      if (!token || wanted.every((a) => uris.has(a))) break;
    }
  } catch (e) {
    onError(e);
  }
  return uris;
}

/** A location's type, URI and (for S3) storage class: from its listed URI, else by trying DescribeLocation* calls. */
async function describeLocation(
  sdk: Sdk,
  client: DataSyncClient,
  arn: string,
  end: string,
  listedUri: string | undefined,
  warnings: string[],
  redact: (m: string) => string,
): Promise<LocationContext> {
  const known = listedUri === undefined ? undefined : describeKindOfUri(listedUri);
  if (known !== undefined && known !== 'S3') return compact({ type: DESCRIBE_LOCATION_TYPES[known], arn, uri: listedUri });
  if (known === 'S3') {
    try {
      const out = await client.send(new sdk.DescribeLocationS3Command({ LocationArn: arn }));
      return s3Context(arn, out.LocationUri ?? listedUri, out.S3StorageClass, warnings);
    } catch (e) {
      warnings.push(
        `DescribeLocationS3 failed for ${arn} (the ${end}): ${redact(describeError(e))}; its storage class stays unknown ` +
          `(write \`${end === 'source' ? 'from' : 'to'} s3 storage-class CLASS\` in the intent's task { } block)`,
      );
      return compact({ type: 'S3', arn, uri: listedUri });
    }
  }

  // The type is not in the URI (or the location was not listed): ask each kind until one answers.
  const failures: { kind: DescribeLocationKind; error: unknown }[] = [];
  for (const kind of describeKindsToTry(listedUri)) {
    try {
      const out = (await client.send(describeCommand(sdk, kind, arn))) as { LocationUri?: string; S3StorageClass?: string };
      if (kind === 'S3') return s3Context(arn, out.LocationUri ?? listedUri, out.S3StorageClass, warnings);
      return compact({ type: DESCRIBE_LOCATION_TYPES[kind], arn, uri: out.LocationUri ?? listedUri });
    } catch (e) {
      failures.push({ kind, error: e });
      // No HTTP answer at all (network, credentials): further calls would fail the same way.
      if (httpStatus(e) === undefined) break;
    }
  }
  // A wrong-type call answers InvalidRequestException; any other answer (access denied, …) says more.
  const telling = failures.find((f) => (f.error as Error)?.name !== 'InvalidRequestException') ?? failures.at(-1);
  warnings.push(
    `cannot tell the type of the ${end} location ${arn}: ` +
      (listedUri === undefined ? 'ListLocations did not list it' : `its URI ${listedUri} does not say`) +
      ` and no DescribeLocation* call described it` +
      (telling ? ` (DescribeLocation${telling.kind}: ${redact(describeError(telling.error))})` : '') +
      `; write \`${end === 'source' ? 'from' : 'to'} TYPE\` in the intent's task { } block`,
  );
  return compact({ arn, uri: listedUri });
}

function describeCommand(sdk: Sdk, kind: DescribeLocationKind, arn: string) {
  const input = { LocationArn: arn };
  switch (kind) {
    case 'S3':
      return new sdk.DescribeLocationS3Command(input);
    case 'Nfs':
      return new sdk.DescribeLocationNfsCommand(input);
    case 'Smb':
      return new sdk.DescribeLocationSmbCommand(input);
    case 'Efs':
      return new sdk.DescribeLocationEfsCommand(input);
    case 'FsxWindows':
      return new sdk.DescribeLocationFsxWindowsCommand(input);
    case 'FsxLustre':
      return new sdk.DescribeLocationFsxLustreCommand(input);
    case 'FsxOntap':
      return new sdk.DescribeLocationFsxOntapCommand(input);
    case 'FsxOpenZfs':
      return new sdk.DescribeLocationFsxOpenZfsCommand(input);
    case 'ObjectStorage':
      return new sdk.DescribeLocationObjectStorageCommand(input);
    case 'AzureBlob':
      return new sdk.DescribeLocationAzureBlobCommand(input);
    case 'Hdfs':
      return new sdk.DescribeLocationHdfsCommand(input);
  }
}

function s3Context(arn: string, uri: string | undefined, storageClass: string | undefined, warnings: string[]): LocationContext {
  let known: S3StorageClass | undefined;
  if ((S3_STORAGE_CLASSES as readonly string[]).includes(storageClass ?? '')) known = storageClass as S3StorageClass;
  else if (storageClass !== undefined) {
    warnings.push(
      `DescribeLocationS3 for ${arn} returned S3StorageClass "${storageClass}", which dsi does not know; ` +
        'rules that depend on the storage class stay silent',
    );
  }
  return compact({ type: 'S3', storageClass: known, arn, uri });
}

/** The object without its undefined members (context objects hold only what is known). */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export type { AwsContextOptions };
