/**
 * Counting work: each stage adds what it did (tokens lexed, rules called, source-map look-ups,
 * waivers examined…) to the counter of the run in progress, if any. With no counter active a
 * count is one comparison, so the stages count always; `lint({ stats: true })` and
 * `dsi lint --stats` turn a counter on, and the linear-work test compares the counts of a file
 * and of the same file doubled: every stage must do about twice the work, not more.
 */

/** The kinds of work counted, in pipeline order. */
export const WORK_KINDS = [
  /** Characters of text read by a front end (`.dsi` parses and request files): the size of the input. */
  'characters',
  /** Tokens the `.dsi` lexer produced, comments included. */
  'tokens',
  /** Syntax nodes built: `.dsi` statements and declarations, request-file values. */
  'syntaxNodes',
  /** Characters scanned to index the lines of a text. */
  'lineIndexChars',
  /** Imports followed and names put in scope while resolving `.dsi` files. */
  'scopeEntries',
  /** Settings handled while merging `extends` chains. */
  'settingsMerged',
  /** Values written into payloads (and into their source maps) by the `.dsi` compiler. */
  'payloadWrites',
  /** Payloads handed to the check stage. */
  'payloads',
  /** Rule checks run on a payload (built-in, policy and plugin rules). */
  'ruleCalls',
  /** Look-ups of a JSON Pointer (or a span of one) in a source map. */
  'sourceMapLookups',
  /** Filter patterns read by the rules (one per pattern of a joined filter value). */
  'filterPatterns',
  /** Waivers examined: read from comments, matched against a problem, judged as unused. */
  'waiverChecks',
  /** Diagnostics sorted and de-duplicated. */
  'diagnostics',
  /** Text edits applied by `--fix`. */
  'fixEdits',
] as const;

/** One kind of work: see {@link WORK_KINDS}. */
export type WorkKind = (typeof WORK_KINDS)[number];

/** How much of each kind of work a run did. */
export type WorkCounts = { [K in WorkKind]: number };

/** The timed stages of a lint run. */
export const WORK_STAGES = ['parse', 'resolve', 'emit', 'check', 'waivers', 'fix'] as const;

/** One timed stage: see {@link WORK_STAGES}. */
export type WorkStage = (typeof WORK_STAGES)[number];

/** What a run did and where its time went, as `lint({ stats: true })` and `dsi lint --stats` report it. */
export interface WorkStats {
  /** Work done, by kind. */
  readonly counts: WorkCounts;
  /** Milliseconds spent in each stage (a stage inside another counts in both). */
  readonly times: { readonly [S in WorkStage]: number };
}

interface Counter {
  counts: WorkCounts;
  times: Record<WorkStage, number>;
}

let active: Counter | undefined;

/** Adds `n` to the count of `kind` in the run being measured, if any. */
export function countWork(kind: WorkKind, n = 1): void {
  if (active !== undefined) active.counts[kind] += n;
}

/** True while a run is being measured (`lint({ stats: true })`, `dsi lint --stats`). */
export function isMeasuring(): boolean {
  return active !== undefined;
}

/** A start time for {@link endStage}, or 0 when nothing is measured (then nothing is timed). */
export function startStage(): number {
  return active === undefined ? 0 : performance.now();
}

/** Adds the time since `started` (from {@link startStage}) to `stage`. */
export function endStage(stage: WorkStage, started: number): void {
  if (active !== undefined && started !== 0) active.times[stage] += performance.now() - started;
}

/** True while some run is measured. */
export function measuring(): boolean {
  return active !== undefined;
}

/**
 * Runs `f` with a fresh counter and returns its result with what it did. Measurements nest: what
 * an inner one counts is added to the outer one too.
 */
export function measureWork<T>(f: () => T): { readonly value: T; readonly stats: WorkStats } {
  const outer = active;
  const mine: Counter = { counts: zeroCounts(), times: zeroTimes() };
  active = mine;
  try {
    const value = f();
    return { value, stats: { counts: { ...mine.counts }, times: { ...mine.times } } };
  } finally {
    active = outer;
    if (outer) addStats(outer, mine);
  }
}

/**
 * {@link measureWork} for asynchronous work (reading files): whatever else runs while it waits is
 * counted too, so measure one thing at a time.
 */
export async function measureWorkAsync<T>(f: () => Promise<T>): Promise<{ readonly value: T; readonly stats: WorkStats }> {
  const outer = active;
  const mine: Counter = { counts: zeroCounts(), times: zeroTimes() };
  active = mine;
  try {
    const value = await f();
    return { value, stats: { counts: { ...mine.counts }, times: { ...mine.times } } };
  } finally {
    active = outer;
    if (outer) addStats(outer, mine);
  }
}

/** The sum of several runs' stats. */
export function sumStats(all: readonly WorkStats[]): WorkStats {
  const sum: Counter = { counts: zeroCounts(), times: zeroTimes() };
  for (const s of all) addStats(sum, s);
  return sum;
}

function addStats(into: Counter, from: WorkStats): void {
  for (const k of WORK_KINDS) into.counts[k] += from.counts[k];
  for (const s of WORK_STAGES) into.times[s] += from.times[s];
}

function zeroCounts(): WorkCounts {
  return Object.fromEntries(WORK_KINDS.map((k) => [k, 0])) as WorkCounts;
}

function zeroTimes(): Record<WorkStage, number> {
  return Object.fromEntries(WORK_STAGES.map((s) => [s, 0])) as Record<WorkStage, number>;
}
