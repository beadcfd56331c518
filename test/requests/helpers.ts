/** Helpers for the request-file tests. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, TextEdit } from '../../src/core/diagnostic.js';
import type { SourceLocation } from '../../src/core/range.js';
import { getAt, parentPointer, parsePointer } from '../../src/core/json-pointer.js';
import type { PayloadFix } from '../../src/core/source-map.js';

const here = dirname(fileURLToPath(import.meta.url));

/** A fixture of test/requests/fixtures. */
export function requestFixture(name: string): string {
  return readFileSync(join(here, 'fixtures', name), 'utf8');
}

/** `line:column-line:column` of a location, for compact assertions. */
export function span(location: Pick<SourceLocation, 'range'> | undefined): string | undefined {
  if (!location) return undefined;
  const { start, end } = location.range;
  return `${start.line}:${start.column}-${end.line}:${end.column}`;
}

/** The text a location covers. */
export function textAt(text: string, location: Pick<SourceLocation, 'range'> | undefined): string | undefined {
  return location && text.slice(location.range.start.offset, location.range.end.offset);
}

/** Applies non-overlapping edits (by offsets), last first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.range.start.offset) + e.text + out.slice(e.range.end.offset);
  return out;
}

/** True when every range of a diagnostic (related and fix edits too) lies inside a text of `length`. */
export function rangesInside(d: Diagnostic, length: number): boolean {
  const ranges = [d.range, ...(d.related ?? []).map((r) => r.range), ...(d.fix?.edits ?? []).map((e) => e.range)];
  return ranges.every(
    (r) =>
      r.start.offset >= 0 &&
      r.start.offset <= r.end.offset &&
      r.end.offset <= length &&
      r.start.line >= 1 &&
      r.start.column >= 1 &&
      r.end.line >= r.start.line,
  );
}

/** The payload with `fix` applied as a rule means it: what the text edits must produce. */
export function applyPayloadFix(payload: unknown, fix: PayloadFix): unknown {
  const copy = structuredClone(payload) as Record<string, unknown>;
  const tokens = parsePointer(fix.pointer);
  const last = tokens[tokens.length - 1];
  const parent = getAt(copy, parentPointer(fix.pointer)) as Record<string, unknown> | unknown[];
  if (Array.isArray(parent)) {
    if (fix.remove) parent.splice(Number(last), 1);
    else parent[Number(last)] = fix.value;
  } else if (fix.remove) delete parent[last];
  else parent[last] = fix.value;
  return copy;
}
