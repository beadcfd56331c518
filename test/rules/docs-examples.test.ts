/** The request-file examples of every rule's docs page: the failing one fires the rule, the passing one does not. */
import { describe, expect, it } from 'vitest';
import type { TaskContext } from '../../src/core/context.js';
import { runRules } from '../../src/rules/engine.js';
import { builtinRules } from '../../src/rules/index.js';
import { parseRequest } from '../../src/requests/index.js';
import { exampleBlocks, ILLUSTRATIVE } from './docs-helpers.js';

describe.each(builtinRules.map((r) => r.id))('%s docs', (id) => {
  for (const section of ['Failing', 'Passing'] as const) {
    const fires = section === 'Failing';
    it(`${section.toLowerCase()} request file ${fires ? 'fires' : 'passes'}`, () => {
      const blocks = exampleBlocks(id, section);
      if (fires && ILLUSTRATIVE.has(id)) {
        expect(blocks.has('text')).toBe(true);
        return;
      }
      const json = blocks.get('json request');
      expect(json, 'a ```json request block').toBeDefined();
      expect(blocks.get('dsi'), 'a ```dsi block').toBeDefined();
      const context = JSON.parse(blocks.get('json context') ?? '{}') as TaskContext;
      const parsed = parseRequest(json!, `${id}.json`);
      expect(parsed.diagnostics).toEqual([]);
      const out = runRules({ file: `${id}.json`, payload: parsed.payload, context, sourceMap: parsed.sourceMap, rules: builtinRules });
      expect(out.some((d) => d.ruleId === id)).toBe(fires);
      // A passing example is clean of every rule's errors, not only this one's.
      if (!fires) expect(out.filter((d) => d.severity === 'error')).toEqual([]);
    });
  }
});
