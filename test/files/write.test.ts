import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputError, removeStaleTemps, writeFilesAtomically } from '../../src/files/write.js';

function scratch() {
  const top = realpathSync(mkdtempSync(join(tmpdir(), 'dsi-write-')));
  mkdirSync(join(top, 'out'));
  mkdirSync(join(top, 'outside'));
  return top;
}

const temps = (folder: string) => readdirSync(folder).filter((n) => n.endsWith('.tmp'));

describe('writeFilesAtomically', () => {
  it('writes new files and replaces old ones, keeping their mode, with no temporary file left', async () => {
    const top = scratch();
    writeFileSync(join(top, 'out', 'a.json'), 'old', { mode: 0o640 });
    const r = await writeFilesAtomically([
      { path: join(top, 'out', 'a.json'), content: 'A' },
      { path: join(top, 'out', 'new', 'b.json'), content: 'B' },
    ]);
    expect(r.written).toHaveLength(2);
    expect(readFileSync(join(top, 'out', 'a.json'), 'utf8')).toBe('A');
    expect(statSync(join(top, 'out', 'a.json')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(top, 'out', 'new', 'b.json'), 'utf8')).toBe('B');
    expect(temps(join(top, 'out'))).toEqual([]);
  });

  it('leaves a file that already holds its content untouched (same inode, same time), and rewrites one of the same size that differs', async () => {
    const top = scratch();
    const same = join(top, 'out', 'same.json');
    const differs = join(top, 'out', 'differs.json');
    writeFileSync(same, 'SAME\n');
    writeFileSync(differs, 'old!\n');
    const before = statSync(same);
    const r = await writeFilesAtomically([
      { path: same, content: 'SAME\n' },
      { path: differs, content: 'new!\n' },
      { path: join(top, 'out', 'fresh.json'), content: 'F' },
    ]);
    expect(r.unchanged).toEqual([same]);
    expect([...r.written].sort()).toEqual([differs, join(top, 'out', 'fresh.json')].sort());
    const after = statSync(same);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(readFileSync(differs, 'utf8')).toBe('new!\n');
    expect(temps(join(top, 'out'))).toEqual([]);
  });

  it('never writes through a symlink that leads out of the output folder, and writes nothing then', async () => {
    const top = scratch();
    writeFileSync(join(top, 'outside', 'victim'), 'keep');
    symlinkSync(join(top, 'outside', 'victim'), join(top, 'out', 'x.json'));
    const files = [
      { path: join(top, 'out', 'a.json'), content: 'A', shown: 'out/a.json' },
      { path: join(top, 'out', 'x.json'), content: 'X', shown: 'out/x.json' },
    ];
    await expect(writeFilesAtomically(files, { within: join(top, 'out') })).rejects.toThrow(
      new OutputError(`cannot write out/x.json: it is a symbolic link to ${join(top, 'outside', 'victim')}, outside ${join(top, 'out')}; dsi does not write through it; nothing was written`),
    );
    expect(readFileSync(join(top, 'outside', 'victim'), 'utf8')).toBe('keep');
    expect(readdirSync(join(top, 'out'))).toEqual(['x.json']);
  });

  it('with many files (each folder listed once), still looks at every name that exists: a symlink out is refused, a folder too', async () => {
    const top = scratch();
    const many = Array.from({ length: 40 }, (_, i) => ({ path: join(top, 'out', `f${i}.json`), content: `F${i}`, shown: `out/f${i}.json` }));
    writeFileSync(join(top, 'out', 'f3.json'), 'old', { mode: 0o640 });
    await writeFilesAtomically(many, { within: join(top, 'out') });
    expect(readFileSync(join(top, 'out', 'f39.json'), 'utf8')).toBe('F39');
    expect(statSync(join(top, 'out', 'f3.json')).mode & 0o777).toBe(0o640);
    writeFileSync(join(top, 'outside', 'victim'), 'keep');
    symlinkSync(join(top, 'outside', 'victim'), join(top, 'out', 'x.json'));
    await expect(writeFilesAtomically([...many, { path: join(top, 'out', 'x.json'), content: 'X', shown: 'out/x.json' }], { within: join(top, 'out') })).rejects.toThrow(/out\/x\.json: it is a symbolic link/);
    expect(readFileSync(join(top, 'outside', 'victim'), 'utf8')).toBe('keep');
    mkdirSync(join(top, 'new', 'f7.json'), { recursive: true });
    const fresh = many.map((f) => ({ ...f, path: f.path.replace('/out/', '/new/') }));
    await expect(writeFilesAtomically(fresh)).rejects.toThrow(/f7\.json: it is a folder/);
    expect(readdirSync(join(top, 'new'))).toEqual(['f7.json']);
    expect(temps(join(top, 'out'))).toEqual([]);
  });

  it('writes through a symlink that stays inside the output folder, to its target', async () => {
    const top = scratch();
    mkdirSync(join(top, 'out', 'real'));
    writeFileSync(join(top, 'out', 'real', 'x.json'), 'old');
    symlinkSync('real/x.json', join(top, 'out', 'x.json'));
    await writeFilesAtomically([{ path: join(top, 'out', 'x.json'), content: 'new' }], { within: join(top, 'out') });
    expect(lstatSync(join(top, 'out', 'x.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(top, 'out', 'real', 'x.json'), 'utf8')).toBe('new');
  });

  it('writes both outputs that resolve to one file, in order, even when one already holds its content', async () => {
    const top = scratch();
    writeFileSync(join(top, 'out', 'b.json'), 'B');
    symlinkSync('b.json', join(top, 'out', 'a.json'));
    const r = await writeFilesAtomically(
      [
        { path: join(top, 'out', 'a.json'), content: 'A' },
        { path: join(top, 'out', 'b.json'), content: 'B' },
      ],
      { within: join(top, 'out') },
    );
    // As before skipping existed: the later output is what the file holds, and nothing is called up to date.
    expect(readFileSync(join(top, 'out', 'b.json'), 'utf8')).toBe('B');
    expect(r.unchanged).toEqual([]);
  });

  it('refuses a dangling symlink and a socket-like target it cannot replace safely', async () => {
    const top = scratch();
    symlinkSync(join(top, 'outside', 'nothing'), join(top, 'out', 'd.json'));
    await expect(writeFilesAtomically([{ path: join(top, 'out', 'd.json'), content: 'D' }])).rejects.toThrow(/a symbolic link to nothing/);
    mkdirSync(join(top, 'out', 'folder.json'));
    await expect(writeFilesAtomically([{ path: join(top, 'out', 'folder.json'), content: 'F' }])).rejects.toThrow(/it is a folder/);
  });

  it('writes a character device directly: /dev/null and a symlink to it stay what they were', async () => {
    const top = scratch();
    symlinkSync('/dev/null', join(top, 'out', 'report.sarif'));
    await writeFilesAtomically([{ path: '/dev/null', content: 'x' }]);
    await writeFilesAtomically([{ path: join(top, 'out', 'report.sarif'), content: 'x' }]);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(lstatSync(join(top, 'out', 'report.sarif')).isSymbolicLink()).toBe(true);
    expect(temps('/dev')).toEqual([]);
  });

  it('leaves a file that changed since it was read, and says so', async () => {
    const top = scratch();
    writeFileSync(join(top, 'out', 'a.dsi'), 'edited by someone else');
    writeFileSync(join(top, 'out', 'b.dsi'), 'as read');
    const r = await writeFilesAtomically([
      { path: join(top, 'out', 'a.dsi'), content: 'fixed', expected: 'as read', shown: 'a.dsi' },
      { path: join(top, 'out', 'b.dsi'), content: 'fixed', expected: 'as read', shown: 'b.dsi' },
    ]);
    expect(r.skipped).toEqual([{ path: join(top, 'out', 'a.dsi'), shown: 'a.dsi', reason: 'it changed while dsi was running' }]);
    expect(readFileSync(join(top, 'out', 'a.dsi'), 'utf8')).toBe('edited by someone else');
    expect(readFileSync(join(top, 'out', 'b.dsi'), 'utf8')).toBe('fixed');
    expect(temps(join(top, 'out'))).toEqual([]);
  });

  it('removes temporary files of its own naming left by a run that was killed, and no others', async () => {
    const top = scratch();
    const dead = spawnSync('true').pid!;
    writeFileSync(join(top, 'out', `.a.json.dsi-${dead}-0123456789ab.tmp`), 'stale');
    writeFileSync(join(top, 'out', `.a.json.dsi-${process.pid}-0123456789ab.tmp`), 'ours, live');
    writeFileSync(join(top, 'out', 'other.tmp'), 'not ours');
    removeStaleTemps(join(top, 'out'));
    expect(readdirSync(join(top, 'out')).sort()).toEqual([`.a.json.dsi-${process.pid}-0123456789ab.tmp`, 'other.tmp']);
  });
});
