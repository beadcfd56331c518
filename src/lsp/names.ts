/**
 * Names in scope, as the language defines them: a file sees its own templates and intents and
 * those of the files it imports directly (not their imports).
 */
import type { Declared, Resolution } from '../compiler/resolve.js';

/** Every declaration a file's `extends` may name, in the file's order (its own first). */
export function namesInScope(resolution: Resolution): Declared[] {
  const entry = resolution.entry;
  const own = entry.declarations.map((decl) => ({ decl, file: entry }));
  const imported = entry.imports.flatMap((i) => (i.target && i.target !== entry ? i.target.declarations.map((decl) => ({ decl, file: i.target! })) : []));
  return [...own, ...imported];
}

/** The declaration a name in `extends` refers to (the first one, when declared twice). */
export function lookUp(resolution: Resolution, name: string): Declared | undefined {
  return namesInScope(resolution).find((d) => d.decl.name.value === name);
}
