/** `.pre-commit-hooks.yaml`: the hooks the pre-commit framework reads, with the files each takes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../../src/cli/command.js';
import { repoRoot } from '../helpers.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  require_serial?: boolean;
}

const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

describe('.pre-commit-hooks.yaml', () => {
  it('defines dsi-lint and dsi-fmt as node hooks running the bin', () => {
    expect(hooks.map((h) => [h.id, h.entry, h.language])).toEqual([
      ['dsi-lint', 'dsi lint', 'node'],
      ['dsi-fmt', 'dsi fmt', 'node'],
    ]);
    // Each hook's entry is a command of the table.
    for (const h of hooks) expect(COMMANDS.map((c) => `dsi ${c.name}`)).toContain(h.entry);
    // Batches in parallel processes would each miss the dependents the others' files have.
    expect(hooks[0].require_serial).toBe(true);
  });

  it('dsi-lint takes intents and request files, not every JSON or YAML file; dsi-fmt takes intents', () => {
    const lint = new RegExp(hooks[0].files);
    const fmt = new RegExp(hooks[1].files);
    for (const f of ['a.dsi', 'deep/x.dsi', 'r.datasync.json', 'r.datasync.yaml', 'r.datasync.yml']) expect(lint.test(f)).toBe(true);
    for (const f of ['package.json', 'ci.yaml', 'a.dsi.bak', 'datasync.json']) expect(lint.test(f)).toBe(false);
    expect(fmt.test('a.dsi')).toBe(true);
    expect(fmt.test('r.datasync.json')).toBe(false);
  });
});
