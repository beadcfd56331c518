/**
 * Settings: what one declaration block says, lowered from statements and keyed by the payload
 * path it sets. Inheritance merges settings by key; emission writes them into a payload.
 */
import { countWork } from '../core/work.js';
import { boundedMemo } from '../core/memo.js';
import type { SourceLocation } from '../core/range.js';
import type { TaskContext } from '../core/context.js';

/** Where a written value came from: its key (name, tag key, `set` path) and its value. */
export interface Origin {
  readonly key: SourceLocation;
  readonly value: SourceLocation;
  /** The whole statement, for fixes that remove or rewrite it. */
  readonly statement: SourceLocation;
  /** The statement keyword as written (`verify`), where the statement has one. */
  readonly keyword?: string;
}

/** What emission knows when it writes a value: the task ARN's partition. */
export interface EmitEnv {
  readonly partition: string;
}

/** One value written at one JSON Pointer; `value` may depend on the environment (bucket ARNs). */
export interface Write {
  readonly pointer: string;
  readonly value: unknown | ((env: EmitEnv) => unknown);
  readonly origin: Origin;
  /** For a string joined from several literals (a filter Value): where each part of it was written. */
  readonly parts?: readonly ValuePart[];
}

/** Characters `start`–`end` of a written string, and the literal they came from. */
export interface ValuePart {
  readonly start: number;
  readonly end: number;
  readonly location: SourceLocation;
}

/** One tag; tags merge by key across `extends`. */
export interface TagEntry {
  readonly key: string;
  readonly value: string;
  readonly origin: Origin;
}

/** The context of a task block, with where each part was written. */
export interface ContextSetting {
  readonly context: TaskContext;
  /** Pointers under `/@context/…` → where they were written, for related locations. */
  readonly origins: ReadonlyMap<string, Origin>;
}

/**
 * One setting. `key` is the payload pointer it owns (`/OverrideOptions/VerifyMode`, `/Includes`,
 * `/TaskReportConfig`, a `set` path); a child's setting replaces every inherited setting at its key
 * or below it.
 */
export type Setting =
  | { readonly kind: 'write'; readonly key: string; readonly writes: readonly Write[]; readonly origin: Origin; readonly context?: ContextSetting }
  | { readonly kind: 'tags'; readonly key: '/Tags'; readonly tags: readonly TagEntry[]; readonly origin: Origin };

/** A declaration's settings in source order, keyed by payload pointer. */
export type Settings = ReadonlyMap<string, Setting>;

/** True when pointer `p` is `q` or lies below it. */
export function isAtOrBelow(p: string, q: string): boolean {
  return p === q || p.startsWith(q + '/');
}

/**
 * The pointers strictly above `pointer` (`/A/B/C` → `/A`, `/A/B`); with {@link deleteAtOrBelow},
 * what keeps thousands of writes (`set Tags[0].Key`, `set Tags[1].Key`, …) linear.
 */
export function ancestorsOf(pointer: string): string[] {
  const out: string[] = [];
  for (let i = pointer.indexOf('/', 1); i > 0; i = pointer.indexOf('/', i + 1)) out.push(pointer.slice(0, i));
  return out;
}

/** Adds the ancestors of `pointer` to `above`, from the nearest up, stopping at one already there (its own are then there too). */
export function addAncestors(above: Set<string>, pointer: string): void {
  for (const a of ancestorsNearestFirst(pointer)) {
    if (above.has(a)) return;
    above.add(a);
  }
}

/**
 * The ancestors of `pointer`, nearest first (do not change the list), remembered: every payload records the same few
 * pointers, and slicing them afresh (and hashing the new strings) was a twentieth of a lint.
 */
export const ancestorsNearestFirst: (pointer: string) => readonly string[] = boundedMemo((pointer: string) => ancestorsOf(pointer).reverse(), 4096);

/**
 * Deletes the keys of `map` at or below `pointer`. `above` holds every ancestor of every key
 * (see {@link ancestorsOf}): when `pointer` is none of them, nothing lies below it and the keys
 * are not scanned.
 */
export function deleteAtOrBelow(map: Map<string, unknown>, above: ReadonlySet<string>, pointer: string): void {
  if (!above.has(pointer)) {
    map.delete(pointer);
    return;
  }
  countWork('settingsMerged', map.size);
  for (const k of [...map.keys()]) if (isAtOrBelow(k, pointer)) map.delete(k);
}
