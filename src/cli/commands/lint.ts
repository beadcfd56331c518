/** `dsi lint PATH...`: intents and request files, every problem, in the chosen format; a thin caller of the project orchestrator. */
import { resolve } from 'node:path';
import type { TaskContext } from '../../core/context.js';
import { suggest } from '../../core/words.js';
import type { RuleSetting } from '../../rules/engine.js';
import { builtinRules, ruleInfo } from '../../rules/index.js';
import { isInternal, isLintable } from '../../project/linting.js';
import { createProject } from '../../project/project.js';
import { formatChunks, type FormatName } from '../formatters/index.js';
import { applyBaselineFlags } from '../baseline.js';
import { findCommand, parseCommandArgs } from '../command.js';
import { reportInputNotes, writeStepSummary } from '../notes.js';
import { stdinInput } from '../stdin.js';
import { writeFilesAtomically, type CliIo } from '../io.js';
import { UsageError } from '../usage.js';
import { VERSION } from '../../version.js';
import { configOptions, printConfig, reportConfig } from './config-flags.js';
import { formatStats } from '../stats.js';

const FORMATS: readonly FormatName[] = ['stylish', 'json', 'sarif', 'github'];
const PATTERNS = ['**/*.dsi', '**/*.datasync.json', '**/*.datasync.yaml', '**/*.datasync.yml'];

/**
 * `--rule ID:off|warn|error` → settings; unknown built-in ids and bad levels are usage errors.
 * Namespaced ids (plugins', policies') are checked once the configuration has loaded them.
 */
export function parseRuleFlags(flags: readonly string[]): Record<string, RuleSetting> {
  const ids = builtinRules.map((r) => r.id);
  const settings: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const m = /^([^:]+):(off|warn|warning|error)$/.exec(flag);
    if (!m) throw new UsageError(`--rule takes ID:off|warn|error, got \`${flag}\``);
    if (!ids.includes(m[1]) && !m[1].includes('/')) {
      const hint = suggest(m[1], ids);
      throw new UsageError(`unknown rule \`${m[1]}\`` + (hint ? `; did you mean \`${hint}\`?` : `; rules: ${ids.join(', ')}`));
    }
    settings[m[1]] = m[2] === 'off' ? 'off' : m[2] === 'error' ? 'error' : 'warning';
  }
  return settings;
}

export async function lintCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(findCommand('lint'), args);
  const format = values.format as FormatName;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format \`${values.format}\`; use one of ${FORMATS.join(', ')}`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError('--max-warnings takes a whole number');
    maxWarnings = Number(values['max-warnings']);
  }
  const ruleSettings = parseRuleFlags(values.rule ?? []);
  const unusedLevel = values['report-unused-waivers'];
  if (unusedLevel !== undefined && unusedLevel !== 'off' && unusedLevel !== 'warn' && unusedLevel !== 'error') {
    throw new UsageError(`--report-unused-waivers takes off, warn or error, not \`${unusedLevel}\``);
  }
  const { paths, stdin } = stdinInput(values, positionals, io, (name) => (isLintable(name) ? undefined : 'must end in .dsi, .json, .yaml or .yml'));
  if (stdin && values.fix) throw new UsageError('--fix cannot be used with standard input');
  const project = createProject({
    cwd: io.cwd,
    ruleSettings,
    importRoots: values['import-root'] ?? [],
    ...(values['no-inline-config'] ? { inlineConfig: false } : {}),
    ...(unusedLevel ? { reportUnusedWaivers: unusedLevel } : {}),
    ...(values['no-ignore'] ? { ignore: false } : {}),
    ignorePatterns: values['ignore-pattern'],
    ...configOptions(values),
  });
  if (values['print-config'] !== undefined) return printConfig(project, values['print-config'], io);
  if (!stdin && paths.length === 0) throw new UsageError('dsi lint needs at least one file or directory (or --stdin, or -)');
  const inputs = await project.readInputs(paths, { patterns: PATTERNS, dependents: values['no-dependents'] !== true }, stdin);
  reportInputNotes(inputs, io);
  if (inputs.files.length === 0) return 0; // every file named is ignored: nothing to check, as ESLint does

  // Context from AWS: the task ARNs of the inputs, each described once.
  let context: ((arn: string) => TaskContext | undefined) | undefined;
  if (values['resolve-context']) {
    const { resolveTaskContext } = await import('../../context/aws.js');
    const known = new Map<string, TaskContext>();
    for (const arn of project.taskArns(inputs)) {
      const resolved = await resolveTaskContext(arn, { region: values.region, endpoint: values['endpoint-url'] });
      known.set(arn, resolved.context);
      for (const w of resolved.warnings) io.stderr.write(`dsi: ${w}\n`);
    }
    context = (arn) => known.get(arn);
  }

  // `--fix-dry-run` fixes in memory only: the json format carries each fixed text as `output`.
  const run = project.lint(inputs, { fix: values.fix || values['fix-dry-run'], ...(context ? { context } : {}), ...(values.stats ? { stats: true } : {}) });
  if (run.fixes.size > 0 && values.fix) {
    // A file edited during the run keeps the edit: it is not fixed, and a warning says so.
    const { skipped } = await project.outputFixes(run, { handleSignals: io.handleSignals === true });
    for (const s of skipped) io.stderr.write(`dsi: warning: ${s.shown} was not fixed: ${s.reason}; run dsi lint --fix again\n`);
  }

  const adopted = await applyBaselineFlags(run.results, { read: values.baseline, write: values['write-baseline'] }, io);
  const results = values.quiet ? adopted.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') })) : adopted;
  const diagnostics = results.flatMap((r) => r.diagnostics);
  const report = await formatChunks(format, results, { cwd: io.cwd, color: values['output-file'] ? false : io.stdout.color, rules: ruleInfo(), toolVersion: VERSION });
  if (values['output-file']) {
    const content = [...report].join('');
    await writeFilesAtomically([{ path: resolve(io.cwd, values['output-file']), content, shown: values['output-file'] }], { handleSignals: io.handleSignals === true });
  } else {
    // File by file as it is formatted: the report of a large run is never one string in memory.
    for (const chunk of report) io.stdout.write(chunk);
  }
  if (format === 'github') await writeStepSummary(results, io);
  if (run.stats) io.stderr.write(formatStats(run.stats));

  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (run.diagnostics.some(isInternal)) return 2;
  // The checks in force are not the ones configured: the report shows where; the exit says it is not a verdict.
  if (reportConfig(run.diagnostics, run.refused, io, { printDiagnostics: false })) return 2;
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`dsi: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}
