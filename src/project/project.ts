/**
 * The orchestrator of a run over many files, as ESLint's `ESLint` class is for ESLint: it owns the
 * inputs, the per-run cache, the configuration in force for each file, judging waivers over the
 * whole run, and the fix loop. The CLI commands (and embedders, and an editor) are thin callers.
 */
import { dirname, resolve } from 'node:path';
import type { TaskContext } from '../core/context.js';
import { DiagnosticIds, type Diagnostic } from '../core/diagnostic.js';
import type { FileResult } from '../core/result.js';
import { dedupe } from '../check/index.js';
import type { WaiverOptions } from '../check/suppressions.js';
import { createCompileCache, type ReadFile } from '../compiler/index.js';
import type { Rule } from '../rules/create-rule.js';
import type { RuleSetting } from '../rules/engine.js';
import { builtinRules } from '../rules/index.js';
import { describeFileError } from '../files/read.js';
import { expandInputs, fileProblem, inputProblems, readInput } from '../files/inputs.js';
import { createImportReader, projectRootFinder, realPathOf } from '../files/roots.js';
import { writeFilesAtomically, type WriteResult } from '../files/write.js';
import { compile, type CompiledIntent } from './compile.js';
import { applyFixes } from './fix.js';
import { isLintable, lint, reportUnusedSuppressions, type LintResult } from './lint.js';

/** What a run applies to every file. */
export interface ProjectOptions {
  /** The working folder: relative paths are resolved against it, and printed relative to it. */
  readonly cwd: string;
  /** The rules; default the built-in rules. */
  readonly rules?: readonly Rule<any>[];
  /** Levels and options by rule id, over the configuration (`--rule`). */
  readonly ruleSettings?: Readonly<Record<string, RuleSetting>>;
  /** Folders besides the project root that imports and symlinked inputs may read (`--import-root`). */
  readonly importRoots?: readonly string[];
  /** Task context known from elsewhere (AWS), by task ARN; a file's own context wins. */
  readonly context?: (taskArn: string) => TaskContext | undefined;
  /** `false` ignores every `dsi-ignore` waiver (`--no-inline-config`). */
  readonly inlineConfig?: boolean;
  /** How waivers that excuse nothing are reported (default `warn`). */
  readonly reportUnusedWaivers?: 'off' | 'warn' | 'error';
  /** The day waivers are judged against (`YYYY-MM-DD`, UTC); default today. */
  readonly today?: string;
}

/** Files to check and their texts, with the problems of the paths that could not be read. */
export interface InputSet {
  /** Every path reported on, sorted: the files read and the paths that failed. */
  readonly files: readonly string[];
  /** The text of each file read, by path relative to the working folder. */
  readonly texts: ReadonlyMap<string, string>;
  readonly problems: readonly Diagnostic[];
}

/** Which files a command reads. */
export interface InputKind {
  /** Globs folders are walked for (`**\/*.dsi`). */
  readonly patterns: readonly string[];
  /** Why a file is not for this command, or undefined when it is. */
  readonly refuse?: (file: string) => string | undefined;
}

/** The result of {@link Project.lint}. */
export interface LintRun {
  /** One entry per input path (and per other file with problems), sorted by path. */
  readonly results: readonly FileResult[];
  /** Every problem in force, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** With `fix`: the files whose text the fixes changed, as read and as fixed. */
  readonly fixes: ReadonlyMap<string, { readonly before: string; readonly after: string }>;
}

/** The result of {@link Project.compile}. */
export interface CompileRun {
  /** Each intent's payload by intent name, sorted by name; empty when any input has an error. */
  readonly payloads: ReadonlyMap<string, { readonly payload: unknown; readonly file: string }>;
  /** Every problem, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** The text of every file read (for showing source lines). */
  readonly sources: ReadonlyMap<string, string>;
}

/** A run over many files: see {@link createProject}. */
export interface Project {
  /**
   * Expands paths (files, and folders walked for `kind.patterns`) and reads them; `kind.refuse`
   * says why a file is not for this command (default: not a `.dsi` or request file). `stdin`
   * stands for one file read from standard input.
   */
  readInputs(paths: readonly string[], kind: InputKind, stdin?: { readonly name: string; readonly text: () => Promise<string> }): Promise<InputSet>;
  /** The task ARNs the inputs start (to resolve their context from AWS). */
  taskArns(inputs: InputSet): string[];
  /** Lints the inputs; with `fix`, applies fixes in memory, pass after pass, and reports what remains. */
  lint(inputs: InputSet, options?: { readonly fix?: boolean; readonly context?: ProjectOptions['context'] }): LintRun;
  /** Compiles the `.dsi` inputs; payloads only when no input has an error. */
  compile(inputs: InputSet): CompileRun;
  /** Writes the fixed files whole, leaving any that changed since they were read (listed in `skipped`). */
  outputFixes(run: LintRun, options?: { readonly handleSignals?: boolean }): Promise<WriteResult>;
}

/** Creates a {@link Project} for one run. */
export function createProject(options: ProjectOptions): Project {
  const { cwd } = options;
  const rootOf = projectRootFinder(cwd);
  const importRoots = options.importRoots ?? [];
  const rules = options.rules ?? builtinRules;
  const cache = createCompileCache();
  const waivers: WaiverOptions = { ...(options.inlineConfig === false ? { inline: false } : {}), ...(options.today ? { today: options.today } : {}) };
  const readers = new Map<string, ReadFile>();
  // Imports of each entry are confined to its project root and the allowed folders.
  const importReader = (entry: string): ReadFile => {
    let reader = readers.get(entry);
    if (!reader) readers.set(entry, (reader = createImportReader(entry, { cwd, importRoots, projectRoot: rootOf(dirname(entry)) })));
    return reader;
  };

  const lintAll = (texts: ReadonlyMap<string, string>, context: ProjectOptions['context'], only?: readonly string[]): LintResult[] =>
    [...texts].filter(([file]) => !only || only.includes(file)).map(([file, text]) =>
      lint(text, {
        filename: file,
        readFile: (p) => texts.get(p) ?? importReader(file)(p),
        rules,
        ...(options.ruleSettings ? { ruleSettings: options.ruleSettings } : {}),
        cache,
        reportUnusedSuppressions: false,
        waivers,
        ...(context ? { context } : {}),
      }),
    );

  return {
    async readInputs(paths, kind, stdin) {
      const refuse = kind.refuse ?? ((f: string) => (isLintable(f) ? undefined : `${f} is neither a .dsi intent nor a .json/.yaml/.yml request file`));
      const texts = new Map<string, string>();
      const problems: Diagnostic[] = [];
      if (stdin) {
        try {
          texts.set(stdin.name, await stdin.text());
        } catch (e) {
          problems.push(fileProblem(stdin.name, `cannot read standard input: ${describeFileError(e)}`));
        }
        return { files: [stdin.name], texts, problems };
      }
      const inputs = expandInputs(paths, kind.patterns, cwd, [rootOf(cwd), ...importRoots.map((r) => realPathOf(resolve(cwd, r)))]);
      problems.push(...inputProblems(inputs));
      for (const f of inputs.files) {
        const refused = refuse(f);
        if (refused !== undefined) {
          problems.push(fileProblem(f, refused));
          continue;
        }
        const read = readInput(cwd, f);
        if ('problem' in read) problems.push(read.problem);
        else texts.set(f, read.text);
      }
      const files = [...inputs.files, ...inputs.missing, ...inputs.unreadable.map((u) => u.path), ...inputs.refused.map((u) => u.path)].sort();
      return { files, texts, problems };
    },

    taskArns(inputs) {
      const arns = new Set<string>();
      for (const [file, text] of inputs.texts) {
        for (const a of lint(text, { filename: file, readFile: (p) => inputs.texts.get(p) ?? importReader(file)(p), rules: [], cache }).taskArns) arns.add(a);
      }
      return [...arns].sort();
    },

    lint(inputs, run = {}) {
      const context = run.context ?? options.context;
      const texts = new Map(inputs.texts);
      let results = lintAll(texts, context);
      let fixes: ReadonlyMap<string, { before: string; after: string }> = new Map();
      let conflicts: readonly Diagnostic[] = [];
      if (run.fix) {
        // Fixes of .dsi and request files, merged where rules fix one place (src/project/fix.ts).
        const outcome = applyFixes(texts, results, (t, only) => lintAll(t, context, only));
        ({ results, fixed: fixes, conflicts } = outcome);
      }
      const sources = new Map<string, string>();
      for (const r of results) for (const [f, t] of r.sources) sources.set(f, t);
      // A waiver is judged over the whole run: a template's line may be excused through another file's intent.
      const judged = (file: string) => texts.has(file) && results.some((r) => r.checked > 0 && r.sources.has(file));
      const severity = options.reportUnusedWaivers === 'error' ? 'error' : options.reportUnusedWaivers === 'off' ? 'off' : 'warning';
      const unused = options.inlineConfig === false ? [] : reportUnusedSuppressions(results, judged, { rules, ...(options.ruleSettings ? { ruleSettings: options.ruleSettings } : {}), severity });
      const diagnostics = dedupe([...inputs.problems, ...results.flatMap((r) => r.diagnostics), ...unused, ...conflicts]);
      const suppressed = dedupe(results.flatMap((r) => r.suppressed));
      const byFile = new Map<string, { diagnostics: Diagnostic[]; suppressed: Diagnostic[] }>(inputs.files.map((f) => [f, { diagnostics: [], suppressed: [] }]));
      const entry = (file: string) => byFile.get(file) ?? byFile.set(file, { diagnostics: [], suppressed: [] }).get(file)!;
      for (const d of diagnostics) entry(d.file).diagnostics.push(d);
      for (const d of suppressed) entry(d.file).suppressed.push(d);
      const fileResults = [...byFile]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([file, found]): FileResult => ({
          file,
          source: sources.get(file),
          diagnostics: found.diagnostics,
          suppressed: found.suppressed,
          ...(fixes.has(file) ? { output: fixes.get(file)!.after } : {}),
        }));
      return { results: fileResults, diagnostics, fixes };
    },

    compile(inputs) {
      const diagnostics: Diagnostic[] = [...inputs.problems];
      const sources = new Map<string, string>();
      const payloads = new Map<string, { payload: unknown; file: string }>();
      for (const [file, text] of inputs.texts) {
        const result = compile(text, {
          filename: file,
          readFile: (p) => inputs.texts.get(p) ?? importReader(file)(p),
          rules,
          ...(options.ruleSettings ? { ruleSettings: options.ruleSettings } : {}),
          cache,
          waivers,
          ...(options.context ? { context: options.context } : {}),
        });
        for (const [name, src] of result.sources) sources.set(name, src);
        diagnostics.push(...result.diagnostics);
        for (const intent of result.intents) diagnostics.push(...duplicateIntent(intent, file, payloads));
      }
      const all = dedupe(diagnostics);
      if (all.some((d) => d.severity === 'error')) return { payloads: new Map(), diagnostics: all, sources };
      const sorted = new Map([...payloads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      return { payloads: sorted, diagnostics: all, sources };
    },

    outputFixes(run, write = {}) {
      return writeFilesAtomically(
        [...run.fixes].map(([file, { before, after }]) => ({ path: resolve(cwd, file), content: after, shown: file, expected: before })),
        { within: rootOf(cwd), ...(write.handleSignals ? { handleSignals: true } : {}) },
      );
    },
  };
}

/** Records an intent's payload by name; an intent of the same name from another file is an error. */
function duplicateIntent(intent: CompiledIntent, file: string, payloads: Map<string, { payload: unknown; file: string }>): Diagnostic[] {
  const earlier = payloads.get(intent.name);
  if (earlier && earlier.file !== file) {
    return [
      {
        file,
        range: intent.range,
        severity: 'error',
        ruleId: DiagnosticIds.duplicateName,
        message: `intent \`${intent.name}\` is also declared in ${earlier.file}; intents compiled together need distinct names`,
      },
    ];
  }
  if (intent.payload !== undefined) payloads.set(intent.name, { payload: intent.payload, file });
  return [];
}
