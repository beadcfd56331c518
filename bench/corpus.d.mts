// Types of bench/corpus.mjs, for the tests that reuse the bench's corpus (test/project/linear-work.test.ts).
/** A template shared by every intent, in its own file. */
export const TEMPLATE: string;
/** One intent that extends the template (numbered so names differ). */
export function intent(i: number): string;
/** One request file, as `--cli-input-json` takes it. */
export function request(i: number): string;
/** A file of `n` consecutive waivers above the line they excuse. */
export function waivers(n: number): string;
/** Writes the corpus into `dir`. */
export function writeCorpus(
  dir: string,
  size?: { files?: number; perFile?: number; requests?: number; waiverCount?: number },
): { intents: number; requests: number; bigIntents: number };
