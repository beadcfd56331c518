/**
 * Conversions from what users write to what the API takes: enum words, sizes, S3 addresses.
 * Each returns a value or a problem in plain words; the caller turns problems into diagnostics.
 */
import { kebab, normalizeWord, suggest } from '../core/words.js';
import { LONG_MAX } from '../core/long.js';
import { SIZE_UNITS as LANGUAGE_UNITS } from '../language/vocabulary.js';

export type Converted<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Matches `word` against API literals (`literals`), case-insensitively with `_` = `-`; `aliases`
 * maps extra kebab spellings to literals. What is called "did you mean" uses kebab spellings.
 */
export function matchEnum(
  word: string,
  literals: readonly string[],
  what: string,
  aliases: Readonly<Record<string, string>> = {},
  forWhat?: string,
): Converted<string> {
  const w = normalizeWord(word);
  const found = spellingsOf(literals).get(w);
  if (found !== undefined) return { ok: true, value: found };
  if (Object.hasOwn(aliases, w)) return { ok: true, value: aliases[w] };
  const spellings = [...literals.map(kebab), ...Object.keys(aliases)];
  const hint = suggest(word, spellings);
  return {
    ok: false,
    message:
      `unknown ${what} \`${word}\`${forWhat ? ` for ${forWhat}` : ''}` +
      (hint ? `; did you mean \`${hint}\`? Values:` : '; write one of:') +
      ` ${literals.map(kebab).join(', ')}`,
  };
}

const spellings = new WeakMap<readonly string[], ReadonlyMap<string, string>>();

/** Each literal by its kebab spelling (the first literal of a spelling wins), once per list: every statement matches a word. */
function spellingsOf(literals: readonly string[]): ReadonlyMap<string, string> {
  let found = spellings.get(literals);
  if (!found) {
    const byKebab = new Map<string, string>();
    for (const lit of literals) if (!byKebab.has(kebab(lit))) byKebab.set(kebab(lit), lit);
    spellings.set(literals, (found = byKebab));
  }
  return found;
}

const UNIT_FACTORS: Readonly<Record<string, bigint>> = Object.fromEntries(LANGUAGE_UNITS.map((u) => [u.unit, u.bytes]));

/** Units as the language writes them, for messages. */
const SYSTEM_ORDER = { byte: 0, SI: 1, IEC: 2 } as const;
export const SIZE_UNITS = [...LANGUAGE_UNITS].sort((a, b) => SYSTEM_ORDER[a.system] - SYSTEM_ORDER[b.system] || Number(a.bytes - b.bytes)).map((u) => u.unit);

/**
 * A size in whole bytes, computed exactly: `1.005` MB is 1005000, not a float's 1004999.99….
 * `number` is a non-negative decimal without `_`.
 */
export function sizeToBytes(number: string, unit: string): Converted<number> & { exact?: bigint } {
  const factor = Object.hasOwn(UNIT_FACTORS, unit) ? UNIT_FACTORS[unit] : undefined;
  if (factor === undefined) {
    const sameLetters = SIZE_UNITS.filter((u) => u.toLowerCase() === unit.toLowerCase());
    if (sameLetters.length > 0) {
      return { ok: false, message: `units are written exactly: \`${sameLetters[0]}\`${sameLetters.length > 1 ? ` (or \`${sameLetters[1]}\`)` : ''}, not \`${unit}\`` };
    }
    const hint = suggest(unit, SIZE_UNITS);
    return { ok: false, message: `unknown unit \`${unit}\`${hint ? `; did you mean \`${hint}\`?` : ''} Units: ${SIZE_UNITS.join(' ')}` };
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(number);
  if (!m) return { ok: false, message: `\`${number}\` is not a number; write e.g. \`100 MiB/s\`` };
  const fraction = m[2] ?? '';
  const scaled = BigInt(m[1] + fraction) * factor;
  const divisor = 10n ** BigInt(fraction.length);
  if (scaled % divisor !== 0n) {
    return {
      ok: false,
      message:
        unit === 'B'
          ? `${number} B is not a whole number of bytes; drop the decimals`
          : `${number} ${unit} is not a whole number of bytes (${formatRatio(scaled, divisor)} B); use a smaller unit or fewer decimals`,
    };
  }
  const bytes = scaled / divisor;
  if (bytes > LONG_MAX) {
    return {
      ok: false,
      message: `${number} ${unit} is ${bytes} bytes, more than a 64-bit whole number holds (at most ${LONG_MAX}); for no limit write \`unlimited\``,
    };
  }
  return { ok: true, value: Number(bytes), exact: bytes };
}

function formatRatio(n: bigint, d: bigint): string {
  const whole = n / d;
  const rest = n % d;
  const digits = (rest * 1000n) / d;
  return `${whole}.${digits.toString().padStart(3, '0')}…`;
}
