import type { Diagnostic } from './diagnostic.js';

/** Everything `lint` found in one input file. */
export interface FileResult {
  /** The file as given (relative to the working folder in CLI output). */
  readonly file: string;
  /** The file's text, where it could be read (formatters show the offending line). */
  readonly source?: string;
  /** Sorted with `compareDiagnostics`. */
  readonly diagnostics: readonly Diagnostic[];
  /** Problems a waiver excused, each with its `suppressions` (JSON and SARIF list them for audit). */
  readonly suppressed?: readonly Diagnostic[];
  /** The text as `--fix` (or `--fix-dry-run`) left it, where fixes changed it: ESLint's `output`. */
  readonly output?: string;
}

/** What a formatter needs to know of a rule: for SARIF's rule metadata and help links. */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: 'error' | 'warning' | 'info';
  /** Link to the rule's docs page. */
  readonly helpUri?: string;
}
