/**
 * Every token of the `.dsi` language, in one place. The order of `allTokens` is the order in
 * which the lexer tries them; comments mark where that order matters.
 *
 * Keywords are contextual: each keyword token carries the `Word` category, so any grammar
 * position that takes a WORD (a name, a value) also takes a keyword (`intent off { }`).
 * Each keyword uses `longer_alt: Word`, so `logs` or `tasks` lex as one word.
 */
import { createToken as chevrotainToken, Lexer, type ITokenConfig, type TokenType } from 'chevrotain';
import { KEYWORDS } from '../language/vocabulary.js';

// ---------------------------------------------------------------------------------------------
// Categories (never matched by themselves)

/** Every keyword. */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA, label: 'a keyword' });
/** Keywords that start a statement in some block: a value on a later line may not be one of these. */
export const StatementKeyword = createToken({ name: 'StatementKeyword', pattern: Lexer.NA, label: 'a statement keyword' });
/** Keywords of the option statements (`verify none`, …): one rule reads them all. */
export const OptionKeyword = createToken({ name: 'OptionKeyword', pattern: Lexer.NA, label: 'an option keyword' });
/** The aspects of `report { }` that take a report level. */
export const ReportSettingKeyword = createToken({ name: 'ReportSettingKeyword', pattern: Lexer.NA, label: 'a report setting' });
/** A string, closed or not: an unclosed string still parses as a string, with its own diagnostic. */
export const StringLike = createToken({ name: 'StringLike', pattern: Lexer.NA, label: 'a string' });
/** What a NAME position takes: a word (keywords included) or a string. */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA, label: 'a name' });
/** What `bandwidth` takes: a size, a bare number (reported by the compiler) or a word (`unlimited`). */
export const SizeValue = createToken({ name: 'SizeValue', pattern: Lexer.NA, label: 'a size' });
/** What a policy assertion takes as a value: a word, a string, a number or a size. */
export const Operand = createToken({ name: 'Operand', pattern: Lexer.NA, label: 'a value' });
/** Every token but `}`: what the parser skips over in an unknown statement. */
export const AnyButRCurly = createToken({ name: 'AnyButRCurly', pattern: Lexer.NA, label: 'a token' });

/**
 * chevrotain's `createToken`, with the categories attached after. Building the lexer and the
 * parser computes every token's category tables anyway, over all tokens at once; computing them
 * at each `createToken` too walks every member of each category again, quadratic in the keywords
 * (each keyword is a `Word`). The tables are complete once the parser is built, which happens
 * before any token is read (see `NonAsciiWord` for the one token that keeps chevrotain's way).
 */
function createToken(config: ITokenConfig): TokenType {
  const { categories, ...rest } = config;
  const token = chevrotainToken(rest);
  if (categories !== undefined) token.CATEGORIES = Array.isArray(categories) ? categories : [categories];
  return token;
}

// ---------------------------------------------------------------------------------------------
// Start-up: chevrotain analyses each regular expression when the lexer is built, for the first
// characters it can start with and whether it can match a line break. Tokens say both up front
// (`start_chars_hint`, `line_breaks`), which saves that work on every start;
// test/grammar/lexical.test.ts checks the hints against chevrotain's own analysis.

/** The characters of `ranges` (`"az"` is a to z), one by one. */
function chars(...ranges: string[]): string[] {
  const out: string[] = [];
  for (const r of ranges) for (let c = r.charCodeAt(0); c <= r.charCodeAt(r.length - 1); c++) out.push(String.fromCharCode(c));
  return out;
}
const DIGITS = chars('09');
const LETTERS = chars('AZ', 'az');

// ---------------------------------------------------------------------------------------------
// Trivia

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\f\v\ufeff]+/, group: Lexer.SKIPPED, line_breaks: false, start_chars_hint: [' ', '\t', '\f', '\v', '\ufeff'] });
export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, group: Lexer.SKIPPED, line_breaks: true, start_chars_hint: ['\r', '\n'] });
/** Kept in their own group: the parser never sees them, `dsi fmt` and `dsi-ignore` read them (as java-parser keeps its comments). */
export const Comment = createToken({ name: 'Comment', pattern: /(?:#|\/\/)[^\r\n]*/, group: 'comments', line_breaks: false, start_chars_hint: ['#', '/'] });

// ---------------------------------------------------------------------------------------------
// Literals

/**
 * `"…"` on one line; escapes are checked when the AST is built (to point at the bad escape).
 * Written as an unrolled loop: an alternation repeated once per character makes V8's regex
 * engine recurse per character, and a 10 MB string overflowed the stack.
 */
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"[^"\\\r\n]*(?:\\[^\r\n][^"\\\r\n]*)*"/,
  line_breaks: false,
  start_chars_hint: ['"'],
  label: 'a string',
  categories: [StringLike, Name, Operand, AnyButRCurly],
});
/** A string that reaches the end of its line unclosed; must come after `StringLiteral`. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"[^"\\\r\n]*(?:\\[^\r\n][^"\\\r\n]*)*\\?/,
  line_breaks: false,
  start_chars_hint: ['"'],
  label: 'a string',
  categories: [StringLike, Name, Operand, AnyButRCurly],
});
/**
 * A size: number, optional spaces or tabs, unit exactly as written, optional `/s`; must come
 * before `NumberLiteral`, which would otherwise take its number. The look-ahead keeps
 * `100 Bytes` from lexing as `100 B` + `ytes`.
 */
export const SizeLiteral = createToken({
  name: 'SizeLiteral',
  // Units in any case are one token, so that `100 mib/s` gets one clear error from the compiler
  // ("write `MiB`") instead of a cascade.
  pattern: /\d+(?:_\d+)*(?:\.\d+)?[ \t]*(?:[kKmMgGtT][iI]?[bB]|[bB])(?:\/s)?(?![A-Za-z0-9_-])/,
  line_breaks: false,
  start_chars_hint: DIGITS,
  label: 'a size',
  categories: [SizeValue, Operand, AnyButRCurly],
});
/** An integer (`1_048_576`) or, in `set` values, any JSON number (`-1.5e3`). */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /-?\d+(?:_\d+)*(?:\.\d+)?(?:[eE][+-]?\d+)?/,
  line_breaks: false,
  start_chars_hint: ['-', ...DIGITS],
  label: 'a number',
  categories: [SizeValue, Operand, AnyButRCurly],
});

/** A WORD: names, values, and (through categories) every keyword. */
export const Word = createToken({ name: 'Word', pattern: /[A-Za-z][A-Za-z0-9_-]*/, line_breaks: false, start_chars_hint: LETTERS, label: 'a word', categories: [Name, SizeValue, Operand, AnyButRCurly] });

/**
 * A word with letters beyond ASCII (`naïve`): not a WORD, but read as one word so that the one
 * diagnostic ("write it in double quotes") is all the user sees. Letters, not spaces or
 * punctuation: the ranges leave out U+2000–U+2BFF (spaces, U+2028, symbols), surrogates and U+FEFF.
 * The ASCII part before the first such letter is bounded: the lexer tries this pattern at every
 * offset of text it cannot read, and an unbounded one rescanned a run of 200,000 `-` at each (42 s).
 *
 * It takes its category through chevrotain's own `createToken`, on purpose: the parser decides
 * whether any token has categories (and so which token matcher it uses) before it completes the
 * tables, so at least one token must have them already when the parser is built first.
 */
export const NonAsciiWord = chevrotainToken({
  name: 'NonAsciiWord',
  pattern: /[A-Za-z0-9_-]{0,256}[\u00AA-\u1FFF\u2C00-\uD7FF\uF900-\uFEFE\uFF00-\uFFEF][A-Za-z0-9_\u00AA-\u1FFF\u2C00-\uD7FF\uF900-\uFEFE\uFF00-\uFFEF-]*/,
  line_breaks: false,
  label: 'a word',
  categories: [Word],
});

// ---------------------------------------------------------------------------------------------
// Keywords: one token per word of the vocabulary table (src/language/vocabulary.ts), with the
// categories its rows give it. The grammar names the keywords it reads one by one below; the
// option keywords it reads only through `OptionKeyword`, so a new option needs no new line here.

/** The trailing modifiers of an assertion; a value position never takes them. */
export const AssertionModifier = createToken({ name: 'AssertionModifier', pattern: Lexer.NA, label: 'an assertion modifier' });

/** Every keyword token, in the vocabulary's order (a keyword before any keyword that is its prefix). */
export const keywordTokens: readonly TokenType[] = KEYWORDS.map((k) =>
  createToken({
    name: k.name,
    pattern: k.word,
    line_breaks: false,
    label: `\`${k.word}\``,
    longer_alt: Word,
    // `Word` brings its own categories (a name, a size value, an operand): chevrotain follows
    // categories transitively, and each category listed again is more work at every start.
    categories: [
      Keyword,
      Word,
      ...(k.statement ? [StatementKeyword] : []),
      ...(k.option ? [OptionKeyword] : []),
      ...(k.reportSetting ? [ReportSettingKeyword] : []),
      ...(k.modifier ? [AssertionModifier] : []),
    ],
  }),
);

const byWord = new Map(KEYWORDS.map((k, i) => [k.word, keywordTokens[i]]));

/** The token of a keyword of the vocabulary; a word that is none is a bug of the grammar, found at load. */
function keyword(word: string): TokenType {
  const token = byWord.get(word);
  if (!token) throw new Error(`\`${word}\` is not in the vocabulary (src/language/vocabulary.ts)`);
  return token;
}

// Top level.
export const Import = keyword('import');
export const Intent = keyword('intent');
export const Template = keyword('template');
export const Policy = keyword('policy');
export const Extends = keyword('extends');

// Declaration body (the option keywords are read through `OptionKeyword`).
export const Task = keyword('task');
export const Bandwidth = keyword('bandwidth');
export const Include = keyword('include');
export const Exclude = keyword('exclude');
export const Manifest = keyword('manifest');
export const Version = keyword('version');
export const Role = keyword('role');
export const Report = keyword('report');
export const Tag = keyword('tag');
export const SetKeyword = keyword('set');

// Task context.
export const Mode = keyword('mode');
export const From = keyword('from');
export const To = keyword('to');
export const LogGroup = keyword('log-group');
export const StorageClass = keyword('storage-class');

// Policy blocks. Contextual like every keyword: `intent limit { tag warn = "x" }` still parses.
export const When = keyword('when');
export const Require = keyword('require');
export const Forbid = keyword('forbid');
export const Limit = keyword('limit');
export const Because = keyword('because');
export const As = keyword('as');
export const Warn = keyword('warn');

// JSON literals in `set` values.
export const True = keyword('true');
export const False = keyword('false');
export const Null = keyword('null');

// ---------------------------------------------------------------------------------------------
// Punctuation

export const LCurly = createToken({ name: 'LCurly', pattern: '{', line_breaks: false, label: '`{`', categories: [AnyButRCurly] });
export const RCurly = createToken({ name: 'RCurly', pattern: '}', line_breaks: false, label: '`}`' });
export const LBracket = createToken({ name: 'LBracket', pattern: '[', line_breaks: false, label: '`[`', categories: [AnyButRCurly] });
export const RBracket = createToken({ name: 'RBracket', pattern: ']', line_breaks: false, label: '`]`', categories: [AnyButRCurly] });
export const Comma = createToken({ name: 'Comma', pattern: ',', line_breaks: false, label: '`,`', categories: [AnyButRCurly] });
export const Equals = createToken({ name: 'Equals', pattern: '=', line_breaks: false, label: '`=`', categories: [AnyButRCurly] });
export const Colon = createToken({ name: 'Colon', pattern: ':', line_breaks: false, label: '`:`', categories: [AnyButRCurly] });
export const Dot = createToken({ name: 'Dot', pattern: '.', line_breaks: false, label: '`.`', categories: [AnyButRCurly] });
export const Semicolon = createToken({ name: 'Semicolon', pattern: ';', line_breaks: false, label: '`;`', categories: [AnyButRCurly] });
/** Between the allowed values of a policy assertion: `require verify a | b`. */
export const Pipe = createToken({ name: 'Pipe', pattern: '|', line_breaks: false, label: '`|`', categories: [AnyButRCurly] });
// Two-character operators before their one-character prefixes.
export const Comparison = createToken({ name: 'Comparison', pattern: /<=|>=|==|!=|<|>/, line_breaks: false, start_chars_hint: ['<', '>', '=', '!'], label: 'a comparison', categories: [AnyButRCurly] });

/** The lexer's order. */
export const allTokens: TokenType[] = [
  // Trivia first: the most frequent, and `//` must win over anything else starting with `/`.
  WhiteSpace,
  Newline,
  Comment,
  // A closed string before an unclosed one: both start alike, and the closed one is the usual case.
  StringLiteral,
  UnterminatedString,
  // A size before a bare number: both start with the same digits.
  SizeLiteral,
  NumberLiteral,
  // A word with non-ASCII letters before the keywords and `Word`, which would take its ASCII head.
  NonAsciiWord,
  // Keywords before `Word`; each `longer_alt: Word` gives `tasks` to `Word`.
  ...keywordTokens,
  Word,
  LCurly,
  RCurly,
  LBracket,
  RBracket,
  Comma,
  Equals,
  Colon,
  Dot,
  Semicolon,
  Pipe,
  Comparison,
  // Categories last: they have no pattern, but the parser must know them.
  Keyword,
  StatementKeyword,
  OptionKeyword,
  ReportSettingKeyword,
  AssertionModifier,
  StringLike,
  Name,
  SizeValue,
  Operand,
  AnyButRCurly,
];

/**
 * chevrotain's lexer configuration for this token list: the tests build chevrotain's `Lexer`
 * with it (its definition checks, and as the reference our own lexer is compared with,
 * src/grammar/lexer.ts).
 */
export const lexerConfig = { positionTracking: 'full', ensureOptimizations: true } as const;
