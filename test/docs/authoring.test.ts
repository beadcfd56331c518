/** docs/authoring.md stays true: its request decompiles to its intent, its messy file formats to its tidy one, and the intent compiles back. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decompile } from '../../src/printer/decompile.js';
import { formatText } from '../../src/printer/format.js';
import { compile } from '../../src/project/compile.js';
import { codeBlocks, repoRoot } from '../helpers.js';

const blocks = codeBlocks(readFileSync(join(repoRoot, 'docs', 'authoring.md'), 'utf8'));
const [request] = blocks.filter((b) => b.lang === 'json').map((b) => JSON.parse(b.code));
const [intent, messy, tidy] = blocks.filter((b) => b.lang === 'dsi').map((b) => b.code);

describe('docs/authoring.md', () => {
  it('shows what dsi decompile prints for its request, and the intent compiles back to the request', () => {
    expect(decompile(request, { name: 'weekly-full' }).text).toBe(intent);
    expect(compile(intent, { filename: 'weekly-full.dsi', rules: [] }).intents[0].payload).toEqual(request);
  });

  it('shows what dsi fmt writes for its messy file', () => {
    expect(formatText(messy, 'weekly.dsi')).toMatchObject({ text: tidy, changed: true });
  });
});
