/** The configuration flags `dsi compile` and `dsi lint` share, and what they print. */
import { describeConfig } from '../../config/index.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { Project, CreateProjectOptions } from '../../project/project.js';
import { isConfigProblem } from '../../project/settings.js';
import { formatDiagnostic } from '../formatters/index.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage.js';

/** `parseArgs` options of the configuration flags. */
export const CONFIG_FLAGS = {
  config: { type: 'string' },
  'print-config': { type: 'string' },
  'no-plugins': { type: 'boolean', default: false },
  'no-config-lookup': { type: 'boolean', default: false },
  'max-input-size': { type: 'string' },
} as const;

/** The project options the configuration flags give. */
export function configOptions(values: {
  config?: string;
  'no-plugins'?: boolean;
  'no-config-lookup'?: boolean;
  'max-input-size'?: string;
}): Pick<CreateProjectOptions, 'configFile' | 'config' | 'plugins' | 'maxInputBytes'> {
  return {
    ...(values['max-input-size'] !== undefined ? { maxInputBytes: parseSize(values['max-input-size']) } : {}),
    ...(values.config !== undefined ? { configFile: values.config } : {}),
    ...(values['no-config-lookup'] && values.config === undefined ? { config: false } : {}),
    ...(values['no-plugins'] ? { plugins: false } : {}),
  };
}

/** `--max-input-size`: bytes, or a number with `KiB`, `MiB` or `GiB` (`4MiB`). */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB)?$/i.exec(text.trim());
  const unit = { b: 1, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 }[(m?.[2] ?? 'b').toLowerCase() as 'b'];
  const bytes = m ? Math.floor(Number(m[1]) * unit) : NaN;
  if (!(bytes > 0) || bytes > 2 ** 31) throw new UsageError(`--max-input-size takes a size such as 4MiB or 1048576 (at most 2GiB), not \`${text}\``);
  return bytes;
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
