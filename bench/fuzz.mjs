#!/usr/bin/env node
// `npm run fuzz`: the long fuzz run of issue 12 (not part of `npm test`). Bundles bench/fuzz-worker.ts
// with esbuild and runs it in child processes; every case must keep the laws of test/fuzz/arbitraries.ts
// within a budget of CPU time per lint (see bench/README.md). Prints the seed first, so a failure can
// be reproduced.
//   FUZZ_CASES=1000000   how many cases in all (default one million)
//   FUZZ_SEED=n          the seed (default: the time); worker i uses seed + i * 1,000,000
//   FUZZ_WORKERS=2       worker processes (default 1: the machine is shared)
//   FUZZ_BUDGET_MS=2000  the budget of CPU time per lint of a case
//   FUZZ_HANG_MS=10000   the wall-clock watchdog per lint: a case still running then is stopped (a hang)
//   FUZZ_MAX_REPEAT=5000 the longest run of one construct
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cases = Number(process.env.FUZZ_CASES ?? 1_000_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const workers = Math.max(1, Number(process.env.FUZZ_WORKERS ?? 1));
const budgetMs = Number(process.env.FUZZ_BUDGET_MS ?? 2000);
const hangMs = Number(process.env.FUZZ_HANG_MS ?? 10_000);
const maxRepeat = Number(process.env.FUZZ_MAX_REPEAT ?? 5000);

console.log(`fuzz: seed ${seed}, ${cases} cases, ${workers} worker(s), budget ${budgetMs} ms of CPU per lint, stopped at ${hangMs} ms wall-clock, runs of up to ${maxRepeat}`);
const dir = mkdtempSync(join(tmpdir(), 'dsi-fuzz-'));
const bundle = join(dir, 'fuzz-worker.mjs');
await build({
  entryPoints: [join(root, 'bench', 'fuzz-worker.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  mainFields: ['module', 'main'],
  outfile: bundle,
  logLevel: 'error',
  define: { 'import.meta.dirname': JSON.stringify(join(root, 'test', 'fuzz')) },
  banner: { js: "import { createRequire as __dsiRequire } from 'node:module'; const require = __dsiRequire(import.meta.url);" },
  external: ['@aws-sdk/*', '@smithy/*'],
});

const started = performance.now();
const progress = new Array(workers).fill(0);
let lastPrint = 0;
const results = await Promise.all(
  Array.from({ length: workers }, (_, i) => {
    const share = Math.floor(cases / workers) + (i < cases % workers ? 1 : 0);
    return new Promise((resolve, reject) => {
      const w = fork(bundle, [JSON.stringify({ seed: seed + i * 1_000_000, cases: share, budgetMs, hangMs, maxRepeat })]);
      let result;
      w.on('message', (m) => {
        if (m.type === 'progress') {
          progress[i] = m.done;
          const now = performance.now();
          if (now - lastPrint > 30_000) {
            lastPrint = now;
            const total = progress.reduce((a, b) => a + b, 0);
            console.log(`fuzz: ${total} cases, ${Math.round((now - started) / 1000)} s`);
          }
        } else result = m;
      });
      w.on('exit', (code, signal) => (result ? resolve(result) : reject(new Error(`worker ${i} ended (${signal ?? code}) before reporting`))));
      w.on('error', reject);
    });
  }),
);
rmSync(dir, { recursive: true, force: true });
const seconds = (performance.now() - started) / 1000;
const total = results.reduce((n, r) => n + r.done, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const slow = results.reduce((n, r) => n + r.slow, 0);
const slowWall = results.reduce((n, r) => n + r.slowWall, 0);
const slowest = Math.max(...results.map((r) => r.slowest));
const slowestWall = Math.max(...results.map((r) => r.slowestWall));
console.log(
  `fuzz: ${total} cases, seed ${seed}, ${seconds.toFixed(0)} s, ${failed} failures (${slow} over the budget of CPU), slowest lint ${slowest.toFixed(0)} ms of CPU (${slowestWall.toFixed(0)} ms wall-clock)`,
);
for (const f of results.flatMap((r) => r.failures).slice(0, 10)) console.log(`  seed ${f.seed} case ${f.index} (${f.name}): ${f.problem}\n    ${JSON.stringify(f.text)}`);
// Not failures, but shown: a case the machine's load made slow in wall-clock time only.
console.log(`fuzz: ${slowWall} lints over ${budgetMs} ms wall-clock but within the CPU budget`);
for (const w of results.flatMap((r) => r.waited).slice(0, 10)) console.log(`  seed ${w.seed} case ${w.index} (${w.name}, ${w.length} characters): ${w.wallMs} ms wall-clock, ${w.cpuMs} ms CPU`);
process.exit(failed === 0 ? 0 : 1);
