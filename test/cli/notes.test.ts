import { describe, expect, it } from 'vitest';
import { reportInputNotes } from '../../src/cli/notes.js';
import type { InputSet } from '../../src/project/project.js';
import type { CliIo } from '../../src/cli/io.js';

const at = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } };

describe('stderr notes of a run', () => {
  it('names the first ten dependents and counts the rest, so a shared template stays readable', () => {
    let stderr = '';
    const io = { stderr: { write: (t: string) => void (stderr += t), color: false } } as unknown as CliIo;
    const dependents = Array.from({ length: 13 }, (_, i) => ({ file: `intents/i${String(i).padStart(2, '0')}.dsi`, chain: [`intents/i${i}.dsi`, 'template.dsi'], importRange: at }));
    reportInputNotes({ files: [], texts: new Map(), problems: [], dependents } as unknown as InputSet, io);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('dsi: also checking intents/i00.dsi, which imports template.dsi');
    expect(lines[10]).toBe('dsi: also checking 3 more files that import the files given (--no-dependents checks only those)');
  });
});
