/**
 * The `.dsi` front end: `.dsi` text (and what it imports) → one exact StartTaskExecution
 * payload per intent, with its task context and source map, as a {@link SourceUnit}. It checks
 * nothing: `compile()` (src/project/compile.ts) hands the unit to the check stage.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { DiagnosticIds } from '../core/diagnostic.js';
import { suppressionsFromComments, type Suppression } from '../core/suppressions.js';
import type { PayloadUnit, SourceUnit } from '../core/unit.js';
import type { PolicyDeclaration } from '../core/policy.js';
import type { PolicyNode } from '../grammar/ast.js';
import { compilePolicy } from './policies.js';
import { createCompileCache, resolveEntry, type CompileCache, type ReadFile, type LoadedFile, type Resolution } from './resolve.js';
import { emitPayload } from './emit/index.js';
import { DsiSourceMap } from './source-map.js';
import { createImportReader } from '../files/roots.js';
import { givenOptions, givenString, givenText } from '../core/given.js';
import { isMeasuring } from '../core/work.js';

export type { CompileCache, ReadFile } from './resolve.js';
export { createCompileCache } from './resolve.js';

/** Options of `buildIntents` and {@link loadPolicyFile}: the file and how its imports are read. */
export interface BuildOptions {
  /** The file's name: diagnostics carry it and imports are resolved relative to it. */
  readonly filename: string;
  /**
   * Reads imported files. The default reads the file system, confined to the project root of
   * `filename` and `importRoots` (see {@link createImportReader}).
   */
  readonly readFile?: ReadFile;
  /** Folders besides the project root that imports may read (with the default `readFile`). */
  readonly importRoots?: readonly string[];
  /** Shared by the builds of one run, so that a file imported by many is parsed once. */
  readonly cache?: CompileCache;
}

/** What a `report { }` block lacks, said in the language rather than in the API's member names. */
const REPORT_REQUIRED: Readonly<Record<string, string>> = {
  '/TaskReportConfig/Destination/S3 S3BucketArn': 'this report has no bucket: add `to "s3://bucket/prefix/"` to the report block',
  '/TaskReportConfig/Destination/S3 BucketAccessRoleArn':
    'this report has no role: add `role "arn:aws:iam::ACCOUNT:role/NAME"` to the report block, a role that may write to the report bucket',
};


/** Most intents compiled from one file (a 1 MiB file holds about 30,000 small ones). */
export const MAX_INTENTS_PER_FILE = 50_000;

/** Builds the payloads of the intents of one `.dsi` file, unchecked. May throw on a bug; callers guard it. */
export function buildIntents(source: string, options: BuildOptions): SourceUnit {
  const resolution = resolveEntry(source, options.filename, options.readFile ?? createImportReader(options.filename, { importRoots: options.importRoots ?? [] }), options.cache ?? sharedCache());
  if (options.cache === undefined) trimSharedCache();
  const texts = new Map([...resolution.files.values()].map((f) => [f.file, f.text] as const));
  const entry = resolution.entry;
  const policies = policiesOf(resolution);
  const payloads: PayloadUnit[] = [];
  const extra: Diagnostic[] = [];
  let intents = 0;
  for (const decl of entry.declarations) {
    if (decl.type !== 'Intent') continue;
    if (++intents > MAX_INTENTS_PER_FILE) {
      extra.push({
        file: entry.file,
        range: decl.name.range,
        severity: 'error',
        ruleId: DiagnosticIds.limit,
        message: `more than ${MAX_INTENTS_PER_FILE} intents in one file; this one and those after it were not compiled: split the file`,
      });
      break;
    }
    const settings = resolution.effective({ decl, file: entry });
    const sourceMap = new DsiSourceMap(texts, { decl, file: entry.file });
    const emitted = emitPayload(settings, sourceMap);
    const diagnostics: Diagnostic[] = [...emitted.diagnostics];
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
    payloads.push({
      name: decl.name.value,
      payload: emitted.payload,
      sourceMap,
      context: emitted.context,
      fallback: { file: entry.file, range: decl.name.range },
      dialect: 'dsi',
      range: decl.name.range,
      diagnostics,
      schemaWording: {
        // A missing task is reported in the language's words at the intent's name, and a member
        // whose statement failed (a bad `to` address) has its own diagnostic already.
        skip: (issue) =>
          issue.messageId === 'required' &&
          ((arn === undefined && issue.pointer === '' && issue.expected?.[0] === 'TaskArn') ||
            sourceMap.origin(`${issue.pointer}/${issue.expected?.[0]}`) !== undefined),
        rephrase: (issue) => (sourceMap.origin('/TaskReportConfig')?.keyword === 'report' ? REPORT_REQUIRED[`${issue.pointer} ${issue.expected?.[0]}`] : undefined),
      },
    });
  }
  // Every file's comments can excuse a problem placed in it; only the entry's malformed ones are reported here (each file reports its own).
  const commentProblems: Diagnostic[] = [];
  const suppressions: Suppression[] = [];
  for (const f of resolution.files.values()) suppressions.push(...suppressionsFromComments(f.comments, f.file, f === entry ? commentProblems : []));
  return {
    file: entry.file,
    payloads,
    diagnostics: [...resolution.diagnostics, ...policies.diagnostics, ...commentProblems, ...extra],
    sources: texts,
    suppressions,
    policies: policies.policies,
  };
}

/**
 * The cache of builds given none (library calls of `lint()` and `compile()`): a file that many
 * inputs import (a template) is parsed and lowered once, not once per call. Entries are checked
 * against the text read, so a changed file is parsed again; bounded, so that a long-lived process
 * importing ever new files does not keep them all.
 */
function sharedCache(): CompileCache {
  // A measured run counts the work of its input alone, imports included, as it did uncached.
  if (isMeasuring()) return createCompileCache();
  if (!shared || shared.parsed.size >= MAX_SHARED_FILES) shared = createCompileCache();
  return shared;
}

/** After a call: a shared cache that grew past its bounds (one input importing many or large files) is let go. */
function trimSharedCache(): void {
  if (!shared) return;
  let characters = 0;
  for (const entry of shared.parsed.values()) characters += entry.text.length;
  if (shared.parsed.size > MAX_SHARED_FILES || characters > MAX_SHARED_CHARACTERS) shared = undefined;
}

let shared: CompileCache | undefined;
const MAX_SHARED_FILES = 64;
const MAX_SHARED_CHARACTERS = 4 * 1024 * 1024;

/** What {@link loadPolicyFile} and the front end find: policies and the problems of their files. */
export interface LoadedPolicies {
  readonly policies: readonly PolicyDeclaration[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The policies of a `.dsi` file and of the files it imports directly (what it sees), for
 * policies that come from configuration; its intents and templates are checked but not compiled.
 */
export function loadPolicyFile(source: string, options?: BuildOptions): LoadedPolicies {
  const given = givenOptions(options);
  options = { ...given, filename: givenString(given.filename, 'policies.dsi') };
  source = givenText(source);
  const resolution = resolveEntry(source, options.filename, options.readFile ?? createImportReader(options.filename, { importRoots: options.importRoots ?? [] }), options.cache);
  const found = policiesOf(resolution);
  return { policies: found.policies, diagnostics: [...resolution.diagnostics, ...found.diagnostics] };
}

/** Every file's policies compiled (so each file's problems are reported); those the entry sees returned. */
function policiesOf(resolution: Resolution): LoadedPolicies {
  const diagnostics: Diagnostic[] = [];
  const compiled = new Map<PolicyNode, PolicyDeclaration>();
  for (const f of resolution.files.values()) {
    for (const node of policyNodes(f)) {
      const sink = {
        file: f.file,
        report: (ruleId: string, range: Diagnostic['range'], message: string, severity: Diagnostic['severity'] = 'error') =>
          diagnostics.push({ file: f.file, range, severity, ruleId, message }),
      };
      compiled.set(node, compilePolicy(node, f.text, sink));
    }
  }
  const entry = resolution.entry;
  // Imports first: a policy declared in the file and imported too is reported at the file's own.
  const seen = [...entry.imports.flatMap((i) => (i.target && i.target !== entry ? [i.target] : [])), entry];
  const policies = [...new Set(seen)].flatMap((f) => policyNodes(f).map((n) => compiled.get(n)!));
  return { policies, diagnostics };
}

function policyNodes(f: LoadedFile): PolicyNode[] {
  return f.ast.items.filter((i): i is PolicyNode => i.type === 'Policy');
}
