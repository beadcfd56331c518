/**
 * Fixes that compose: the fix loop of `dsi lint --fix`, for `.dsi` and request files alike.
 *
 * As ESLint's multipass does, fixes are applied pass after pass, each pass re-checking the files,
 * until nothing changes (at most {@link MAX_FIX_PASSES}). Two differences make fixes from several
 * rules safe together. Fixes whose edits touch the same place (two rules that each insert a
 * `verify`) form one group: identical fixes count once, and of different ones the first that,
 * applied alone, leaves none of the group's problems and brings no new error is applied; when none
 * does, none is applied and the conflict is reported. And a pass whose edits together bring a new
 * error is applied fix by fix instead, keeping only the fixes that bring none: a fix never
 * leaves a file worse than it found it.
 */
import { DiagnosticIds, type Diagnostic, type TextEdit } from '../core/diagnostic.js';
import { countWork, endStage, startStage } from '../core/work.js';

/** How many passes the loop makes at most. */
export const MAX_FIX_PASSES = 10;

/** What the fix loop needs of a check's result. */
export interface CheckedFile {
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Checks texts: `only` names the files to check (default all), the others are there for imports.
 * The results must cover the files checked, one entry per file or more.
 */
export type Relint<R extends CheckedFile> = (texts: ReadonlyMap<string, string>, only?: readonly string[]) => R[];

/** What {@link applyFixes} did. */
export interface FixOutcome<R extends CheckedFile> {
  /** The results of the last check, of the fixed texts. */
  readonly results: R[];
  /** Every text, fixed where fixes applied. */
  readonly texts: ReadonlyMap<string, string>;
  /** The files whose text changed, as first read and as fixed. */
  readonly fixed: ReadonlyMap<string, { readonly before: string; readonly after: string }>;
  /** One warning per place where the rules' fixes conflict and none satisfies them all. */
  readonly conflicts: readonly Diagnostic[];
}

/** Applies non-overlapping edits of one text (sorted here); an edit overlapping an earlier one is skipped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  countWork('fixEdits', edits.length);
  const sorted = [...edits].sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
  let out = '';
  let cursor = 0;
  for (const e of sorted) {
    if (e.range.start.offset < cursor) continue;
    out += text.slice(cursor, e.range.start.offset) + e.text;
    cursor = e.range.end.offset;
  }
  return out + text.slice(cursor);
}

/** One rule's fix in one file: the diagnostics that offer the same edits, and the edits. */
interface Candidate {
  readonly key: string;
  readonly edits: readonly TextEdit[];
  readonly diagnostics: Diagnostic[];
}

const editKey = (edits: readonly TextEdit[]) => JSON.stringify(edits.map((e) => [e.range.start.offset, e.range.end.offset, e.text]));

/** Two edits touch when their ranges overlap or they start at the same place (two insertions there). */
function touch(a: TextEdit, b: TextEdit): boolean {
  const [as, ae, bs, be] = [a.range.start.offset, a.range.end.offset, b.range.start.offset, b.range.end.offset];
  return as === bs || (as < be && bs < ae);
}

/**
 * The fixes of one file, grouped: candidates whose edits touch, directly or through others, are one
 * group. One sweep over the edits in offset order (not every pair: thousands of fixes in a file).
 */
function groupsOf(candidates: readonly Candidate[]): Candidate[][] {
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (i: number, j: number) => {
    parent[find(i)] = find(j);
  };
  const edits = candidates.flatMap((c, owner) => c.edits.map((edit) => ({ edit, owner })));
  countWork('fixEdits', edits.length);
  edits.sort((a, b) => a.edit.range.start.offset - b.edit.range.start.offset || a.edit.range.end.offset - b.edit.range.end.offset);
  // Every edit seen so far that ends past the current start touches it, and all of those are one
  // group already (they overlap each other): joining the one that reaches furthest joins them all.
  let furthest: (typeof edits)[number] | undefined;
  let previous: (typeof edits)[number] | undefined;
  for (const e of edits) {
    if (previous && touch(previous.edit, e.edit)) union(e.owner, previous.owner);
    if (furthest && touch(furthest.edit, e.edit)) union(e.owner, furthest.owner);
    if (!furthest || e.edit.range.end.offset > furthest.edit.range.end.offset) furthest = e;
    previous = e;
  }
  const groups = new Map<number, Candidate[]>();
  candidates.forEach((c, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(c));
  return [...groups.values()];
}

/** A problem as the loop compares them before and after a fix: where it is moves, what it says does not. */
const problemKey = (d: Diagnostic) => `${d.ruleId}\0${d.message}`;

function count(diagnostics: readonly Diagnostic[], keep: (d: Diagnostic) => boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of diagnostics) if (keep(d)) out.set(problemKey(d), (out.get(problemKey(d)) ?? 0) + 1);
  return out;
}

/** True when `after` has no error that `before` had not (as many times). */
function noNewError(before: readonly Diagnostic[], after: readonly Diagnostic[]): boolean {
  const was = count(before, (d) => d.severity === 'error');
  return [...count(after, (d) => d.severity === 'error')].every(([k, n]) => n <= (was.get(k) ?? 0));
}

/** True when each problem of `solved` is reported fewer times in `after` than in `before`. */
function solves(solved: readonly Diagnostic[], before: readonly Diagnostic[], after: readonly Diagnostic[]): boolean {
  const was = count(before, () => true);
  const now = count(after, () => true);
  return solved.every((d) => (now.get(problemKey(d)) ?? 0) < (was.get(problemKey(d)) ?? 0));
}

/**
 * Runs the fix loop over `texts`, starting from `results` (their check), re-checking with
 * `relint`. Fixes apply to any file whose text is in `texts`; never throws on their account.
 */
export function applyFixes<R extends CheckedFile>(
  texts: ReadonlyMap<string, string>,
  results: R[],
  relint: Relint<R>,
  options: { readonly maxPasses?: number } = {},
): FixOutcome<R> {
  const started = startStage();
  const current = new Map(texts);
  const fixed = new Map<string, { before: string; after: string }>();
  // The conflicts of the last pass: those of an earlier pass may have been settled since.
  let conflicts: Diagnostic[] = [];
  const diagnosticsOf = (file: string, of: readonly R[]) => of.flatMap((r) => r.diagnostics).filter((d) => d.file === file);
  const check = (file: string, text: string) => diagnosticsOf(file, relint(new Map([...current, [file, text]]), [file]));

  for (let pass = 0; pass < (options.maxPasses ?? MAX_FIX_PASSES); pass++) {
    const byFile = new Map<string, Map<string, Candidate>>();
    for (const d of results.flatMap((r) => r.diagnostics)) {
      const edits = d.fix?.edits ?? [];
      const file = edits[0]?.file;
      if (file === undefined || !current.has(file) || edits.some((e) => e.file !== file)) continue;
      const key = editKey(edits);
      const candidates = byFile.get(file) ?? byFile.set(file, new Map()).get(file)!;
      (candidates.get(key) ?? candidates.set(key, { key, edits, diagnostics: [] }).get(key)!).diagnostics.push(d);
    }
    let changed = false;
    conflicts = [];
    for (const [file, candidates] of byFile) {
      const text = current.get(file)!;
      const before = diagnosticsOf(file, results);
      const chosen: Candidate[] = [];
      for (const group of groupsOf([...candidates.values()])) {
        if (group.length === 1) {
          chosen.push(group[0]);
          continue;
        }
        const all = group.flatMap((c) => c.diagnostics);
        const winner = group.find((c) => {
          const after = check(file, applyEdits(text, c.edits));
          return solves(all, before, after) && noNewError(before, after);
        });
        if (winner) chosen.push(winner);
        else conflicts.push(conflict(all));
      }
      let next = applyEdits(text, chosen.flatMap((c) => c.edits));
      if (next !== text && !noNewError(before, check(file, next))) {
        // Together the fixes break something: keep each one that, with those kept so far, breaks nothing.
        const kept: Candidate[] = [];
        for (const c of chosen) {
          const tried = applyEdits(text, [...kept, c].flatMap((k) => k.edits));
          if (noNewError(before, check(file, tried))) kept.push(c);
        }
        next = applyEdits(text, kept.flatMap((k) => k.edits));
      }
      if (next === text) continue;
      fixed.set(file, { before: fixed.get(file)?.before ?? text, after: next });
      current.set(file, next);
      changed = true;
    }
    if (!changed) break;
    results = relint(current);
  }
  endStage('fix', started);
  return { results, texts: current, fixed, conflicts };
}

/** The warning for fixes of one place that conflict: at the first problem, naming each rule and what its fix would do. */
function conflict(diagnostics: readonly Diagnostic[]): Diagnostic {
  const first = diagnostics[0];
  const offers = [...new Map(diagnostics.map((d) => [`${d.ruleId}: ${d.fix!.description}`, d])).keys()];
  return {
    file: first.file,
    range: first.range,
    severity: 'warning',
    ruleId: DiagnosticIds.fixConflict,
    message: `the fixes offered here conflict (${offers.join('; ')}) and none of them alone satisfies every rule, so none was applied; fix this by hand`,
    related: diagnostics.slice(1).map((d) => ({ file: d.file, range: d.range, message: `${d.ruleId} also reports this` })),
  };
}
