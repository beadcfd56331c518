/** The one-way flow of DESIGN.md, read from the sources so that it stays true. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

const src = join(repoRoot, 'src');

/** Every `.ts` file under `dir`, relative to src/. */
function sources(dir: string): string[] {
  return readdirSync(join(src, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

/** The src/ files a source file imports (type imports and re-exports included). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(src, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"`;]*?from\s+'([^']+)'/g), ...text.matchAll(/import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => relative(src, resolve(dirname(join(src, file)), s)).replace(/\.js$/, '.ts'));
}

const room = (file: string) => file.split(/[/\\]/)[0];

describe('import directions', () => {
  it('finds imports at all (the reader works)', () => {
    expect(importsOf('check/index.ts')).toContain(join('rules', 'engine.ts'));
    expect(importsOf('project/compile.ts')).toContain(join('compiler', 'index.ts'));
  });

  it('the check stage imports only core/, schema/, rules/ and policy/ (never a front end, nor what orchestrates it)', () => {
    const found = sources('check').flatMap((f) => importsOf(f).map((i) => `${f} → ${i}`));
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((edge) => !['check', 'core', 'schema', 'rules', 'policy'].includes(room(edge.split(' → ')[1])))).toEqual([]);
  });

  it('policies become rules without a front end: policy/ imports only core/, schema/ and rules/', () => {
    const found = sources('policy').flatMap((f) => importsOf(f).map((i) => `${f} → ${i}`));
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((edge) => !['policy', 'core', 'schema', 'rules'].includes(room(edge.split(' → ')[1])))).toEqual([]);
  });

  it('no front end imports the check stage or the orchestration above it', () => {
    const frontEnds = [...sources('compiler'), ...sources('requests'), ...sources('grammar')];
    const found = frontEnds.flatMap((f) => importsOf(f).map((i) => `${f} → ${i}`));
    expect(found.filter((edge) => ['check', 'project', 'lint', 'cli'].includes(room(edge.split(' → ')[1])))).toEqual([]);
  });

  it('the rule engine does not import the registry of built-in rules: callers supply the rules', () => {
    expect(importsOf(join('rules', 'engine.ts'))).not.toContain(join('rules', 'index.ts'));
    expect(sources('rules').filter((f) => f !== join('rules', 'index.ts') && importsOf(f).includes(join('rules', 'index.ts')))).toEqual([]);
  });

  it('core/ imports nothing outside core/', () => {
    expect(sources('core').flatMap((f) => importsOf(f).filter((i) => room(i) !== 'core').map((i) => `${f} → ${i}`))).toEqual([]);
  });
});
