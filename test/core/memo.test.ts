import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/core/memo.js';

describe('boundedMemo', () => {
  it('computes a key once, and starts over when full', () => {
    const calls: string[] = [];
    const length = boundedMemo((s: string) => (calls.push(s), s.length), 2);
    expect([length('a'), length('bb'), length('a'), length('bb')]).toEqual([1, 2, 1, 2]);
    expect(calls).toEqual(['a', 'bb']);
    length('ccc'); // full: forgets a and bb
    length('a');
    expect(calls).toEqual(['a', 'bb', 'ccc', 'a']);
  });
});
