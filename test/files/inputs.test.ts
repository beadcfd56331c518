import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandInputs } from '../../src/files/inputs.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dsi-files-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('expandInputs', () => {
  it('walks folders for the patterns, sorted, relative to the working folder', () => {
    const dir = tree({ 'b/x.dsi': '', 'a/y.dsi': '', 'a/z.txt': '', 'a/r.datasync.json': '' });
    expect(expandInputs(['.'], ['**/*.dsi'], dir).files).toEqual(['a/y.dsi', 'b/x.dsi']);
  });

  it('skips node_modules and what .dsiignore files exclude, in gitignore syntax, at any level', () => {
    const dir = tree({
      '.dsiignore': '# generated intents\ngenerated/\n*.tmp.dsi\n!keep.tmp.dsi\n',
      'generated/a.dsi': '',
      'src/a.tmp.dsi': '',
      'src/keep.tmp.dsi': '',
      'src/ok.dsi': '',
      'src/vendor/.dsiignore': 'old.dsi\n',
      'src/vendor/old.dsi': '',
      'src/vendor/new.dsi': '',
      'node_modules/pkg/x.dsi': '',
    });
    expect(expandInputs(['.'], ['**/*.dsi'], dir).files).toEqual(['src/keep.tmp.dsi', 'src/ok.dsi', 'src/vendor/new.dsi']);
    // The working folder's ignore file applies when only a subfolder is walked.
    expect(expandInputs(['src'], ['**/*.dsi'], dir).files).toEqual(['src/keep.tmp.dsi', 'src/ok.dsi', 'src/vendor/new.dsi']);
  });

  it('skips a file named on the command line that an ignore file excludes (unless --no-ignore); reports missing ones', () => {
    const dir = tree({ '.dsiignore': 'generated/\n', 'generated/a.dsi': '', 'src/b.dsi': '' });
    expect(expandInputs(['generated/a.dsi', 'gone.dsi'], ['**/*.dsi'], dir)).toEqual({ files: [], missing: ['gone.dsi'], unreadable: [], refused: [], empty: [], ignored: ['generated/a.dsi'] });
    expect(expandInputs(['generated/a.dsi'], ['**/*.dsi'], dir, [dir], { ignore: false }).files).toEqual(['generated/a.dsi']);
    expect(expandInputs(['src/b.dsi'], ['**/*.dsi'], dir, [dir], { ignorePatterns: ['src/*.dsi'] }).ignored).toEqual(['src/b.dsi']);
    // --no-ignore turns the patterns off too, as ESLint's does.
    expect(expandInputs(['src/b.dsi'], ['**/*.dsi'], dir, [dir], { ignore: false, ignorePatterns: ['src/*.dsi'] }).files).toEqual(['src/b.dsi']);
  });

  it('expands glob patterns (honouring ignore files); a pattern or folder with no file is reported like a missing path', () => {
    const dir = tree({ '.dsiignore': 'generated/\n', 'generated/a.dsi': '', 'src/b.dsi': '', 'src/deep/c.dsi': '', 'src/x.txt': '', 'empty/.keep': '' });
    const found = expandInputs(['src/**/*', 'generated/*.dsi', 'empty', 'none/*.dsi'], ['**/*.dsi'], dir);
    expect(found.files).toEqual(['src/b.dsi', 'src/deep/c.dsi']);
    expect(found.empty).toEqual(['generated/*.dsi', 'empty', 'none/*.dsi']);
    expect(found.missing).toEqual([]);
  });
});
