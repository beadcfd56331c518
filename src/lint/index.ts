/**
 * `lint()`: one input file (`.dsi` intent or JSON/YAML request file) → every problem, in the
 * user's files. Both front ends feed the same schema check and the same rules.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { compareDiagnostics, DiagnosticIds } from '../core/diagnostic.js';
import type { TaskContext } from '../core/context.js';
import { locate } from '../core/source-map.js';
import { START_OF_FILE } from '../core/range.js';
import type { RuleSetting } from '../rules/engine.js';
import { checkPayload } from './check.js';
import type { Rule } from '../rules/create-rule.js';
import { compile, type ReadFile } from '../compiler/index.js';
import { parseRequest, requestFormatOf } from '../requests/index.js';
import { applySuppressions, findSuppressions } from './suppressions.js';

/** Options of {@link lint}. */
export interface LintOptions {
  /** The file's name; its extension picks the front end (`.dsi`, `.json`, `.yaml`, `.yml`). */
  readonly filename: string;
  /** Reads imported `.dsi` files; defaults to the file system. */
  readonly readFile?: ReadFile;
  /** Task context known from elsewhere (configuration, AWS), by task ARN. */
  readonly context?: (taskArn: string) => TaskContext | undefined;
  /** The rules to run; defaults to the built-in rules. */
  readonly rules?: readonly Rule<any>[];
  /** Severity overrides by rule id (`off` disables a rule). */
  readonly ruleSettings?: Readonly<Record<string, RuleSetting>>;
}

/** The result of {@link lint}. */
export interface LintResult {
  /** Every problem, sorted; some may be in files the input imports. */
  readonly diagnostics: readonly Diagnostic[];
  /** The text of every file read, by name. */
  readonly sources: ReadonlyMap<string, string>;
  /** The task ARNs the input starts (for resolving context from AWS). */
  readonly taskArns: readonly string[];
}

/** True when `file` is something `lint` reads: `.dsi` or a JSON/YAML request file. */
export function isLintable(file: string): boolean {
  return /\.dsi$/i.test(file) || requestFormatOf(file) !== undefined;
}

/** Lints one input. Synchronous; never throws on bad input. */
export function lint(source: string, options: LintOptions): LintResult {
  const file = options.filename;
  try {
    return /\.dsi$/i.test(file) ? lintIntents(source, options) : lintRequest(source, options);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      diagnostics: [{ file, range: START_OF_FILE, severity: 'error', ruleId: DiagnosticIds.internal, message: `internal error while linting: ${message}` }],
      sources: new Map([[file, source]]),
      taskArns: [],
    };
  }
}

function lintIntents(source: string, options: LintOptions): LintResult {
  const result = compile(source, options);
  const diagnostics = dedupe([...result.diagnostics, ...result.intents.flatMap((i) => i.diagnostics)]);
  const taskArns = result.intents.map((i) => i.payload.TaskArn).filter((a): a is string => typeof a === 'string');
  return { diagnostics, sources: result.sources, taskArns };
}

function lintRequest(source: string, options: LintOptions): LintResult {
  const file = options.filename;
  const parsed = parseRequest(source, file);
  const diagnostics = [...parsed.diagnostics];
  const payload = parsed.payload;
  const taskArns: string[] = [];
  if (payload !== undefined && payload !== null && typeof payload === 'object' && !Array.isArray(payload)) {
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
      }),
    );
  }
  const problems: Diagnostic[] = [];
  const suppressions = findSuppressions(source, file, problems);
  const kept = applySuppressions([...diagnostics, ...problems], suppressions, () => true);
  return { diagnostics: dedupe(kept), sources: new Map([[file, source]]), taskArns };
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
