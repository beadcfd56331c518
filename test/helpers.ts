/** Shared test helpers: in-memory file systems for `compile`, and finding the shared contract. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach } from 'vitest';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type CompileOptions, type CompileResult } from '../src/project/compile.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
/** `../shared` as CI has it beside the clone. */
export const sharedDir = join(repoRoot, '..', 'shared');
export const languageMd = join(sharedDir, 'LANGUAGE.md');
export const hasShared = existsSync(languageMd);

/** A `readFile` over an in-memory map of files (names normalized). */
export function memoryFs(files: Record<string, string>): (path: string) => string {
  const table = new Map(Object.entries(files).map(([k, v]) => [normalize(k), v]));
  return (path) => {
    const hit = table.get(normalize(path));
    if (hit === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
    return hit;
  };
}

/** Compiles `files[entry]` with the others importable. */
export function compileFiles(files: Record<string, string>, entry: string, options: Partial<CompileOptions> = {}): CompileResult {
  return compile(files[entry], { filename: entry, readFile: memoryFs(files), ...options });
}

/** Every diagnostic of a result, file-level and per intent: the top level holds them all. */
export function allDiagnostics(r: CompileResult) {
  return r.diagnostics;
}

export function fixture(...parts: string[]): string {
  return readFileSync(join(repoRoot, 'test', 'fixtures', ...parts), 'utf8');
}

/** The fenced code blocks of a Markdown text, with their info strings. */
export function codeBlocks(markdown: string): { lang: string; code: string }[] {
  const out: { lang: string; code: string }[] = [];
  const re = /^```(\w*)\n([\s\S]*?)^```/gm;
  for (let m; (m = re.exec(markdown)); ) out.push({ lang: m[1], code: m[2] });
  return out;
}

/**
 * Temporary repositories for a test file: `repo(files)` makes a folder with a `.git` (which marks
 * the project root) holding `files`; everything made, and what `alsoRemove` names, is removed after each test.
 */
export function tempRepos(prefix: string): { repo: (files: Record<string, string>) => string; alsoRemove: (path: string) => void } {
  const made: string[] = [];
  afterEach(() => {
    for (const path of made.splice(0)) rmSync(path, { recursive: true, force: true });
  });
  return {
    repo(files) {
      const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
      made.push(dir);
      mkdirSync(join(dir, '.git'));
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      return dir;
    },
    alsoRemove: (path) => void made.push(path),
  };
}
