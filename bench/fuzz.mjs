#!/usr/bin/env node
// `npm run fuzz`: the long fuzz run of issue 12 (not part of `npm test`). Bundles bench/fuzz-worker.ts
// with esbuild and runs it in worker threads; every case must keep the laws of test/fuzz/arbitraries.ts
// within a per-case time budget. Prints the seed first, so a failure can be reproduced.
//   FUZZ_CASES=1000000   how many cases in all (default one million)
//   FUZZ_SEED=n          the seed (default: the time); worker i uses seed + i * 1,000,000
//   FUZZ_WORKERS=2       worker threads (default 1: the machine is shared)
//   FUZZ_BUDGET_MS=2000  the per-case budget; a case that takes five times that is stopped
//   FUZZ_MAX_REPEAT=5000 the longest run of one construct
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cases = Number(process.env.FUZZ_CASES ?? 1_000_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const workers = Math.max(1, Number(process.env.FUZZ_WORKERS ?? 1));
const budgetMs = Number(process.env.FUZZ_BUDGET_MS ?? 2000);
const maxRepeat = Number(process.env.FUZZ_MAX_REPEAT ?? 5000);

console.log(`fuzz: seed ${seed}, ${cases} cases, ${workers} worker(s), budget ${budgetMs} ms per case, runs of up to ${maxRepeat}`);
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
      const w = new Worker(bundle, { workerData: { seed: seed + i * 1_000_000, cases: share, budgetMs, maxRepeat } });
      w.on('message', (m) => {
        if (m.type === 'progress') {
          progress[i] = m.done;
          const now = performance.now();
          if (now - lastPrint > 30_000) {
            lastPrint = now;
            const total = progress.reduce((a, b) => a + b, 0);
            console.log(`fuzz: ${total} cases, ${Math.round((now - started) / 1000)} s`);
          }
        } else resolve(m);
      });
      w.on('error', reject);
    });
  }),
);
rmSync(dir, { recursive: true, force: true });
const seconds = (performance.now() - started) / 1000;
const total = results.reduce((n, r) => n + r.done, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const slow = results.reduce((n, r) => n + r.slow, 0);
const slowest = Math.max(...results.map((r) => r.slowest));
console.log(`fuzz: ${total} cases, seed ${seed}, ${seconds.toFixed(0)} s, ${failed} failures (${slow} over the budget), slowest case ${slowest.toFixed(0)} ms`);
for (const f of results.flatMap((r) => r.failures).slice(0, 10)) console.log(`  seed ${f.seed} case ${f.index} (${f.name}): ${f.problem}\n    ${JSON.stringify(f.text)}`);
process.exit(failed === 0 ? 0 : 1);
