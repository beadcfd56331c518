import type { SourceLocation } from './range.js';
import type { TextEdit } from './diagnostic.js';
import { parentPointer } from './json-pointer.js';
import { countWork } from './work.js';

/**
 * Which part of a setting a diagnostic should point at: the `key` (a statement's name,
 * tag key or `set` path; a JSON/YAML key) or the `value`.
 */
export type SourcePart = 'key' | 'value';

/** A change to a payload that a rule proposes; each front end turns it into text edits. */
export interface PayloadFix {
  readonly description: string;
  /** The member to change. */
  readonly pointer: string;
  /** The new value; `undefined` with `remove` deletes the member. */
  readonly value?: unknown;
  readonly remove?: boolean;
}

/**
 * Maps JSON Pointers into a payload to the places in the user's files that set them.
 * Rules report pointers; the engine asks the source map where that is.
 */
export interface SourceMap {
  /** Where exactly `pointer` was set, or undefined when nothing set it directly. */
  get(pointer: string, part?: SourcePart): SourceLocation | undefined;
  /** Text edits that realise `fix` in the source, or undefined when the front end cannot. */
  edits?(fix: PayloadFix): TextEdit[] | undefined;
  /**
   * Where characters `start`–`end` of the string value at `pointer` were written (one pattern
   * of a joined filter Value), or undefined when the front end cannot tell.
   */
  getSpan?(pointer: string, start: number, end: number): SourceLocation | undefined;
}

/** Where `pointer` was set, or else its nearest ancestor that was; undefined if none. */
export function locate(map: SourceMap, pointer: string, part: SourcePart = 'value'): SourceLocation | undefined {
  for (let p = pointer; ; p = parentPointer(p)) {
    const hit = map.get(p, p === pointer ? part : 'key');
    if (hit) return hit;
    if (p === '') return undefined;
  }
}

/** A source map kept as a table; what the `.dsi` compiler builds. */
export class TableSourceMap implements SourceMap {
  private readonly values = new Map<string, SourceLocation>();
  private readonly keys = new Map<string, SourceLocation>();

  /** Records where `pointer` was set: its key (name/path) and its value. */
  set(pointer: string, key: SourceLocation, value: SourceLocation = key): void {
    this.keys.set(pointer, key);
    this.values.set(pointer, value);
  }

  get(pointer: string, part: SourcePart = 'value'): SourceLocation | undefined {
    countWork('sourceMapLookups');
    return (part === 'key' ? this.keys : this.values).get(pointer);
  }

  /** Every pointer recorded, in insertion order. */
  pointers(): string[] {
    return [...this.values.keys()];
  }
}
