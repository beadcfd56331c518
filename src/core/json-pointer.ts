/** RFC 6901 JSON Pointers: how rules and the schema name a place in a payload. */
import { boundedMemo } from './memo.js';

/** Escapes one reference token. */
export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a pointer from tokens: `pointer('OverrideOptions', 'Atime')` → `/OverrideOptions/Atime`. */
export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((t) => '/' + escapeToken(t)).join('');
}

/** Splits a pointer into its unescaped tokens. */
export function parsePointer(p: string): readonly string[] {
  return p === '' ? NO_TOKENS : parsed(p);
}

const NO_TOKENS: readonly string[] = Object.freeze([]);
// The same few pointers are parsed for every payload and rule: remembered.
const parsed = boundedMemo(
  (p: string): readonly string[] =>
    Object.freeze(
      p
        .slice(1)
        .split('/')
        .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')),
    ),
  4096,
);

/** The pointer one level up; `''` for the root. */
export function parentPointer(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '' : p.slice(0, i);
}

/** The value at a pointer, or undefined. Walks the pointer's text: rules read many values per payload. */
export function getAt(doc: unknown, p: string): unknown {
  if (p === '') return doc;
  let cur: unknown = doc;
  for (let start = 1; ; ) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const end = p.indexOf('/', start);
    const raw = end < 0 ? p.slice(start) : p.slice(start, end);
    cur = (cur as Record<string, unknown>)[raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw];
    if (end < 0) return cur;
    start = end + 1;
  }
}
