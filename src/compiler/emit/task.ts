/** `TaskArn` and the task context block (never emitted; read by rules). */
import type { ContextNode, TaskNode } from '../../grammar/ast.js';
import { DiagnosticIds } from '../../core/diagnostic.js';
import type { LocationContext, TaskContext } from '../../core/context.js';
import { CONTEXT_STATEMENTS, STORAGE_CLASS_ALIASES, STORAGE_CLASSES } from '../../language/vocabulary.js';
import { matchEnum } from '../values.js';
import type { Origin, Setting } from '../settings.js';
import { origin, type LowerSink } from './common.js';


/** `task "arn" { mode …; from …; to … storage-class …; log-group "…" }` */
export function emitTask(node: TaskNode, sink: LowerSink): Setting {
  const o = origin(sink.file, node.range, node.arn.range, node.arn.range, 'task');
  const origins = new Map<string, Origin>();
  const context: { -readonly [K in keyof TaskContext]: TaskContext[K] } = {};
  const seen = new Map<string, ContextNode>();
  for (const c of node.context ?? []) {
    const slot = c.type === 'ContextLocation' ? c.end : c.type;
    const earlier = seen.get(slot);
    if (earlier) {
      sink.report(DiagnosticIds.duplicate, valueRange(c), `\`${contextWord(c)}\` is given twice in this task block; keep one`, 'error', [
        { file: sink.file, range: valueRange(earlier), message: 'first given here' },
      ]);
      continue;
    }
    seen.set(slot, c);
    const co = origin(sink.file, c.range, valueRange(c), valueRange(c), contextWord(c));
    if (c.type === 'ContextMode') {
      const m = matchEnum(c.value.value, CONTEXT_STATEMENTS.mode, 'task mode');
      if (m.ok) {
        context.mode = m.value as TaskContext['mode'];
        origins.set('/@context/mode', co);
      } else sink.report(DiagnosticIds.unknownValue, c.value.range, m.message);
    } else if (c.type === 'ContextLogGroup') {
      context.logGroup = c.value.value;
      origins.set('/@context/logGroup', co);
    } else {
      const end = c.end === 'from' ? 'source' : 'destination';
      const t = matchEnum(c.location.value, CONTEXT_STATEMENTS[c.end], 'location type');
      if (!t.ok) {
        sink.report(DiagnosticIds.unknownValue, c.location.range, t.message);
        continue;
      }
      let location: LocationContext = { type: t.value as LocationContext['type'] };
      origins.set(`/@context/${end}/type`, co);
      if (c.storageClass) {
        const sc = matchEnum(c.storageClass.value, STORAGE_CLASSES, 'S3 storage class', STORAGE_CLASS_ALIASES);
        if (!sc.ok) sink.report(DiagnosticIds.unknownValue, c.storageClass.range, sc.message);
        else if (c.end !== 'to' || t.value !== 'S3') {
          sink.report(
            DiagnosticIds.invalidValue,
            c.storageClass.range,
            c.end !== 'to'
              ? '`storage-class` describes the destination: write it after `to s3`'
              : '`storage-class` applies only to an `s3` location: write `to s3 storage-class …`, or remove `storage-class`',
          );
        } else {
          location = Object.assign({}, location, { storageClass: sc.value as LocationContext['storageClass'] });
          origins.set(`/@context/${end}/storageClass`, origin(sink.file, c.range, c.storageClass.range));
        }
      }
      context[end] = location;
    }
  }
  return {
    kind: 'write',
    key: '/TaskArn',
    origin: o,
    writes: [{ pointer: '/TaskArn', value: node.arn.value, origin: o }],
    context: { context, origins },
  };
}

function valueRange(c: ContextNode) {
  return c.type === 'ContextLocation' ? c.location.range : c.value.range;
}

function contextWord(c: ContextNode): string {
  return c.type === 'ContextMode' ? 'mode' : c.type === 'ContextLogGroup' ? 'log-group' : c.end;
}
