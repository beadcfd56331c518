import type { FileResult, RuleInfo } from '../../core/result.js';
import { collectReports } from './common.js';

export { formatDiagnostic } from './stylish.js';


/** The names `--format` accepts. */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github'] as const;

/** A `--format` name. */
export type FormatName = (typeof FORMAT_NAMES)[number];

/** What every formatter may need besides the results. */
export interface FormatOptions {
  /** The working folder: printed paths are relative to it (SARIF: it is %SRCROOT%). */
  cwd: string;
  /** Whether to style text (stylish only); the CLI decides per stream from NO_COLOR, FORCE_COLOR and isTTY. */
  color: boolean;
  /** Rule metadata, for SARIF's rule descriptors and help links. */
  rules: readonly RuleInfo[];
  /** The dsi version, for SARIF's tool.driver.version. */
  toolVersion: string;
}

/** True when `name` is a format `--format` accepts. */
export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/**
 * Formats lint or compile results. Results may come in any order and name files absolutely or relative
 * to `cwd`: files are sorted by path and diagnostics by position, so the output is deterministic.
 * Non-empty output ends with a newline; stylish and github print nothing for clean results. Only
 * the formatter asked for is loaded.
 */
export async function formatResults(format: FormatName, results: readonly FileResult[], options: FormatOptions): Promise<string> {
  return [...(await formatChunks(format, results, options))].join('');
}

/**
 * {@link formatResults}'s output in pieces (per file for stylish, json and github; sarif whole),
 * made as they are taken: the CLI writes each to standard output as it comes, so the report of
 * a large run is never held as one string. Joined, the pieces are exactly formatResults' text.
 */
export async function formatChunks(format: FormatName, results: readonly FileResult[], options: FormatOptions): Promise<Iterable<string>> {
  const reports = collectReports(results, options.cwd);
  switch (format) {
    case 'stylish':
      return (await import('./stylish.js')).stylishChunks(reports, options.cwd, options.color);
    case 'json':
      return (await import('./json.js')).jsonChunks(reports, options.cwd);
    case 'sarif':
      return [(await import('./sarif.js')).formatSarif(reports, options)];
    case 'github':
      return (await import('./github.js')).githubChunks(reports, options.cwd);
  }
}
