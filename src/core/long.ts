/**
 * Whole numbers of the model's `long` type (`BytesPerSecond`): 64-bit signed integers. A payload
 * holds numbers as JavaScript does, and the AWS SDK for JavaScript writes them with
 * `JSON.stringify`, so a whole number past 2^53 can go out as other digits: 2^53+1 as
 * 9007199254740992, 2^60 as 1152921504606847000, 2^63−1 as 9223372036854776000 (more than a
 * `long` holds). dsi warns at such a value, saying what would be sent (docs/language.md).
 */

/** The smallest `long`. */
export const LONG_MIN = -(2n ** 63n);
/** The largest `long`. */
export const LONG_MAX = 2n ** 63n - 1n;

/** The digits `dsi compile` would write and `dsi start` would send for `value`, when they are not its own; else undefined. */
export function sentDigits(value: bigint): string | undefined {
  const sent = JSON.stringify(Number(value));
  return sent === value.toString() ? undefined : sent;
}

/** The warning for a whole number written as `written` (value `value`) in a `.dsi` file or a request file, that would go out as `sent`. */
export function inexactLongMessage(written: string, value: bigint, sent: string, member: string, from: 'dsi' | 'request'): string {
  const overflow = BigInt(sent) > LONG_MAX || BigInt(sent) < LONG_MIN;
  const how = from === 'dsi' ? '`dsi compile` writes it and `dsi start` sends it' : '`dsi start` sends it';
  return (
    `\`${written}\` cannot be sent exactly: past 2^53 not every whole number is a JavaScript number, so dsi would send ${sent} for ${member} (${how}${overflow ? '; that is more than a 64-bit whole number holds, so AWS would reject the request' : ''}), where botocore and the AWS CLI send ${value}; ` +
    `write at most ${Number.MAX_SAFE_INTEGER} (2^53−1) to send exactly what is written`
  );
}
