/**
 * `compile()`: `.dsi` text → one exact StartTaskExecution payload per intent, with its task
 * context, source map and diagnostics. Never throws on bad input.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { compareDiagnostics, DiagnosticIds } from '../core/diagnostic.js';
import { mergeContext, type TaskContext } from '../core/context.js';
import type { SourceMap } from '../core/source-map.js';
import type { Payload } from '../core/payload.js';
import type { Range } from '../core/range.js';
import { START_OF_FILE } from '../core/range.js';
import type { RuleSetting } from '../rules/engine.js';
import { checkPayload } from '../lint/check.js';
import type { Rule } from '../rules/create-rule.js';
import { applySuppressions, findSuppressions, type Suppression, type SuppressionUse } from '../lint/suppressions.js';
import { resolveEntry, type CompileCache, type ReadFile } from './resolve.js';
import { emitPayload } from './emit/index.js';
import { DsiSourceMap } from './source-map.js';
import { createImportReader } from '../files/roots.js';

export type { CompileCache, ReadFile } from './resolve.js';
export { createCompileCache } from './resolve.js';

/** Options of {@link compile}. */
export interface CompileOptions {
  /** The file's name: diagnostics carry it and imports are resolved relative to it. */
  readonly filename: string;
  /**
   * Reads imported files. The default reads the file system, confined to the project root of
   * `filename` and `importRoots` (see {@link createImportReader}).
   */
  readonly readFile?: ReadFile;
  /** Folders besides the project root that imports may read (with the default `readFile`). */
  readonly importRoots?: readonly string[];
  /**
   * Task context known from elsewhere (configuration, AWS), by task ARN; what the intent's
   * `task { }` block writes wins over it.
   */
  readonly context?: (taskArn: string) => TaskContext | undefined;
  /** The rules to run; defaults to the built-in rules. `false` runs none (schema only). */
  readonly rules?: readonly Rule<any>[] | false;
  /** Severity overrides by rule id (`off` disables a rule). */
  readonly ruleSettings?: Readonly<Record<string, RuleSetting>>;
  /** Shared by the compiles of one run, so that a file imported by many is parsed once. */
  readonly cache?: CompileCache;
}

/** One compiled intent. */
export interface CompiledIntent {
  readonly name: string;
  /** The request, in the model's key order; check `diagnostics` before sending it. */
  readonly payload: Payload;
  /** What is known of the task (from the `task { }` block and `options.context`). */
  readonly context: TaskContext;
  /** Problems of this intent: missing settings, schema violations, rules. */
  readonly diagnostics: readonly Diagnostic[];
  /** Payload JSON Pointer → where in the `.dsi` files it was set. */
  readonly sourceMap: SourceMap;
  /** The range of the intent's name. */
  readonly range: Range;
}

/** The result of {@link compile}. */
export interface CompileResult {
  readonly intents: readonly CompiledIntent[];
  /** Problems of the files themselves: syntax, imports, names, values, duplicates. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read, by name (the entry and what it imports), for showing source lines. */
  readonly sources: ReadonlyMap<string, string>;
  /** The `dsi-ignore` comments of those files and whether each excused something here. */
  readonly suppressions: readonly SuppressionUse[];
}

/** What a `report { }` block lacks, said in the language rather than in the API's member names. */
const REPORT_REQUIRED: Readonly<Record<string, string>> = {
  '/TaskReportConfig/Destination/S3 S3BucketArn': 'this report has no bucket: add `to "s3://bucket/prefix/"` to the report block',
  '/TaskReportConfig/Destination/S3 BucketAccessRoleArn':
    'this report has no role: add `role "arn:aws:iam::ACCOUNT:role/NAME"` to the report block, a role that may write to the report bucket',
};


/** Compiles the intents of one `.dsi` file. Synchronous; never throws on bad input. */
export function compile(source: string, options: CompileOptions = { filename: 'input.dsi' }): CompileResult {
  const file = options?.filename ?? 'input.dsi';
  try {
    return compileUnsafe(source, options);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      intents: [],
      diagnostics: [{ file, range: START_OF_FILE, severity: 'error', ruleId: DiagnosticIds.internal, message: `internal error while compiling: ${message}` }],
      sources: new Map([[file, source]]),
      suppressions: [],
    };
  }
}

function compileUnsafe(source: string, options: CompileOptions): CompileResult {
  const resolution = resolveEntry(source, options.filename, options.readFile ?? createImportReader(options.filename, { importRoots: options.importRoots ?? [] }), options.cache);
  const texts = new Map([...resolution.files.values()].map((f) => [f.file, f.text] as const));
  const entry = resolution.entry;
  const intents: CompiledIntent[] = [];
  for (const decl of entry.declarations) {
    if (decl.type !== 'Intent') continue;
    const settings = resolution.effective({ decl, file: entry });
    const sourceMap = new DsiSourceMap(texts, { decl, file: entry.file });
    const emitted = emitPayload(settings, sourceMap);
    const diagnostics = [...emitted.diagnostics];
    const arn = emitted.payload.TaskArn;
    if (arn === undefined) {
      diagnostics.push({
        file: entry.file,
        range: decl.name.range,
        severity: 'error',
        ruleId: DiagnosticIds.missingTask,
        message: `intent \`${decl.name.value}\` has no \`task\`; add \`task "arn:aws:datasync:REGION:ACCOUNT:task/task-…"\` or extend a template that has one`,
      });
    }
    const known = typeof arn === 'string' ? options.context?.(arn) : undefined;
    const context = mergeContext(known, emitted.context);
    diagnostics.push(
      ...checkPayload({
        file: entry.file,
        payload: emitted.payload,
        context,
        sourceMap,
        fallback: { file: entry.file, range: decl.name.range },
        // A missing task is reported in the language's words at the intent's name, and a member
        // whose statement failed (a bad `to` address) has its own diagnostic already.
        skipIssue: (issue) =>
          issue.messageId === 'required' &&
          ((arn === undefined && issue.pointer === '' && issue.expected?.[0] === 'TaskArn') ||
            sourceMap.origin(`${issue.pointer}/${issue.expected?.[0]}`) !== undefined),
        rephrase: (issue) => (sourceMap.origin('/TaskReportConfig')?.keyword === 'report' ? REPORT_REQUIRED[`${issue.pointer} ${issue.expected?.[0]}`] : undefined),
        ...(options.rules !== undefined ? { rules: options.rules } : {}),
        ...(options.ruleSettings ? { ruleSettings: options.ruleSettings } : {}),
        dialect: 'dsi',
      }),
    );
    intents.push({ name: decl.name.value, payload: emitted.payload as unknown as Payload, context, diagnostics, sourceMap, range: decl.name.range });
  }

  // Suppressions apply across files (a template's line can be excused in its own file).
  const fileProblems: Diagnostic[] = [];
  const suppressions: Suppression[] = [];
  for (const f of resolution.files.values()) suppressions.push(...findSuppressions(f.text, f.file, f === entry ? fileProblems : []));
  const all = [...resolution.diagnostics, ...fileProblems];
  const tagged = [...all.map((d) => ({ d, owner: -1 })), ...intents.flatMap((intent, i) => intent.diagnostics.map((d) => ({ d, owner: i })))];
  const { kept, uses } = applySuppressions(
    tagged.map((t) => t.d),
    suppressions,
  );
  const keptSet = new Set(kept);
  const owned = (i: number) => tagged.filter((t) => t.owner === i && keptSet.has(t.d)).map((t) => t.d).sort(compareDiagnostics);
  return {
    intents: intents.map((intent, i) => ({ ...intent, diagnostics: owned(i) })),
    diagnostics: owned(-1),
    sources: texts,
    suppressions: uses,
  };
}
