/** Every built-in rule has its registry entry, its docs page and its tests; the registry is sorted. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules, findRule, ruleInfo } from '../../src/rules/index.js';
import { ruleDocsUrl } from '../../src/rules/create-rule.js';
import { repoRoot } from '../helpers.js';

const builtinDir = join(repoRoot, 'src', 'rules', 'builtin');
const docsDir = join(repoRoot, 'docs', 'rules');
const files = readdirSync(builtinDir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
const ids = builtinRules.map((r) => r.id);

/** Every test file under test/, read once. */
function testSources(dir = join(repoRoot, 'test')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testSources(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : [],
  );
}
const tests = testSources();
const AWS_SOURCE = /^https:\/\/(docs\.aws\.amazon\.com\/|github\.com\/aws\/api-models-aws\/)/;

describe('the built-in rule registry', () => {
  it('lists every file of src/rules/builtin, once, sorted by id', () => {
    expect(ids).toEqual(files);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('takes each rule from the file named by its id', async () => {
    for (const id of files) {
      const mod = (await import(join(builtinDir, `${id}.ts`))) as Record<string, unknown>;
      const exported = Object.values(mod).filter((v) => v !== null && typeof v === 'object' && 'check' in v);
      expect(exported, id).toEqual([findRule(id)]);
    }
  });

  it('gives formatters each rule’s id, description, severity and docs link', () => {
    expect(ruleInfo()).toEqual(
      builtinRules.map((r) => ({ id: r.id, description: r.meta.description, defaultSeverity: r.meta.severity, helpUri: ruleDocsUrl(r.id) })),
    );
    expect(findRule('no-such-rule')).toBeUndefined();
  });
});

describe.each(ids)('%s', (id) => {
  const rule = findRule(id)!;
  const page = join(docsDir, `${id}.md`);

  it('has a docs page with its title, severity and AWS sources', () => {
    expect(existsSync(page)).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text.startsWith(`# \`${id}\`\n`)).toBe(true);
    expect(text).toContain(`**Severity:** ${rule.meta.severity}`);
    expect(rule.meta.docs.sources.length).toBeGreaterThan(0);
    for (const s of rule.meta.docs.sources) expect(text).toContain(`(${s.url})`);
    expect(rule.meta.docs.sources.some((s) => AWS_SOURCE.test(s.url))).toBe(true);
    for (const s of rule.meta.docs.sources) expect(s.label).toMatch(/\(constraints §3\.\d+\)$/);
    for (const heading of ['## What it checks', '## Why', '### Failing', '### Passing', '## Options']) expect(text).toContain(heading);
    const needs = rule.meta.needs ?? [];
    expect(text).toContain(needs.length > 0 ? `**Needs task context:** ${needs.map((n) => `\`${n}\``).join(', ')}` : '**Needs task context:** no');
  });

  it('is listed in docs/rules/README.md', () => {
    expect(readFileSync(join(docsDir, 'README.md'), 'utf8')).toContain(`| [\`${id}\`](${id}.md) | ${rule.meta.severity} |`);
  });

  it('has tests that name it', () => {
    expect(tests.some((t) => t.includes(`/builtin/${id}.js'`))).toBe(true);
    expect(existsSync(join(repoRoot, 'test', 'rules', 'builtin', `${id}.test.ts`))).toBe(true);
  });

  it('links its docs page and has well-formed messages', () => {
    expect(rule.meta.docsUrl).toBe(`https://github.com/datasync-intent/dsi/blob/main/docs/rules/${id}.md`);
    expect(rule.meta.description).toMatch(/\.$/);
    for (const m of Object.values(rule.meta.messages)) expect(m).not.toMatch(/\.$/);
  });
});

it('docs/rules holds only rule pages, the index and the guide', () => {
  const pages = readdirSync(docsDir).filter((f) => f !== 'README.md' && f !== 'writing-rules.md');
  expect(pages.sort()).toEqual(ids.map((id) => `${id}.md`));
});
