/**
 * Words as users write them: one spelling rule (case-insensitive, `_` = `-`) and the project's
 * one did-you-mean, shared by the front ends, the check stage and the CLI.
 */
import { distance } from 'fastest-levenshtein';

/** `only-files-transferred`, `ONLY_FILES_TRANSFERRED` and `Only_Files-Transferred` are one value. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/_/g, '-');
}

/** The kebab-case spelling of an API literal: `ONLY_FILES_TRANSFERRED` → `only-files-transferred`. */
export function kebab(literal: string): string {
  return normalizeWord(literal);
}

/** How two spellings are compared: case, `-`, `_` and spaces do not count (`VerifyMode` = `verify_mode`). */
function comparable(word: string): string {
  return word.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * The project's one did-you-mean: the candidate nearest to `word` when it is close enough to be
 * a likely misspelling (about one edit per three letters), two swapped letters, or else the
 * only candidate that starts with `word` (`errors` → `ERRORS_ONLY`). Returns the candidate as
 * given, so that callers suggest it in their own spelling.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const w = comparable(word);
  if (candidates.length === 0 || w === '') return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(w, comparable(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const b = comparable(best!);
  // Short words are close to everything: they need a nearer match to be a likely misspelling.
  const limit = w.length <= 3 ? 1 : Math.max(2, Math.floor(b.length / 3));
  if (bestDistance <= limit) return best;
  // Two swapped letters (`nsf` for `nfs`) cost 2 edits but are the commonest slip.
  const swapped = candidates.find((c) => isTransposition(w, comparable(c)));
  if (swapped !== undefined) return swapped;
  const starts = w.length >= 3 ? candidates.filter((c) => comparable(c).startsWith(w)) : [];
  return starts.length === 1 ? starts[0] : undefined;
}

function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}
