/**
 * `lint()`: one input file (`.dsi` intent or JSON/YAML request file) → every problem, in the
 * user's files. Both front ends feed the same schema check and the same rules.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { compareDiagnostics, DiagnosticIds } from '../core/diagnostic.js';
import type { TaskContext } from '../core/context.js';
import { locate } from '../core/source-map.js';
import { START_OF_FILE } from '../core/range.js';
import { RULE_FAILED, type RuleSetting } from '../rules/engine.js';
import type { Rule } from '../rules/create-rule.js';
import { builtinRules } from '../rules/index.js';
import { compile, type CompileCache, type ReadFile } from '../compiler/index.js';
import { parseRequest, requestFormatOf } from '../requests/index.js';
import { checkPayload } from './check.js';
import { applySuppressions, findSuppressions, unusedSuppressions, type RuleState, type SuppressionUse } from './suppressions.js';

/** Options of {@link lint}. */
export interface LintOptions {
  /** The file's name; its extension picks the front end (`.dsi`, `.json`, `.yaml`, `.yml`). */
  readonly filename: string;
  /** Reads imported `.dsi` files; defaults to the file system, confined to the project root. */
  readonly readFile?: ReadFile;
  /** Folders besides the project root that imports may read (with the default `readFile`). */
  readonly importRoots?: readonly string[];
  /** Task context known from elsewhere (configuration, AWS), by task ARN. */
  readonly context?: (taskArn: string) => TaskContext | undefined;
  /** The rules to run; defaults to the built-in rules. */
  readonly rules?: readonly Rule<any>[];
  /** Severity overrides by rule id (`off` disables a rule). */
  readonly ruleSettings?: Readonly<Record<string, RuleSetting>>;
  /** Shared by the lints of one run, so that a file imported by many is parsed once. */
  readonly cache?: CompileCache;
  /**
   * Whether to report `dsi-ignore` comments that excuse nothing (default true). A caller that
   * lints several files turns this off and calls {@link reportUnusedSuppressions} once for all.
   */
  readonly reportUnusedSuppressions?: boolean;
}

/** The result of {@link lint}. */
export interface LintResult {
  /** Every problem, sorted; some may be in files the input imports. */
  readonly diagnostics: readonly Diagnostic[];
  /** The text of every file read, by name. */
  readonly sources: ReadonlyMap<string, string>;
  /** The task ARNs the input starts (for resolving context from AWS). */
  readonly taskArns: readonly string[];
  /** How many payloads were checked (intents compiled, or 1 for a request file). */
  readonly checked: number;
  /** The `dsi-ignore` comments met, and whether each excused something. */
  readonly suppressions: readonly SuppressionUse[];
}

/** True when `file` is something `lint` reads: `.dsi` or a JSON/YAML request file. */
export function isLintable(file: string): boolean {
  return /\.dsi$/i.test(file) || requestFormatOf(file) !== undefined;
}

/** A failure of dsi itself (a rule that threw, an unexpected exception), not of the input. */
export function isInternal(d: Diagnostic): boolean {
  return d.ruleId === DiagnosticIds.internal || d.messageId === RULE_FAILED;
}

/** Lints one input. Synchronous; never throws on bad input. */
export function lint(source: string, options: LintOptions): LintResult {
  const file = options.filename;
  let result: LintResult;
  try {
    result = /\.dsi$/i.test(file) ? lintIntents(source, options) : lintRequest(source, options);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      diagnostics: [{ file, range: START_OF_FILE, severity: 'error', ruleId: DiagnosticIds.internal, message: `internal error while linting: ${message}` }],
      sources: new Map([[file, source]]),
      taskArns: [],
      checked: 0,
      suppressions: [],
    };
  }
  if (options.reportUnusedSuppressions === false) return result;
  // Alone, a file can only judge its own comments, and only when it had something to check.
  const unused = reportUnusedSuppressions([result], (f) => f === file && result.checked > 0, options);
  return unused.length ? { ...result, diagnostics: dedupe([...result.diagnostics, ...unused]) } : result;
}

/**
 * Warnings for the `dsi-ignore` comments of several lint results that excused nothing in any of
 * them (and for unknown rule ids). `judged(file)` says where "nothing" can be told.
 */
export function reportUnusedSuppressions(
  results: readonly LintResult[],
  judged: (file: string) => boolean,
  options: Pick<LintOptions, 'rules' | 'ruleSettings'> = {},
): Diagnostic[] {
  const rules = options.rules ?? builtinRules;
  const state = (id: string): RuleState => {
    const rule = rules.find((r) => r.id === id);
    if (!rule) return id === DiagnosticIds.schema ? 'ran' : 'unknown';
    // A rule that is off, or needs task context, may simply not have run: its comment cannot be judged.
    return options.ruleSettings?.[id] === 'off' || (rule.meta.needs?.length ?? 0) > 0 ? 'idle' : 'ran';
  };
  return unusedSuppressions(
    results.flatMap((r) => r.suppressions),
    { judged, state, knownIds: rules.map((r) => r.id) },
  );
}

function lintIntents(source: string, options: LintOptions): LintResult {
  const result = compile(source, options);
  const diagnostics = dedupe([...result.diagnostics, ...result.intents.flatMap((i) => i.diagnostics)]);
  const taskArns = result.intents.map((i) => i.payload.TaskArn).filter((a): a is string => typeof a === 'string');
  return { diagnostics, sources: result.sources, taskArns, checked: result.intents.length, suppressions: result.suppressions };
}

function lintRequest(source: string, options: LintOptions): LintResult {
  const file = options.filename;
  const parsed = parseRequest(source, file);
  const diagnostics = [...parsed.diagnostics];
  const payload = parsed.payload;
  const taskArns: string[] = [];
  let checked = 0;
  if (payload !== undefined && payload !== null && typeof payload === 'object' && !Array.isArray(payload)) {
    checked = 1;
    const arn = (payload as { TaskArn?: unknown }).TaskArn;
    if (typeof arn === 'string') taskArns.push(arn);
    diagnostics.push(
      ...checkPayload({
        file,
        payload,
        context: (typeof arn === 'string' ? options.context?.(arn) : undefined) ?? {},
        sourceMap: parsed.sourceMap,
        fallback: locate(parsed.sourceMap, '', 'key') ?? { file, range: START_OF_FILE },
        ...(options.rules ? { rules: options.rules } : {}),
        ...(options.ruleSettings ? { ruleSettings: options.ruleSettings } : {}),
        dialect: 'request',
      }),
    );
  }
  const problems: Diagnostic[] = [];
  const suppressions = findSuppressions(source, file, problems);
  const { kept, uses } = applySuppressions([...diagnostics, ...problems], suppressions);
  return { diagnostics: dedupe(kept), sources: new Map([[file, source]]), taskArns, checked, suppressions: uses };
}

/** Drops repeats (an imported file's problem reached through two intents) and sorts. */
export function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = `${d.file}\0${d.range.start.offset}\0${d.range.end.offset}\0${d.ruleId}\0${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out.sort(compareDiagnostics);
}
