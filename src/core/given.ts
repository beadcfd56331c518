/**
 * What the public API does with arguments a caller got wrong (a JavaScript caller, a missing
 * options object): it carries on with defaults rather than throwing a TypeError.
 */

/** `options` when it is an object; otherwise (missing, `null`, a string) no options at all. */
export function givenOptions<T extends object>(options: T | null | undefined): Partial<T> {
  return options !== null && typeof options === 'object' ? options : {};
}

/** `value` when it is a string, otherwise `fallback`. */
export function givenString(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/** Text given to the API: a string stays itself; anything else is read as no text. */
export function givenText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
