import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../helpers.js';

describe('the documentation site (npm run docs)', () => {
  it('typedoc renders docs/ and the API of the public entry points into one site with no warning', () => {
    // typedoc's exports hide its bin: find it beside its package.json.
    const typedoc = join(dirname(createRequire(import.meta.url).resolve('typedoc/package.json')), 'bin', 'typedoc');
    const out = mkdtempSync(join(tmpdir(), 'dsi-site-'));
    const r = spawnSync(process.execPath, [typedoc, '--out', out], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stdout + r.stderr).not.toMatch(/warning|error \[/i);
    expect(r.status).toBe(0);
    // Every page of docs/ is a document of the site, beside the API reference.
    const pages = [...readdirSync(join(repoRoot, 'docs')).filter((f) => f.endsWith('.md')), ...readdirSync(join(repoRoot, 'docs', 'rules')).map((f) => `rules_${f}`)];
    const rendered = readdirSync(join(out, 'documents'));
    for (const page of pages) expect(rendered).toContain(page.replace(/\.md$/, '.html'));
    expect(existsSync(join(out, 'functions', 'index.compile.html'))).toBe(true);
    // The README is the front page, and its links to the guides lead to their documents.
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatch(/href="documents\/ci\.html"/);
  }, 120_000);
});
