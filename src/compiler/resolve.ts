/**
 * Resolution: reads imported files (relative to the importing file), builds what each file sees,
 * lowers every declaration once and merges `extends` chains into effective settings.
 */
import { dirname, isAbsolute, join, relative, resolve as resolvePath, sep } from 'node:path';
import type { CommentNode, DeclarationNode, FileNode, ImportNode, NameNode } from '../grammar/ast.js';
import { parse, type ParseResult } from '../grammar/index.js';
import { DiagnosticIds, type Diagnostic, type Severity } from '../core/diagnostic.js';
import type { Range } from '../core/range.js';
import { suggest } from '../core/words.js';
import { describeFileError } from '../files/read.js';
import { addAncestors, deleteAtOrBelow, type Setting, type Settings } from './settings.js';
import type { LowerSink } from './emit/common.js';
import { lowerDeclaration } from './lower.js';
import { mergeTags } from './emit/tags.js';
import { countWork, endStage, startStage } from '../core/work.js';

/**
 * Deepest import chain followed (the entry is level 1). Real projects nest a few files; the
 * limit keeps a hostile chain of thousands of files from exhausting the stack.
 */
export const MAX_IMPORT_DEPTH = 64;

/** Most `import` statements read in one file; the rest are reported once and not read. */
export const MAX_IMPORTS_PER_FILE = 100;

/** Deepest `extends` chain followed from one declaration. */
export const MAX_EXTENDS_DEPTH = 64;

/** Reads a file's text; throws on failure (the error's message is shown to the user). */
export type ReadFile = (path: string) => string;

/** A parsed file and what it imports. */
export interface LoadedFile {
  readonly file: string;
  readonly text: string;
  readonly ast: FileNode;
  /** The file's comments (its `dsi-ignore` waivers among them). */
  readonly comments: readonly CommentNode[];
  readonly imports: { readonly node: ImportNode; readonly target?: LoadedFile }[];
  readonly declarations: readonly DeclarationNode[];
}

/** A declaration together with the file it is in. */
export interface Declared {
  readonly decl: DeclarationNode;
  readonly file: LoadedFile;
}

/** The result of resolving an entry file: every loaded file and the effective settings of its declarations. */
export interface Resolution {
  readonly entry: LoadedFile;
  readonly files: ReadonlyMap<string, LoadedFile>;
  readonly diagnostics: Diagnostic[];
  /** Effective settings of a declaration, after `extends`; undefined for one on a cycle. */
  effective(d: Declared): Settings;
}

interface Scope {
  readonly names: Map<string, Declared>;
  /** Names declared twice: their uses get no further diagnostics. */
  readonly poisoned: Set<string>;
}

function diag(file: string, range: Range, ruleId: string, message: string, severity: Severity = 'error', related?: Diagnostic['related']): Diagnostic {
  return { file, range, ruleId, message, severity, ...(related ? { related } : {}) };
}

/**
 * What one run may keep between the files it compiles: each file parsed and each declaration
 * lowered once, however many entries import them. Create one with {@link createCompileCache}.
 */
export interface CompileCache {
  /** @internal Parsed files by resolved path. */
  readonly parsed: Map<string, { readonly name: string; readonly text: string; readonly result: ParseResult }>;
  /** @internal Lowered declarations of those files. */
  readonly lowered: WeakMap<DeclarationNode, { readonly settings: Settings; readonly diagnostics: readonly Diagnostic[] }>;
}

/** A new, empty {@link CompileCache}. */
export function createCompileCache(): CompileCache {
  return { parsed: new Map(), lowered: new WeakMap() };
}

/** Resolves `text` (named `file`) with everything it imports. Never throws on bad input. */
export function resolveEntry(text: string, file: string, readFile: ReadFile, cache: CompileCache = createCompileCache()): Resolution {
  const started = startStage();
  const diagnostics: Diagnostic[] = [];
  const files = new Map<string, LoadedFile>();
  const loading: string[] = [];
  /** Position of each file on the `loading` stack, so that finding a cycle is not a search. */
  const loadingAt = new Map<string, number>();

  const parseOnce = (name: string, content: string, imported: boolean): ParseResult => {
    const key = resolvePath(name);
    const hit = cache.parsed.get(key);
    // The same text under the same name: diagnostics carry the name, so both must match.
    if (hit && hit.text === content && hit.name === name) return hit.result;
    const result = parse(content, name, { trivia: false });
    // Only imported files are kept: an entry is parsed once per run anyway, and keeping every
    // entry's tree would hold the whole run in memory.
    if (imported) cache.parsed.set(key, { name, text: content, result });
    return result;
  };

  const load = (name: string, content: string, imported = true): LoadedFile => {
    const key = resolvePath(name);
    const { ast, comments, diagnostics: parseDiagnostics } = parseOnce(name, content, imported);
    diagnostics.push(...parseDiagnostics);
    const declarations = ast.items.filter((i): i is DeclarationNode => i.type === 'Intent' || i.type === 'Template');
    for (const d of declarations) {
      if (d.name.value.trim() === '') diagnostics.push(diag(name, d.name.range, DiagnosticIds.invalidValue, `${d.type === 'Intent' ? 'an intent' : 'a template'} needs a name; write one between the quotes`));
    }
    const loaded: LoadedFile = { file: name, text: content, ast, comments, imports: [], declarations };
    files.set(key, loaded);
    loadingAt.set(key, loading.length);
    loading.push(key);
    let imports = 0;
    let cycleReported = false;
    let depthReported = false;
    for (const item of ast.items) {
      if (item.type !== 'Import') continue;
      countWork('scopeEntries');
      if (++imports > MAX_IMPORTS_PER_FILE) {
        if (imports === MAX_IMPORTS_PER_FILE + 1) {
          diagnostics.push(diag(name, item.path.range, DiagnosticIds.limit, `more than ${MAX_IMPORTS_PER_FILE} imports in one file; this import and those after it were not read: import a file that gathers the templates instead`));
        }
        loaded.imports.push({ node: item });
        continue;
      }
      const targetName = isAbsolute(item.path.value) ? item.path.value : join(dirname(name), item.path.value);
      const targetKey = resolvePath(targetName);
      if (loadingAt.has(targetKey)) {
        // One cycle per file, in words that do not depend on the entry: a dense import graph has a
        // cycle through nearly every import, and each entry would report them all along other paths.
        if (!cycleReported) {
          cycleReported = true;
          const again = targetKey === key ? 'itself' : `\`${name}\` again, directly or through other files`;
          diagnostics.push(diag(name, item.path.range, DiagnosticIds.cycle, `import cycle: \`${targetName}\` imports ${again}; a file may not import itself, directly or through others`));
        }
        loaded.imports.push({ node: item, target: files.get(targetKey) });
        continue;
      }
      let target = files.get(targetKey);
      if (!target) {
        // Only .dsi files: an import must never read (and echo in diagnostics) some other file.
        if (!/\.dsi$/i.test(item.path.value)) {
          diagnostics.push(diag(name, item.path.range, DiagnosticIds.importError, `cannot import "${item.path.value}": an import names a .dsi file`));
          loaded.imports.push({ node: item });
          continue;
        }
        if (loading.length >= MAX_IMPORT_DEPTH) {
          // Once per file, and in words that do not depend on the entry (see cycles above).
          if (!depthReported) {
            depthReported = true;
            diagnostics.push(
              diag(name, item.path.range, DiagnosticIds.limit, `cannot import "${item.path.value}": imports nest more than ${MAX_IMPORT_DEPTH} files deep here, so this file's imports were not read; import the files from fewer levels`),
            );
          }
          loaded.imports.push({ node: item });
          continue;
        }
        let targetText: string;
        try {
          targetText = readFile(targetName);
        } catch (e) {
          diagnostics.push(diag(name, item.path.range, DiagnosticIds.importError, `cannot import "${item.path.value}": ${describeFileError(e)} (${targetName})`));
          loaded.imports.push({ node: item });
          continue;
        }
        target = load(targetName, targetText);
      }
      loaded.imports.push({ node: item, target });
    }
    loading.pop();
    loadingAt.delete(key);
    return loaded;
  };

  const entry = load(file, text, false);

  // What each file sees: its own declarations and those of the files it imports directly.
  const scopes = new Map<LoadedFile, Scope>();
  for (const f of files.values()) scopes.set(f, buildScope(f, diagnostics));

  // Every declaration is lowered once, wherever it is (and once per run with a shared cache).
  const lowered = new Map<DeclarationNode, Settings>();
  for (const f of files.values()) {
    for (const decl of f.declarations) {
      let done = cache.lowered.get(decl);
      if (!done) {
        const found: Diagnostic[] = [];
        const sink: LowerSink = {
          file: f.file,
          report: (ruleId, range, message, severity = 'error', related) => found.push(diag(f.file, range, ruleId, message, severity, related)),
        };
        done = { settings: lowerDeclaration(decl, sink), diagnostics: found };
        // Only imported files' declarations are kept: an entry is parsed anew on each build, so its nodes never come back.
        if (f !== entry) cache.lowered.set(decl, done);
      }
      diagnostics.push(...done.diagnostics);
      lowered.set(decl, done.settings);
    }
  }

  const effectiveCache = new Map<DeclarationNode, Settings>();
  const stack: DeclarationNode[] = [];
  const onStack = new Set<DeclarationNode>();
  const reported = new Set<NameNode>();
  // Declarations by name across all files, built on the first unknown name (not searched per name).
  let declaredIn: Map<string, LoadedFile> | undefined;
  const fileDeclaring = (name: string, except: LoadedFile): LoadedFile | undefined => {
    if (!declaredIn) {
      declaredIn = new Map();
      for (const f of files.values()) for (const x of f.declarations) if (!declaredIn.has(x.name.value)) declaredIn.set(x.name.value, f);
    }
    const found = declaredIn.get(name);
    if (found !== except) return found;
    return [...files.values()].find((f) => f !== except && f.declarations.some((x) => x.name.value === name));
  };
  let suggestions = 0;

  const effective = (d: Declared): Settings => {
    const cached = effectiveCache.get(d.decl);
    if (cached) return cached;
    stack.push(d.decl);
    onStack.add(d.decl);
    const scope = scopes.get(d.file)!;
    let acc: Settings = NO_SETTINGS;
    for (const parentName of d.decl.parents) {
      const parent = scope.names.get(parentName.value);
      if (!parent) {
        // A name may come from an import that failed: that import's error says enough.
        const importFailed = d.file.imports.some((i) => i.target === undefined);
        if (!scope.poisoned.has(parentName.value) && !reported.has(parentName) && !importFailed) {
          reported.add(parentName);
          // Declared in a file this one does not import directly (visibility is one level deep)?
          const elsewhere = fileDeclaring(parentName.value, d.file);
          // A did-you-mean compares with every name in scope: offered for the first few unknown names only, so the work stays linear.
          const hint =
            ++suggestions <= MAX_SUGGESTIONS
              ? suggest(
                  parentName.value,
                  [...scope.names.keys()].filter((n) => n !== d.decl.name.value),
                )
              : undefined;
          diagnostics.push(
            diag(
              d.file.file,
              parentName.range,
              DiagnosticIds.unknownName,
              `unknown template or intent \`${parentName.value}\`` +
                (elsewhere
                  ? `; it is declared in ${elsewhere.file}, which this file does not import (a file sees only what it imports directly): add \`import "${importPath(d.file.file, elsewhere.file)}"\``
                  : hint
                    ? `; did you mean \`${hint}\`?`
                    : '; declare it in this file or import the file that declares it'),
            ),
          );
        }
        continue;
      }
      if (!onStack.has(parent.decl) && stack.length >= MAX_EXTENDS_DEPTH && !effectiveCache.has(parent.decl)) {
        if (!reported.has(parentName)) {
          reported.add(parentName);
          diagnostics.push(
            diag(d.file.file, parentName.range, DiagnosticIds.limit, `\`extends\` chains nest more than ${MAX_EXTENDS_DEPTH} declarations deep here; \`${parentName.value}\` was not followed: extend fewer levels`),
          );
        }
        continue;
      }
      if (onStack.has(parent.decl)) {
        if (!reported.has(parentName)) {
          reported.add(parentName);
          const chain = [...stack.slice(stack.indexOf(parent.decl)), parent.decl].map((x) => x.name.value).join(' → ');
          diagnostics.push(diag(d.file.file, parentName.range, DiagnosticIds.cycle, `\`extends\` cycle: ${chain}; a declaration may not extend itself, directly or through others`));
        }
        continue;
      }
      const inherited = effective(parent);
      if (acc.size === 0) {
        // The first parent's settings as they are: merging them over nothing would only copy them
        // (settings maps are never changed once made). Counted as the merge it replaces.
        countWork('settingsMerged', inherited.size);
        acc = inherited;
      } else acc = mergeOver(acc, inherited);
    }
    acc = mergeOver(acc, lowered.get(d.decl) ?? new Map());
    stack.pop();
    onStack.delete(d.decl);
    effectiveCache.set(d.decl, acc);
    return acc;
  };

  // Resolve every declaration so that every cycle and unknown name is reported, compiled or not.
  for (const f of files.values()) for (const decl of f.declarations) effective({ decl, file: f });

  endStage('resolve', started);
  return { entry, files, diagnostics, effective };
}

const NO_SETTINGS: Settings = new Map();

/** How many unknown names get a did-you-mean in one resolution. */
const MAX_SUGGESTIONS = 50;

/** How `target` is imported from `from`: a relative path starting with `./` or `../`. */
function importPath(from: string, target: string): string {
  const rel = relative(dirname(from), target).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Settings of `child` over `acc`: a child's setting replaces inherited ones at its pointer or below; tags merge by key. */
export function mergeOver(acc: Settings, child: Settings): Map<string, Setting> {
  countWork('settingsMerged', 2 * acc.size + child.size);
  const out = new Map(acc);
  const above = new Set<string>();
  for (const k of out.keys()) addAncestors(above, k);
  for (const [key, setting] of child) {
    const inherited = out.get(key);
    const merged = setting.kind === 'tags' && inherited?.kind === 'tags' ? Object.assign({}, setting, { tags: mergeTags(inherited.tags, setting.tags) }) : setting;
    // The child's setting replaces what is inherited at its path or below, and is applied after what remains.
    deleteAtOrBelow(out, above, key);
    addAncestors(above, key);
    out.set(key, merged);
  }
  return out;
}

function buildScope(f: LoadedFile, diagnostics: Diagnostic[]): Scope {
  // Candidates in this file's order: own declarations at their names, imported ones at their import.
  type Candidate = { name: string; declared: Declared; at: Range; via?: ImportNode };
  const candidates: Candidate[] = f.declarations.map((decl) => ({ name: decl.name.value, declared: { decl, file: f }, at: decl.name.range }));
  for (const imp of f.imports) {
    if (!imp.target || imp.target === f) continue;
    for (const decl of imp.target.declarations) {
      candidates.push({ name: decl.name.value, declared: { decl, file: imp.target }, at: imp.node.path.range, via: imp.node });
    }
  }
  countWork('scopeEntries', candidates.length);
  candidates.sort((a, b) => a.at.start.offset - b.at.start.offset);
  const names = new Map<string, Declared>();
  const first = new Map<string, Candidate>();
  const poisoned = new Set<string>();
  for (const c of candidates) {
    const earlier = first.get(c.name);
    if (!earlier) {
      first.set(c.name, c);
      names.set(c.name, c.declared);
      continue;
    }
    if (earlier.declared.decl === c.declared.decl) continue; // the same file imported twice
    poisoned.add(c.name);
    names.delete(c.name);
    const where = (x: Candidate) => (x.via ? `in "${x.via.path.value}"` : `on line ${x.at.start.line}`);
    diagnostics.push(
      diag(f.file, c.at, DiagnosticIds.duplicateName, `\`${c.name}\` is declared twice in what this file sees: ${where(earlier)} and ${where(c)}; rename one`, 'error', [
        { file: f.file, range: earlier.at, message: 'first declared here' },
      ]),
    );
  }
  return { names, poisoned };
}
