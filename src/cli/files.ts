/**
 * Which files a command reads: files named on the command line as they are, and directories
 * walked for the command's patterns, skipping `node_modules`, `.git` and `.dsiignore` patterns.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';

export interface Inputs {
  /** Files to read, relative to the working folder, sorted, without repeats. */
  readonly files: string[];
  /** Paths named on the command line that do not exist. */
  readonly missing: string[];
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/** `.dsiignore` lines (gitignore-like: `#` comments, `dir/`, `*.dsi`, `/anchored`) → globs relative to `root`. */
export function ignoreGlobs(root: string): string[] {
  const file = join(root, '.dsiignore');
  if (!existsSync(file)) return [];
  const globs: string[] = [];
  for (const raw of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const anchored = line.startsWith('/') || line.slice(0, -1).includes('/');
    const body = line.replace(/^\//, '').replace(/\/$/, '');
    const base = anchored ? body : `**/${body}`;
    globs.push(base, `${base}/**`);
  }
  return globs;
}

/** Expands command-line paths into files matching `patterns` (globs like `**\/*.dsi`). */
export function expandInputs(paths: readonly string[], patterns: readonly string[], cwd: string): Inputs {
  const files = new Set<string>();
  const missing: string[] = [];
  const cwdIgnores = ignoreGlobs(cwd);
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : resolve(cwd, p);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (!stat.isDirectory()) {
      files.add(display(cwd, abs));
      continue;
    }
    const ignore = [...ALWAYS_IGNORED, ...ignoreGlobs(abs), ...relativeGlobs(cwdIgnores, cwd, abs)];
    for (const f of globSync([...patterns], { cwd: abs, ignore, dot: false, onlyFiles: true, followSymbolicLinks: false })) {
      files.add(display(cwd, join(abs, f)));
    }
  }
  return { files: [...files].sort(), missing };
}

/** The cwd's ignore globs apply inside a walked directory below it too. */
function relativeGlobs(globs: string[], cwd: string, dir: string): string[] {
  const rel = relative(cwd, dir);
  if (rel === '' || rel.startsWith('..')) return [];
  const prefix = rel.split(sep).join('/') + '/';
  return globs.flatMap((g) => (g.startsWith('**/') ? [g] : g.startsWith(prefix) ? [g.slice(prefix.length)] : []));
}

/** Paths in output are relative to the working folder, with `/`. */
export function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel === '' ? abs : rel).split(sep).join('/');
}
