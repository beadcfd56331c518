/**
 * Between dsi's positions (1-based lines and columns, UTF-16 columns, exclusive end) and LSP's
 * (0-based lines and characters, UTF-16 by default): one place, so that nothing is off by one.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range as LspRange } from 'vscode-languageserver';
import type { Diagnostic } from '../core/diagnostic.js';
import { LineIndex, type Range } from '../core/range.js';

/** An LSP range from a dsi range. */
export function toLspRange(range: Range): LspRange {
  return {
    start: { line: range.start.line - 1, character: range.start.column - 1 },
    end: { line: range.end.line - 1, character: range.end.column - 1 },
  };
}

/** A dsi range of `text` from an LSP range (clamped into the text). */
export function fromLspRange(text: string, range: LspRange): Range {
  const lines = new LineIndex(text);
  return lines.range(offsetAt(lines, range.start), offsetAt(lines, range.end));
}

/** The offset of an LSP position in a text (clamped to its line). */
export function offsetAt(lines: LineIndex, position: { readonly line: number; readonly character: number }): number {
  if (position.line >= lines.lineCount) return lines.text.length;
  const start = lines.lineStart(position.line + 1);
  return start + Math.min(Math.max(0, position.character), lines.lineText(position.line + 1).length);
}

/** The file URI of a path, and back; editors name documents by URI, dsi by path. */
export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const SEVERITIES = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** An LSP diagnostic from a dsi diagnostic; `uriFor` names the files of related locations. */
export function toLspDiagnostic(d: Diagnostic, uriFor: (path: string) => string, helpUri?: string): LspDiagnostic {
  return {
    range: toLspRange(d.range),
    severity: SEVERITIES[d.severity],
    code: d.ruleId,
    ...(helpUri ? { codeDescription: { href: helpUri } } : {}),
    source: 'dsi',
    message: d.message,
    ...(d.related?.length ? { relatedInformation: d.related.map((r) => ({ location: { uri: uriFor(r.file), range: toLspRange(r.range) }, message: r.message })) } : {}),
  };
}
