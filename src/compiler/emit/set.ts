/** `set PATH = VALUE`: the escape hatch, a JSON value at any payload path. */
import type { JsonValueNode, SetNode } from '../../grammar/ast.js';
import { escapeToken } from '../../core/json-pointer.js';
import { DiagnosticIds } from '../../core/diagnostic.js';
import type { Origin, Setting, Write } from '../settings.js';
import { inexactLongMessage, LONG_MAX, LONG_MIN, sentDigits } from '../../core/long.js';
import { origin, type LowerSink } from './common.js';

/** `OverrideOptions.TaskQueueing` → `/OverrideOptions/TaskQueueing`; `Includes[0]` → `/Includes/0`. */
export function setPointer(node: SetNode): string {
  return node.path.map((s) => '/' + (s.type === 'Member' ? escapeToken(s.name) : String(s.index))).join('');
}

/** The plain JSON value of an inline JSON node. */
export function jsonValue(node: JsonValueNode): unknown {
  switch (node.type) {
    case 'JsonString':
    case 'JsonNumber':
    case 'JsonBoolean':
      return node.value;
    case 'JsonNull':
      return null;
    case 'JsonArray':
      return node.items.map(jsonValue);
    case 'JsonObject': {
      // defineProperty keeps `__proto__` an ordinary key, which the schema then reports as unknown.
      const out: Record<string, unknown> = {};
      for (const m of node.members) Object.defineProperty(out, m.key.value, { value: jsonValue(m.value), enumerable: true, writable: true, configurable: true });
      return out;
    }
  }
}

/** Where each member inside a JSON value was written, so schema errors inside it point at it. */
function nestedOrigins(file: string, statement: SetNode, node: JsonValueNode, base: string, out: Write[]): void {
  if (node.type === 'JsonArray') {
    node.items.forEach((item, i) => {
      const p = `${base}/${i}`;
      out.push({ pointer: p, value: MAP_ONLY, origin: origin(file, statement.range, item.range, item.range, 'set') });
      nestedOrigins(file, statement, item, p, out);
    });
  } else if (node.type === 'JsonObject') {
    for (const m of node.members) {
      const p = `${base}/${escapeToken(m.key.value)}`;
      out.push({ pointer: p, value: MAP_ONLY, origin: origin(file, statement.range, m.key.range, m.value.range, 'set') });
      nestedOrigins(file, statement, m.value, p, out);
    }
  }
}

/** Marks a write that only records where a nested member came from. */
export const MAP_ONLY: unique symbol = Symbol('map-only');

/** Most parts of a `set` path: far past the request's depth, low enough that a hostile path stays cheap. */
export const MAX_SET_PATH_SEGMENTS = 64;

/** The message for a `set` path past {@link MAX_SET_PATH_SEGMENTS}. */
export function setPathTooLong(node: SetNode): string {
  return `this \`set\` path has ${node.path.length} parts, and dsi reads at most ${MAX_SET_PATH_SEGMENTS} (a StartTaskExecution request nests at most 5 levels): check the path`;
}

/** Reports numbers a payload cannot carry exactly; returns false when there is one. */
function checkNumbers(node: JsonValueNode, sink: LowerSink): boolean {
  if (node.type === 'JsonArray') return node.items.map((i) => checkNumbers(i, sink)).every(Boolean);
  if (node.type === 'JsonObject') return node.members.map((m) => checkNumbers(m.value, sink)).every(Boolean);
  if (node.type !== 'JsonNumber') return true;
  if (!Number.isFinite(node.value)) {
    sink.report(DiagnosticIds.invalidValue, node.range, `${node.raw} is too large to be a number in a request`);
    return false;
  }
  if (/^-?[\d_]+$/.test(node.raw) && !Number.isSafeInteger(node.value)) {
    const exact = BigInt(node.raw.replace(/_/g, ''));
    if (exact > LONG_MAX || exact < LONG_MIN) {
      sink.report(DiagnosticIds.invalidValue, node.range, `${node.raw} does not fit in a 64-bit whole number (at most ${LONG_MAX}), the largest the model has`);
      return false;
    }
    // Past 2^53 a whole number may go out as other digits: a deliberate warning, saying which.
    const sent = sentDigits(exact);
    if (sent !== undefined) sink.report(DiagnosticIds.invalidValue, node.range, inexactLongMessage(node.raw, exact, sent, 'this member', 'dsi'), 'warning');
  }
  return true;
}

export function emitSet(node: SetNode, sink: LowerSink): Setting | undefined {
  if (node.path.length === 0 || node.path[0].type !== 'Member') return undefined;
  if (node.path.length > MAX_SET_PATH_SEGMENTS) {
    sink.report(DiagnosticIds.limit, node.pathRange, setPathTooLong(node));
    return undefined;
  }
  if (!checkNumbers(node.value, sink)) return undefined;
  const pointer = setPointer(node);
  const o: Origin = origin(sink.file, node.range, node.pathRange, node.value.range, 'set');
  const writes: Write[] = [{ pointer, value: jsonValue(node.value), origin: o }];
  nestedOrigins(sink.file, node, node.value, pointer, writes);
  return { kind: 'write', key: pointer, origin: o, writes };
}
