/**
 * The task context itself can be impossible: Enhanced mode exists only for some location pairs
 * (constraints §28, [UG-mode] "Choosing a task mode"): S3↔S3, Azure Blob↔S3 and other clouds
 * (object storage)↔S3 without an agent, and NFS/SMB↔S3 with an Enhanced-mode agent. Anything
 * else (HDFS→S3, NFS→EFS, …) must be Basic. Such a context is an error at the task block, and
 * the rules then see no mode: what they would say about Enhanced mode would be about a task that
 * cannot exist.
 */
import { DiagnosticIds, type Diagnostic } from '../core/diagnostic.js';
import type { LocationType, TaskContext } from '../core/context.js';
import { locate, type SourceMap } from '../core/source-map.js';
import type { SourceLocation } from '../core/range.js';

/** The location types Enhanced mode pairs with S3 (either way). */
const ENHANCED_WITH_S3: ReadonlySet<LocationType> = new Set(['S3', 'AZURE_BLOB', 'OBJECT_STORAGE', 'NFS', 'SMB']);

const WORD: Readonly<Record<LocationType, string>> = {
  NFS: 'NFS',
  SMB: 'SMB',
  HDFS: 'HDFS',
  EFS: 'EFS',
  FSX_WINDOWS: 'FSx for Windows',
  FSX_LUSTRE: 'FSx for Lustre',
  FSX_ONTAP: 'FSx for ONTAP',
  FSX_OPENZFS: 'FSx for OpenZFS',
  S3: 'S3',
  OBJECT_STORAGE: 'object storage',
  AZURE_BLOB: 'Azure Blob',
};

/** True when AWS offers Enhanced mode between these two location types. */
export function enhancedModeOffered(source: LocationType, destination: LocationType): boolean {
  return (source === 'S3' && ENHANCED_WITH_S3.has(destination)) || (destination === 'S3' && ENHANCED_WITH_S3.has(source));
}

/**
 * An error when the context names Enhanced mode for a location pair that AWS does not offer it
 * for, and the context the rules should see then (without the mode); otherwise the context as is.
 */
export function checkContext(
  context: TaskContext,
  sourceMap: SourceMap,
  /** Where the payload as a whole is; read only when the context is wrong. */
  unit: { readonly fallback: SourceLocation },
): { readonly context: TaskContext; readonly diagnostics: readonly Diagnostic[] } {
  const source = context.source?.type;
  const destination = context.destination?.type;
  if (context.mode !== 'ENHANCED' || !source || !destination || !(source in WORD) || !(destination in WORD) || enhancedModeOffered(source, destination)) {
    return { context, diagnostics: [] };
  }
  const at = sourceMap.get('/@context/mode') ?? locate(sourceMap, '/TaskArn', 'key') ?? unit.fallback;
  const related = (['source', 'destination'] as const).flatMap((end) => {
    const loc = sourceMap.get(`/@context/${end}/type`);
    return loc ? [{ ...loc, message: `the ${end} is ${WORD[end === 'source' ? source : destination]}` }] : [];
  });
  const diagnostic: Diagnostic = {
    ...at,
    severity: 'error',
    ruleId: DiagnosticIds.invalidValue,
    messageId: 'enhancedModeUnavailable',
    message: `Enhanced mode is offered only between S3 and S3, Azure Blob, other clouds (object storage) or NFS/SMB (with an Enhanced-mode agent), AWS says; this task goes from ${WORD[source]} to ${WORD[destination]}, so it is a Basic-mode task: write \`mode basic\`, or check the locations`,
    ...(related.length ? { related } : {}),
  };
  const { mode: _mode, ...withoutMode } = context;
  return { context: withoutMode, diagnostics: [diagnostic] };
}
