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

  it('reads a file named on the command line even where an ignore file would skip it; reports missing ones', () => {
    const dir = tree({ '.dsiignore': 'generated/\n', 'generated/a.dsi': '' });
    expect(expandInputs(['generated/a.dsi', 'gone.dsi'], ['**/*.dsi'], dir)).toEqual({ files: ['generated/a.dsi'], missing: ['gone.dsi'], unreadable: [], refused: [] });
  });
});
