/**
 * The fast path of JSON request files: `JSON.parse` is trusted only where the full reader (with
 * offsets) finds nothing wrong and reads the same value; everywhere else the full reader runs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJsonRequest, plainJsonObject } from '../../src/requests/json.js';
import { parseRequest } from '../../src/requests/index.js';

/** JSON text of an object, written compactly or indented, with keys that may repeat once written out by hand. */
const jsonText = fc
  .tuple(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }), fc.constantFrom(0, 2), fc.boolean())
  .map(([value, indent, repeat]) => {
    const text = JSON.stringify(value, null, indent);
    const first = Object.keys(value)[0];
    // A key written twice: the second spelling of the first member, inserted by hand.
    return repeat && first !== undefined ? text.replace(/^\{/, `{${JSON.stringify(first)}: 1,`) : text;
  });

describe('plain JSON requests', () => {
  it('are read by JSON.parse only when the full reader finds no problem, and then to the same value', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        const full = parseJsonRequest(text);
        const plain = plainJsonObject(text);
        if (plain !== undefined) {
          expect(full.pending).toEqual([]);
          expect(plain).toEqual(full.payload);
        }
        // Whichever path read it, the request file reads the same and places problems the same.
        const parsed = parseRequest(text, 'r.json');
        expect(parsed.payload).toEqual(full.payload);
        for (const pointer of full.nodes.keys()) expect(parsed.sourceMap.get(pointer)).toBeDefined();
      }),
      { numRuns: 400 },
    );
  });

  it('leave to the full reader what JSON.parse would read differently or not report', () => {
    expect(plainJsonObject('{"A": 1, "A": 2}')).toBeUndefined();
    expect(plainJsonObject('{"A": {"B": 1, "B": 1}}')).toBeUndefined();
    expect(plainJsonObject('{"BytesPerSecond": 1048576.0}')).toBeUndefined();
    expect(plainJsonObject('{"BytesPerSecond": 1e6}')).toBeUndefined();
    expect(plainJsonObject('{"BytesPerSecond": 9223372036854775807}')).toBeUndefined();
    expect(plainJsonObject('[{"A": 1}]')).toBeUndefined();
    expect(plainJsonObject('\uFEFF{"A": 1}')).toBeUndefined();
    expect(plainJsonObject('{"A": "x\\": 1, \\"B"}')).toEqual({ A: 'x": 1, "B' });
    expect(Object.keys(plainJsonObject('{"__proto__": {"A": 1}}')!)).toEqual(['__proto__']);
  });
});
