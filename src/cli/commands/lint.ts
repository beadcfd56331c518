/** `dsi lint PATH...`: intents and request files, every problem, in the chosen format; a thin caller of the project orchestrator. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { TaskContext } from '../../core/context.js';
import { suggest } from '../../core/words.js';
import type { RuleSetting } from '../../rules/engine.js';
import { builtinRules, ruleInfo } from '../../rules/index.js';
import { isInternal, isLintable } from '../../project/lint.js';
import { createProject } from '../../project/project.js';
import { formatResults, type FormatName } from '../formatters/index.js';
import { writeFilesAtomically, type CliIo } from '../io.js';
import { UsageError } from '../usage.js';
import { VERSION } from '../../version.js';

const FORMATS: readonly FormatName[] = ['stylish', 'json', 'sarif', 'github'];
const PATTERNS = ['**/*.dsi', '**/*.datasync.json', '**/*.datasync.yaml', '**/*.datasync.yml'];

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
      'fix-dry-run': { type: 'boolean', default: false },
      'resolve-context': { type: 'boolean', default: false },
      region: { type: 'string' },
      'endpoint-url': { type: 'string' },
      'stdin-filename': { type: 'string' },
      'output-file': { type: 'string', short: 'o' },
      'import-root': { type: 'string', multiple: true, default: [] },
      'no-inline-config': { type: 'boolean', default: false },
      'report-unused-waivers': { type: 'string' },
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
  const unusedLevel = values['report-unused-waivers'];
  if (unusedLevel !== undefined && unusedLevel !== 'off' && unusedLevel !== 'warn' && unusedLevel !== 'error') {
    throw new UsageError(`--report-unused-waivers takes off, warn or error, not \`${unusedLevel}\``);
  }
  const stdinName = values['stdin-filename'];
  if (stdinName !== undefined && positionals.length > 0) throw new UsageError('--stdin-filename reads standard input; give no paths with it');
  if (stdinName !== undefined && !isLintable(stdinName)) throw new UsageError(`--stdin-filename must end in .dsi, .json, .yaml or .yml: ${stdinName}`);
  if (stdinName !== undefined && values.fix) throw new UsageError('--fix cannot be used with --stdin-filename');
  if (stdinName === undefined && positionals.length === 0) throw new UsageError('dsi lint needs at least one file or directory (or --stdin-filename)');

  const project = createProject({
    cwd: io.cwd,
    ruleSettings,
    importRoots: values['import-root'] ?? [],
    ...(values['no-inline-config'] ? { inlineConfig: false } : {}),
    ...(unusedLevel ? { reportUnusedWaivers: unusedLevel } : {}),
  });
  const inputs = await project.readInputs(positionals, { patterns: PATTERNS }, stdinName !== undefined ? { name: stdinName, text: () => io.readStdin() } : undefined);
  if (inputs.files.length === 0) throw new UsageError(`no files to lint in ${positionals.join(', ')} (looked for *.dsi and *.datasync.{json,yaml,yml})`);

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
  const run = project.lint(inputs, { fix: values.fix || values['fix-dry-run'], ...(context ? { context } : {}) });
  if (run.fixes.size > 0 && values.fix) {
    // A file edited during the run keeps the edit: it is not fixed, and a warning says so.
    const { skipped } = await project.outputFixes(run, { handleSignals: io.handleSignals === true });
    for (const s of skipped) io.stderr.write(`dsi: warning: ${s.shown} was not fixed: ${s.reason}; run dsi lint --fix again\n`);
  }

  const results = values.quiet ? run.results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') })) : run.results;
  const diagnostics = results.flatMap((r) => r.diagnostics);
  const report = formatResults(format, results, { cwd: io.cwd, color: values['output-file'] ? false : io.stdout.color, rules: ruleInfo(), toolVersion: VERSION });
  if (values['output-file']) {
    await writeFilesAtomically([{ path: resolve(io.cwd, values['output-file']), content: report, shown: values['output-file'] }], { handleSignals: io.handleSignals === true });
  } else io.stdout.write(report);

  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (run.diagnostics.some(isInternal)) return 2;
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`dsi: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}
