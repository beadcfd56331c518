/**
 * `context` entries of a config, read into the task context rules see. Values are spelt as in a
 * `.dsi` `task { }` block (`fsx-windows`, `deep-archive`) or as the API writes them
 * (`FSX_WINDOWS`, `DEEP_ARCHIVE`), matched case-insensitively with `_` = `-`, as the language does.
 */
import type { Options } from '@aws-sdk/client-datasync';
import { LOCATION_TYPES, S3_STORAGE_CLASSES, type LocationContext, type TaskContext } from '../core/context.js';
import { escapeToken } from '../core/json-pointer.js';
import { matchEnum } from '../compiler/values.js';
import { STORAGE_CLASS_ALIASES } from '../language/vocabulary.js';

/** What a config can say of a task: the {@link TaskContext}, filters and manifest included. */
export type ConfiguredTaskContext = TaskContext;

/** A problem in one context entry: a pointer in the config and the message. */
export interface ContextProblem {
  readonly pointer: string;
  readonly message: string;
}


/** Reads one `context` entry (already shape-checked by the schema); unknown words become problems. */
export function readTaskContext(arn: string, value: Readonly<Record<string, unknown>>): { context: ConfiguredTaskContext; problems: ContextProblem[] } {
  const base = `/context/${escapeToken(arn)}`;
  const problems: ContextProblem[] = [];
  const context: { -readonly [K in keyof ConfiguredTaskContext]: ConfiguredTaskContext[K] } = {};
  if (typeof value.mode === 'string') {
    const m = matchEnum(value.mode, ['BASIC', 'ENHANCED'], 'task mode');
    if (m.ok) context.mode = m.value as TaskContext['mode'];
    else problems.push({ pointer: `${base}/mode`, message: m.message });
  }
  for (const [key, end] of [['from', 'source'], ['to', 'destination']] as const) {
    const location = readLocation(value[key], `${base}/${key}`, key, problems);
    if (location) context[end] = location;
  }
  if (typeof value.logGroup === 'string') context.logGroup = value.logGroup;
  const filters = value.filters as { includes?: string[]; excludes?: string[] } | undefined;
  if (filters && typeof filters === 'object') context.filters = { ...filters };
  if (value.manifest === true) context.manifest = true;
  else if (value.manifest && typeof value.manifest === 'object') context.manifest = value.manifest as Record<string, unknown>;
  if (value.options && typeof value.options === 'object') context.options = value.options as Options;
  return { context, problems };
}

function readLocation(value: unknown, pointer: string, end: 'from' | 'to', problems: ContextProblem[]): LocationContext | undefined {
  const object = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  const type = object ? object.type : value;
  const typePointer = object ? `${pointer}/type` : pointer;
  if (typeof type !== 'string') return undefined;
  const t = matchEnum(type, LOCATION_TYPES, 'location type');
  if (!t.ok) {
    problems.push({ pointer: typePointer, message: t.message });
    return undefined;
  }
  const location: { -readonly [K in keyof LocationContext]: LocationContext[K] } = { type: t.value as LocationContext['type'] };
  if (typeof object?.storageClass === 'string') {
    const at = `${pointer}/storageClass`;
    const sc = matchEnum(object.storageClass, S3_STORAGE_CLASSES, 'S3 storage class', STORAGE_CLASS_ALIASES);
    if (!sc.ok) problems.push({ pointer: at, message: sc.message });
    else if (end !== 'to' || location.type !== 'S3') {
      problems.push({
        pointer: at,
        message: end !== 'to' ? '`storageClass` describes the destination: give it under `to`' : '`storageClass` applies only to an `s3` location: write `"type": "s3"`, or remove `storageClass`',
      });
    } else location.storageClass = sc.value as LocationContext['storageClass'];
  }
  return location;
}
