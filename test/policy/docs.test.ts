/** The policy docs: every `.dsi` example parses clean, and the example of LANGUAGE.md is the one documented. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../src/grammar/index.js';
import { codeBlocks, hasShared, languageMd, repoRoot } from '../helpers.js';
import { GUARDRAILS } from './helpers.js';

const doc = (name: string) => readFileSync(join(repoRoot, 'docs', name), 'utf8');

describe('docs of policies', () => {
  it.skipIf(!hasShared)('the tests use the policy of LANGUAGE.md, as written there', () => {
    expect(codeBlocks(readFileSync(languageMd, 'utf8')).map((b) => b.code)).toContain(GUARDRAILS);
  });

  for (const [name, text] of [
    ['policies.md', doc('policies.md')],
    ['language.md (Policies)', doc('language.md').split('## Policies')[1].split('\n## ')[0]],
  ] as const) {
    it(`every dsi block of ${name} parses clean`, () => {
      const blocks = codeBlocks(text).filter((b) => b.lang === 'dsi');
      expect(blocks.length).toBeGreaterThan(0);
      for (const b of blocks) expect(parse(b.code, 'doc.dsi').diagnostics).toEqual([]);
    });
  }
});
