/** What the CLI reads and writes, injectable so commands run in-process in tests. */
import { chmodSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface Output {
  write(text: string): void;
  /** Whether to use color on this stream. */
  readonly color: boolean;
}

export interface CliIo {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly cwd: string;
  /** Reads all of standard input (for `--stdin-filename`). */
  readStdin(): Promise<string>;
}

/** NO_COLOR and FORCE_COLOR win; otherwise color only on a terminal that has colors. */
export function wantsColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(stream.isTTY) && typeof stream.hasColors === 'function' && stream.hasColors();
}

/** The real process's streams. */
export function processIo(): CliIo {
  const out = (stream: NodeJS.WriteStream): Output => ({ write: (t) => void stream.write(t), color: wantsColor(stream) });
  return {
    stdout: out(process.stdout),
    stderr: out(process.stderr),
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/** A file the CLI could not write: reported in one line, exit 2. */
export class OutputError extends Error {}

/** Plain words for the file-system errors a write meets. */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file stands where a folder is needed';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return (e as Error)?.message ?? String(e);
  }
}

/**
 * Writes several files whole or not at all: every target is checked first, each file goes to a
 * temporary file beside its target, and only when every one is written are they renamed into
 * place. A failure removes the temporary files and throws an {@link OutputError}.
 */
export function writeFilesAtomically(files: readonly { path: string; content: string; /** as the user named it */ shown?: string }[]): void {
  const temps: { temp: string; path: string }[] = [];
  const shownAs = new Map(files.map((f) => [f.path, f.shown ?? f.path]));
  const fail = (path: string, e: unknown): never => {
    path = shownAs.get(path) ?? path;
    for (const t of temps) rmSync(t.temp, { force: true });
    throw new OutputError(`cannot write ${path}: ${reason(e)}; nothing was written`);
  };
  for (const f of files) {
    try {
      mkdirSync(dirname(f.path), { recursive: true });
    } catch (e) {
      fail(f.path, e);
    }
    // Rewrite what a symlink points at, not the link, and keep the file's permissions.
    let target = f.path;
    let mode: number | undefined;
    try {
      target = realpathSync(f.path);
      const stat = statSync(target);
      if (stat.isDirectory()) fail(f.path, Object.assign(new Error('folder'), { code: 'EISDIR' }));
      mode = stat.mode & 0o7777;
    } catch (e) {
      if (e instanceof OutputError) throw e;
      // not there yet: a new file
    }
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      writeFileSync(temp, f.content, { flag: 'wx', ...(mode !== undefined ? { mode } : {}) });
      temps.push({ temp, path: target });
      if (mode !== undefined) chmodSync(temp, mode);
    } catch (e) {
      rmSync(temp, { force: true });
      fail(f.path, e);
    }
  }
  for (const t of temps) renameSync(t.temp, t.path);
}
