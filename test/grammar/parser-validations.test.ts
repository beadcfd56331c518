import { describe, expect, it } from 'vitest';
import { DsiParser } from '../../src/grammar/parser.js';

describe('the grammar definition', () => {
  it("passes chevrotain's own validations (which the shared parser skips at start-up)", () => {
    // performSelfAnalysis throws on an ambiguous alternative, left recursion or a bad token reference.
    expect(() => new DsiParser({ validate: true })).not.toThrow();
  });
});
