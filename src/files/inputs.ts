/**
 * Which files a command reads: files named on the command line as they are, and directories
 * walked for the command's patterns, skipping `node_modules`, `.git` and what `.dsiignore`
 * files (gitignore syntax, in the working folder and in any folder walked) exclude.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Ignore } from 'ignore';
import { globLibrary, ignoreLibrary } from '../core/dependencies.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { START_OF_FILE } from '../core/range.js';
import { describeFileError, inputLimit, MAX_INPUT_BYTES, readRegularFile } from './read.js';
import { isInside as isInsideRoot } from './roots.js';

export interface Inputs {
  /** Files to read, relative to the working folder, sorted, without repeats. */
  readonly files: string[];
  /** Paths named on the command line that do not exist. */
  readonly missing: string[];
  /** Folders named on the command line that cannot be read, with the reason. */
  readonly unreadable: { readonly path: string; readonly reason: string }[];
  /** Paths named on the command line that dsi will not follow, with the reason. */
  readonly refused: { readonly path: string; readonly reason: string }[];
  /** Folders and glob patterns named on the command line in which no file matched (alike to a missing path). */
  readonly empty?: string[];
  /** Files named on the command line that an ignore file or pattern excludes: skipped, with a warning. */
  readonly ignored?: string[];
}

/** How ignore files and ignore patterns exclude inputs. */
export interface IgnoreOptions {
  /** `false` reads every file named or walked, whatever ignore files say (`--no-ignore`); `node_modules` and `.git` are still skipped. */
  readonly ignore?: boolean;
  /** More patterns in gitignore syntax, relative to the working folder (`--ignore-pattern`). */
  readonly ignorePatterns?: readonly string[];
}

/** True when `path` is a glob pattern rather than a path (`*`, `?`, `[…]`, `{…}`). */
export function isGlobPattern(path: string): boolean {
  return /[*?[\]{}]/.test(path);
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
const IGNORE_FILE = '.dsiignore';

/**
 * Expands command-line paths into files matching `patterns` (globs like `**\/*.dsi`). The walk
 * never follows symlinks; a path named on the command line that goes through a symlink is
 * followed only when it ends inside one of `roots` (the project root and `--import-root`s),
 * since a pull request can plant such a link where a hook or CI step names a file.
 */
export function expandInputs(
  paths: readonly string[],
  patterns: readonly string[],
  cwd: string,
  roots: readonly string[] = [cwd],
  options: IgnoreOptions = {},
): Inputs {
  const files = new Set<string>();
  const missing: string[] = [];
  const unreadable: { path: string; reason: string }[] = [];
  const refused: { path: string; reason: string }[] = [];
  const empty: string[] = [];
  const ignored: string[] = [];
  const rules = new IgnoreFiles(options.ignore !== false, options.ignorePatterns ?? [], cwd);
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : resolve(cwd, p);
    let stat;
    let real: string;
    try {
      stat = statSync(abs);
      real = realpathSync(abs);
    } catch {
      // A pattern is expanded by dsi (quoted, so that every shell and hook passes it alike).
      if (isGlobPattern(p)) {
        const found = globLibrary().globSync([p], { cwd, ignore: ALWAYS_IGNORED, dot: false, onlyFiles: true, followSymbolicLinks: false, absolute: true })
          .filter((f) => !rules.ignores(f, isInside(cwd, f) ? cwd : dirname(f)))
          .filter((f) => patterns.some((pattern) => matchesKind(f, pattern)));
        for (const f of found) files.add(display(cwd, f));
        if (found.length === 0) empty.push(p);
        continue;
      }
      missing.push(p);
      continue;
    }
    if (real !== abs && !roots.some((r) => isInsideRoot(r, real))) {
      refused.push({ path: p, reason: `it is a symbolic link to ${real}, outside the project; dsi does not follow it (allow that folder with --import-root DIR)` });
      continue;
    }
    // A file named on the command line that an ignore file excludes is skipped with a warning (as ESLint does):
    // a hook passes every changed file, ignored or not. `--no-ignore` reads it anyway.
    if (!stat.isDirectory()) {
      if (rules.ignores(abs, isInside(cwd, abs) ? cwd : dirname(abs))) ignored.push(display(cwd, abs));
      else files.add(display(cwd, abs));
      continue;
    }
    // The walker skips what it cannot read; a folder named on the command line must not look empty.
    try {
      readdirSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      unreadable.push({ path: p, reason: code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message });
      continue;
    }
    const top = isInside(cwd, abs) ? cwd : abs;
    let found = 0;
    for (const f of globLibrary().globSync([...patterns], { cwd: abs, ignore: ALWAYS_IGNORED, dot: false, onlyFiles: true, followSymbolicLinks: false })) {
      const file = join(abs, f);
      if (!rules.ignores(file, top)) {
        files.add(display(cwd, file));
        found++;
      }
    }
    if (found === 0) empty.push(p);
  }
  return { files: [...files].sort(), missing, unreadable, refused, empty, ignored };
}

/** True when `file`'s name matches a walking pattern's last segment (`**\/*.dsi` → `*.dsi`). */
function matchesKind(file: string, pattern: string): boolean {
  const last = pattern.split('/').at(-1)!;
  const re = new RegExp(`^${last.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`, 'i');
  return re.test(file.split(/[\\/]/).at(-1)!);
}

/** The `.dsiignore` files met while walking, each read once; patterns are relative to the folder of their file. */
class IgnoreFiles {
  private readonly byFolder = new Map<string, Ignore | undefined>();
  private readonly extra: Ignore | undefined;

  constructor(
    private readonly enabled: boolean,
    patterns: readonly string[],
    private readonly cwd: string,
  ) {
    this.extra = patterns.length > 0 ? ignoreLibrary()().add([...patterns]) : undefined;
  }

  /** True when `--ignore-pattern`, or an ignore file in `top` or in a folder between it and `file`, excludes `file`. */
  ignores(file: string, top: string): boolean {
    // `--no-ignore` turns off the patterns too, as ESLint's does.
    if (!this.enabled) return false;
    if (this.extra && isInside(this.cwd, file) && file !== this.cwd && this.extra.ignores(relative(this.cwd, file).split(sep).join('/'))) return true;
    for (let folder = dirname(file); ; folder = dirname(folder)) {
      const rules = this.rulesOf(folder);
      if (rules?.ignores(relative(folder, file).split(sep).join('/'))) return true;
      if (folder === top || dirname(folder) === folder) return false;
    }
  }

  private rulesOf(folder: string): Ignore | undefined {
    if (!this.byFolder.has(folder)) {
      const path = join(folder, IGNORE_FILE);
      let rules: Ignore | undefined;
      try {
        // A FIFO or device named .dsiignore must not hang the walk: only regular files are read.
        if (existsSync(path)) rules = ignoreLibrary()().add(readRegularFile(path));
      } catch {
        rules = undefined;
      }
      this.byFolder.set(folder, rules);
    }
    return this.byFolder.get(folder);
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Reads an input named on the command line or found by walking: its text, or the problem. */
export function readInput(cwd: string, file: string, limit: number = MAX_INPUT_BYTES): { text: string } | { problem: Diagnostic } {
  try {
    return { text: readRegularFile(resolve(cwd, file), inputLimit(file, limit)) };
  } catch (e) {
    const reason = describeFileError(e);
    // A .dsi file over the limit may be meant: say how to raise it.
    const raise = /larger than the limit/.test(reason) && inputLimit(file, limit) === limit ? ' (raise it with --max-input-size)' : '';
    return { problem: fileProblem(file, `cannot read ${file}: ${reason}${raise}`) };
  }
}

/** The problems of the paths {@link expandInputs} could not use. */
export function inputProblems(inputs: Inputs): Diagnostic[] {
  return [
    ...inputs.missing.map((m) => fileProblem(m, `cannot read ${m}: no such file or directory`)),
    ...inputs.unreadable.map((u) => fileProblem(u.path, `cannot read the folder ${u.path}: ${u.reason}`)),
    ...inputs.refused.map((u) => fileProblem(u.path, `cannot read ${u.path}: ${u.reason}`)),
    ...(inputs.empty ?? []).map((e) => fileProblem(e, `no files to check in ${e}: ${isGlobPattern(e) ? 'the pattern matches' : 'the folder holds'} no file of this kind (or all are ignored)`)),
  ];
}

/** A file that cannot be used as an input: an error at its start, id `io`. */
export function fileProblem(file: string, message: string): Diagnostic {
  return { file, range: START_OF_FILE, severity: 'error', ruleId: 'io', message };
}

/** Paths in output are relative to the working folder, with `/`. */
export function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel === '' ? abs : rel).split(sep).join('/');
}
