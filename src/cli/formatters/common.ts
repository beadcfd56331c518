import path from 'node:path';
import { styleText } from 'node:util';
import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import type { FileResult } from '../../core/result.js';
import { repeatFilter } from '../../core/repeats.js';

/** One file's problems as every formatter prints them: path relative to the working folder, diagnostics sorted. */
export interface FileReport {
  /** Relative to the working folder, with forward slashes. */
  readonly path: string;
  readonly source?: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Problems a waiver excused (not in force), sorted like `diagnostics`. */
  readonly suppressed: readonly Diagnostic[];
  /** The fixed text, where fixes changed the file. */
  readonly output?: string;
}

/** `file` relative to `cwd`, with forward slashes, whatever form it was given in. */
export function relativePath(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

/** Code-unit order: the same on every machine, whatever its locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders diagnostics of one file by position (as shown: line, column), then severity, rule id and message. */
export function compareByPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    a.range.end.line - b.range.end.line ||
    a.range.end.column - b.range.end.column ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message)
  );
}

/** Shown the same way: one range, severity, rule and message (the file is the report's). */
function sameShown(a: Diagnostic, b: Diagnostic): boolean {
  return a.range.end.offset === b.range.end.offset && a.severity === b.severity && a.ruleId === b.ruleId && a.message === b.message;
}

/**
 * Regroups results by the file each diagnostic names (a result may carry diagnostics of a file it
 * imports), drops exact repeats (a file imported twice), and sorts files by path and diagnostics by
 * position, so output never depends on the order results arrive in. Files without diagnostics stay.
 */
export function collectReports(results: readonly FileResult[], cwd: string): FileReport[] {
  type Repeated = (d: Diagnostic) => boolean;
  const byPath = new Map<string, { source?: string; output?: string; diagnostics: Diagnostic[]; suppressed: Diagnostic[]; repeated: Repeated; repeatedSuppressed: Repeated }>();
  const entry = (file: string) => {
    const key = relativePath(file, cwd);
    let found = byPath.get(key);
    if (!found) {
      found = { diagnostics: [], suppressed: [], repeated: repeatFilter(sameShown), repeatedSuppressed: repeatFilter(sameShown) };
      byPath.set(key, found);
    }
    return found;
  };
  for (const result of results) {
    const found = entry(result.file);
    if (found.source === undefined && result.source !== undefined) found.source = result.source;
    if (result.output !== undefined) found.output = result.output;
  }
  for (const result of results) {
    for (const [list, suppressed] of [
      [result.diagnostics, false],
      [result.suppressed ?? [], true],
    ] as const) {
      for (const d of list) {
        const found = entry(d.file);
        if ((suppressed ? found.repeatedSuppressed : found.repeated)(d)) continue;
        (suppressed ? found.suppressed : found.diagnostics).push(d);
      }
    }
  }
  return [...byPath.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([file, found]) => ({
      path: file,
      ...(found.source === undefined ? {} : { source: found.source }),
      ...(found.output === undefined ? {} : { output: found.output }),
      diagnostics: found.diagnostics.sort(compareByPosition),
      suppressed: found.suppressed.sort(compareByPosition),
    }));
}

/** How many diagnostics of each severity, and how many of each carry a fix. */
export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  fixableErrors: number;
  fixableWarnings: number;
  fixableInfos: number;
}

/** Counts the diagnostics of some reports. */
export function countDiagnostics(diagnostics: Iterable<Diagnostic>): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, fixableErrors: 0, fixableWarnings: 0, fixableInfos: 0 };
  for (const d of diagnostics) {
    const fixable = d.fix !== undefined && d.fix.edits.length > 0;
    if (d.severity === 'error') {
      counts.errors++;
      if (fixable) counts.fixableErrors++;
    } else if (d.severity === 'warning') {
      counts.warnings++;
      if (fixable) counts.fixableWarnings++;
    } else {
      counts.infos++;
      if (fixable) counts.fixableInfos++;
    }
  }
  return counts;
}

type StyleFormat = Parameters<typeof styleText>[0];

/** A painter that styles text only when color is on; the CLI decides that per stream, so styleText must not check stdout again. */
export function painter(color: boolean): (format: StyleFormat, text: string) => string {
  return color ? (format, text) => styleText(format, text, { validateStream: false }) : (_format, text) => text;
}

/** `n word` or `n words`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// Control characters but tab (C0, DEL, C1).
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/** A message that may quote the user's text, with its control characters written out (`\u001b`). */
export function printable(text: string): string {
  // Line breaks stay: each format has its own way with them (GitHub escapes them as %0A).
  return text.replace(CONTROL, (c) => (c === '\n' || c === '\r') ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
