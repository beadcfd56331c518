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

/**
 * Writes several files whole or not at all: each goes to a temporary file beside its target,
 * and only when every one is written are they renamed into place.
 */
export function writeFilesAtomically(files: readonly { path: string; content: string }[]): void {
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      // Rewrite what a symlink points at, not the link, and keep the file's permissions.
      let target = f.path;
      let mode: number | undefined;
      try {
        target = realpathSync(f.path);
        mode = statSync(target).mode & 0o7777;
      } catch {
        // a new file
      }
      const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
      temps.push({ temp, path: target });
      writeFileSync(temp, f.content, { flag: 'wx', ...(mode !== undefined ? { mode } : {}) });
      if (mode !== undefined) chmodSync(temp, mode);
    }
  } catch (e) {
    for (const t of temps) rmSync(t.temp, { force: true });
    throw e;
  }
  for (const t of temps) renameSync(t.temp, t.path);
}
