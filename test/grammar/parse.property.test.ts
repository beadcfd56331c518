import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '../../src/grammar/index.js';
import { LineIndex, type Position } from '../../src/core/range.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'language');
const example = readFileSync(join(fixtures, 'defaults.dsi'), 'utf8') + readFileSync(join(fixtures, 'nightly.dsi'), 'utf8');

/** parse never throws, always returns a File, and every diagnostic range is inside the text and consistent with it. */
function checkParse(text: string): void {
  const { ast, diagnostics } = parse(text, 'prop.dsi');
  expect(ast.type).toBe('File');
  const lines = new LineIndex(text);
  const consistent = (p: Position) => expect(p).toEqual(lines.position(p.offset));
  for (const d of diagnostics) {
    expect(d.file).toBe('prop.dsi');
    expect(0 <= d.range.start.offset && d.range.start.offset <= d.range.end.offset && d.range.end.offset <= text.length).toBe(true);
    consistent(d.range.start);
    consistent(d.range.end);
    expect(d.message.length).toBeGreaterThan(0);
  }
  // The parser can only fail by reporting: an internal error is a bug.
  expect(diagnostics.filter((d) => d.ruleId === 'internal')).toEqual([]);
}

type Edit = { kind: 'insert' | 'delete' | 'replace'; at: number; text: string };

/** Characters that matter to the grammar, so that mutations reach the interesting paths. */
const pieces = fc.constantFrom('{', '}', '[', ']', '"', '\\', '\n', ';', '=', ',', '.', ':', ' ', '#', '//', '\\u{', 'verify', 'intent', 'set A = ', '100 MiB/s', '-', '\r', '😀', '\uD800');
const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  at: fc.nat({ max: example.length }),
  text: fc.oneof(pieces, fc.string({ maxLength: 3, unit: 'binary' })),
});

function mutate(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = Math.min(e.at, out.length);
    if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.kind === 'delete') out = out.slice(0, at) + out.slice(at + Math.max(1, e.text.length));
    else out = out.slice(0, at) + e.text + out.slice(at + e.text.length);
  }
  return out;
}

describe('parse never throws, and its ranges are always inside the text', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), checkParse), { numRuns: 300 });
  });

  it('on arbitrary full-Unicode strings, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), checkParse), { numRuns: 300 });
  });

  it('on strings made of the language\'s own pieces', () => {
    fc.assert(fc.property(fc.array(pieces, { maxLength: 60 }).map((p) => p.join('')), checkParse), { numRuns: 300 });
  });

  it('on random mutations of the LANGUAGE.md example', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => checkParse(mutate(example, edits))), { numRuns: 500 });
  });
});
