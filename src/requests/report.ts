/**
 * Diagnostics of a request file, collected as offsets and turned into lines and columns
 * once, at the end: positions are computed only when some diagnostic needs them.
 */
import { compareDiagnostics, type Diagnostic, type Severity } from '../core/diagnostic.js';
import { LineIndex } from '../core/range.js';

/** A span of the text by offsets (end exclusive). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A diagnostic still in offsets. */
export interface PendingDiagnostic extends Span {
  readonly severity: Severity;
  readonly ruleId: string;
  readonly message: string;
  readonly messageId: string;
  readonly related?: readonly (Span & { readonly message: string })[];
  readonly fix?: { readonly description: string; readonly edits: readonly (Span & { readonly text: string })[] };
}

/** One `LineIndex` per text, built on first use and shared by diagnostics and the source map. */
export function lazyLines(text: string): () => LineIndex {
  let index: LineIndex | undefined;
  return () => (index ??= new LineIndex(text));
}

/** Turns pending diagnostics into sorted diagnostics of `file`; builds the line index only if there are any. */
export function finishDiagnostics(file: string, pending: readonly PendingDiagnostic[], lines: () => LineIndex): Diagnostic[] {
  if (pending.length === 0) return [];
  const index = lines();
  const out = pending.map((p): Diagnostic => {
    const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
      file,
      range: index.range(p.start, p.end),
      severity: p.severity,
      ruleId: p.ruleId,
      message: p.message,
      messageId: p.messageId,
    };
    if (p.related?.length) {
      d.related = p.related.map((r) => ({ file, range: index.range(r.start, r.end), message: r.message }));
    }
    if (p.fix) {
      d.fix = {
        description: p.fix.description,
        edits: p.fix.edits.map((e) => ({ file, range: index.range(e.start, e.end), text: e.text })),
      };
    }
    return d;
  });
  return out.sort(compareDiagnostics);
}
