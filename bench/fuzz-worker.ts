/**
 * One worker of `npm run fuzz` (bench/fuzz.mjs bundles it): draws cases from test/fuzz/arbitraries.ts
 * in chunks of a seeded sample, checks the laws on each within a time budget (a watchdog stops a
 * case that hangs), and reports counts and the first failures to the parent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createContext, Script } from 'node:vm';
import fc from 'fast-check';
import { anyInput, checkLaws } from '../test/fuzz/arbitraries.js';
import { lint } from '../src/project/lint.js';

interface Job {
  readonly seed: number;
  readonly cases: number;
  readonly budgetMs: number;
  readonly maxRepeat: number;
}
const job = workerData as Job;
const CHUNK = 2000;
const context = createContext({ run: undefined as undefined | (() => void) });
const script = new Script('run()');

/** Every tenth case is also checked for the same output twice (checkLaws); the others are linted once. */
function quickLaws(input: { name: string; text: string }): string | undefined {
  const before = Object.getOwnPropertyNames(Object.prototype).length;
  const r = lint(input.text, { filename: input.name, readFile: () => { throw Object.assign(new Error('no imports'), { code: 'ENOENT' }); } });
  const internal = r.diagnostics.find((d) => d.ruleId === 'internal' || d.messageId === 'rule-failed');
  if (internal) return `internal error: ${internal.message}`;
  for (const d of r.diagnostics) {
    const text = r.sources.get(d.file);
    if (text !== undefined && (d.range.start.offset < 0 || d.range.end.offset > text.length || d.range.start.offset > d.range.end.offset || d.range.start.column < 1)) return `range outside the file: ${d.message}`;
  }
  if (Object.getOwnPropertyNames(Object.prototype).length !== before) return 'Object.prototype changed';
  return undefined;
}

let done = 0;
let failed = 0;
let slow = 0;
let slowest = 0;
const failures: { seed: number; index: number; problem: string; name: string; text: string }[] = [];
const arbitrary = anyInput(job.maxRepeat);
for (let chunk = 0; done < job.cases; chunk++) {
  const seed = job.seed + chunk;
  const inputs = fc.sample(arbitrary, { seed, numRuns: Math.min(CHUNK, job.cases - done) });
  inputs.forEach((input, index) => {
    let problem: string | undefined;
    const started = performance.now();
    context.run = () => {
      try {
        problem = done % 10 === 0 ? checkLaws(input) : quickLaws(input);
      } catch (e) {
        problem = `threw ${e instanceof Error ? e.stack : String(e)}`;
      }
    };
    try {
      script.runInContext(context, { timeout: job.budgetMs * 5 });
    } catch {
      problem = `hung: stopped after ${job.budgetMs * 5} ms`;
    }
    const took = performance.now() - started;
    slowest = Math.max(slowest, took);
    if (!problem && took > job.budgetMs) {
      slow++;
      problem = `took ${Math.round(took)} ms (budget ${job.budgetMs} ms) for ${input.text.length} characters`;
    }
    if (problem) {
      failed++;
      if (failures.length < 5) failures.push({ seed, index, problem: problem.slice(0, 500), name: input.name, text: input.text.slice(0, 300) });
    }
    done++;
  });
  parentPort!.postMessage({ type: 'progress', done });
}
parentPort!.postMessage({ type: 'done', done, failed, slow, slowest, failures });
