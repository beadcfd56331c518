/** `tag KEY = "value"` → `Tags`, merged by key across `extends`. */
import type { TagNode } from '../../grammar/ast.js';
import { DiagnosticIds } from '../../core/diagnostic.js';
import type { Setting, TagEntry } from '../settings.js';
import { origin, type LowerSink } from './common.js';

/** All tag statements of one block as one setting; a key given twice in one block is an error. */
export function emitTags(nodes: readonly TagNode[], sink: LowerSink): Setting {
  const tags: TagEntry[] = [];
  const seen = new Map<string, TagNode>();
  for (const n of nodes) {
    const earlier = seen.get(n.key.value);
    if (earlier) {
      sink.report(DiagnosticIds.duplicate, n.key.range, `tag \`${n.key.value}\` is given twice in this block; keep one`, 'error', [
        { file: sink.file, range: earlier.key.range, message: 'first given here' },
      ]);
      continue;
    }
    seen.set(n.key.value, n);
    tags.push({ key: n.key.value, value: n.value.value, origin: origin(sink.file, n.range, n.key.range, n.value.range, 'tag') });
  }
  return { kind: 'tags', key: '/Tags', tags, origin: origin(sink.file, nodes[0].range, nodes[0].keywordRange, nodes[0].range, 'tag') };
}

/** Tags of a child merged over its parent's: same key replaces the value in place, new keys append. */
export function mergeTags(parent: readonly TagEntry[], child: readonly TagEntry[]): TagEntry[] {
  const out = [...parent];
  // An index by key keeps a deep (or diamond) `extends` chain linear in its tags.
  const at = new Map<string, number>();
  out.forEach((p, i) => {
    if (!at.has(p.key)) at.set(p.key, i);
  });
  for (const t of child) {
    const i = at.get(t.key);
    if (i !== undefined) out[i] = t;
    else {
      at.set(t.key, out.length);
      out.push(t);
    }
  }
  return out;
}
