/**
 * The fast path of JSON request files: `JSON.parse` is trusted only where the full reader (with
 * offsets) finds nothing wrong and reads the same value; everywhere else the full reader runs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJsonRequest, plainJsonObject } from '../../src/requests/json.js';
import { parseRequest } from '../../src/requests/index.js';

/** Keys and strings rich in what the fast path counts or must not be fooled by: `:`, quotes, backslashes. */
const tricky = fc.string({ unit: fc.constantFrom('A', ':', '"', '\\', '1', '.', ' '), maxLength: 6 });
const trickyValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, tricky, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(tricky, tie('value'), { maxKeys: 3 })),
})).value;

/** JSON text of an object, written compactly or indented, with keys that may repeat once written out by hand. */
const jsonText = fc
  .tuple(fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), tricky), fc.oneof(fc.jsonValue({ maxDepth: 3 }), trickyValue), { maxKeys: 6 }), fc.constantFrom(0, 2), fc.boolean())
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

  it('count colons, so a key written twice cannot hide behind colons in strings or keys', () => {
    expect(plainJsonObject('{"A": "a:b", "A": "c"}')).toBeUndefined();
    expect(plainJsonObject('{"A": "c", "A": "a:b"}')).toBeUndefined();
    expect(plainJsonObject('{"A:B": 1, "A:B": 2}')).toBeUndefined();
    expect(plainJsonObject('{"A": {"B": "x:y:z"}, "A": {"B": "x:y:z"}}')).toBeUndefined();
    // A \u escape can write a colon the text does not show: such text goes to the full reader.
    expect(plainJsonObject('{"A": "\\u003a", "A": 1}')).toBeUndefined();
    expect(plainJsonObject('{"A": "\\u0041"}')).toBeUndefined();
    expect(plainJsonObject('{"A": "a:b", "B:C": ["x:", ":y", 1, null]}')).toEqual({ A: 'a:b', 'B:C': ['x:', ':y', 1, null] });
  });

  it('leave to the full reader what nests deeper than the limit', () => {
    const nested = (n: number) => `{"A": ${'['.repeat(n)}${']'.repeat(n)}}`;
    expect(plainJsonObject(nested(63))).toBeDefined();
    expect(plainJsonObject(nested(64))).toBeUndefined();
    expect(plainJsonObject(nested(10_000))).toBeUndefined();
  });
});
