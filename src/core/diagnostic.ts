import type { Range, SourceLocation } from './range.js';

/** How bad a diagnostic is. `error` blocks compilation; the others are advice. */
export type Severity = 'error' | 'warning' | 'info';

/** A replacement of one range of one file's text. */
export interface TextEdit {
  readonly file: string;
  readonly range: Range;
  readonly text: string;
}

/** A fix that `dsi lint --fix` can apply: text edits in one or more files. */
export interface Fix {
  /** What the fix does, in a few words ("write `none`"). */
  readonly description: string;
  readonly edits: readonly TextEdit[];
}

/** Another place that takes part in a problem (the other end of a conflict). */
export interface RelatedInformation extends SourceLocation {
  readonly message: string;
}

/** Why a problem is not in force: a waiver (`dsi-ignore`) in the source excused it. */
export interface DiagnosticSuppression {
  /** As SARIF says it: the waiver is in the file itself. */
  readonly kind: 'inSource';
  /** The waiver's reason. */
  readonly justification: string;
  /** The waiver comment. */
  readonly location: SourceLocation;
  /** The waiver's last day (`YYYY-MM-DD`, UTC), if it has one. */
  readonly until?: string;
}

/** One problem found in an input, pointing at the user's file. */
export interface Diagnostic {
  /** The file, as the caller named it. */
  readonly file: string;
  readonly range: Range;
  readonly severity: Severity;
  /** Which check reported it: a parse-level id (`syntax`, `unknown-value`, …), `schema`, or a rule id. */
  readonly ruleId: string;
  /** What is wrong and what to write instead. */
  readonly message: string;
  /** The rule's message id, for tests and tools. */
  readonly messageId?: string;
  readonly related?: readonly RelatedInformation[];
  readonly fix?: Fix;
  /** Present on a problem that a waiver excused (kept for audit, not in force). */
  readonly suppressions?: readonly DiagnosticSuppression[];
  /** The JSON Pointer into the payload the problem is about, when it is about one member (baselines and SARIF fingerprints use it, never the line). */
  readonly pointer?: string;
  /** The intent whose payload has the problem; absent for a request file and for problems of a file itself. */
  readonly intent?: string;
}

/** Parse-level and compile-level diagnostic ids (rule ids come from the rules). */
export const DiagnosticIds = {
  syntax: 'syntax',
  unknownStatement: 'unknown-statement',
  unknownValue: 'unknown-value',
  invalidValue: 'invalid-value',
  duplicate: 'duplicate',
  duplicateName: 'duplicate-name',
  unknownName: 'unknown-name',
  importError: 'import',
  cycle: 'cycle',
  missingTask: 'missing-task',
  schema: 'schema',
  duplicateKey: 'duplicate-key',
  parseError: 'parse',
  internal: 'internal',
  ignore: 'dsi-ignore',
  limit: 'limit',
  fixConflict: 'fix-conflict',
} as const;

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, then position, then rule id: output never depends on discovery order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.range.start.offset - b.range.start.offset ||
    a.range.end.offset - b.range.end.offset ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
