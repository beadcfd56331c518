/**
 * Words as users write them: one spelling rule (case-insensitive, `_` = `-`) and the project's
 * one did-you-mean, shared by the front ends, the check stage and the CLI.
 */
import { closest, distance } from 'fastest-levenshtein';

/** `only-files-transferred`, `ONLY_FILES_TRANSFERRED` and `Only_Files-Transferred` are one value. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/_/g, '-');
}

/** The kebab-case spelling of an API literal: `ONLY_FILES_TRANSFERRED` → `only-files-transferred`. */
export function kebab(literal: string): string {
  return normalizeWord(literal);
}

/** The nearest candidate when it is close enough to be a likely misspelling. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const w = normalizeWord(word);
  const best = closest(w, candidates as string[]);
  const d = distance(w, best);
  // Short words are close to everything: they need a nearer match to be a likely misspelling.
  const limit = w.length <= 3 ? 1 : Math.max(2, Math.floor(best.length / 3));
  if (d <= limit) return best;
  // Two swapped letters (`nsf` for `nfs`) cost 2 edits but are the commonest slip.
  return candidates.find((c) => isTransposition(w, normalizeWord(c)));
}

function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}
