/**
 * Hostile inputs for the fuzz properties (test/fuzz/*.property.test.ts) and the long run
 * (`npm run fuzz`): arbitrary text, byte- and token-level mutations of the examples, arbitrary
 * JSON/YAML trees, the slow shapes (long runs of one construct, deep and dense structures) and
 * CLI argument vectors; plus the laws every input must keep.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify as yamlStringify } from 'yaml';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { lint } from '../../src/project/lint.js';

const root = join(import.meta.dirname, '..', '..');

/** The example inputs: intents, request files and the language fixtures. */
export const SEEDS: readonly { name: string; text: string }[] = (() => {
  const out: { name: string; text: string }[] = [];
  const add = (dir: string, match: RegExp) => {
    for (const f of readdirSync(join(root, dir))) if (match.test(f)) out.push({ name: f, text: readFileSync(join(root, dir, f), 'utf8') });
  };
  add('examples', /\.dsi$/);
  add('examples/requests', /\.(json|ya?ml)$/);
  add('test/requests/fixtures', /\.(json|ya?ml)$/);
  return out;
})();

/** A file name for text, by its language. */
export const fileName = fc.constantFrom('a.dsi', 'r.json', 'r.yaml');

/** Arbitrary text: code units, code points, and characters that matter to the front ends. */
export const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...'{}[]():,"\'#/\\\n\r\t -=*&!|%@`\uFEFF\u0000\u2028\uD800\uDFFF'.split('')), maxLength: 200 }),
);

/** One edit of a text at the level of characters (code units). */
const byteEdit = fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.oneof(fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 }), fc.constantFrom('{', '}', '"', '\n', '\r', '\\', '\u0000', '\uD800')));

/** A seed with a few character-level edits (insert, delete, replace). */
export const byteMutation = fc.tuple(fc.constantFrom(...SEEDS), fc.array(byteEdit, { minLength: 1, maxLength: 6 })).map(([seed, edits]) => {
  let text = seed.text;
  for (const [at, del, ins] of edits) {
    const i = at % (text.length + 1);
    text = text.slice(0, i) + ins + text.slice(i + del);
  }
  return { name: seed.name, text };
});

const TOKEN = /\s+|[{}()[\],:"=|]|[^\s{}()[\],:"=|]+/g;

/** A seed with tokens deleted, duplicated or swapped. */
export const tokenMutation = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.constantFrom('delete', 'duplicate', 'swap', 'repeat'), fc.nat(), fc.nat()), { minLength: 1, maxLength: 5 }))
  .map(([seed, ops]) => {
    const tokens = seed.text.match(TOKEN) ?? [];
    for (const [op, a, b] of ops) {
      if (tokens.length === 0) break;
      const i = a % tokens.length;
      const j = b % tokens.length;
      if (op === 'delete') tokens.splice(i, 1);
      else if (op === 'duplicate') tokens.splice(i, 0, tokens[i]);
      else if (op === 'swap') [tokens[i], tokens[j]] = [tokens[j], tokens[i]];
      else tokens.splice(i, 0, ...Array.from({ length: 1 + (b % 20) }, () => tokens[i]));
    }
    return { name: seed.name, text: tokens.join('') };
  });

/** Arbitrary JSON trees written as JSON or YAML request files, some with the request's own member names. */
const memberName = fc.oneof(
  fc.constantFrom('TaskArn', 'OverrideOptions', 'BytesPerSecond', 'Includes', 'Excludes', 'FilterType', 'Value', 'Tags', 'Key', 'ManifestConfig', 'TaskReportConfig', '__proto__', 'constructor', 'prototype'),
  fc.string({ maxLength: 8 }),
);
const tree = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 20 }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(memberName, tie('value'), { maxKeys: 5 }),
  ),
})).value;
export const requestTree = fc.tuple(tree, fc.boolean()).map(([value, asYaml]) => {
  let text: string;
  try {
    text = asYaml ? yamlStringify(value) : JSON.stringify(value);
  } catch {
    text = JSON.stringify(value);
  }
  return { name: asYaml ? 'r.yaml' : 'r.json', text: text ?? 'null' };
});

/** The slow shapes: a construct repeated many times, and deep nesting. */
export function slowShape(maxRepeat: number): fc.Arbitrary<{ name: string; text: string }> {
  const snippet = fc.oneof(
    fc.constantFrom(
      '# dsi-ignore filter-leading-slash -- r\n',
      'intent a {\n}\n',
      'template t extends t {\n}\n',
      '-',
      '- ',
      '{',
      '[',
      '"',
      '\\',
      'set A.B.C = 1\n',
      'set Tags[0].Key = "k"\n',
      'tag k = "v"\n',
      'include "/a"\n',
      'import "./a.dsi"\n',
      '&a ',
      '*a ',
      'a: &a [*a]\n',
      '{"a":',
      '\r',
      '\uFEFF',
    ),
    fc.constantFrom(...SEEDS).chain((s) => fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, len]) => s.text.slice(at % s.text.length, (at % s.text.length) + len + 1))),
  );
  return fc.tuple(snippet, fc.integer({ min: 1, max: maxRepeat }), fileName, fc.constantFrom('', 'intent x {\n', 'TaskArn: x\n', '{"TaskArn": ')).map(([s, n, name, prefix]) => ({ name, text: prefix + s.repeat(n) }));
}

/**
 * Every case the long run draws from. Most are small, so that a million fit in minutes: arbitrary
 * text and trees cost a fraction of a millisecond, a mutated example a few, a long run of one
 * construct up to a second.
 */
export function anyInput(maxRepeat: number): fc.Arbitrary<{ name: string; text: string }> {
  return fc.oneof(
    { weight: 60, arbitrary: fc.tuple(anyText, fileName).map(([text, name]) => ({ name, text })) },
    { weight: 20, arbitrary: requestTree },
    { weight: 8, arbitrary: byteMutation },
    { weight: 8, arbitrary: tokenMutation },
    { weight: 1, arbitrary: slowShape(maxRepeat) },
  );
}

/** Where a diagnostic's ranges break the text's bounds, or undefined. */
export function rangeProblem(d: Diagnostic, sources: ReadonlyMap<string, string>): string | undefined {
  const places = [{ file: d.file, range: d.range }, ...(d.related ?? []), ...(d.fix?.edits ?? [])];
  for (const p of places) {
    const text = sources.get(p.file);
    if (text === undefined) continue;
    const { start, end } = p.range;
    if (!(start.offset >= 0 && start.offset <= end.offset && end.offset <= text.length)) return `offsets ${start.offset}-${end.offset} outside ${text.length}`;
    if (start.line < 1 || start.column < 1 || end.line < start.line) return `position ${start.line}:${start.column}-${end.line}:${end.column}`;
  }
  return undefined;
}

/**
 * Lints `input` twice and checks the laws: no exception, no internal error, every range inside
 * its file, the same output both times, Object.prototype untouched. Returns a problem or undefined.
 */
export function checkLaws(input: { name: string; text: string }): string | undefined {
  const before = Object.getOwnPropertyNames(Object.prototype).join(',');
  const options = { filename: input.name, readFile: () => { throw Object.assign(new Error('no imports in fuzzing'), { code: 'ENOENT' }); } };
  let first;
  let second;
  try {
    first = lint(input.text, options);
    second = lint(input.text, options);
  } catch (e) {
    return `threw ${e instanceof Error ? e.stack : String(e)}`;
  }
  const internal = first.diagnostics.find((d) => d.ruleId === 'internal' || d.messageId === 'rule-failed');
  if (internal) return `internal error: ${internal.message}`;
  for (const d of first.diagnostics) {
    const problem = rangeProblem(d, first.sources);
    if (problem) return `${d.ruleId} (${d.message}): ${problem}`;
  }
  if (JSON.stringify(first.diagnostics) !== JSON.stringify(second.diagnostics)) return 'different diagnostics for the same input';
  if (Object.getOwnPropertyNames(Object.prototype).join(',') !== before) return 'Object.prototype changed';
  return undefined;
}
