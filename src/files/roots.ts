/**
 * Where dsi may read: the project root and the folders allowed by the caller. An input file
 * (a pull request) decides what it imports, so imports are confined after resolving symlinks;
 * only the command line, configuration or the API may widen the set.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { yamlLibrary } from '../core/dependencies.js';
import { describeFileError, FileRefused, readRegularFile } from './read.js';
import type { ReadFile } from '../compiler/resolve.js';

/** Config files that can mark a project root (`"root": true`). */
export const ROOT_CONFIG_NAMES = ['dsi.config.json', 'dsi.config.yaml', 'dsi.config.yml'] as const;

/** True when `path` is `root` or inside it (both absolute, symlinks already resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path of `path`, or of its nearest existing ancestor with the rest appended. */
export function realPathOf(path: string): string {
  const abs = resolve(path);
  try {
    // Node's own realpath, as every other confinement check uses: the system's can resolve
    // differently (Windows drive mappings; musl without /proc, where it fails).
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(realPathOf(parent), relative(parent, abs));
  }
}

function marksRoot(folder: string): boolean {
  for (const name of ROOT_CONFIG_NAMES) {
    const path = join(folder, name);
    if (!existsSync(path)) continue;
    try {
      const text = readRegularFile(path, 1024 * 1024);
      const config: unknown = name.endsWith('.json') ? parseJsonc(text) : yamlLibrary().parse(text, { maxAliasCount: 0 });
      if ((config as { root?: unknown } | null)?.root === true) return true;
    } catch {
      // A config that cannot be read does not mark a root; the config loader reports it.
    }
  }
  return false;
}

/**
 * The project root of a file in `folder`: walking upwards, the first folder that has a config
 * marked `"root": true` or is a repository root (has `.git`), whichever comes first, else `cwd`.
 * The configuration cascade stops at the same folder. `isRootMarked` lets a caller that has
 * already read the configs (src/config) answer from its cache. Symlinks in the result are resolved.
 */
export function findProjectRoot(folder: string, cwd: string = process.cwd(), isRootMarked: (folder: string) => boolean = marksRoot): string {
  for (let dir = realPathOf(folder); ; dir = dirname(dir)) {
    if (isRootMarked(dir) || existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) break;
  }
  return realPathOf(cwd);
}

/** {@link findProjectRoot} remembered per folder, for a run over many files. */
export function projectRootFinder(cwd: string = process.cwd()): (folder: string) => string {
  const known = new Map<string, string>();
  return (folder) => {
    const abs = resolve(cwd, folder);
    let root = known.get(abs);
    if (root === undefined) known.set(abs, (root = findProjectRoot(abs, cwd)));
    return root;
  };
}

/** Options of {@link createImportReader}. */
export interface ImportReaderOptions {
  /** The project root; found from the entry file's folder by {@link findProjectRoot} when absent. */
  readonly projectRoot?: string;
  /** Further folders imports may read (`--import-root`); never taken from an input file. */
  readonly importRoots?: readonly string[];
  /** The working folder relative paths are resolved against (default: `process.cwd()`). */
  readonly cwd?: string;
  /** Largest file read, in bytes. */
  readonly limit?: number;
  /**
   * Shared by the readers of one run: real paths and texts already read, so that a template
   * imported by a thousand entries is read once. Each reader still checks each path against
   * its own roots.
   */
  readonly memo?: ImportMemo;
}

/** What the import readers of one run share: see {@link ImportReaderOptions.memo}. */
export interface ImportMemo {
  readonly realPaths: Map<string, string>;
  readonly texts: Map<string, string>;
}

/** A new, empty {@link ImportMemo}. */
export function createImportMemo(): ImportMemo {
  return { realPaths: new Map(), texts: new Map() };
}

/**
 * A {@link ReadFile} for the imports of `entry`: it reads only regular files whose real path is
 * inside the project root or an allowed folder, within the size limit. A refusal names the path
 * and the reason, never the content.
 */
export function createImportReader(entry: string, options: ImportReaderOptions = {}): ReadFile {
  options ??= {};
  const cwd = options.cwd ?? process.cwd();
  let roots: string[] | undefined;
  const allowed = () =>
    (roots ??= [options.projectRoot ? realPathOf(resolve(cwd, options.projectRoot)) : findProjectRoot(dirname(resolve(cwd, entry)), cwd), ...(options.importRoots ?? []).map((r) => realPathOf(resolve(cwd, r)))]);
  const memo = options.memo;
  return (path) => {
    const abs = resolve(cwd, path);
    let real = memo?.realPaths.get(abs);
    if (real === undefined) {
      try {
        real = realpathSync(abs);
      } catch (e) {
        throw new FileRefused(describeFileError(e));
      }
      memo?.realPaths.set(abs, real);
    }
    const [root, ...more] = allowed();
    if (!isInside(root, real) && !more.some((r) => isInside(r, real))) {
      const via = real === abs ? '' : ` (it resolves to ${real})`;
      throw new FileRefused(
        `it is outside the project root ${root}${via}; an import may read only .dsi files inside the project (allow another folder with --import-root DIR)`,
      );
    }
    const key = `${options.limit ?? ''}\0${real}`;
    const known = memo?.texts.get(key);
    if (known !== undefined) return known;
    const text = readRegularFile(real, options.limit, { noFollow: true });
    memo?.texts.set(key, text);
    return text;
  };
}
