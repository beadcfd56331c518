/**
 * Reading DataSync filter values: one string of patterns separated by `|`, where `\` escapes the
 * next character (`\|` is a literal pipe, `\*` a literal star) — constraints §3.6.
 */
import { arrayAt, memberOf } from './read.js';
import { countWork } from '../core/work.js';

/** One pattern of a filter value, as written (escapes kept). */
export interface FilterPattern {
  readonly text: string;
  /** Offset of the pattern in the whole value. */
  readonly start: number;
}

/** Splits a filter value at its unescaped `|`; `a||b` gives an empty pattern between them. */
export function splitPatterns(value: string): FilterPattern[] {
  const out: FilterPattern[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === '|') {
      out.push({ text: value.slice(start, i), start });
      start = i + 1;
    }
  }
  out.push({ text: value.slice(start), start });
  countWork('filterPatterns', out.length);
  return out;
}

/** The span of a pattern within its Value, for reports that point at just that pattern. */
export function spanOf(p: FilterPattern): { start: number; end: number } {
  return { start: p.start, end: p.start + p.text.length };
}

/** Indices of the wildcards of a pattern: every `*` not escaped by `\`. */
export function wildcardIndices(pattern: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '*') out.push(i);
  }
  return out;
}

/** A filter rule's `Value` in the payload. */
export interface FilterValueAt {
  readonly member: 'Includes' | 'Excludes';
  readonly index: number;
  /** `/Includes/0/Value` */
  readonly pointer: string;
  readonly value: string;
}

/** Every string `Value` of every filter rule, includes first. */
export function filterValues(payload: unknown, only?: 'Includes' | 'Excludes'): FilterValueAt[] {
  const out: FilterValueAt[] = [];
  for (const member of ['Includes', 'Excludes'] as const) {
    if (only && member !== only) continue;
    const list = arrayAt(payload, `/${member}`) ?? [];
    list.forEach((rule, index) => {
      const value = memberOf(rule, 'Value');
      if (typeof value === 'string') out.push({ member, index, pointer: `/${member}/${index}/Value`, value });
    });
  }
  return out;
}

/** A pattern for a message: quoted, and cut short when long. */
export function showPattern(pattern: string): string {
  const cps = [...pattern];
  return JSON.stringify(cps.length <= 60 ? pattern : cps.slice(0, 57).join('') + '…');
}
