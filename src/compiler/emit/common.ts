/** Helpers shared by the section emitters: origins and diagnostics in one shape. */
import type { Range, SourceLocation } from '../../core/range.js';
import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import type { Origin } from '../settings.js';

/** Where emitters report problems; one per declaration being lowered. */
export interface LowerSink {
  readonly file: string;
  report(ruleId: string, range: Range, message: string, severity?: Severity, related?: Diagnostic['related']): void;
}

export function at(file: string, range: Range): SourceLocation {
  return { file, range };
}

/** An origin whose key and value are given ranges of one statement. */
export function origin(file: string, statement: Range, key: Range, value: Range = key, keyword?: string): Origin {
  // Locations are never changed once made: one object serves the parts that share a range.
  const k = at(file, key);
  return { key: k, value: value === key ? k : at(file, value), statement: statement === key ? k : at(file, statement), keyword };
}
