/** The `.dsi` examples of every rule's docs page, compiled: the failing one fires the rule, the passing one does not. */
import { describe, expect, it } from 'vitest';
import type { TaskContext } from '../../src/core/context.js';
import { compile } from '../../src/project/compile.js';
import { builtinRules } from '../../src/rules/index.js';
import { exampleBlocks, ILLUSTRATIVE } from './docs-helpers.js';

describe.each(builtinRules.map((r) => r.id))('%s docs', (id) => {
  for (const section of ['Failing', 'Passing'] as const) {
    if (section === 'Failing' && ILLUSTRATIVE.has(id)) continue;
    const fires = section === 'Failing';
    it(`${section.toLowerCase()} .dsi example ${fires ? 'fires' : 'passes'}`, () => {
      const blocks = exampleBlocks(id, section);
      const context = JSON.parse(blocks.get('json context') ?? '{}') as TaskContext;
      const file = `${id}.dsi`;
      const result = compile(blocks.get('dsi')!, { filename: file, readFile: () => '', context: () => context });
      // The top level holds every problem; here all of them are the intent's own.
      expect(result.diagnostics).toEqual(result.intents[0].diagnostics);
      expect(result.intents).toHaveLength(1);
      const diagnostics = result.intents[0].diagnostics;
      const mine = diagnostics.filter((d) => d.ruleId === id);
      expect(mine.length > 0).toBe(fires);
      // Every diagnostic lands in the example's own text.
      for (const d of mine) expect(d.file).toBe(file);
      if (!fires) expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });
  }
});
