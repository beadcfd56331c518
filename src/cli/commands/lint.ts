/** `dsi lint PATH...`: intents and request files, every problem, in the chosen format. */
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Diagnostic, TextEdit } from '../../core/diagnostic.js';
import type { TaskContext } from '../../core/context.js';
import type { FileResult } from '../../core/result.js';
import { lint, isInternal, isLintable, reportUnusedSuppressions, type LintResult } from '../../project/lint.js';
import { dedupe } from '../../check/index.js';
import type { RuleSetting } from '../../rules/engine.js';
import { builtinRules, ruleInfo } from '../../rules/index.js';
import { suggest } from '../../core/words.js';
import { createCompileCache } from '../../compiler/index.js';
import { formatResults, type FormatName } from '../formatters/index.js';
import { expandInputs, fileProblem, inputProblems, readInput } from '../files.js';
import { createImportReader, projectRootFinder, realPathOf } from '../../files/roots.js';
import { describeFileError } from '../../files/read.js';
import { writeFilesAtomically, type CliIo } from '../io.js';
import { UsageError } from '../usage.js';
import { VERSION } from '../../version.js';

const FORMATS: readonly FormatName[] = ['stylish', 'json', 'sarif', 'github'];
const PATTERNS = ['**/*.dsi', '**/*.datasync.json', '**/*.datasync.yaml', '**/*.datasync.yml'];
const MAX_FIX_PASSES = 10;

/** `--rule ID:off|warn|error` → settings; unknown ids and levels are usage errors. */
export function parseRuleFlags(flags: readonly string[]): Record<string, RuleSetting> {
  const ids = builtinRules.map((r) => r.id);
  const settings: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const m = /^([^:]+):(off|warn|warning|error)$/.exec(flag);
    if (!m) throw new UsageError(`--rule takes ID:off|warn|error, got \`${flag}\``);
    if (!ids.includes(m[1])) {
      const hint = suggest(m[1], ids);
      throw new UsageError(`unknown rule \`${m[1]}\`` + (hint ? `; did you mean \`${hint}\`?` : `; rules: ${ids.join(', ')}`));
    }
    settings[m[1]] = m[2] === 'off' ? 'off' : m[2] === 'error' ? 'error' : 'warning';
  }
  return settings;
}

export async function lintCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f', default: 'stylish' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      rule: { type: 'string', multiple: true, default: [] },
      fix: { type: 'boolean', default: false },
      'resolve-context': { type: 'boolean', default: false },
      region: { type: 'string' },
      'endpoint-url': { type: 'string' },
      'stdin-filename': { type: 'string' },
      'output-file': { type: 'string', short: 'o' },
      'import-root': { type: 'string', multiple: true, default: [] },
    },
  });
  const format = values.format as FormatName;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format \`${values.format}\`; use one of ${FORMATS.join(', ')}`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError('--max-warnings takes a whole number');
    maxWarnings = Number(values['max-warnings']);
  }
  const ruleSettings = parseRuleFlags(values.rule ?? []);
  const stdinName = values['stdin-filename'];
  if (stdinName !== undefined && positionals.length > 0) throw new UsageError('--stdin-filename reads standard input; give no paths with it');
  if (stdinName !== undefined && !isLintable(stdinName)) throw new UsageError(`--stdin-filename must end in .dsi, .json, .yaml or .yml: ${stdinName}`);
  if (stdinName !== undefined && values.fix) throw new UsageError('--fix cannot be used with --stdin-filename');
  if (stdinName === undefined && positionals.length === 0) throw new UsageError('dsi lint needs at least one file or directory (or --stdin-filename)');

  // Inputs: stdin, or files and walked directories.
  const importRoots = values['import-root'] ?? [];
  const rootOf = projectRootFinder(io.cwd);
  const texts = new Map<string, string>();
  const problems: Diagnostic[] = [];
  let files: string[];
  if (stdinName !== undefined) {
    files = [stdinName];
    try {
      texts.set(stdinName, await io.readStdin());
    } catch (e) {
      problems.push(fileProblem(stdinName, `cannot read standard input: ${describeFileError(e)}`));
    }
  } else {
    const inputs = expandInputs(positionals, PATTERNS, io.cwd, [rootOf(io.cwd), ...importRoots.map((r) => realPathOf(resolve(io.cwd, r)))]);
    if (inputs.files.length === 0 && inputs.missing.length === 0 && inputs.unreadable.length === 0 && inputs.refused.length === 0) {
      throw new UsageError(`no files to lint in ${positionals.join(', ')} (looked for *.dsi and *.datasync.{json,yaml,yml})`);
    }
    files = [...inputs.files, ...inputs.missing, ...inputs.unreadable.map((u) => u.path), ...inputs.refused.map((u) => u.path)].sort();
    problems.push(...inputProblems(inputs));
    for (const f of inputs.files) {
      if (!isLintable(f)) {
        problems.push(fileProblem(f, `${f} is neither a .dsi intent nor a .json/.yaml/.yml request file`));
        continue;
      }
      const read = readInput(io.cwd, f);
      if ('problem' in read) problems.push(read.problem);
      else texts.set(f, read.text);
    }
  }
  const readFileFor = (entry: string) => (p: string) => texts.get(p) ?? readerOf(entry)(p);
  // Imports of each entry are confined to its project root and the --import-root folders.
  const readers = new Map<string, (path: string) => string>();
  const readerOf = (entry: string) => {
    let reader = readers.get(entry);
    if (!reader) readers.set(entry, (reader = createImportReader(entry, { cwd: io.cwd, importRoots, projectRoot: rootOf(dirname(entry)) })));
    return reader;
  };

  // Context from AWS: a first pass finds the task ARNs, then each is described once.
  let context: ((arn: string) => TaskContext | undefined) | undefined;
  if (values['resolve-context']) {
    const arns = new Set<string>();
    for (const [file, text] of texts) for (const a of lint(text, { filename: file, readFile: readFileFor(file), rules: [] }).taskArns) arns.add(a);
    const { resolveTaskContext } = await import('../../context/aws.js');
    const known = new Map<string, TaskContext>();
    for (const arn of [...arns].sort()) {
      const resolved = await resolveTaskContext(arn, { region: values.region, endpoint: values['endpoint-url'] });
      known.set(arn, resolved.context);
      for (const w of resolved.warnings) io.stderr.write(`dsi: ${w}\n`);
    }
    context = (arn) => known.get(arn);
  }

  const cache = createCompileCache();
  const run = (): LintResult[] =>
    [...texts].map(([file, text]) =>
      lint(text, { filename: file, readFile: readFileFor(file), ruleSettings, cache, reportUnusedSuppressions: false, ...(context ? { context } : {}) }),
    );
  let results = run();
  if (values.fix) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const fixed = applyFixes(results.flatMap((r) => r.diagnostics), results);
      if (fixed.size === 0) break;
      // A file edited during the run keeps the edit: it is not fixed, and a warning says so.
      const { skipped } = await writeFilesAtomically(
        [...fixed].map(([file, { before, after }]) => ({ path: resolve(io.cwd, file), content: after, shown: file, expected: before })),
        { within: rootOf(io.cwd), handleSignals: io.handleSignals === true },
      );
      for (const s of skipped) {
        fixed.delete(s.shown);
        io.stderr.write(`dsi: warning: ${s.shown} was not fixed: ${s.reason}; run dsi lint --fix again\n`);
      }
      if (fixed.size === 0) break;
      for (const [file, { after }] of fixed) if (texts.has(file)) texts.set(file, after);
      results = run();
    }
  }

  const sources = new Map<string, string>();
  for (const r of results) for (const [f, t] of r.sources) sources.set(f, t);
  // A comment is judged over the whole run: a template's line may be excused through another file's intent.
  const judged = (file: string) => texts.has(file) && results.some((r) => r.checked > 0 && r.sources.has(file));
  const unused = reportUnusedSuppressions(results, judged, { ruleSettings });
  let diagnostics = dedupe([...problems, ...results.flatMap((r) => r.diagnostics), ...unused]);
  if (values.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
  const byFile = new Map<string, Diagnostic[]>(files.map((f) => [f, []]));
  for (const d of diagnostics) (byFile.get(d.file) ?? byFile.set(d.file, []).get(d.file)!).push(d);
  const fileResults: FileResult[] = [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, ds]) => ({ file, source: sources.get(file), diagnostics: ds }));

  const report = formatResults(format, fileResults, { cwd: io.cwd, color: values['output-file'] ? false : io.stdout.color, rules: ruleInfo(), toolVersion: VERSION });
  if (values['output-file']) {
    await writeFilesAtomically([{ path: resolve(io.cwd, values['output-file']), content: report, shown: values['output-file'] }], { handleSignals: io.handleSignals === true });
  }
  else io.stdout.write(report);

  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (diagnostics.some(isInternal)) return 2;
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`dsi: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** Applies the non-overlapping fix edits to `.dsi` files; returns the old and new texts of the files changed. */
function applyFixes(diagnostics: readonly Diagnostic[], results: readonly LintResult[]): Map<string, { before: string; after: string }> {
  const edits = new Map<string, TextEdit[]>();
  for (const d of diagnostics) {
    if (!d.fix || !d.fix.edits.every((e) => /\.dsi$/i.test(e.file))) continue;
    for (const e of d.fix.edits) (edits.get(e.file) ?? edits.set(e.file, []).get(e.file)!).push(e);
  }
  const out = new Map<string, { before: string; after: string }>();
  for (const [file, list] of edits) {
    const text = results.map((r) => r.sources.get(file)).find((t) => t !== undefined);
    if (text === undefined) continue;
    list.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
    let result = '';
    let cursor = 0;
    for (const e of list) {
      if (e.range.start.offset < cursor) continue; // overlaps an earlier edit: next pass
      result += text.slice(cursor, e.range.start.offset) + e.text;
      cursor = e.range.end.offset;
    }
    result += text.slice(cursor);
    if (result !== text) out.set(file, { before: text, after: result });
  }
  return out;
}

