/**
 * AST nodes built from values rather than parsed: what the decompiler and fixes hand to the
 * printer. Every node gets the spelling the language would write (`raw`) and an empty range
 * (it is in no file yet). Words come from the vocabulary table.
 */
import { START_OF_FILE, type Range } from '../core/range.js';
import type * as A from '../grammar/ast.js';
import { BANDWIDTH, dsiSpelling, KEYWORD_OF_MEMBER, UNLIMITED, exactSize, type OptionKeyword } from '../language/vocabulary.js';

const range: Range = START_OF_FILE;

/** A WORD of the language: `[A-Za-z][A-Za-z0-9_-]*`. */
export const WORD = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * `value` as a `.dsi` string literal: `"` and `\` escaped, line breaks and tabs as `\n` `\t`,
 * other control characters (and lone surrogates) as `\u{…}`, everything else as is.
 */
export function quote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff) || code === 0x2028 || code === 0x2029) out += `\\u{${code.toString(16).toUpperCase()}}`;
    else out += ch;
  }
  return `${out}"`;
}

export function stringNode(value: string): A.StringNode {
  return { type: 'String', value, raw: quote(value), range };
}

/** A name: a bare word where the language allows one, else a string. */
export function nameNode(value: string): A.NameNode {
  const quoted = !WORD.test(value);
  return { type: 'Name', value, quoted, raw: quoted ? quote(value) : value, range };
}

export function wordNode(value: string): A.WordNode {
  return { type: 'Word', value, range };
}

/** `verify only-files-transferred` from `VerifyMode` and `ONLY_FILES_TRANSFERRED`; undefined for a member without an option statement. */
export function optionNode(member: string, apiValue: string): A.OptionNode | undefined {
  const keyword = KEYWORD_OF_MEMBER.get(member);
  if (keyword === undefined || keyword === BANDWIDTH.keyword) return undefined;
  return { type: 'Option', keyword: keyword as OptionKeyword, keywordRange: range, value: wordNode(dsiSpelling(apiValue)), range };
}

/** `bandwidth 100 MiB/s` (in the largest exact unit) or `bandwidth unlimited`; undefined for a value `bandwidth` cannot say. */
export function bandwidthNode(bytesPerSecond: number): A.BandwidthNode | undefined {
  if (bytesPerSecond === -1) return { type: 'Bandwidth', keywordRange: range, value: wordNode(UNLIMITED), range };
  if (!Number.isSafeInteger(bytesPerSecond) || bytesPerSecond < 0) return undefined;
  const [number, unit] = exactSize(bytesPerSecond).split(' ');
  return { type: 'Bandwidth', keywordRange: range, value: { type: 'Size', number, unit, perSecond: true, raw: `${number} ${unit}/s`, range }, range };
}

/** Any JSON value as the inline JSON of `set`; object keys stay strings (a bare word key would read the same, but a string always does). */
export function jsonNode(value: unknown): A.JsonValueNode {
  if (typeof value === 'string') return { type: 'JsonString', value, raw: quote(value), range };
  if (typeof value === 'number') return { type: 'JsonNumber', value, raw: String(value), range };
  if (typeof value === 'boolean') return { type: 'JsonBoolean', value, range };
  if (value === null || value === undefined) return { type: 'JsonNull', range };
  if (Array.isArray(value)) return { type: 'JsonArray', items: value.map(jsonNode), range };
  return {
    type: 'JsonObject',
    members: Object.entries(value as Record<string, unknown>).map(([k, v]) => ({ key: stringNode(k), value: jsonNode(v) })),
    range,
  };
}

/** `set A.B[0] = VALUE` from payload path tokens (member names and list indexes). */
export function setNode(tokens: readonly (string | number)[], value: unknown): A.SetNode {
  const path = tokens.map((t): A.SetPathSegment => (typeof t === 'number' ? { type: 'Index', index: t, range } : { type: 'Member', name: t, range }));
  return { type: 'Set', keywordRange: range, path, pathRange: range, value: jsonNode(value), range };
}
