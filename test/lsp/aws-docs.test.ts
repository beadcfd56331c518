/** The AWS documentation table of `dsi lsp` is generated from the model and must be current. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AWS_DOCS } from '../../src/lsp/aws-docs.js';
import { enumValues, memberNames } from '../../src/schema/index.js';
import { hasShared, repoRoot, sharedDir } from '../helpers.js';

describe('src/lsp/aws-docs.ts', () => {
  it.skipIf(!hasShared)('is what scripts/generate-aws-docs.mjs makes from the model', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsi-docs-'));
    try {
      const out = join(dir, 'aws-docs.ts');
      execFileSync(process.execPath, [join(repoRoot, 'scripts', 'generate-aws-docs.mjs'), join(sharedDir, 'reference', 'datasync-2018-11-09.json'), out]);
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(repoRoot, 'src', 'lsp', 'aws-docs.ts'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents every option member, and every value that its documentation lists', () => {
    for (const member of memberNames('/OverrideOptions')!) {
      const entry = AWS_DOCS[`/OverrideOptions/${member}`];
      expect(entry?.doc, member).toMatch(/\w/);
      for (const value of Object.keys(entry.values ?? {})) expect(enumValues(`/OverrideOptions/${member}`), member).toContain(value);
    }
    expect(Object.keys(AWS_DOCS['/OverrideOptions/VerifyMode'].values!).sort()).toEqual([...enumValues('/OverrideOptions/VerifyMode')!].sort());
  });

  it('is Markdown: no HTML tags left', () => {
    for (const [pointer, entry] of Object.entries(AWS_DOCS)) {
      for (const text of [entry.doc, ...Object.values(entry.values ?? {})]) expect(text, pointer).not.toMatch(/<\/?[a-z]+[ >]/);
    }
  });
});
