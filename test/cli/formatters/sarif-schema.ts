/** The SARIF 2.1.0 schema check shared by the tests of every SARIF output. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import { expect } from 'vitest';

// The SARIF 2.1.0 schema (JSON Schema draft-04) as @microsoft/jest-sarif ships it; read from disk, never fetched.
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;

// RFC 3986 characters: unreserved, reserved, and `%` only as the start of an escape.
const URI_CHARS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const Ajv = AjvDraft04.default;
// unicodeRegExp off: this schema's `language` pattern has a stray `]` that only non-unicode regexps accept.
const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
// The schema names these formats; ajv has no built-in ones, so define them here rather than skip them.
ajv.addFormat('uri', (value: string) => URI_CHARS.test(value) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value));
ajv.addFormat('uri-reference', (value: string) => URI_CHARS.test(value));
ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i.test(value));
export const validate = ajv.compile(schema);

/** Asserts that `log` is a valid SARIF 2.1.0 log. */
export function expectValidSarif(log: unknown): void {
  const valid = validate(log);
  expect(ajv.errorsText(validate.errors), 'SARIF schema errors').toBe('No errors');
  expect(valid).toBe(true);
}
