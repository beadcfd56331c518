// Our lexer (src/grammar/lexer.ts) against chevrotain's own `Lexer` built from the same token
// list: the same tokens, positions, comments and errors, on every .dsi file of the repository and
// on generated text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Lexer, type ILexingResult, type IToken } from 'chevrotain';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dsiLexer } from '../../src/grammar/lexer.js';
import { allTokens, lexerConfig } from '../../src/grammar/tokens.js';
import { KEYWORDS } from '../../src/language/vocabulary.js';
import { codeBlocks, hasShared, languageMd, repoRoot } from '../helpers.js';

const reference = new Lexer(allTokens, lexerConfig);

const token = (t: IToken) => [t.tokenType.name, t.image, t.startOffset, t.endOffset, t.startLine, t.endLine, t.startColumn, t.endColumn, t.tokenTypeIdx];
const shape = (r: ILexingResult) => ({
  tokens: r.tokens.map(token),
  groups: Object.fromEntries(Object.entries(r.groups).map(([g, ts]) => [g, ts.map(token)])),
  errors: r.errors.map((e) => [e.offset, e.length, e.line, e.column, e.message]),
});

function sameAsChevrotain(text: string): void {
  expect(shape(dsiLexer().tokenize(text))).toEqual(shape(reference.tokenize(text)));
}

function dsiFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist') return [];
    return statSync(path).isDirectory() ? dsiFiles(path) : name.endsWith('.dsi') ? [path] : [];
  });
}

/** Pieces that matter to the lexer: keywords and their prefixes and extensions, literals, odd characters. */
const pieces = fc.oneof(
  fc.constantFrom(...KEYWORDS.map((k) => k.word)),
  fc.constantFrom(...KEYWORDS.map((k) => k.word)).map((w) => w.slice(0, -1)),
  fc.constantFrom(...KEYWORDS.map((k) => k.word)).map((w) => `${w}s`),
  fc.constantFrom(
    '{', '}', '[', ']', ',', '=', ':', '.', ';', '|', '<', '<=', '>', '>=', '==', '!=', '!', '~', "'", '@', '$', '`',
    '"a b"', '"a\\"b"', '"open', '"\\', '\\', '"', '#c', '// c', '/', '-', '_', '--x',
    '100 MiB/s', '100 mib', '12kb', '1_048_576', '-1.5e3', '0.5', '7 Bytes', '3B', '10 GiBx',
    'naïve', 'ü', 'x\u00e9y', '\u2028', '\ufeff', '😀', '\ud800', '\u0000', '\u200b',
    ' ', '  ', '\t', '\f', '\v', '\r\n', '\r', '\n', '\n\n',
  ),
  fc.string({ maxLength: 3, unit: 'binary' }),
);

describe('the .dsi lexer', () => {
  it('reads every .dsi file and every dsi block of the docs as chevrotain does', () => {
    const files = [...dsiFiles(join(repoRoot, 'examples')), ...dsiFiles(join(repoRoot, 'test'))];
    const docs = readdirSync(join(repoRoot, 'docs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => join(repoRoot, 'docs', f));
    const blocks = [...docs, ...(hasShared ? [languageMd] : [])].flatMap((md) => codeBlocks(readFileSync(md, 'utf8')).filter((b) => b.lang === 'dsi').map((b) => b.code));
    expect(files.length).toBeGreaterThan(5);
    expect(blocks.length).toBeGreaterThan(20);
    for (const f of files) sameAsChevrotain(readFileSync(f, 'utf8'));
    for (const b of blocks) sameAsChevrotain(b);
  });

  it('reads generated text as chevrotain does: tokens, positions, comments and errors', () => {
    fc.assert(fc.property(fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')), sameAsChevrotain), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ maxLength: 120, unit: 'binary' }), sameAsChevrotain), { numRuns: 200 });
  });

  it('keeps runs of unreadable text as one error each, with lines and columns after them right', () => {
    sameAsChevrotain('intent a {\n  ~~~ verify none\n\r\n  @@\n}\n');
    const { errors, tokens } = dsiLexer().tokenize('a ~~~ b\n@ c');
    expect(errors.map((e) => [e.offset, e.length, e.line, e.column])).toEqual([
      [2, 3, 1, 3],
      [8, 1, 2, 1],
    ]);
    expect(tokens.map((t) => [t.image, t.startLine, t.startColumn])).toEqual([
      ['a', 1, 1],
      ['b', 1, 7],
      ['c', 2, 3],
    ]);
  });
});
