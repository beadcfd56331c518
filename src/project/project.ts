/**
 * The orchestrator of a run over many files, as ESLint's `ESLint` class is for ESLint: it owns the
 * inputs, the per-run cache, the configuration in force for each file, judging waivers over the
 * whole run, and the fix loop. The CLI commands (and embedders, and an editor) are thin callers.
 */
import { givenOptions, givenString } from '../core/given.js';
import { dirname, resolve } from 'node:path';
import type { TaskContext } from '../core/context.js';
import { DiagnosticIds, type Diagnostic } from '../core/diagnostic.js';
import type { FileResult } from '../core/result.js';
import { dedupe } from '../check/index.js';
import type { CompileCache, ReadFile } from '../compiler/index.js';
import type { Rule } from '../rules/create-rule.js';
import type { RuleSetting } from '../rules/engine.js';
import { builtinRules } from '../rules/index.js';
import { describeFileError, MAX_INPUT_BYTES, readRegularFile } from '../files/read.js';
import { expandInputs, fileProblem, inputProblems, readInput, type IgnoreOptions } from '../files/inputs.js';
import { createImportReader, isInside, projectRootFinder, realPathOf } from '../files/roots.js';
import { writeFilesAtomically, type WriteResult } from '../files/write.js';
import type { CompiledIntent } from './compile.js';
import { applyFixes } from './fix.js';
import { isLintable, lintWith, reportUnusedSuppressions, type LintOptions, type LintResult } from './linting.js';
import { intentFrontEnd, isIntentFile, loadIntentFrontEnd } from './front-ends.js';
import { createSettings, layeredContext, type FileSettings } from './settings.js';
import { explainDependent, findDependents, type Dependent } from './dependents.js';
import { measureWork, type WorkStats } from '../core/work.js';

/** What a run applies to every file (and which files ignore files and `--ignore-pattern` exclude). */
export interface CreateProjectOptions extends IgnoreOptions {
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
  /** `--config FILE`: that configuration file alone (with what it extends), no discovery. */
  readonly configFile?: string;
  /** `false`: read no configuration files (defaults and the options here only). */
  readonly config?: boolean;
  /** `false` (`--no-plugins`): do not load the plugins configuration names (untrusted trees). */
  readonly plugins?: boolean;
  /** Largest `.dsi` file read, inputs and imports (`--max-input-size`); default {@link MAX_INPUT_BYTES}. Request files may always be 8 MiB. */
  readonly maxInputBytes?: number;
}

/** Files to check and their texts, with the problems of the paths that could not be read. */
export interface InputSet {
  /** Every path reported on, sorted: the files read and the paths that failed. */
  readonly files: readonly string[];
  /** The text of each file read, by path relative to the working folder. */
  readonly texts: ReadonlyMap<string, string>;
  readonly problems: readonly Diagnostic[];
  /** Files named on the command line that an ignore file or pattern excludes: not read (the CLI warns). */
  readonly ignored?: readonly string[];
  /** Files read because they import an input (with `kind.dependents`), and through which imports. */
  readonly dependents?: readonly Dependent[];
}

/** Which files a command reads. */
export interface InputKind {
  /** Globs folders are walked for (`**\/*.dsi`). */
  readonly patterns: readonly string[];
  /** Why a file is not for this command, or undefined when it is. */
  readonly refuse?: (file: string) => string | undefined;
  /** Also read every `.dsi` file of the project that imports an input, directly or transitively. */
  readonly dependents?: boolean;
}

/** The result of {@link Project.lint}. */
export interface LintRun {
  /** One entry per input path (and per other file with problems), sorted by path. */
  readonly results: readonly FileResult[];
  /** Every problem in force, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** With `fix`: the files whose text the fixes changed, as read and as fixed. */
  readonly fixes: ReadonlyMap<string, { readonly before: string; readonly after: string }>;
  /** Command-line settings refused (a `--rule` on a locked rule or naming no rule), each a sentence. */
  readonly refused: readonly string[];
  /** With `stats`: the work the run did and the time of each stage (`dsi lint --stats`). */
  readonly stats?: WorkStats;
}

/** The result of {@link Project.compile}. */
export interface CompileRun {
  /** Each intent's payload by intent name, sorted by name; empty when any input has an error. */
  readonly payloads: ReadonlyMap<string, { readonly payload: unknown; readonly file: string }>;
  /** Every problem, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** The text of every file read (for showing source lines). */
  readonly sources: ReadonlyMap<string, string>;
  /** Command-line settings refused (a `--rule` on a locked rule or naming no rule), each a sentence. */
  readonly refused: readonly string[];
}

/** A run over many files: see {@link createProject}. */
export interface Project {
  /**
   * Expands paths (files, and folders walked for `kind.patterns`) and reads them; `kind.refuse`
   * says why a file is not for this command (default: not a `.dsi` or request file). `stdin`
   * stands for one file read from standard input.
   */
  readInputs(paths: readonly string[], kind: InputKind, stdin?: { readonly name: string; readonly text: () => Promise<string> }): Promise<InputSet>;
  /**
   * Resolves the configuration in force for these files (config files, plugins, policy files),
   * once each, and loads the intent front end for `.dsi` files. {@link Project.readInputs} does it
   * for what it reads; call it for texts from elsewhere (an editor's buffers) before linting them.
   * A file not prepared gets the defaults (and a `.dsi` file an error, until some file was prepared).
   */
  prepare(files: Iterable<string>): Promise<void>;
  /** The settings in force for a prepared file (the defaults for one not prepared). */
  settingsOf(file: string): FileSettings;
  /** The task ARNs the inputs start (to resolve their context from AWS). */
  taskArns(inputs: InputSet): string[];
  /** Lints the inputs (read by {@link Project.readInputs}, or prepared); with `fix`, applies fixes in memory, pass after pass, and reports what remains. */
  lint(inputs: InputSet, options?: { readonly fix?: boolean; readonly context?: CreateProjectOptions['context']; readonly stats?: boolean }): LintRun;
  /** Compiles the `.dsi` inputs; payloads only when no input has an error. */
  compile(inputs: InputSet): CompileRun;
  /** Writes the fixed files whole, leaving any that changed since they were read (listed in `skipped`). */
  outputFixes(run: LintRun, options?: { readonly handleSignals?: boolean }): Promise<WriteResult>;
}

/** Creates a {@link Project} for one run. */
export function createProject(options?: CreateProjectOptions): Project {
  const given = givenOptions(options);
  options = { ...given, cwd: givenString(given.cwd, process.cwd()) };
  const { cwd } = options;
  const maxInputBytes = typeof options.maxInputBytes === 'number' && options.maxInputBytes > 0 ? options.maxInputBytes : MAX_INPUT_BYTES;
  const rootOf = projectRootFinder(cwd);
  const importRoots = options.importRoots ?? [];
  // The compile cache comes with the intent front end, loaded when the run meets a .dsi file.
  let compileCache: CompileCache | undefined;
  const cacheOf = () => (compileCache ??= intentFrontEnd()?.createCompileCache());
  const lint = (text: string, lintOptions: LintOptions) => lintWith(intentFrontEnd()?.buildIntents, text, lintOptions);
  const settings = createSettings({
    cwd,
    ...(Array.isArray(options.rules) ? { rules: options.rules } : {}),
    ...(options.ruleSettings ? { ruleSettings: options.ruleSettings } : {}),
    importRoots,
    ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
    ...(options.config === false ? { config: false } : {}),
    ...(options.plugins === false ? { plugins: false } : {}),
    ...(options.reportUnusedWaivers ? { reportUnusedWaivers: options.reportUnusedWaivers } : {}),
    ...(options.today ? { today: options.today } : {}),
    ...(options.inlineConfig === false ? { inlineConfig: false } : {}),
  });
  const prepared = new Map<string, FileSettings>();
  let defaults: FileSettings | undefined;
  const settingsOf = (file: string): FileSettings => {
    const found = prepared.get(file);
    if (found) return found;
    // Not prepared: the defaults, without configuration (prepare() is async: plugins load so).
    defaults ??= {
      rules: Array.isArray(options.rules) ? options.rules : builtinRules,
      ruleSettings: { ...(options.ruleSettings ?? {}) },
      policies: [],
      importRoots: importRoots.map((r) => resolve(cwd, r)),
      waivers: { ...(options.inlineConfig === false ? { inline: false } : {}), ...(options.today ? { today: options.today } : {}) },
      reportUnusedWaivers: options.reportUnusedWaivers === 'warn' || options.reportUnusedWaivers === undefined ? 'warning' : options.reportUnusedWaivers,
      diagnostics: [],
      refused: [],
    };
    return defaults;
  };
  const readers = new Map<string, ReadFile>();
  // Imports of each entry are confined to its project root and the allowed folders.
  const importReader = (entry: string): ReadFile => {
    let reader = readers.get(entry);
    if (!reader) readers.set(entry, (reader = createImportReader(entry, { cwd, importRoots: settingsOf(entry).importRoots, projectRoot: rootOf(dirname(entry)), limit: maxInputBytes })));
    return reader;
  };
  // Task context: the file's own block, over configuration, over AWS (given per run or per project).
  const contextOf = (s: FileSettings, aws: CreateProjectOptions['context']): CreateProjectOptions['context'] => (s.context || aws ? layeredContext(aws, s.context) : undefined);
  const optionsOf = (file: string, texts: ReadonlyMap<string, string>, aws: CreateProjectOptions['context']) => {
    const s = settingsOf(file);
    const context = contextOf(s, aws);
    return {
      filename: file,
      readFile: (p: string) => texts.get(p) ?? importReader(file)(p),
      rules: s.rules,
      ruleSettings: s.ruleSettings,
      policies: s.policies,
      ...(cacheOf() ? { cache: cacheOf() } : {}),
      waivers: s.waivers,
      ...(context ? { context } : {}),
    };
  };
  /** Problems of the configuration in force for the files checked, and the command-line settings refused. */
  const configured = (files: Iterable<string>) => {
    const diagnostics: Diagnostic[] = [];
    const refused = new Set<string>();
    for (const f of files) {
      const s = settingsOf(f);
      diagnostics.push(...s.diagnostics);
      for (const r of s.refused) refused.add(r);
    }
    return { diagnostics, refused: [...refused] };
  };

  const prepare = async (files: Iterable<string>): Promise<void> => {
    for (const file of files) {
      if (isIntentFile(file)) await loadIntentFrontEnd();
      if (!prepared.has(file)) prepared.set(file, await settings.settingsFor(file));
    }
  };

  const lintAll = (texts: ReadonlyMap<string, string>, context: CreateProjectOptions['context'], dependents: readonly Dependent[] = [], only?: readonly string[]): LintResult[] =>
    [...texts].filter(([file]) => !only || only.includes(file)).map(([file, text]) => {
      const result = lint(text, { ...optionsOf(file, texts, context), reportUnusedSuppressions: false });
      const dependent = dependents.find((d) => d.file === file);
      return dependent ? explainDependent(result, dependent) : result;
    });

  return {
    settingsOf,

    prepare,

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
        await prepare(texts.keys());
        return { files: [stdin.name], texts, problems };
      }
      const roots = [rootOf(cwd), ...importRoots.map((r) => realPathOf(resolve(cwd, r)))];
      const inputs = expandInputs(paths, kind.patterns, cwd, roots, options);
      problems.push(...inputProblems(inputs));
      for (const f of inputs.files) {
        const refused = refuse(f);
        if (refused !== undefined) {
          problems.push(fileProblem(f, refused));
          continue;
        }
        const read = readInput(cwd, f, maxInputBytes);
        if ('problem' in read) problems.push(read.problem);
        else texts.set(f, read.text);
      }
      const dependents = kind.dependents ? await findDependents([...texts.keys()], { ...options, rootOf, roots }) : [];
      for (const d of dependents) {
        const read = readInput(cwd, d.file);
        if ('text' in read) texts.set(d.file, read.text);
      }
      const files = [...inputs.files, ...inputs.missing, ...inputs.unreadable.map((u) => u.path), ...inputs.refused.map((u) => u.path), ...(inputs.empty ?? []), ...dependents.map((d) => d.file)].sort();
      await prepare(texts.keys());
      return { files, texts, problems, ignored: inputs.ignored ?? [], dependents };
    },

    taskArns(inputs) {
      const arns = new Set<string>();
      for (const [file, text] of inputs.texts) {
        for (const a of lint(text, { filename: file, readFile: (p) => inputs.texts.get(p) ?? importReader(file)(p), rules: [], ...(cacheOf() ? { cache: cacheOf() } : {}) }).taskArns) arns.add(a);
      }
      return [...arns].sort();
    },

    lint(inputs, run = {}) {
      if (run.stats) {
        const measured = measureWork(() => this.lint(inputs, { ...run, stats: false }));
        return { ...measured.value, stats: measured.stats };
      }
      const context = run.context ?? options.context;
      const texts = new Map(inputs.texts);
      let results = lintAll(texts, context, inputs.dependents);
      let fixes: ReadonlyMap<string, { before: string; after: string }> = new Map();
      let conflicts: readonly Diagnostic[] = [];
      if (run.fix) {
        // Fixes of .dsi and request files, merged where rules fix one place (src/project/fix.ts).
        const outcome = applyFixes(texts, results, (t, only) => lintAll(t, context, inputs.dependents, only));
        ({ results, fixed: fixes, conflicts } = outcome);
      }
      const sources = new Map<string, string>();
      for (const r of results) for (const [f, t] of r.sources) sources.set(f, t);
      // A waiver is judged over the whole run: a template's line may be excused through another file's intent.
      const checkedFiles = new Set(results.flatMap((r) => (r.checked > 0 ? [...r.sources.keys()] : [])));
      const judged = (file: string) => texts.has(file) && checkedFiles.has(file);
      // Each waiver is judged by the settings of its own file (a template's, when it is an input; else the defaults).
      const judgingOf = (file: string) => {
        const s = settingsOf(file);
        return { rules: s.rules, ruleSettings: s.ruleSettings, severity: s.reportUnusedWaivers };
      };
      const unused = options.inlineConfig === false ? [] : reportUnusedSuppressions(results, judged, { judgingOf });
      const config = configured(inputs.texts.keys());
      const diagnostics = dedupe([...inputs.problems, ...config.diagnostics, ...results.flatMap((r) => r.diagnostics), ...unused, ...conflicts]);
      const suppressed = dedupe(results.flatMap((r) => r.suppressed));
      const byFile = new Map<string, { diagnostics: Diagnostic[]; suppressed: Diagnostic[] }>(inputs.files.map((f) => [f, { diagnostics: [], suppressed: [] }]));
      const entry = (file: string) => byFile.get(file) ?? byFile.set(file, { diagnostics: [], suppressed: [] }).get(file)!;
      for (const d of diagnostics) entry(d.file).diagnostics.push(d);
      for (const d of suppressed) entry(d.file).suppressed.push(d);
      // A configuration problem is shown on its own line too: read the config file it is in.
      for (const d of config.diagnostics) if (!sources.has(d.file)) sources.set(d.file, readQuietly(d.file, rootOf(cwd)));
      const fileResults = [...byFile]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([file, found]): FileResult => ({
          file,
          source: sources.get(file),
          diagnostics: found.diagnostics,
          suppressed: found.suppressed,
          ...(fixes.has(file) ? { output: fixes.get(file)!.after } : {}),
        }));
      return { results: fileResults, diagnostics, fixes, refused: config.refused };
    },

    compile(inputs) {
      const config = configured(inputs.texts.keys());
      const diagnostics: Diagnostic[] = [...inputs.problems, ...config.diagnostics];
      const sources = new Map<string, string>();
      const payloads = new Map<string, { payload: unknown; file: string }>();
      const front = intentFrontEnd();
      for (const [file, text] of inputs.texts) {
        if (!front) throw new Error('the intent front end is not loaded: prepare the project for these files first');
        const result = front.compile(text, optionsOf(file, inputs.texts, options.context));
        for (const [name, src] of result.sources) sources.set(name, src);
        diagnostics.push(...result.diagnostics);
        for (const intent of result.intents) diagnostics.push(...duplicateIntent(intent, file, payloads));
      }
      for (const d of config.diagnostics) if (!sources.has(d.file)) sources.set(d.file, readQuietly(d.file, rootOf(cwd)));
      const all = dedupe(diagnostics);
      if (all.some((d) => d.severity === 'error')) return { payloads: new Map(), diagnostics: all, sources, refused: config.refused };
      const sorted = new Map([...payloads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      return { payloads: sorted, diagnostics: all, sources, refused: config.refused };
    },

    outputFixes(run, write = {}) {
      return writeFilesAtomically(
        [...run.fixes].map(([file, { before, after }]) => ({ path: resolve(cwd, file), content: after, shown: file, expected: before })),
        { within: rootOf(cwd), ...(write.handleSignals ? { handleSignals: true } : {}) },
      );
    },
  };
}

/**
 * A config file's text for showing its lines, or empty when it cannot be read or is outside the
 * project (an `extends` naming some other file must not print that file's lines).
 */
function readQuietly(path: string, root: string): string {
  try {
    if (!isInside(root, realPathOf(path))) return '';
    return readRegularFile(path);
  } catch {
    return '';
  }
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
