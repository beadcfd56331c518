/**
 * Law: decompiling a schema-valid request and compiling the intent gives the request back,
 * deep-equal, whatever the request holds (partial structures, access points, Unicode).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/project/compile.js';
import { decompile } from '../../src/printer/decompile.js';
import { formatText } from '../../src/printer/format.js';
import { schemaValidRequest } from './payload-arbitraries.js';

const RUNS = 300;
const name = fc.oneof(fc.constant(undefined), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== ''));

describe('decompile', () => {
  it(`compile(decompile(p)) deep-equals p for schema-valid requests, and the intent is in fmt's layout (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(schemaValidRequest, name, (payload, intentName) => {
        const d = decompile(payload, intentName === undefined ? {} : { name: intentName });
        expect(d.problems).toEqual([]);
        const r = compile(d.text!, { filename: 'decompiled.dsi', rules: [] });
        expect(r.diagnostics.filter((x) => x.severity === 'error'), d.text).toEqual([]);
        expect(r.intents).toHaveLength(1);
        expect(r.intents[0].name).toBe(intentName ?? 'request');
        expect(r.intents[0].payload, d.text).toEqual(payload);
        // Printed by the one printer: already in the layout dsi fmt writes.
        expect(formatText(d.text!, 'decompiled.dsi')).toMatchObject({ changed: false, diagnostics: [] });
      }),
      { numRuns: RUNS },
    );
  });
});
