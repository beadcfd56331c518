/**
 * One worker of `npm run fuzz` (bench/fuzz.mjs bundles it and runs it as a child process): draws
 * cases from test/fuzz/arbitraries.ts in chunks of a seeded sample, checks the laws on each within
 * a budget of CPU time per lint (a wall-clock watchdog stops a case that hangs), and reports counts
 * and the first failures to the parent.
 */
import { createContext, Script } from 'node:vm';
import fc from 'fast-check';
import { anyInput, checkLaws } from '../test/fuzz/arbitraries.js';
import { lint } from '../src/project/lint.js';

interface Job {
  readonly seed: number;
  readonly cases: number;
  readonly budgetMs: number;
  readonly hangMs: number;
  readonly maxRepeat: number;
}
const job = JSON.parse(process.argv[2]) as Job;
const send = (m: unknown) => new Promise<void>((done) => process.send!(m, undefined, undefined, () => done()));
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
let slowWall = 0;
let slowest = 0;
let slowestWall = 0;
const failures: { seed: number; index: number; problem: string; name: string; text: string }[] = [];
/** Cases over the budget in wall-clock time but not in CPU time: the machine's load, reported, not failed. */
const waited: { seed: number; index: number; name: string; length: number; wallMs: number; cpuMs: number }[] = [];
const arbitrary = anyInput(job.maxRepeat);
for (let chunk = 0; done < job.cases; chunk++) {
  const seed = job.seed + chunk;
  const inputs = fc.sample(arbitrary, { seed, numRuns: Math.min(CHUNK, job.cases - done) });
  inputs.forEach((input, index) => {
    let problem: string | undefined;
    // Every tenth case is linted twice (checkLaws); the budget is per lint.
    const lints = done % 10 === 0 ? 2 : 1;
    const startedCpu = process.cpuUsage();
    const started = performance.now();
    context.run = () => {
      try {
        problem = lints === 2 ? checkLaws(input) : quickLaws(input);
      } catch (e) {
        problem = `threw ${e instanceof Error ? e.stack : String(e)}`;
      }
    };
    try {
      script.runInContext(context, { timeout: job.hangMs * lints });
    } catch {
      problem = `hung: stopped after ${job.hangMs * lints} ms`;
    }
    const wall = (performance.now() - started) / lints;
    const used = process.cpuUsage(startedCpu);
    const cpu = (used.user + used.system) / 1000 / lints;
    slowest = Math.max(slowest, cpu);
    slowestWall = Math.max(slowestWall, wall);
    if (!problem && cpu > job.budgetMs) {
      slow++;
      problem = `took ${Math.round(cpu)} ms of CPU per lint (${Math.round(wall)} ms wall-clock; budget ${job.budgetMs} ms) for ${input.text.length} characters`;
    } else if (wall > job.budgetMs) {
      slowWall++;
      if (waited.length < 20) waited.push({ seed, index, name: input.name, length: input.text.length, wallMs: Math.round(wall), cpuMs: Math.round(cpu) });
    }
    if (problem) {
      failed++;
      if (failures.length < 5) failures.push({ seed, index, problem: problem.slice(0, 500), name: input.name, text: input.text.slice(0, 300) });
    }
    done++;
  });
  await send({ type: 'progress', done });
}
await send({ type: 'done', done, failed, slow, slowWall, slowest, slowestWall, failures, waited });
process.exit(0);
