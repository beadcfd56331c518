/**
 * Writing outputs whole or not at all, and only where the user meant: a pull request can plant a
 * symlink where an output goes, and an output may be a device (`-o /dev/null`, `/dev/stdout`).
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeFileError, kindOf, readRegularFile } from './read.js';
import { isInside, realPathOf } from './roots.js';

/** A file the CLI could not write: reported in one line, exit 2. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** One file to write. */
export interface OutputFile {
  /** Absolute path. */
  readonly path: string;
  readonly content: string;
  /** The path as the user named it, for messages. */
  readonly shown?: string;
  /**
   * The text the file held when it was read (`--fix`, `fmt`): if it holds something else by the
   * time it would be replaced, it is left alone and reported in `skipped`.
   */
  readonly expected?: string;
}

/** Options of {@link writeFilesAtomically}. */
export interface WriteOptions {
  /**
   * A symlink among the targets may lead only inside this folder (the output folder, the linted
   * tree); by default, inside the folder of the link itself.
   */
  readonly within?: string;
  /**
   * Remove the temporary files and end the process by the same signal on SIGINT or SIGTERM
   * while writing. For the CLI only: a library must not take over a process's signals.
   */
  readonly handleSignals?: boolean;
}

/** What {@link writeFilesAtomically} did. */
export interface WriteResult {
  readonly written: readonly string[];
  /**
   * Files that already held exactly their content: left untouched (not rewritten, so their
   * modification time stays, and nothing is created or renamed). Not in `written`.
   */
  readonly unchanged: readonly string[];
  /** Files left alone because they changed since they were read. */
  readonly skipped: readonly { readonly path: string; readonly shown: string; readonly reason: string }[];
}

/** Temporary files are `.NAME.dsi-PID-RANDOM.tmp` beside their target: the PID tells a stale one. */
const TEMP_NAME = /^\..+\.dsi-(\d+)-[0-9a-f]{12}\.tmp$/;

function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.dsi-${process.pid}-${randomPart()}.tmp`);
}

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes temporary files in `folder` left by dsi runs that were killed (their process is gone). */
export function removeStaleTemps(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (m && Number(m[1]) !== process.pid && processIsGone(Number(m[1]))) rmSync(join(folder, name), { force: true });
  }
}

type Plan =
  | { readonly file: OutputFile; readonly way: 'replace'; readonly target: string; readonly mode?: number; readonly size?: number }
  | { readonly file: OutputFile; readonly way: 'direct'; readonly target: string };

/**
 * How to write `file`: replace a regular file (or create one) by rename, or write a device directly.
 * `absent` says the file was not in its folder's listing: there is nothing to look at (thousands
 * of new files in a fresh `--out` folder cost no lstat each; one planted after the listing is
 * replaced by the rename, link and all, as a file planted after an lstat would be).
 */
function planOf(file: OutputFile, within: string | undefined, fail: (file: OutputFile, reason: string) => never, absent = false): Plan {
  if (absent) return { file, way: 'replace', target: file.path };
  let stat: Stats;
  try {
    stat = lstatSync(file.path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { file, way: 'replace', target: file.path };
    return fail(file, describeFileError(e));
  }
  let target = file.path;
  if (stat.isSymbolicLink()) {
    try {
      stat = statSync(file.path);
    } catch {
      return fail(file, 'it is a symbolic link to nothing; dsi does not write through it');
    }
    if (stat.isFile()) {
      // A symlink to a regular file is written through only when it stays in the folder meant.
      const real = realpathSync(file.path);
      const folder = realPathOf(within ?? dirname(file.path));
      if (!isInside(folder, real)) return fail(file, `it is a symbolic link to ${real}, outside ${folder}; dsi does not write through it`);
      target = real;
    }
  }
  if (stat.isCharacterDevice() || stat.isFIFO()) return { file, way: 'direct', target: file.path };
  if (stat.isDirectory()) return fail(file, 'it is a folder');
  if (!stat.isFile()) return fail(file, `it is ${kindOf(stat)}; dsi replaces only regular files`);
  return { file, way: 'replace', target, mode: stat.mode & 0o7777, size: stat.size };
}

const nextTurn = () => new Promise<void>((done) => setImmediate(done));

/** From how many files the output folders are listed once instead of each target looked at. */
const MANY_FILES = 16;

/** How many files are written between two checks for a signal. */
const SIGNAL_CHECK_EVERY = 32;

/** The names in `folder`, or null when it cannot be listed. */
function listNames(folder: string): ReadonlySet<string> | null {
  try {
    return new Set(readdirSync(folder));
  } catch {
    return null;
  }
}

/**
 * Writes several files whole or not at all. Every target is checked first; each regular file is
 * written to a temporary file created exclusively beside it, and only when all are written are
 * they renamed into place (synchronously, so a signal cannot split that step). A character device
 * or FIFO is written directly, never renamed over. Throws {@link OutputError} and leaves nothing
 * behind when a file cannot be written.
 */
export async function writeFilesAtomically(files: readonly OutputFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const temps = new Map<Plan, string>();
  const removeTemps = () => {
    for (const t of temps.values()) rmSync(t, { force: true });
    temps.clear();
  };
  const fail = (file: OutputFile, reason: string): never => {
    removeTemps();
    throw new OutputError(`cannot write ${file.shown ?? file.path}: ${reason}; nothing was written`);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemps();
    stopHandling();
    process.kill(process.pid, signal);
  };
  const stopHandling = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  if (options.handleSignals) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  try {
    // Names already in each output folder, listed once (and only for many files: a few files are looked at one by one).
    const listed = new Map<string, ReadonlySet<string> | null>();
    const absent = (path: string): boolean => {
      if (files.length < MANY_FILES) return false;
      const folder = dirname(path);
      let names = listed.get(folder);
      if (names === undefined) listed.set(folder, (names = existsSync(folder) ? listNames(folder) : new Set()));
      // A folder that cannot be listed: each target is looked at.
      return names !== null && !names.has(basename(path));
    };
    const plans = files.map((f) => planOf(f, options.within, fail, absent(f.path)));
    const folders = new Set(plans.filter((p) => p.way === 'replace').map((p) => dirname(p.target)));
    for (const folder of folders) {
      try {
        mkdirSync(folder, { recursive: true });
      } catch (e) {
        fail(plans.find((p) => dirname(p.target) === folder)!.file, describeFileError(e));
      }
      removeStaleTemps(folder);
    }
    // A regular file that already holds its content is left alone: a rerun of `compile --out`
    // over unchanged intents creates and renames nothing (on this kind of disk, creating and
    // replacing files is most of the cost of writing thousands).
    // Two outputs that resolve to one file (a symlink among them leads to another output) are both
    // written, in order, as before: skipping one would let the other's content stand under its name.
    const perTarget = new Map<string, number>();
    for (const p of plans) perTarget.set(p.target, (perTarget.get(p.target) ?? 0) + 1);
    const unchangedPlans = new Set(plans.filter((p) => perTarget.get(p.target) === 1 && holdsContent(p)));
    for (const plan of plans) {
      if (plan.way !== 'replace' || unchangedPlans.has(plan)) continue;
      const temp = tempNameFor(plan.target);
      try {
        // `wx`: O_CREAT | O_EXCL, so a name planted in the meantime is never written through.
        writeFileSync(temp, plan.file.content, { flag: 'wx', ...(plan.mode !== undefined ? { mode: plan.mode } : {}) });
        temps.set(plan, temp);
        if (plan.mode !== undefined) chmodSync(temp, plan.mode);
      } catch (e) {
        rmSync(temp, { force: true });
        fail(plan.file, describeFileError(e));
      }
      // Let a pending SIGINT in between files (every few files: a turn of the event loop per file
      // costs more than the write), while stopping still leaves everything as it was.
      if (options.handleSignals && temps.size % SIGNAL_CHECK_EVERY === 0) await nextTurn();
    }
    for (const plan of plans) {
      if (plan.way !== 'direct') continue;
      try {
        writeFileSync(plan.target, plan.file.content);
      } catch (e) {
        fail(plan.file, describeFileError(e));
      }
    }
    const written: string[] = [];
    const unchanged: string[] = [];
    const skipped: { path: string; shown: string; reason: string }[] = [];
    for (const plan of plans) {
      if (plan.way !== 'replace') {
        written.push(plan.file.path);
        continue;
      }
      if (unchangedPlans.has(plan)) {
        unchanged.push(plan.file.path);
        continue;
      }
      if (plan.file.expected !== undefined && !holds(plan.target, plan.file.expected)) {
        skipped.push({ path: plan.file.path, shown: plan.file.shown ?? plan.file.path, reason: 'it changed while dsi was running' });
        rmSync(temps.get(plan)!, { force: true });
        temps.delete(plan);
        continue;
      }
      try {
        renameSync(temps.get(plan)!, plan.target);
      } catch (e) {
        throw new OutputError(`cannot write ${plan.file.shown ?? plan.file.path}: ${describeFileError(e)}`);
      }
      temps.delete(plan);
      written.push(plan.file.path);
    }
    return { written, unchanged, skipped };
  } finally {
    removeTemps();
    if (options.handleSignals) {
      // A signal that arrived during the renames is handled now, with nothing left to clean.
      await nextTurn();
      stopHandling();
    }
  }
}

/** True when the plan replaces an existing regular file (its mode was read) that holds exactly the new content. */
function holdsContent(plan: Plan): boolean {
  if (plan.way !== 'replace' || plan.mode === undefined) return false;
  // With `expected` (a fix), a file that changed since it was read is judged at the rename, as before.
  if (plan.file.expected !== undefined && plan.file.expected !== plan.file.content) return false;
  // Most changed files differ in size: they are not read.
  if (plan.size !== Buffer.byteLength(plan.file.content)) return false;
  return holds(plan.target, plan.file.content);
}

function holds(path: string, expected: string): boolean {
  try {
    return readRegularFile(path) === expected;
  } catch {
    return false;
  }
}

/**
 * Twelve hex digits for a temporary name. Not secret: the file is created exclusively (`wx`), so
 * a guess can only make the write fail, never redirect it; node:crypto would cost every start-up.
 */
function randomPart(): string {
  return Array.from({ length: 12 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
}
