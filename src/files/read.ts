/**
 * Reading an input safely: inputs come from pull requests, so a path may name a FIFO, a device,
 * a socket or a huge file. Only regular files within the size limit are read, and the check is
 * made on the open descriptor, not by name first (a name can be swapped between a check and an open).
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * Largest `.dsi` file read by default, in bytes (1 MiB): far above any real intent file (30,000
 * intents fit), small enough that compiling stays within seconds and memory (≈ 90 times the
 * file). `--max-input-size` (the project's `maxInputBytes`) raises it.
 */
export const MAX_INPUT_BYTES = 1024 * 1024;

/**
 * Largest request file read, in bytes (8 MiB, as `MAX_REQUEST_LENGTH` of the request front end):
 * it must never refuse a request the model allows, and the largest, written with every character
 * escaped, takes about 2.7 MB.
 */
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

/** The size limit for `file`: request files (`.json`, `.yaml`, `.yml`) at least {@link MAX_REQUEST_BYTES}, others `limit`. */
export function inputLimit(file: string, limit: number = MAX_INPUT_BYTES): number {
  return /\.(?:json|ya?ml)$/i.test(file) ? Math.max(limit, MAX_REQUEST_BYTES) : limit;
}

/** An input dsi will not read (not a regular file, too large, outside the project): the reason says why. */
export class FileRefused extends Error {
  override readonly name = 'FileRefused';
}

// O_NONBLOCK: opening a FIFO for reading must not wait for a writer. O_NOCTTY: a terminal
// device never becomes ours. Both are 0 where the platform lacks them.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** What kind of thing a non-regular file is, in plain words. */
export function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'a regular file';
}

/** `1.5 MiB`, `512 KiB`. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

// One buffer for every read, grown for a larger file (and let go after one over 64 KiB): a run
// reads thousands of small files, and a buffer for each was megabytes of garbage at a time.
const KEPT_READ_BUFFER = 64 * 1024;
let scratch = Buffer.allocUnsafe(KEPT_READ_BUFFER);

/**
 * Reads a regular file as UTF-8. Throws {@link FileRefused} for anything else (FIFO, device,
 * socket, folder) and for a file over `limit` bytes, and the usual `fs` errors (ENOENT, EACCES).
 * `noFollow` refuses a path whose last part is a symlink (ELOOP): for a path already resolved,
 * a link swapped in after the check is not followed.
 */
export function readRegularFile(path: string, limit: number = MAX_INPUT_BYTES, options: { readonly noFollow?: boolean } = {}): string {
  const fd = openSync(path, OPEN_FLAGS | (options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new FileRefused(`it is ${kindOf(stat)}, not a regular file`);
    const tooLarge = () => new FileRefused(`it is larger than the limit of ${formatBytes(limit)}`);
    if (stat.size > limit) throw tooLarge();
    // Read to the end rather than to `stat.size`: files under /proc say 0, and a file may grow.
    let total = 0;
    for (;;) {
      // Room for the file as it stands and one byte more, to see its end; more if it grew.
      if (scratch.length - total < 1 || scratch.length < stat.size + 1) {
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(stat.size + 1, scratch.length * 2)));
        scratch.copy(grown, 0, 0, total);
        scratch = grown;
      }
      const n = readSync(fd, scratch, total, Math.min(limit + 1, scratch.length) - total, null);
      if (n === 0) break;
      total += n;
      if (total > limit) throw tooLarge();
    }
    return decodeUtf8(scratch.subarray(0, total), 'it');
  } finally {
    closeSync(fd);
    if (scratch.length > KEPT_READ_BUFFER) scratch = Buffer.allocUnsafe(KEPT_READ_BUFFER);
  }
}

/** Reads a stream (standard input) to its end, refusing more than `limit` bytes. */
export async function readStreamLimited(stream: AsyncIterable<Buffer | string>, limit: number = MAX_INPUT_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buffer.length;
    if (total > limit) throw new FileRefused(`standard input is larger than the limit of ${formatBytes(limit)}`);
    chunks.push(buffer);
  }
  return decodeUtf8(Buffer.concat(chunks, total), 'standard input');
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of `bytes`, which must be UTF-8 (a UTF-8 byte order mark is kept, for the front ends
 * to judge). Anything else is refused with one clear reason rather than read into a cascade of
 * syntax errors: the AWS CLI cannot load such a request file either.
 */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) {
    throw new FileRefused(`${what} is UTF-32 text; save it as UTF-8`);
  }
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) throw new FileRefused(`${what} is UTF-16 text; save it as UTF-8`);
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new FileRefused(`${what} is not UTF-8 text (it holds bytes that UTF-8 does not allow, as a Latin-1 or UTF-16 file does); save it as UTF-8`);
  }
}

/** Plain words for a file-system error (or the reason of a {@link FileRefused}). */
export function describeFileError(e: unknown): string {
  if (e instanceof FileRefused) return e.message;
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file stands where a folder is needed';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ENXIO':
      return 'no reader is connected to it';
    case 'EPIPE':
      return 'the reader closed the pipe';
    default:
      return (e as Error)?.message ?? String(e);
  }
}
