/** Reading the examples of the rules' docs pages. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';

/** Rules whose failing example cannot be written out (a 102,401-character filter). */
export const ILLUSTRATIVE = new Set(['filter-max-length']);

/** The fenced blocks of one `### Failing` or `### Passing` section, by info string. */
export function exampleBlocks(id: string, section: 'Failing' | 'Passing'): Map<string, string> {
  const text = readFileSync(join(repoRoot, 'docs', 'rules', `${id}.md`), 'utf8');
  const start = text.indexOf(`### ${section}\n`);
  const end = text.indexOf('\n#', start + 5);
  const body = text.slice(start, end < 0 ? undefined : end);
  const blocks = new Map<string, string>();
  for (const m of body.matchAll(/^```([\w ]*)\n([\s\S]*?)^```/gm)) blocks.set(m[1], m[2]);
  return blocks;
}

