/**
 * The grammar's public entry: `.dsi` text → AST and syntax diagnostics. Never throws.
 */
import { EOF, type ILexingError, type IRecognitionException, type IToken } from 'chevrotain';
import { compareDiagnostics, DiagnosticIds, type Diagnostic } from '../core/diagnostic.js';
import { LineIndex, type Range } from '../core/range.js';
import type { CommentNode, FileNode } from './ast.js';
import { attachComments, commentNodes } from './comments.js';
import type { FileCstNode } from './cst.js';
import { dsiParser, type ParseProblem } from './parser.js';
import { toAst } from './to-ast.js';
import { dsiLexer } from './lexer.js';
import { countWork, endStage, startStage } from '../core/work.js';

export type * from './ast.js';

/** One token of the text as the lexer read it (comments are in {@link ParseResult.comments}). */
export interface SyntaxToken {
  /** The token's kind: `Word`, `StringLiteral`, `SizeLiteral`, `LCurly`, a keyword's name (`Verify`), … */
  readonly kind: string;
  /** The text of the token exactly as written. */
  readonly image: string;
  readonly range: Range;
}

/**
 * The result of `parse`: always a FileNode (partial where the text has errors), every problem
 * found, and what a formatter or an editor needs besides: the comments (also attached to the
 * nodes as `trivia`) and the tokens.
 */
export interface ParseResult {
  readonly ast: FileNode;
  readonly diagnostics: Diagnostic[];
  /** Every comment, in source order. */
  readonly comments: readonly CommentNode[];
  /** Every token but comments, in source order (built on first use). */
  readonly tokens: readonly SyntaxToken[];
}

/** Options of {@link parse}. */
export interface ParseOptions {
  /**
   * Attach the comments to the nodes (`trivia`), as a formatter or an editor needs; default
   * true. The compiler, which needs only the comments themselves, turns it off.
   */
  readonly trivia?: boolean;
}

/** Parses one `.dsi` text named `file`; every syntax problem of the file is in `diagnostics`. */
export function parse(text: string, file: string, options: ParseOptions = {}): ParseResult {
  const started = startStage();
  countWork('characters', text.length);
  const lines = new LineIndex(text);
  const problems: ParseProblem[] = [];
  try {
    const lexed = dsiLexer().tokenize(text);
    countWork('tokens', lexed.tokens.length + (lexed.groups.comments?.length ?? 0));
    const parser = dsiParser();
    parser.input = lexed.tokens;
    const cst = parser.file() as FileCstNode;
    problems.push(...parser.problems, ...parser.errors.map((e) => recognitionProblem(e, text)));
    problems.push(...lexed.errors.map((e) => lexingProblem(e, text)));
    const ast = toAst(cst, lines, (p) => problems.push(p));
    const comments = commentNodes(lexed.groups.comments ?? [], lines);
    if (options.trivia !== false) attachComments(ast, comments, text);
    return new ParsedFile(ast, toDiagnostics(problems, lines, file), comments, lexed.tokens, lines);
  } catch (error) {
    // A bug of ours, not of the file: say so, and keep what was found so far.
    const detail = error instanceof Error ? error.message : String(error);
    const internal: Diagnostic = {
      file,
      range: lines.range(0, 0),
      severity: 'error',
      ruleId: DiagnosticIds.internal,
      message: `internal error while parsing (${detail}); please report it with this file`,
    };
    return {
      ast: { type: 'File', items: [], range: lines.range(0, text.length) },
      diagnostics: [...toDiagnostics(problems, lines, file), internal],
      comments: [],
      tokens: [],
    };
  } finally {
    // Let the token vector and the CST be collected between parses.
    dsiParser().input = [];
    endStage('parse', started);
  }
}

/**
 * A parse result whose `tokens` are built on first read: most parses (compiling) never look at
 * them. A getter on the class, not one defined on each result: a getter defined per object lives
 * in the object's hidden class, which V8 keeps in the old generation, so every parse's tokens
 * would outlive the young generation and wait for a full collection (a third of the heap's
 * growth on 10,000 intents).
 */
class ParsedFile implements ParseResult {
  #built: SyntaxToken[] | undefined;
  #lexed: readonly IToken[] | undefined;
  #lines: LineIndex | undefined;

  constructor(
    readonly ast: FileNode,
    readonly diagnostics: Diagnostic[],
    readonly comments: readonly CommentNode[],
    lexed: readonly IToken[],
    lines: LineIndex,
  ) {
    this.#lexed = lexed;
    this.#lines = lines;
  }

  get tokens(): readonly SyntaxToken[] {
    if (!this.#built) {
      const lines = this.#lines!;
      this.#built = this.#lexed!.map((t) => ({ kind: t.tokenType.name, image: t.image, range: lines.range(t.startOffset, t.startOffset + t.image.length) }));
      this.#lexed = undefined;
      this.#lines = undefined;
    }
    return this.#built;
  }
}

function lexingProblem(e: ILexingError, text: string): ParseProblem {
  const chars = text.slice(e.offset, e.offset + e.length);
  const cut = chars.length > 20 ? `${chars.slice(0, 19)}…` : chars;
  // Control and format characters and lone surrogates would print as nothing or as �: name them.
  const shown = cut.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
  const hint = chars.startsWith("'")
    ? 'strings use double quotes: write `"…"`'
    : 'remove it, or write it inside a string (`"…"`) or after `#` in a comment';
  return { ruleId: 'syntax', message: `unexpected ${chars.length === 1 ? 'character' : 'characters'} \`${shown}\`; ${hint}`, start: e.offset, end: e.offset + e.length };
}

/** Chevrotain's errors point at the token found; at the end of the file, at the token before it. */
function recognitionProblem(e: IRecognitionException, text: string): ParseProblem {
  const previous = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
  const at = located(e.token) ? e.token : located(previous) ? previous : undefined;
  const start = at ? at.startOffset : text.length;
  const end = at ? at.endOffset! + 1 : text.length;
  return { ruleId: 'syntax', message: e.message, start, end };
}

function located(token: IToken | undefined): token is IToken {
  return token !== undefined && token.tokenType !== EOF && Number.isFinite(token.startOffset) && Number.isFinite(token.endOffset);
}

/** One diagnostic per problem: a second report at the same place (recovery echoing the first) is dropped. */
function toDiagnostics(problems: readonly ParseProblem[], lines: LineIndex, file: string): Diagnostic[] {
  const seen = new Set<number>();
  const out: Diagnostic[] = [];
  for (const p of problems) {
    const start = Math.max(0, Math.min(p.start, lines.text.length));
    const end = Math.max(start, Math.min(p.end, lines.text.length));
    if (seen.has(start)) continue;
    seen.add(start);
    out.push({ file, range: lines.range(start, end), severity: 'error', ruleId: p.ruleId, message: p.message });
  }
  return out.sort(compareDiagnostics);
}
