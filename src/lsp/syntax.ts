/**
 * Where the cursor is in a `.dsi` file's AST, and what the compiler's own lowering says each
 * range of a declaration sets: `location → payload pointer`, the inverse of the source map.
 */
import type { Range } from '../core/range.js';
import type { DeclarationNode, FileNode, NameNode, PolicyNode, TopLevelNode } from '../grammar/ast.js';
import { lowerDeclaration } from '../compiler/lower.js';
import type { Origin } from '../compiler/settings.js';

/** True when `offset` is inside `range` or at its end (where the cursor sits after a word). */
export function touches(range: Range, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}

/** The top-level item (import, intent, template, policy) around an offset. */
export function itemAt(ast: FileNode, offset: number): TopLevelNode | undefined {
  return ast.items.find((i) => touches(i.range, offset));
}

export function declarationAt(ast: FileNode, offset: number): DeclarationNode | undefined {
  const item = itemAt(ast, offset);
  return item && (item.type === 'Intent' || item.type === 'Template') ? item : undefined;
}

export function policyAt(ast: FileNode, offset: number): PolicyNode | undefined {
  const item = itemAt(ast, offset);
  return item?.type === 'Policy' ? item : undefined;
}

/** The `extends` name under the cursor, with its declaration. */
export function parentNameAt(ast: FileNode, offset: number): { readonly decl: DeclarationNode; readonly name: NameNode } | undefined {
  const decl = declarationAt(ast, offset);
  const name = decl?.parents.find((p) => touches(p.range, offset));
  return decl && name ? { decl, name } : undefined;
}

/** One range of a declaration and the payload pointer it sets (`/@context/…` for task context). */
export interface PointerAt {
  readonly pointer: string;
  readonly range: Range;
  /** Whether the range is the value written (a value's documentation applies), its key, or the whole statement. */
  readonly part: 'value' | 'key' | 'statement';
  readonly origin: Origin;
}

/** Every range of a declaration with the pointer it sets, from the compiler's lowering (problems ignored). */
export function pointersOf(decl: DeclarationNode, file: string): PointerAt[] {
  const out: PointerAt[] = [];
  const add = (pointer: string, o: Origin) => {
    out.push({ pointer, range: o.statement.range, part: 'statement', origin: o });
    out.push({ pointer, range: o.key.range, part: 'key', origin: o });
    out.push({ pointer, range: o.value.range, part: 'value', origin: o });
  };
  const settings = lowerDeclaration(decl, { file, report: () => {} });
  for (const setting of settings.values()) {
    if (setting.kind === 'tags') {
      add('/Tags', setting.origin);
      setting.tags.forEach((t, i) => {
        out.push({ pointer: `/Tags/${i}/Key`, range: t.origin.key.range, part: 'value', origin: t.origin });
        out.push({ pointer: `/Tags/${i}/Value`, range: t.origin.value.range, part: 'value', origin: t.origin });
        out.push({ pointer: `/Tags/${i}`, range: t.origin.statement.range, part: 'statement', origin: t.origin });
      });
      continue;
    }
    for (const w of setting.writes) add(w.pointer, w.origin);
    for (const [pointer, o] of setting.context?.origins ?? []) add(pointer, o);
  }
  return out;
}

/** The most precise pointer at an offset: the smallest range that holds it (a value before its statement). */
export function pointerAt(decl: DeclarationNode, file: string, offset: number): PointerAt | undefined {
  const size = (r: Range) => r.end.offset - r.start.offset;
  const rank = { value: 0, key: 1, statement: 2 } as const;
  return pointersOf(decl, file)
    .filter((p) => touches(p.range, offset))
    .sort((a, b) => size(a.range) - size(b.range) || rank[a.part] - rank[b.part])[0];
}
