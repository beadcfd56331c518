/**
 * Baselines: the problems a team accepted when it adopted dsi (or a new policy), so that a run
 * reports only new ones. A problem is identified by file, intent (or request file), rule and
 * payload member — never by line — so unrelated edits do not bring it back; each identity has a
 * count, so two equal problems need two entries' worth of acceptance.
 */
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { identityKey, identityOf, type ProblemIdentity } from '../core/identity.js';
import type { FileResult } from '../core/result.js';
import { display } from '../files/inputs.js';

/** The version of the baseline file format written and read. */
export const BASELINE_VERSION = 1;

/**
 * The largest baseline file read (64 MiB): input files stop at 1 MiB, but a baseline records every
 * problem of a repository when it adopts dsi (10,000 problems are about 1.5 MB). A baseline
 * larger than this is not written either, so dsi never writes one it would refuse to read.
 */
export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/** One accepted problem and how many of it there were. */
export interface BaselineEntry extends ProblemIdentity {
  readonly count: number;
}

/** A baseline file: accepted problems, files relative to the baseline's own folder. */
export interface Baseline {
  readonly version: typeof BASELINE_VERSION;
  readonly problems: readonly BaselineEntry[];
}

/** A baseline file that cannot be used, with the reason. */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

/** The identity of `d` as a baseline at `baselinePath` records it (file relative to the baseline's folder). */
function identityFor(d: Diagnostic, cwd: string, baselinePath: string): ProblemIdentity {
  return identityOf(d, display(dirname(resolve(cwd, baselinePath)), resolve(cwd, d.file)));
}

/** The baseline of every problem in force in `results`. */
export function createBaseline(results: readonly FileResult[], cwd: string, baselinePath: string): Baseline {
  const counts = new Map<string, BaselineEntry>();
  for (const d of results.flatMap((r) => r.diagnostics)) {
    const id = identityFor(d, cwd, baselinePath);
    const key = identityKey(id);
    counts.set(key, { ...id, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  const problems = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
  return { version: BASELINE_VERSION, problems };
}

/** The baseline as the text of its file: one entry a line, sorted, so that diffs of it read well. */
export function formatBaseline(baseline: Baseline): string {
  const lines = baseline.problems.map((p) => `    ${JSON.stringify(p)}`);
  return `{\n  "version": ${baseline.version},\n  "problems": [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

/** Reads a baseline file's text; a malformed one is a {@link BaselineError} naming what is wrong. */
export function parseBaseline(text: string, shown: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`the baseline ${shown} is not JSON: ${(e as Error).message}`);
  }
  const fail = (what: string): never => {
    throw new BaselineError(`the baseline ${shown} ${what}; write it with \`dsi lint --write-baseline ${shown}\``);
  };
  if (!isObject(data)) return fail('is not a JSON object');
  if (data.version !== BASELINE_VERSION) return fail(`has version ${JSON.stringify(data.version)}, and this dsi reads version ${BASELINE_VERSION}`);
  if (!Array.isArray(data.problems)) return fail('has no "problems" list');
  const problems = data.problems.map((p: unknown, i: number): BaselineEntry => {
    const at = `problem ${i + 1}`;
    if (!isObject(p)) return fail(`has a ${at} that is not an object`);
    for (const key of ['file', 'ruleId'] as const) if (typeof p[key] !== 'string') fail(`has a ${at} without a string "${key}"`);
    for (const key of ['intent', 'pointer', 'message'] as const) if (p[key] !== undefined && typeof p[key] !== 'string') fail(`has a ${at} whose "${key}" is not a string`);
    if (!Number.isInteger(p.count) || (p.count as number) < 1) fail(`has a ${at} whose "count" is not a whole number of at least 1`);
    return p as unknown as BaselineEntry;
  });
  return { version: BASELINE_VERSION, problems };
}

/** The results without the problems the baseline accepts, and how many it accepted. */
export function applyBaseline(
  results: readonly FileResult[],
  baseline: Baseline,
  cwd: string,
  baselinePath: string,
): { readonly results: FileResult[]; readonly accepted: number } {
  const left = new Map<string, number>();
  for (const p of baseline.problems) left.set(identityKey(p), (left.get(identityKey(p)) ?? 0) + p.count);
  let accepted = 0;
  const kept = results.map((r) => ({
    ...r,
    diagnostics: r.diagnostics.filter((d) => {
      const key = identityKey(identityFor(d, cwd, baselinePath));
      const n = left.get(key) ?? 0;
      if (n === 0) return true;
      left.set(key, n - 1);
      accepted++;
      return false;
    }),
  }));
  return { results: kept, accepted };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
