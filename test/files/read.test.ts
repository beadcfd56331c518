import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describeFileError, FileRefused, formatBytes, readRegularFile, readStreamLimited } from '../../src/files/read.js';

const dir = mkdtempSync(join(tmpdir(), 'dsi-read-'));

describe('readRegularFile', () => {
  it('reads a regular file as UTF-8', () => {
    writeFileSync(join(dir, 'a.dsi'), 'intent "ü" {}\n');
    expect(readRegularFile(join(dir, 'a.dsi'))).toBe('intent "ü" {}\n');
  });

  it('refuses a FIFO without waiting for a writer', () => {
    const fifo = join(dir, 'pipe.dsi');
    execFileSync('mkfifo', [fifo]);
    expect(() => readRegularFile(fifo)).toThrow(new FileRefused('it is a FIFO (named pipe), not a regular file'));
  });

  it('refuses a character device such as /dev/zero before reading a byte', () => {
    expect(() => readRegularFile('/dev/zero')).toThrow(new FileRefused('it is a character device, not a regular file'));
  });

  it('with noFollow, refuses a path whose last part is a symlink', () => {
    writeFileSync(join(dir, 'target.dsi'), 'x');
    symlinkSync(join(dir, 'target.dsi'), join(dir, 'swapped.dsi'));
    expect(() => readRegularFile(join(dir, 'swapped.dsi'), 1024, { noFollow: true })).toThrow(expect.objectContaining({ code: 'ELOOP' }));
    expect(readRegularFile(join(dir, 'swapped.dsi'))).toBe('x');
  });

  it('refuses a folder', () => {
    expect(() => readRegularFile(dir)).toThrow(/it is a folder|EISDIR/);
  });

  it('refuses a file over the limit before reading it, and says the limit', () => {
    writeFileSync(join(dir, 'big.dsi'), 'x'.repeat(2048));
    expect(() => readRegularFile(join(dir, 'big.dsi'), 1024)).toThrow(new FileRefused('it is larger than the limit of 1 KiB'));
    expect(readRegularFile(join(dir, 'big.dsi'), 2048)).toHaveLength(2048);
  });

  it('reads files of every size whole, across the 64 KiB read size, multi-byte characters included', () => {
    // Large after small and small after large: reads share one buffer, grown and let go.
    for (const n of [0, 1, 4095, 4097, 64 * 1024 - 1, 64 * 1024, 200_000, 3, 70_000, 64 * 1024 + 1, 2]) {
      const text = 'ü'.repeat(n >> 1) + 'x'.repeat(n & 1);
      writeFileSync(join(dir, 'sized.dsi'), text);
      expect(readRegularFile(join(dir, 'sized.dsi'), 1024 * 1024)).toBe(text);
    }
  });

  it('reads files that report size 0 (procfs) to their end', () => {
    expect(readRegularFile('/proc/self/status')).toMatch(/^Name:/);
  });

  it('describes file-system errors in plain words', () => {
    let error: unknown;
    try {
      readRegularFile(join(dir, 'missing.dsi'));
    } catch (e) {
      error = e;
    }
    expect(describeFileError(error)).toBe('no such file or directory');
    expect(formatBytes(4 * 1024 * 1024)).toBe('4 MiB');
  });
});

describe('readStreamLimited', () => {
  it('reads a stream and refuses one over the limit', async () => {
    expect(await readStreamLimited(Readable.from([Buffer.from('ab'), Buffer.from('c')]), 3)).toBe('abc');
    await expect(readStreamLimited(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), 3)).rejects.toThrow('standard input is larger than the limit of 3 bytes');
  });
});

describe('decoding', () => {
  it('refuses UTF-16, UTF-32 and bytes that are not UTF-8 with one reason; keeps a UTF-8 byte order mark', () => {
    const write = (name: string, bytes: Buffer) => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    };
    const reason = (path: string) => {
      try {
        readRegularFile(path);
      } catch (e) {
        expect(e).toBeInstanceOf(FileRefused);
        return describeFileError(e);
      }
      return 'read';
    };
    expect(reason(write('le.json', Buffer.from('\uFEFF{"a": 1}', 'utf16le')))).toBe('it is UTF-16 text; save it as UTF-8');
    expect(reason(write('be.json', Buffer.from([0xfe, 0xff, 0, 0x7b, 0, 0x7d])))).toBe('it is UTF-16 text; save it as UTF-8');
    expect(reason(write('32.json', Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0])))).toBe('it is UTF-32 text; save it as UTF-8');
    expect(reason(write('latin1.yaml', Buffer.from('TaskArn: caf\xe9\n', 'latin1')))).toContain('is not UTF-8 text');
    expect(readRegularFile(write('bom.json', Buffer.from('\uFEFF{}', 'utf8')))).toBe('\uFEFF{}');
  });

  it('standard input too', async () => {
    await expect(readStreamLimited(Readable.from([Buffer.from([0x61, 0xff, 0x62])]))).rejects.toThrow('standard input is not UTF-8 text');
  });
});
