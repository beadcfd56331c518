/** Fuzzing in CI: arbitrary and mutated inputs keep every law (see test/fuzz/arbitraries.ts); `npm run fuzz` runs a million cases. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, byteMutation, checkLaws, fileName, requestTree, slowShape, tokenMutation } from './arbitraries.js';

/**
 * Budget of CPU time per lint: generous, and CPU rather than wall-clock time, so that other work on
 * a shared machine does not count against a case (bench/README.md); the long run uses the same.
 */
const LINT_BUDGET_MS = 2000;

function lawful(input: { name: string; text: string }): void {
  const started = process.cpuUsage();
  const problem = checkLaws(input);
  expect(problem, `${input.name}: ${JSON.stringify(input.text.slice(0, 200))}`).toBeUndefined();
  const used = process.cpuUsage(started);
  // checkLaws lints twice.
  expect((used.user + used.system) / 1000 / 2, `${input.name} took too long (${input.text.length} characters)`).toBeLessThan(LINT_BUDGET_MS);
}

describe('lint keeps its laws on', () => {
  it('arbitrary text, as each language', () => {
    fc.assert(fc.property(anyText, fileName, (text, name) => lawful({ name, text })), { numRuns: 300 });
  });

  it('character-level mutations of the examples', () => {
    fc.assert(fc.property(byteMutation, lawful), { numRuns: 300 });
  });

  it('token-level mutations of the examples', () => {
    fc.assert(fc.property(tokenMutation, lawful), { numRuns: 300 });
  });

  it('arbitrary JSON and YAML trees (prototype keys included)', () => {
    fc.assert(fc.property(requestTree, lawful), { numRuns: 300 });
  });

  it('long runs of one construct', () => {
    fc.assert(fc.property(slowShape(2000), lawful), { numRuns: 60 });
  });
});
