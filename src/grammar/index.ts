/**
 * The grammar's public entry: `.dsi` text → AST and syntax diagnostics. Never throws.
 */
import { EOF, type ILexingError, type IRecognitionException, type IToken } from 'chevrotain';
import { compareDiagnostics, DiagnosticIds, type Diagnostic } from '../core/diagnostic.js';
import { LineIndex } from '../core/range.js';
import type { FileNode } from './ast.js';
import type { FileCstNode } from './cst.js';
import { dsiParser, type ParseProblem } from './parser.js';
import { toAst } from './to-ast.js';
import { dsiLexer } from './tokens.js';

export type * from './ast.js';

/** The result of `parse`: always a FileNode (partial where the text has errors), and every problem found. */
export interface ParseResult {
  readonly ast: FileNode;
  readonly diagnostics: Diagnostic[];
}

/** Parses one `.dsi` text named `file`; every syntax problem of the file is in `diagnostics`. */
export function parse(text: string, file: string): ParseResult {
  const lines = new LineIndex(text);
  const problems: ParseProblem[] = [];
  try {
    const lexed = dsiLexer.tokenize(text);
    dsiParser.input = lexed.tokens;
    const cst = dsiParser.file() as FileCstNode;
    problems.push(...dsiParser.problems, ...dsiParser.errors.map((e) => recognitionProblem(e, text)));
    problems.push(...lexed.errors.map((e) => lexingProblem(e, text)));
    const ast = toAst(cst, lines, (p) => problems.push(p));
    return { ast, diagnostics: toDiagnostics(problems, lines, file) };
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
    };
  } finally {
    // Let the token vector and the CST be collected between parses.
    dsiParser.input = [];
  }
}

function lexingProblem(e: ILexingError, text: string): ParseProblem {
  const chars = text.slice(e.offset, e.offset + e.length);
  const shown = chars.length > 20 ? `${chars.slice(0, 19)}…` : chars;
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
