/** What the CLI reads and writes, injectable so commands run in-process in tests. */
import { isatty } from 'node:tty';
import { describeFileError, readStreamLimited } from '../files/read.js';

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

/**
 * NO_COLOR and FORCE_COLOR win; otherwise color only on a terminal that has colors. The stream is
 * created only to ask a terminal about its colors: Node builds `process.stdout` on first use, at
 * a cost a clean run (which prints nothing) need not pay.
 */
export function wantsColor(fd: number, stream: () => NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (!isatty(fd)) return false;
  const s = stream();
  return typeof s.hasColors === 'function' && s.hasColors();
}

let failed = false;
const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * A reader that closed the pipe (`dsi compile … | head`) is not an error: output stops quietly,
 * and the run still ends with its own exit code (1 for an input with errors). Any other failed
 * write (a full disk, /dev/full) is one line on stderr and exit 2 (see {@link outputFailed}),
 * never a stack trace.
 */
function guard(stream: NodeJS.WriteStream, name: string): NodeJS.WriteStream {
  if (guarded.has(stream)) return stream;
  guarded.add(stream);
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED' || failed) return;
    failed = true;
    // The error may come after the command ended (writes to a pipe complete later).
    process.exitCode = 2;
    if (stream !== process.stderr) process.stderr.write(`dsi: cannot write to ${name}: ${describeFileError(e)}\n`);
  });
  return stream;
}

/** True once a write to the real standard output or error failed other than by a closed pipe: the run exits 2. */
export function outputFailed(): boolean {
  return failed;
}

/** The real process's streams, each created on its first use. */
export function processIo(): CliIo {
  const out = (fd: 1 | 2): Output => {
    const stream = () => (fd === 1 ? guard(process.stdout, 'standard output') : guard(process.stderr, 'standard error'));
    let color: boolean | undefined;
    return {
      write: (t) => void stream().write(t),
      get color() {
        return (color ??= wantsColor(fd, stream));
      },
    };
  };
  return {
    stdout: out(1),
    stderr: out(2),
    cwd: process.cwd(),
    readStdin: () => readStreamLimited(process.stdin),
    handleSignals: true,
    env: process.env,
  };
}
