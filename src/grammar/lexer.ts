/**
 * The `.dsi` lexer: chevrotain tokens for chevrotain's parser, read by a small lexer of our own
 * (chevrotain documents custom lexers: the parser needs only the token vector). chevrotain's own
 * `Lexer` analyses every pattern when it is built, a tenth of a cold `dsi lint one.dsi`; this one
 * reads the same token list (tokens.ts) and gives the same tokens, positions, comments and errors:
 * test/grammar/lexer.test.ts compares the two on every example and on generated text.
 *
 * Its rules are chevrotain's: at each offset the first token type in `allTokens` order that
 * matches wins, unless its `longer_alt` matches more; skipped tokens (white space, line breaks)
 * are dropped, comments go to their group; text no token matches is one error, up to the next
 * offset where some token matches.
 */
import { Lexer, type ILexingError, type ILexingResult, type IToken, type TokenType } from 'chevrotain';
import { allTokens } from './tokens.js';
import { dsiParser } from './parser.js';

/** How one token type is matched. */
interface Matcher {
  readonly type: TokenType;
  /** A one-character pattern, by its code. */
  readonly char?: number;
  /** A longer string pattern (a keyword): compared in place, no regular expression. */
  readonly string?: string;
  /** Any other pattern, sticky. */
  readonly regex?: RegExp;
  /** `false` for tokens that go to the parser, `'skip'` for skipped ones, else the group. */
  readonly group: false | 'skip' | string;
  readonly lineBreaks: boolean;
  longerAlt?: Matcher;
  /** The characters it can start with; undefined when any may (a pattern without a hint). */
  readonly starts?: ReadonlySet<number>;
}

const ASCII = 128;

/** The lexer, built on first use from the token list. */
export interface DsiLexer {
  tokenize(text: string): ILexingResult;
}

let lexer: DsiLexer | undefined;

/**
 * The one lexer. It builds the parser first: building the parser completes every token type's
 * category tables (tokens.ts attaches categories after `createToken`), which `tokenMatcher` reads.
 */
export function dsiLexer(): DsiLexer {
  if (!lexer) {
    dsiParser();
    lexer = createLexer(allTokens);
  }
  return lexer;
}

function createLexer(tokens: readonly TokenType[]): DsiLexer {
  const matchers: Matcher[] = [];
  const byType = new Map<TokenType, Matcher>();
  for (const type of tokens) {
    const pattern = type.PATTERN;
    if (pattern === Lexer.NA || pattern === undefined) continue;
    const group = type.GROUP === Lexer.SKIPPED ? 'skip' : typeof type.GROUP === 'string' ? type.GROUP : false;
    const hint = (type as { START_CHARS_HINT?: readonly (string | number)[] }).START_CHARS_HINT;
    let m: Matcher;
    if (typeof pattern === 'string') {
      const starts = new Set([pattern.charCodeAt(0)]);
      m =
        pattern.length === 1
          ? { type, char: pattern.charCodeAt(0), group, lineBreaks: false, starts }
          : { type, string: pattern, group, lineBreaks: false, starts };
    } else if (pattern instanceof RegExp) {
      const starts = hint ? new Set(hint.map((c) => (typeof c === 'string' ? c.charCodeAt(0) : c))) : undefined;
      m = { type, regex: new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}y`), group, lineBreaks: type.LINE_BREAKS === true, ...(starts ? { starts } : {}) };
    } else {
      throw new Error(`token ${type.name}: only string and regular expression patterns are supported`);
    }
    matchers.push(m);
    byType.set(type, m);
  }
  for (const m of matchers) {
    const alt = m.type.LONGER_ALT;
    if (alt) m.longerAlt = byType.get(Array.isArray(alt) ? alt[0] : (alt as TokenType));
  }
  // The matchers to try for a first character, in order: ASCII in a table, the rest on demand.
  const table: Matcher[][] = [];
  for (let c = 0; c < ASCII; c++) table.push(matchers.filter((m) => m.starts === undefined || m.starts.has(c)));
  const others = new Map<number, Matcher[]>();
  const candidates = (c: number): Matcher[] => {
    if (c < ASCII) return table[c];
    let list = others.get(c);
    if (!list) others.set(c, (list = matchers.filter((m) => m.starts === undefined || m.starts.has(c))));
    return list;
  };
  const lengthAt = (m: Matcher, text: string, offset: number): number => {
    if (m.char !== undefined) return text.charCodeAt(offset) === m.char ? 1 : -1;
    if (m.string !== undefined) return text.startsWith(m.string, offset) ? m.string.length : -1;
    m.regex!.lastIndex = offset;
    return m.regex!.test(text) ? m.regex!.lastIndex - offset : -1;
  };

  return {
    tokenize(text: string): ILexingResult {
      const tokens: IToken[] = [];
      const groups: Record<string, IToken[]> = {};
      for (const m of matchers) if (typeof m.group === 'string' && m.group !== 'skip') groups[m.group] = [];
      const errors: ILexingError[] = [];
      let offset = 0;
      let line = 1;
      let column = 1;
      while (offset < text.length) {
        let matched: Matcher | undefined;
        let length = -1;
        for (const m of candidates(text.charCodeAt(offset))) {
          length = lengthAt(m, text, offset);
          if (length === -1) continue;
          matched = m;
          const alt = m.longerAlt;
          if (alt) {
            const altLength = lengthAt(alt, text, offset);
            if (altLength > length) {
              matched = alt;
              length = altLength;
            }
          }
          break;
        }
        if (matched) {
          if (matched.group !== 'skip') {
            const token: IToken = {
              image: text.substring(offset, offset + length),
              startOffset: offset,
              endOffset: offset + length - 1,
              startLine: line,
              endLine: line,
              startColumn: column,
              endColumn: column + length - 1,
              tokenTypeIdx: matched.type.tokenTypeIdx!,
              tokenType: matched.type,
            };
            if (matched.group === false) tokens.push(token);
            else groups[matched.group].push(token);
          }
          if (matched.lineBreaks) {
            // Only line-break tokens hold \r or \n (tokens.ts says which, and the tests check it).
            // A `\r\n` is one break; the column restarts after the last break.
            const end = offset + length;
            let lineStart = -1;
            for (let i = offset; i < end; i++) {
              const c = text.charCodeAt(i);
              if (c === 13) {
                if (i + 1 < end && text.charCodeAt(i + 1) === 10) i++;
              } else if (c !== 10) continue;
              line++;
              lineStart = i + 1;
            }
            column = lineStart === -1 ? column + length : end - lineStart + 1;
          } else column += length;
          offset += length;
          continue;
        }
        // Nothing matches here: one error up to the next offset where something does.
        const start = offset;
        const startColumn = column;
        do offset++;
        while (offset < text.length && !candidates(text.charCodeAt(offset)).some((m) => lengthAt(m, text, offset) !== -1));
        const skipped = offset - start;
        column += skipped;
        errors.push({
          offset: start,
          line,
          column: startColumn,
          length: skipped,
          message: `unexpected character: ->${text.charAt(start)}<- at offset: ${start}, skipped ${skipped} characters.`,
        });
      }
      return { tokens, groups, errors };
    },
  };
}
