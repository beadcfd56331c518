/**
 * The comments of a request file, as its format's own lexer reads them (a `#` inside a YAML
 * block scalar or a string is no comment): what `dsi-ignore` waivers are read from.
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { yamlLibrary } from '../core/dependencies.js';
import type { LineIndex } from '../core/range.js';
import type { SourceComment } from '../core/suppressions.js';
import type { RequestFormat } from './source-map.js';

/** The YAML lexer's markers that stand for no text of the source: document start, scalar start, flow error. */
const YAML_MARKERS = new Set(['\u0002', '\u001f', '\u0018']);

/** The comments of `text` in source order. */
export function requestComments(text: string, format: RequestFormat, lines: LineIndex): SourceComment[] {
  const found: { start: number; text: string }[] = [];
  if (format === 'yaml') {
    let offset = 0;
    for (const token of new (yamlLibrary().Lexer)().lex(text)) {
      if (YAML_MARKERS.has(token)) continue;
      if (token.startsWith('#')) found.push({ start: offset, text: token });
      offset += token.length;
    }
  } else {
    // JSON has no comments (they are reported), but a `// dsi-ignore` written anyway still reads as one.
    const scanner = createScanner(text, false);
    for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
      if (kind === SyntaxKind.LineCommentTrivia) found.push({ start: scanner.getTokenOffset(), text: text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength()) });
    }
  }
  return found.map(({ start, text: comment }) => {
    const before = lines.text.slice(lines.lineStart(lines.position(start).line), start);
    return { text: comment.replace(/\r$/, ''), ownLine: /^[ \t]*$/.test(before), range: lines.range(start, start + comment.replace(/\r$/, '').length) };
  });
}
