/** The configuration flags `dsi compile` and `dsi lint` share, and what they print. */
import { describeConfig } from '../../config/index.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { Project, CreateProjectOptions } from '../../project/project.js';
import { isConfigProblem } from '../../project/settings.js';
import { formatDiagnostic } from '../formatters/index.js';
import type { CliIo } from '../io.js';

/** `parseArgs` options of the configuration flags. */
export const CONFIG_FLAGS = {
  config: { type: 'string' },
  'print-config': { type: 'string' },
  'no-plugins': { type: 'boolean', default: false },
  'no-config-lookup': { type: 'boolean', default: false },
} as const;

/** The project options the configuration flags give. */
export function configOptions(values: { config?: string; 'no-plugins'?: boolean; 'no-config-lookup'?: boolean }): Pick<CreateProjectOptions, 'configFile' | 'config' | 'plugins'> {
  return {
    ...(values.config !== undefined ? { configFile: values.config } : {}),
    ...(values['no-config-lookup'] && values.config === undefined ? { config: false } : {}),
    ...(values['no-plugins'] ? { plugins: false } : {}),
  };
}

/** `--print-config FILE`: what is in force for FILE and where each setting came from; exit 2 when the configuration has errors. */
export async function printConfig(project: Project, file: string, io: CliIo): Promise<number> {
  await project.prepare([file]);
  const settings = project.settingsOf(file);
  io.stdout.write(settings.config ? describeConfig(settings.config, io.cwd) : 'config files: none read (--no-config-lookup)\n');
  const plugins = settings.rules.filter((r) => r.id.includes('/')).map((r) => r.id);
  if (plugins.length > 0) io.stdout.write(`plugin rules:\n${plugins.map((id) => `  ${id}`).join('\n')}\n`);
  if (settings.policies.length > 0) io.stdout.write(`policies in force:\n${settings.policies.map((p) => `  ${p.name} (${p.assertions.length} assertion${p.assertions.length === 1 ? '' : 's'}, ${p.location.file}:${p.location.range.start.line})`).join('\n')}\n`);
  return reportConfig(settings.diagnostics, settings.refused, io) ? 2 : 0;
}

/**
 * Prints the command-line settings the configuration refused; returns true when the run must
 * exit 2 (a problem of the configuration, or a refused setting).
 */
export function reportConfig(diagnostics: readonly Diagnostic[], refused: readonly string[], io: CliIo, options: { readonly printDiagnostics?: boolean } = { printDiagnostics: true }): boolean {
  const problems = diagnostics.filter(isConfigProblem);
  if (options.printDiagnostics) for (const d of problems) io.stderr.write(formatDiagnostic(d, undefined, { cwd: io.cwd, color: io.stderr.color }) + '\n');
  for (const r of refused) io.stderr.write(`dsi: error: ${r}\n`);
  return problems.some((d) => d.severity === 'error') || refused.length > 0;
}
