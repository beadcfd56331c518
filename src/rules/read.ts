/**
 * Defensive readers for rules: a payload may not have passed the schema, so every reader
 * returns undefined for a missing member or one of the wrong type.
 */
import type { LocationContext, LocationType, TaskContext } from '../core/context.js';
import { getAt } from '../core/json-pointer.js';

/** A plain object (not an array) or undefined. */
export function objectAt(doc: unknown, pointer: string): Record<string, unknown> | undefined {
  const v = getAt(doc, pointer);
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** An array or undefined. */
export function arrayAt(doc: unknown, pointer: string): unknown[] | undefined {
  const v = getAt(doc, pointer);
  return Array.isArray(v) ? v : undefined;
}

/** A string or undefined. */
export function stringAt(doc: unknown, pointer: string): string | undefined {
  const v = getAt(doc, pointer);
  return typeof v === 'string' ? v : undefined;
}

/** A finite number or undefined. */
export function numberAt(doc: unknown, pointer: string): number | undefined {
  const v = getAt(doc, pointer);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** True when the member exists (any value, `null` included). */
export function has(doc: unknown, pointer: string): boolean {
  return getAt(doc, pointer) !== undefined;
}

/** The pointer of an `OverrideOptions` member. */
export function optionPointer(member: string): string {
  return `/OverrideOptions/${member}`;
}

/** An option's value for this run: where it comes from, the request's override or the task's stored options. */
export interface EffectiveOption<T> {
  readonly value: T;
  readonly from: 'request' | 'task';
}

/** The request's override of an enum option, if it is a string. */
export function overriddenOption(payload: unknown, member: string): string | undefined {
  // Read directly, not through a pointer built and parsed on every call: rules ask for options on every payload.
  const options = memberOf(payload, 'OverrideOptions');
  const value = memberOf(options, member);
  return typeof value === 'string' ? value : undefined;
}

/** `value[name]` when `value` is an object (as `getAt` reads one step), else undefined. */
export function memberOf(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * The option's value for this run: the request's override, else the task's stored value,
 * else undefined (unknown: the task's setting or AWS's default decides).
 */
export function effectiveOption(payload: unknown, context: TaskContext, member: string): EffectiveOption<string> | undefined {
  const own = overriddenOption(payload, member);
  if (own !== undefined) return { value: own, from: 'request' };
  const stored = (context.options as Record<string, unknown> | undefined)?.[member];
  return typeof stored === 'string' ? { value: stored, from: 'task' } : undefined;
}

/** The two ends of a transfer, as context pointers and location contexts. */
export const ENDS = ['source', 'destination'] as const;
export type End = (typeof ENDS)[number];

/** The known location type of one end. */
export function locationType(context: TaskContext, end: End): LocationType | undefined {
  const loc: LocationContext | undefined = context[end];
  return loc && typeof loc.type === 'string' ? loc.type : undefined;
}

/** The `/@context/…` pointer of a context member, as the `.dsi` source map records it. */
export function contextPointer(...path: string[]): string {
  return ['/@context', ...path].join('/');
}
