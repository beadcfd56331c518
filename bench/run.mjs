#!/usr/bin/env node
// `npm run bench`: every figure of issue 9's table, as ratios to bare node (or to the in-process
// floor) measured in the same run, medians of several runs. Writes bench/results.json and prints
// each figure against the committed baseline (bench/baseline.json) and its bar.
// Not a test: figures depend on the machine; the ratios are what compare across machines.
//   BENCH_QUICK=1   fewer runs and a smaller corpus (a smoke run)
//   --write-baseline   also writes bench/baseline.json from this run
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { writeCorpus } from './corpus.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const bin = join(root, 'dist', 'bin', 'dsi.cjs');
const quick = process.env.BENCH_QUICK === '1';
if (!existsSync(bin)) {
  console.error('bench: dist/bin/dsi.cjs is missing; run `npm run build` first');
  process.exit(2);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (ns) => Number(ns) / 1e6;

/** Wall time of a child process (ms), and its peak RSS (MiB) when asked. */
function timed(args, cwd, { rss = false, expect = [0, 1] } = {}) {
  const rssFile = rss ? join(tmpdir(), `dsi-bench-rss-${process.pid}`) : undefined;
  const env = { ...process.env, ...(rssFile ? { DSI_BENCH_RSS_FILE: rssFile } : {}), NO_COLOR: '1' };
  const argv = rss ? ['-r', join(here, 'rss.cjs'), ...args] : args;
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const wall = ms(process.hrtime.bigint() - start);
  if (!expect.includes(r.status)) throw new Error(`bench: node ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  let peak;
  if (rssFile) {
    peak = Number(readFileSync(rssFile, 'utf8')) / 1024;
    rmSync(rssFile, { force: true });
  }
  return { wall, peak };
}

/** Median wall time of `runs` runs of each command, interleaved so that load drifts hit all alike. */
function startups(commands, cwd, runs) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((c, k) => times[k].push(timed(c, cwd).wall));
  return times.map(median);
}

/** Time per call (µs) of `fn` over `n` calls. */
function perCall(fn, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn(i);
  return (ms(process.hrtime.bigint() - start) * 1000) / n;
}

/**
 * How many times slower `fn` is than `floor` per call: rounds of the two alternate (after a
 * warm-up of both), so that load drifts and garbage collection of one phase hit both alike, and
 * the median of the rounds' ratios is the figure. Also the median time per call of each (µs).
 */
function ratioToFloor(floor, floorCalls, fn, fnCalls, divisor = 1, rounds = 9) {
  for (let i = 0; i < 200; i++) floor(i);
  for (let i = 0; i < Math.min(fnCalls, 200); i++) fn(i);
  const floors = [];
  const ours = [];
  for (let r = 0; r < rounds; r++) {
    floors.push(perCall(floor, floorCalls));
    ours.push(perCall(fn, fnCalls) / divisor);
  }
  return { ratio: median(ours.map((t, r) => t / floors[r])), floor: median(floors), ours: median(ours) };
}

const dir = mkdtempSync(join(tmpdir(), 'dsi-bench-'));
const size = quick ? { files: 100, perFile: 10, requests: 200, waiverCount: 2000 } : { files: 1000, perFile: 10, requests: 1000, waiverCount: 8000 };
const corpus = writeCorpus(dir, size);
const figures = {};
const record = (id, value, unit, bar, goal, what) => {
  figures[id] = { value: Math.round(value * 1000) / 1000, unit, bar, goal, what };
};

try {
  // Start-up: ratios to `node -e 0` in the same run.
  const runs = quick ? 5 : 15;
  const small = join(dir, 'small');
  const [bare, json, version, help, dsi] = startups(
    [['-e', '0'], [bin, 'lint', 'one.datasync.json'], [bin, '--version'], [bin, '--help'], [bin, 'lint', 'one.dsi']],
    small,
    runs,
  );
  const [withDependents] = startups([[bin, 'lint', 'one.dsi']], dir, Math.max(3, Math.floor(runs / 3)));
  record('start.lint-json', json / bare, '× node', 1.5, 1.3, 'cold start, dsi lint one.datasync.json');
  record('start.version', version / bare, '× node', 1.5, 1.3, 'cold start, dsi --version');
  record('start.help', help / bare, '× node', 1.5, 1.3, 'cold start, dsi --help');
  record('start.lint-dsi', dsi / bare, '× node', 2.0, 1.5, 'cold start, dsi lint one.dsi');
  record('start.node', bare, 'ms', undefined, undefined, 'bare node -e 0 (the reference)');
  record('start.lint-dsi-dependents', withDependents / 1000, 's', undefined, undefined, `dsi lint one.dsi in the corpus: the dependents search reads ${corpus.intents / size.perFile + 3} .dsi files`);

  // Throughput in one process.
  const heavyRuns = quick ? 1 : 3;
  const many = (args, opts) => {
    const results = Array.from({ length: heavyRuns }, () => timed(args, dir, opts));
    return { wall: median(results.map((r) => r.wall)), peak: Math.max(...results.map((r) => r.peak ?? 0)) };
  };
  record('throughput.requests', many([bin, 'lint', 'requests']).wall / 1000, 's', 1.0, 0.5, `${corpus.requests} request files, one process`);
  const lintIntents = many([bin, 'lint', 'intents'], { rss: true });
  record('throughput.lint-intents', lintIntents.wall / 1000, 's', 3.0, 2.0, `${corpus.intents} intents importing one template, lint`);
  record('memory.lint-intents', lintIntents.peak, 'MiB', 150, 100, `peak RSS, lint of ${corpus.intents} intents`);
  // Into a new folder each run: every file is created. Each run has a folder of its own, none is
  // removed in between: on this kind of disk (ext4 with online discard), creating thousands of
  // files right after thousands were deleted costs several times more system time, whoever
  // creates them (a plain loop of writeFileSync too), which would measure the disk's backlog
  // rather than dsi. Then again over the same outputs, which are left alone when unchanged.
  // The disk's own share, in the same run: the same number of files written by a plain loop.
  const reference = [];
  const fresh = Array.from({ length: heavyRuns }, (_, run) => {
    reference.push(timed([join(here, 'write-reference.cjs'), join(dir, `reference-${run}`), String(corpus.intents)], dir).wall);
    return timed([bin, 'compile', 'intents', '--out', join(dir, `out-${run}`)], dir).wall;
  });
  const out = join(dir, 'out-0');
  record('throughput.compile-out', median(fresh) / 1000, 's', 4.0, 3.0, `compile --out of ${corpus.intents} intents into a new folder`);
  record('throughput.write-reference', median(reference) / 1000, 's', undefined, undefined, `the same ${corpus.intents} files written by a plain loop (the disk's share)`);
  record('throughput.compile-out-again', many([bin, 'compile', 'intents', '--out', out]).wall / 1000, 's', undefined, undefined, `compile --out again, ${corpus.intents} outputs already up to date`);
  record('throughput.waivers', many([bin, 'lint', 'waivers.dsi']).wall / 1000, 's', 1.0, undefined, `${size.waiverCount} waiver comments in one file`);
  record('throughput.big-file', many([bin, 'lint', 'big.dsi']).wall / 1000, 's', undefined, undefined, `lint of a 1 MiB .dsi file (${corpus.bigIntents} intents)`);

  // In process: per file against the floor of JSON.parse and the precompiled validator.
  const lib = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
  const validate = createRequire(import.meta.url)(join(root, 'dist', 'schema', 'validate-request.cjs'));
  const check = validate.validateRequest;
  const requestTexts = readdirSync(join(dir, 'requests')).slice(0, 200).map((f) => readFileSync(join(dir, 'requests', f), 'utf8'));
  const perRequest = ratioToFloor(
    (i) => check(JSON.parse(requestTexts[i % requestTexts.length])),
    2000,
    (i) => lib.lint(requestTexts[i % requestTexts.length], { filename: `r${i}.datasync.json` }),
    quick ? 200 : 1000,
  );
  record('inprocess.request', perRequest.ratio, '× floor', 6, 3, `per request file vs JSON.parse + the precompiled validator (${perRequest.ours.toFixed(1)} vs ${perRequest.floor.toFixed(1)} µs)`);
  const template = readFileSync(join(dir, 'template.dsi'), 'utf8');
  const batch = readFileSync(join(dir, 'intents', readdirSync(join(dir, 'intents'))[0]), 'utf8');
  const readFile = (p) => {
    if (p.endsWith('template.dsi')) return template;
    throw new Error(`bench: unexpected import ${p}`);
  };
  const payloadTexts = lib.compile(batch, { filename: 'intents/batch.dsi', readFile }).intents.map((i) => JSON.stringify(i.payload));
  const perIntent = ratioToFloor(
    (i) => check(JSON.parse(payloadTexts[i % payloadTexts.length])),
    2000,
    () => lib.lint(batch, { filename: 'intents/batch.dsi', readFile }),
    quick ? 20 : 100,
    size.perFile,
  );
  record('inprocess.intent', perIntent.ratio, '× floor', 30, 8, `per intent vs the same floor on its payload (${perIntent.ours.toFixed(1)} vs ${perIntent.floor.toFixed(1)} µs)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, quick, figures };
writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
if (process.argv.includes('--write-baseline')) writeFileSync(join(here, 'baseline.json'), JSON.stringify(results, null, 2) + '\n');
const baseline = existsSync(join(here, 'baseline.json')) ? JSON.parse(readFileSync(join(here, 'baseline.json'), 'utf8')) : undefined;

const rows = Object.entries(figures).map(([id, f]) => {
  const base = baseline?.figures?.[id]?.value;
  const vsBase = base ? `${(f.value / base).toFixed(2)}× baseline` : 'no baseline';
  const verdict = f.bar === undefined ? '' : f.value <= f.bar ? (f.goal !== undefined && f.value <= f.goal ? 'goal met' : 'bar met') : `MISSED by ${((f.value / f.bar - 1) * 100).toFixed(0)}%`;
  return [f.what, `${f.value} ${f.unit}`, f.bar === undefined ? '' : `bar ${f.bar}${f.goal !== undefined ? `, goal ${f.goal}` : ''}`, verdict, vsBase];
});
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
console.log(`\nnode ${process.version}, ${cpus().length} cores${quick ? ', quick run' : ''}; written to bench/results.json`);
