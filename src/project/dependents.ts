/**
 * Dependents of changed files: a hook passes only the files a commit changed, but a change to a
 * shared template can break an intent in another file that imports it. Given the input files,
 * this finds every `.dsi` file of their project that imports one of them, directly or through
 * other files, and the chain of imports it goes through, so the run can check it too and say why.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Diagnostic, RelatedInformation } from '../core/diagnostic.js';
import { LineIndex, type Range } from '../core/range.js';
import type { parse as Parse } from '../grammar/index.js';
import { isIntentFile, loadIntentFrontEnd } from './front-ends.js';
import { expandInputs, type IgnoreOptions } from '../files/inputs.js';
import { readRegularFile } from '../files/read.js';
import { realPathOf } from '../files/roots.js';
import { countWork } from '../core/work.js';

/** A file checked because it imports an input. */
export interface Dependent {
  /** The importing file, relative to the working folder. */
  readonly file: string;
  /** The files from the dependent to the input it reaches, each importing the next (`a.dsi`, `common.dsi`, `templates.dsi`). */
  readonly chain: readonly string[];
  /** The path of the dependent's import statement that starts the chain. */
  readonly importRange: Range;
}

/** Options of {@link findDependents}. */
export interface DependentsOptions extends IgnoreOptions {
  readonly cwd: string;
  /** The project root of a folder: the repository searched for importers. */
  readonly rootOf: (folder: string) => string;
  /** Folders the walk may read besides the project root (`--import-root`). */
  readonly roots?: readonly string[];
  /** Texts already read, by the same paths (relative to `cwd`): the inputs are not read twice. */
  readonly texts?: ReadonlyMap<string, string>;
}

interface ImportEdge {
  readonly from: string;
  readonly range: Range;
}

/** Every `.dsi` file of the inputs' projects that imports an input, directly or transitively; inputs themselves are not listed. Sorted by file. */
export async function findDependents(inputs: readonly string[], options: DependentsOptions): Promise<Dependent[]> {
  const { cwd } = options;
  const named = inputs.filter(isIntentFile);
  if (named.length === 0) return [];
  // Only .dsi inputs have dependents, and the run loads the parser for them anyway.
  const { parse } = await loadIntentFrontEnd();
  const projectRoots = [...new Set(named.map((f) => options.rootOf(dirname(resolve(cwd, f)))))];
  const importedBy = new Map<string, ImportEdge[]>();
  const realOf = new Map<string, string>();
  // Many files import the same few templates: each import path is resolved once.
  const realTargets = new Map<string, string>();
  const realTarget = (path: string) => realTargets.get(path) ?? realTargets.set(path, realPathOf(path)).get(path)!;
  for (const file of expandInputs(projectRoots, ['**/*.dsi'], cwd, [...projectRoots, ...(options.roots ?? [])], options).files) {
    const abs = resolve(cwd, file);
    let text: string;
    try {
      text = options.texts?.get(file) ?? readRegularFile(abs);
    } catch {
      continue; // a file that cannot be read is reported when it is an input; here it just imports nothing
    }
    realOf.set(file, realPathOf(abs));
    countWork('characters', text.length);
    for (const item of importsOf(text, file, parse)) {
      countWork('scopeEntries');
      const target = realTarget(isAbsolute(item.path) ? item.path : resolve(dirname(abs), item.path));
      (importedBy.get(target) ?? importedBy.set(target, []).get(target)!).push({ from: file, range: item.range });
    }
  }

  const inputNames = new Map(inputs.map((f) => [realPathOf(resolve(cwd, f)), f]));
  const inputSet = new Set(inputNames.keys());
  const found = new Map<string, Dependent>();
  // Breadth first: each dependent is reached by its shortest chain of imports.
  let frontier = [...inputNames].map(([real, name]) => ({ real, chain: [name] }));
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { real, chain } of frontier) {
      for (const edge of importedBy.get(real) ?? []) {
        const fromReal = realOf.get(edge.from)!;
        if (inputSet.has(fromReal) || found.has(edge.from)) continue;
        const dependent = { file: edge.from, chain: [edge.from, ...chain], importRange: edge.range };
        found.set(edge.from, dependent);
        next.push({ real: fromReal, chain: dependent.chain });
      }
    }
    frontier = next;
  }
  return [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

const IMPORT_LINE = /^[ \t]*import[ \t]+("(?:[^"\\\r\n]|\\.)*")/gm;

/**
 * The imports of a file, found by their lines rather than by parsing: the scan reads every `.dsi`
 * file of the repository, and a hook must stay fast. A file whose import line does not read as a
 * plain string is parsed instead.
 */
function importsOf(text: string, file: string, parse: typeof Parse): { path: string; range: Range }[] {
  if (!text.includes('import')) return [];
  const found: { path: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(IMPORT_LINE)) {
    let path: unknown;
    try {
      path = JSON.parse(m[1]);
    } catch {
      path = undefined;
    }
    if (typeof path !== 'string') {
      return parse(text, file).ast.items.flatMap((i) => (i.type === 'Import' ? [{ path: i.path.value, range: i.path.range }] : []));
    }
    const start = m.index + m[0].length - m[1].length;
    found.push({ path, start, end: start + m[1].length });
  }
  if (found.length === 0) return [];
  // One index of lines for all imports, over the text up to the last of them (imports come first
  // in a file: the rest of it, often most of it, is not scanned). Positions there are the same.
  const lines = new LineIndex(text.slice(0, found[found.length - 1].end + 1));
  return found.map(({ path, start, end }) => ({ path, range: lines.range(start, end) }));
}

/** Why a dependent is checked, in words: `imports templates.dsi` or `imports templates.dsi through common.dsi`. */
export function describeDependent(d: Dependent): string {
  const through = d.chain.slice(1, -1);
  return `imports ${d.chain.at(-1)}${through.length > 0 ? ` through ${through.join(' → ')}` : ''}`;
}

/**
 * A dependent's problems, each with a note at the dependent's import that says why the file was
 * checked at all: which input it imports, and through which files.
 */
export function explainDependent<R extends { readonly diagnostics: readonly Diagnostic[] }>(result: R, dependent: Dependent): R {
  const note: RelatedInformation = { file: dependent.file, range: dependent.importRange, message: `checked because this file ${describeDependent(dependent)}` };
  return { ...result, diagnostics: result.diagnostics.map((d) => ({ ...d, related: [...(d.related ?? []), note] })) };
}
