/**
 * Emission: effective settings → payload, source map and task context. Settings are written in
 * their merged order, then every object is re-keyed into the model's member order.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import { DiagnosticIds } from '../../core/diagnostic.js';
import type { TaskContext } from '../../core/context.js';
import { parsePointer } from '../../core/json-pointer.js';
import { canonicalize } from '../../schema/index.js';
import type { EmitEnv, Origin, Settings, Write } from '../settings.js';
import { partitionOf } from '../../language/s3.js';
import { MAP_ONLY } from './set.js';
import type { DsiSourceMap } from '../source-map.js';
import { countWork, endStage, startStage } from '../../core/work.js';

export interface Emitted {
  readonly payload: Record<string, unknown>;
  readonly context: TaskContext;
  readonly diagnostics: Diagnostic[];
}

/** Writes `settings` into a new payload, recording each write in `sourceMap`. */
export function emitPayload(settings: Settings, sourceMap: DsiSourceMap): Emitted {
  const started = startStage();
  const diagnostics: Diagnostic[] = [];
  const task = settings.get('/TaskArn');
  const arn = task?.kind === 'write' ? task.writes.find((w) => w.pointer === '/TaskArn')?.value : undefined;
  const env: EmitEnv = { partition: partitionOf(typeof arn === 'string' ? arn : undefined) ?? 'aws' };
  const payload: Record<string, unknown> = {};
  let context: TaskContext = {};

  for (const setting of settings.values()) {
    if (setting.kind === 'tags') {
      const tags = setting.tags.map((t) => ({ Key: t.key, Value: t.value }));
      write(payload, { pointer: '/Tags', value: tags, origin: setting.origin }, env, sourceMap, diagnostics);
      countWork('payloadWrites', setting.tags.length);
      setting.tags.forEach((t, i) => {
        sourceMap.record(`/Tags/${i}`, t.origin, false);
        // Object.assign, not spreads: the builds lower spreads into calls that cost more than the rest of this loop.
        sourceMap.record(`/Tags/${i}/Key`, Object.assign({}, t.origin, { value: t.origin.key }), false);
        sourceMap.record(`/Tags/${i}/Value`, Object.assign({}, t.origin, { key: t.origin.value }), false);
      });
      continue;
    }
    for (const w of setting.writes) write(payload, w, env, sourceMap, diagnostics);
    if (setting.context) {
      context = setting.context.context;
      for (const [p, o] of setting.context.origins) sourceMap.record(p, o, false);
    }
  }
  const emitted = { payload: canonicalize(payload) as Record<string, unknown>, context, diagnostics };
  endStage('emit', started);
  return emitted;
}

function write(payload: Record<string, unknown>, w: Write, env: EmitEnv, map: DsiSourceMap, diagnostics: Diagnostic[]): void {
  if (w.value === MAP_ONLY) {
    map.record(w.pointer, w.origin, false);
    return;
  }
  const tokens = parsePointer(w.pointer);
  countWork('payloadWrites', tokens.length);
  let container: unknown = payload;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    const here = container as Record<string, unknown>;
    // Own members only: `constructor` or `__proto__` in a path names a member, never the prototype's.
    let next = Object.hasOwn(here, t) ? here[t] : undefined;
    if (next === undefined) {
      if (Array.isArray(here) && !fitsArray(here, t)) return pastEnd(w, tokens.slice(0, i), t, here.length, diagnostics);
      next = /^\d+$/.test(tokens[i + 1]) ? [] : {};
      ownMember(here, t, next);
      // A container that a `set` creates was written by it too: a member missing inside it points at the `set`.
      if (w.origin.keyword === 'set') {
        const created = '/' + tokens.slice(0, i + 1).join('/');
        if (!map.origin(created)) map.record(created, w.origin, false);
      }
    } else if (next === null || typeof next !== 'object') {
      return conflict(w, tokens.slice(0, i + 1), map, diagnostics);
    }
    container = next;
  }
  const last = tokens[tokens.length - 1];
  const target = container as Record<string, unknown>;
  if (Array.isArray(target) && !fitsArray(target, last)) return pastEnd(w, tokens.slice(0, -1), last, target.length, diagnostics);
  const value = typeof w.value === 'function' ? (w.value as (e: EmitEnv) => unknown)(env) : w.value;
  // Statements hand out shared template values: each payload gets its own copy.
  ownMember(target, last, copyJson(value));
  map.record(w.pointer, w.origin, true);
  if (w.parts) map.recordParts(w.pointer, w.parts);
}

/** Sets an own, enumerable member, even one named `__proto__` (which plain assignment would take as the prototype). */
function ownMember(object: Record<string, unknown>, name: string, value: unknown): void {
  // Assignment elsewhere: an own data member either way, and several times faster than defineProperty.
  if (name === '__proto__') Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
  else object[name] = value;
}

/** A deep copy of a JSON value (what statements write), own `__proto__` members kept as members. */
function copyJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) ownMember(out, key, copyJson((value as Record<string, unknown>)[key]));
  return out;
}

function fitsArray(array: unknown[], token: string): boolean {
  return /^\d+$/.test(token) && Number(token) <= array.length;
}

function pastEnd(w: Write, at: string[], token: string, length: number, diagnostics: Diagnostic[]): void {
  const list = at.join('.') || 'the list';
  diagnostics.push(
    at0(
      w.origin,
      /^\d+$/.test(token)
        ? `${list} has ${length} item${length === 1 ? '' : 's'}: \`set\` can replace an item or add one at index ${length}, not further`
        : `${list} is a list: name an item by its index, as in \`${list}[0].${token}\``,
    ),
  );
}

function conflict(w: Write, at: string[], map: DsiSourceMap, diagnostics: Diagnostic[]): void {
  const where = '/' + at.join('/');
  const other = map.origin(where);
  diagnostics.push(
    at0(
      w.origin,
      `cannot set a member inside \`${at.join('.')}\`, which is not an object here; change or remove the statement that sets it`,
      other ? [{ ...other.key, message: `${at.join('.')} is set here` }] : undefined,
    ),
  );
}

function at0(o: Origin, message: string, related?: Diagnostic['related']): Diagnostic {
  return { file: o.key.file, range: o.key.range, severity: 'error', ruleId: DiagnosticIds.invalidValue, message, ...(related ? { related } : {}) };
}
