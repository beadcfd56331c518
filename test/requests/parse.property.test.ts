import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { escapeToken, getAt } from '../../src/core/json-pointer.js';
import type { PayloadFix } from '../../src/core/source-map.js';
import { parseRequest, type RequestFormat } from '../../src/requests/index.js';
import { jsonDepthOverflow, yamlDepthOverflow } from '../../src/requests/limits.js';
import { applyEdits, applyPayloadFix, rangesInside, requestFixture } from './helpers.js';

const fixtures: Record<RequestFormat, string> = {
  json: requestFixture('first-example.json'),
  yaml: requestFixture('first-example.yaml'),
};
const formats: RequestFormat[] = ['json', 'yaml'];

/** Reads `text` and checks what must hold for any input: no throw, every range inside the text. */
function readsSafely(text: string, format: RequestFormat): void {
  const r = parseRequest(text, `request.${format}`);
  // parseRequest catches what escapes it as an `internal` diagnostic: none may appear.
  expect(r.diagnostics.filter((d) => d.ruleId === 'internal')).toEqual([]);
  for (const d of r.diagnostics) expect(rangesInside(d, text.length), JSON.stringify(d)).toBe(true);
  // The source map answers for any pointer without throwing, inside the text too.
  for (const pointer of ['', '/TaskArn', '/OverrideOptions/VerifyMode', '/Tags/0/Key']) {
    for (const part of ['key', 'value'] as const) {
      const hit = r.sourceMap.get(pointer, part);
      if (hit) expect(hit.range.end.offset).toBeLessThanOrEqual(text.length);
    }
  }
}

/** Characters that matter to JSON and YAML syntax, and some that do not. */
const syntaxChar = fc.constantFrom(...'{}[]":,-?#&*!|>\'\n\r\t %@`\\/0123456789aeZ\u00e9\uFEFF'.split(''));

/** A valid request with random characters inserted, deleted or replaced. */
function mutated(text: string) {
  const edit = fc.record({ at: fc.nat({ max: text.length }), remove: fc.nat({ max: 3 }), insert: fc.array(syntaxChar, { maxLength: 4 }) });
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let out = text;
    for (const e of edits) {
      const at = Math.min(e.at, out.length);
      out = out.slice(0, at) + e.insert.join('') + out.slice(at + e.remove);
    }
    return out;
  });
}

describe('parseRequest on any input', () => {
  for (const format of formats) {
    it(`never throws on arbitrary ${format} text, and keeps every range inside it`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(syntaxChar).map((c) => c.join(''))), (text) =>
          readsSafely(text, format),
        ),
        { numRuns: 400 },
      );
    });

    it(`never throws on mutations of a valid ${format} request`, () => {
      fc.assert(
        fc.property(mutated(fixtures[format]), (text) => readsSafely(text, format)),
        { numRuns: 400 },
      );
    });
  }
});

/** Nested values, with the nesting depth of each (collections counted). */
const nested = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

describe('the depth scans', () => {
  it('never estimate below the real depth, in any YAML style', () => {
    const style = fc.record({
      collectionStyle: fc.constantFrom('any' as const, 'block' as const, 'flow' as const),
      indent: fc.integer({ min: 1, max: 4 }),
      indentSeq: fc.boolean(),
    });
    fc.assert(
      fc.property(nested, style, (value, options) => {
        const depth = depthOf(value);
        if (depth === 0) return;
        const text = stringify(value, options);
        expect(yamlDepthOverflow(text, depth - 1), text).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });

  it('count JSON exactly', () => {
    fc.assert(
      fc.property(nested, fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const depth = depthOf(value);
        expect(jsonDepthOverflow(text, depth)).toBe(-1);
        if (depth > 0) expect(jsonDepthOverflow(text, depth - 1)).toBeGreaterThanOrEqual(0);
        // The YAML scan reads JSON too (flow style), and never below the real depth.
        if (depth > 0) expect(yamlDepthOverflow(text, depth - 1)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});

/** Every pointer of a payload but the root. */
function pointersOf(value: unknown, at = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => [at + '/' + escapeToken(k), ...pointersOf(v, at + '/' + escapeToken(k))]);
}


/** JSON values without -0 or fractions, so that a value survives writing and reading unchanged. */
const plainValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('yes', 'null', '- x', 'a: b', '#c', '1', '  ', '')),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k !== '__proto__'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

describe('sourceMap.edits', () => {
  for (const format of formats) {
    const text = fixtures[format];
    const file = `request.${format}`;
    const { payload } = parseRequest(text, file);
    const pointers = pointersOf(payload);
    const objects = ['', ...pointers].filter((p) => {
      const v = getAt(payload, p);
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });

    it(`replaces and removes any member of a ${format} request so that it reads back as intended`, () => {
      const fix = fc.oneof(
        fc.record({ description: fc.constant('remove'), pointer: fc.constantFrom(...pointers), remove: fc.constant(true) }),
        fc.record({ description: fc.constant('replace'), pointer: fc.constantFrom(...pointers), value: plainValue }),
        fc.record({
          description: fc.constant('insert'),
          pointer: fc
            .tuple(fc.constantFrom(...objects), fc.string({ minLength: 1, maxLength: 8 }))
            .filter(([p, k]) => k !== '__proto__' && (getAt(payload, p) as Record<string, unknown>)[k] === undefined)
            .map(([p, k]) => p + '/' + escapeToken(k)),
          value: plainValue,
        }),
      );
      fc.assert(
        fc.property(fix, (f: PayloadFix) => {
          const edits = parseRequest(text, file).sourceMap.edits?.(f);
          expect(edits).toBeDefined();
          const after = applyEdits(text, edits!);
          const again = parseRequest(after, file);
          expect(again.diagnostics, after).toEqual([]);
          expect(again.payload, after).toEqual(applyPayloadFix(payload, f));
        }),
        { numRuns: 300 },
      );
    });
  }
});
