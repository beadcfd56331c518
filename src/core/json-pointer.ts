/** RFC 6901 JSON Pointers: how rules and the schema name a place in a payload. */

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
  if (p === '') return NO_TOKENS;
  let tokens = parsed.get(p);
  if (tokens === undefined) {
    // The same few pointers are parsed for every payload and rule: remember them (bounded).
    if (parsed.size >= MAX_PARSED) parsed.clear();
    tokens = Object.freeze(
      p
        .slice(1)
        .split('/')
        .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')),
    );
    parsed.set(p, tokens);
  }
  return tokens;
}

const NO_TOKENS: readonly string[] = Object.freeze([]);
const MAX_PARSED = 4096;
const parsed = new Map<string, readonly string[]>();

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
