import type { Options } from '@aws-sdk/client-datasync';

/** A DataSync task's modes (fixed when the task is created). */
export const TASK_MODES = ['BASIC', 'ENHANCED'] as const;
/** A DataSync task's mode (fixed when the task is created). */
export type TaskMode = (typeof TASK_MODES)[number];

/** Location types, as the language names them (`fsx-windows`, `object-storage`, …) in the API's spelling. */
export const LOCATION_TYPES = [
  'NFS',
  'SMB',
  'HDFS',
  'EFS',
  'FSX_WINDOWS',
  'FSX_LUSTRE',
  'FSX_ONTAP',
  'FSX_OPENZFS',
  'S3',
  'OBJECT_STORAGE',
  'AZURE_BLOB',
] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

/** S3 storage classes of the model's `S3StorageClass` enum. */
export const S3_STORAGE_CLASSES = [
  'STANDARD',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'DEEP_ARCHIVE',
  'OUTPOSTS',
  'GLACIER_INSTANT_RETRIEVAL',
] as const;
export type S3StorageClass = (typeof S3_STORAGE_CLASSES)[number];

/** What is known about one end of a transfer. */
export interface LocationContext {
  readonly type?: LocationType;
  /** Only for S3 locations. */
  readonly storageClass?: S3StorageClass;
  /** The location's ARN, where known (from AWS). */
  readonly arn?: string;
  /** The location's URI, where known, e.g. `s3://bucket/prefix/` (from AWS). */
  readonly uri?: string;
}

/**
 * What is known about the task an intent starts: never emitted, only read by rules.
 * Every member is optional: a rule that needs an unknown member stays silent.
 */
export interface TaskContext {
  readonly mode?: TaskMode;
  readonly source?: LocationContext;
  readonly destination?: LocationContext;
  /** The task's CloudWatch log group (name or ARN). */
  readonly logGroup?: string;
  /** The options stored on the task, which the request's overrides complete. */
  readonly options?: Readonly<Options>;
  /**
   * The filters stored on the task (each a `Value` as the API writes it: patterns joined by `|`).
   * They apply to a run whose request gives no filter of that kind.
   */
  readonly filters?: { readonly includes?: readonly string[]; readonly excludes?: readonly string[] };
  /** A manifest stored on the task (`true`, or its `ManifestConfig`); it applies to a run whose request gives none. */
  readonly manifest?: true | Readonly<Record<string, unknown>>;
}

/** Context keys that a rule may declare in `meta.needs`. */
export type ContextKey = keyof TaskContext;

/** Merges context layers: later layers win member by member (intent over config over AWS). */
export function mergeContext(...layers: (TaskContext | undefined)[]): TaskContext {
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [k, v] of Object.entries(layer)) {
      if (v === undefined) continue;
      const prev = out[k];
      out[k] =
        prev && typeof prev === 'object' && v && typeof v === 'object' && !Array.isArray(v)
          ? { ...(prev as object), ...(v as object) }
          : v;
    }
  }
  return out as TaskContext;
}
