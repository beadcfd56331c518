/** What the CLI reads and writes, injectable so commands run in-process in tests. */
import { readStreamLimited } from '../files/read.js';

export { OutputError, writeFilesAtomically } from '../files/write.js';

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
  /** Whether writes may take over SIGINT/SIGTERM to remove their temporary files (the real process only). */
  readonly handleSignals?: boolean;
  /** The environment (`GITHUB_STEP_SUMMARY`); default none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
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
    readStdin: () => readStreamLimited(process.stdin),
    handleSignals: true,
    env: process.env,
  };
}

