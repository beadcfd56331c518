/**
 * The guides (README, docs/ci.md, docs/embedding.md) show commands and workflows a user copies:
 * every `dsi` command line in them is one the command table accepts, every YAML block parses,
 * and the README's quick start is exactly two commands.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findCommand, parseCommandArgs } from '../../src/cli/command.js';
import { codeBlocks, repoRoot } from '../helpers.js';

const GUIDES = ['README.md', 'docs/ci.md', 'docs/embedding.md'];
const read = (f: string) => readFileSync(join(repoRoot, f), 'utf8');

/** Words of a shell command line (single and double quotes, no expansions). */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** `dsi …` command lines of a guide: in sh blocks, YAML `run:` steps and JSON scripts. */
function dsiCommands(markdown: string): string[][] {
  const lines: string[] = [];
  for (const { lang, code } of codeBlocks(markdown)) {
    for (const raw of code.split('\n')) {
      const line = raw.replace(/\s+#\s.*$/, '').trim();
      const m = /(?:^|run:\s*|":\s*")(?:npx\s+)?(dsi\s[^"|]*)/.exec(line);
      if (m && ['sh', 'yaml', 'json', ''].includes(lang)) lines.push(m[1].trim());
    }
  }
  return lines.map(words);
}

describe('the guides', () => {
  for (const guide of GUIDES) {
    it(`${guide}: every dsi command line is one the command table accepts`, () => {
      const commands = dsiCommands(read(guide));
      if (guide !== 'docs/embedding.md') expect(commands.length).toBeGreaterThan(3);
      for (const [, name, ...args] of commands) {
        expect(() => parseCommandArgs(findCommand(name), args), `${guide}: dsi ${name} ${args.join(' ')}`).not.toThrow();
      }
    });

    it(`${guide}: every YAML and JSON block parses`, () => {
      for (const { lang, code } of codeBlocks(read(guide))) {
        if (lang === 'yaml') expect(() => parse(code)).not.toThrow();
        if (lang === 'json') expect(() => JSON.parse(code)).not.toThrow();
      }
    });
  }

  it('README: the quick start is exactly two commands, and its commands run `npx dsi`, never a bare `dsi`', () => {
    const readme = read('README.md');
    const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
    const [block] = codeBlocks(quick);
    expect(block.code.trim().split('\n')).toEqual([
      'npm ci && npx dsi compile examples     # install, then compile the bundled examples to JSON',
      'npm ci && npm test                     # install, then run the type check and every test',
    ]);
    for (const { lang, code } of codeBlocks(readme)) if (lang === 'sh') expect(code).not.toMatch(/^dsi /m);
    for (const f of ['docs/language.md', 'docs/cli.md', 'docs/ci.md', 'docs/embedding.md', 'docs/configuration.md', 'docs/security.md', 'docs/rules/README.md']) expect(readme).toContain(`(${f})`);
  });

  it('docs/ci.md: the SARIF upload runs even when dsi fails, and the workflows run dsi', () => {
    const workflows = codeBlocks(read('docs/ci.md')).filter((b) => b.lang === 'yaml').map((b) => parse(b.code) as { jobs?: Record<string, { steps: { uses?: string; if?: string; run?: string }[] }> });
    const steps = workflows.flatMap((w) => Object.values(w.jobs ?? {}).flatMap((j) => j.steps));
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    expect(upload?.if).toBe('always()');
    expect(steps.filter((s) => s.run?.includes('--format github'))).toHaveLength(1);
  });
});
