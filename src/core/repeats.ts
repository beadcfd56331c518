/**
 * Telling repeated diagnostics apart without a string key per diagnostic: a key that quotes the
 * message was some 300 characters each, megabytes held at once for a run of 10,000 problems.
 */
import type { Diagnostic } from './diagnostic.js';

/**
 * A filter that answers true for a diagnostic equal (by `same`) to one it was given before, and
 * remembers the others. Diagnostics are compared only with those that start at the same offset.
 */
export function repeatFilter(same: (earlier: Diagnostic, d: Diagnostic) => boolean): (d: Diagnostic) => boolean {
  const byStart = new Map<number, Diagnostic[]>();
  return (d) => {
    const at = byStart.get(d.range.start.offset);
    if (at === undefined) byStart.set(d.range.start.offset, [d]);
    else if (at.some((earlier) => same(earlier, d))) return true;
    else at.push(d);
    return false;
  };
}
