/**
 * JSON request files, read with `jsonc-parser` (a tree with offsets, fault tolerant) but as
 * strictly as the AWS CLI reads them: `--cli-input-json` goes through Python's `json.loads`,
 * which rejects comments and trailing commas, so both are errors here too.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { DiagnosticIds } from '../core/diagnostic.js';
import { escapeToken } from '../core/json-pointer.js';
import { addSourceNode, forgetSourceNodes, type SourceNode, type SourceNodes } from './source-map.js';
import type { PendingDiagnostic } from './report.js';
import { duplicateKey, emptyFile, longProblem, notAnObject, setMember, type FrontEndResult } from './common.js';
import { shapeKind } from '../schema/index.js';
import { countWork } from '../core/work.js';
import { MAX_NESTING_DEPTH } from './limits.js';

type ErrorName = ReturnType<typeof printParseErrorCode>;

/** Parses a JSON request; the payload is left out when the text could not be read in full. */
export function parseJsonRequest(text: string): FrontEndResult {
  const nodes: SourceNodes = new Map();
  const pending: PendingDiagnostic[] = [];
  if (/^[\s\uFEFF]*$/.test(text)) return { nodes, pending: [emptyFile(text, 'json')] };

  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  let recoverable = true;
  const trailingCommas = new Set<number>();
  for (const e of errors) {
    const d = describeError(text, e, trailingCommas);
    if (!d) continue;
    if (!d.recoverable) recoverable = false;
    pending.push(d.diagnostic);
  }
  if (!tree) return { nodes, pending };

  const payload = build(text, tree, '', undefined, undefined, undefined, nodes, pending);
  const root = nodes.get('')!;
  if (tree.type !== 'object') {
    pending.push(notAnObject(root, 'json', tree.type));
    return { nodes, pending };
  }
  // The root's "key" is its opening brace: where file-level problems (a missing member) point.
  root.keyEnd = root.keyStart + 1;
  return { payload: recoverable ? payload : undefined, nodes, pending };
}

/**
 * The request, read by `JSON.parse`, when the full reader would find nothing wrong with it and
 * read the same value: an object, no key twice in one object, no number to look at closely (a
 * point, an exponent or more than 15 digits, which a whole-number member must not have or
 * JSON.parse would round), no deeper than {@link MAX_NESTING_DEPTH}. Undefined otherwise, and then
 * the full reader runs. Most request files pass, and their tree of offsets is built only when
 * something must be located.
 *
 * Keys written twice are found by counting `:` rather than by scanning the text character by
 * character (which cost most of a `JSON.parse` again). Outside strings JSON writes one `:` per
 * key, so the text holds (keys written) + (colons inside every string written); the value holds
 * (its members) + (colons inside the strings it kept). Without `\u` escapes a string keeps its
 * colons as written, and the value keeps a subset of the strings written, so the two counts are
 * equal only when no key was dropped, that is, written twice. Text with `\u` goes to the full reader.
 */
export function plainJsonObject(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if (text.includes('\\u') || CLOSE_NUMBER.test(text)) return undefined;
  const counted = membersAndColons(value, 1);
  return counted !== undefined && counted === colonsIn(text) ? (value as Record<string, unknown>) : undefined;
}

/**
 * A number written with a point, an exponent or 16 digits or more, or (only inside a string,
 * where it does no harm but to send the file to the full reader) something that looks like one.
 * Every JSON number follows `:`, `[` or `,`.
 */
const CLOSE_NUMBER = /[:[,][ \t\r\n]*-?(?:\d+[.eE]|\d{16})/;

/** How many `:` `text` holds. */
function colonsIn(text: string): number {
  let n = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) n++;
  return n;
}

/**
 * The members of a parsed value, keys and elements all the way down, plus the colons inside its
 * keys and strings; undefined when it nests deeper than the limit (the walk must not go so deep).
 */
function membersAndColons(value: unknown, depth: number): number | undefined {
  countWork('syntaxNodes');
  if (typeof value === 'string') return colonsIn(value);
  if (value === null || typeof value !== 'object') return 0;
  if (depth > MAX_NESTING_DEPTH) return undefined;
  let n = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      const inside = membersAndColons(item, depth + 1);
      if (inside === undefined) return undefined;
      n += inside;
    }
  } else {
    for (const key of Object.keys(value)) {
      const inside = membersAndColons((value as Record<string, unknown>)[key], depth + 1);
      if (inside === undefined) return undefined;
      n += 1 + colonsIn(key) + inside;
    }
  }
  return n;
}

/** Builds the value of `node` and its source nodes in one walk (depth was bounded before parsing). */
function build(
  text: string,
  node: JsonNode,
  pointer: string,
  parent: SourceNode | undefined,
  key: string | undefined,
  keyNode: JsonNode | undefined,
  nodes: SourceNodes,
  pending: PendingDiagnostic[],
): unknown {
  const start = node.offset;
  const end = node.offset + node.length;
  const kind = node.type === 'object' ? 'object' : node.type === 'array' ? 'array' : 'scalar';
  const source = addSourceNode(nodes, {
    pointer,
    kind,
    start,
    end,
    keyStart: keyNode ? keyNode.offset : start,
    keyEnd: keyNode ? keyNode.offset + keyNode.length : end,
    flow: kind !== 'scalar',
    inFlow: parent !== undefined,
    children: [],
    parent,
    key,
    editable: true,
  });
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      const seen = new Map<string, SourceNode>();
      for (const property of node.children ?? []) {
        const [k, v] = property.children ?? [];
        // A member without key or value is a syntax error, reported already.
        if (!k || typeof k.value !== 'string' || !v) continue;
        const name: string = k.value;
        const memberPointer = pointer + '/' + escapeToken(name);
        const earlier = seen.get(name);
        // The later member wins, in the payload and so in the source map.
        if (earlier) forgetSourceNodes(nodes, earlier);
        const value = build(text, v, memberPointer, source, name, k, nodes, pending);
        const member = nodes.get(memberPointer)!;
        if (earlier) pending.push(duplicateKey(name, member, earlier, 'json'));
        seen.set(name, member);
        setMember(object, name, value);
      }
      return object;
    }
    case 'array':
      return (node.children ?? []).map((item, i) => build(text, item, pointer + '/' + i, source, undefined, undefined, nodes, pending));
    case 'number': {
      const problem = shapeKind(pointer) === 'integer' ? longProblem(source, text.slice(start, end)) : undefined;
      if (problem) pending.push(problem);
      return node.value;
    }
    default:
      return node.value;
  }
}

/** One parse error as a diagnostic; undefined when it repeats one already given (a trailing comma yields two). */
function describeError(
  text: string,
  e: ParseError,
  trailingCommas: Set<number>,
): { diagnostic: PendingDiagnostic; recoverable: boolean } | undefined {
  const name: ErrorName = printParseErrorCode(e.error);
  const start = Math.min(e.offset, text.length);
  const end = Math.min(e.offset + e.length, text.length);
  const found = text.slice(start, end);
  const error = (message: string, recoverable = false, fix?: PendingDiagnostic['fix'], messageId: string = name) => ({
    diagnostic: { start, end, severity: 'error' as const, ruleId: DiagnosticIds.parseError, message, messageId, fix },
    recoverable,
  });

  if ((name === 'ValueExpected' || name === 'PropertyNameExpected') && (found === '}' || found === ']')) {
    let comma = start - 1;
    while (comma >= 0 && /\s/.test(text.charAt(comma))) comma--;
    if (text.charAt(comma) === ',') {
      if (trailingCommas.has(comma)) return undefined;
      trailingCommas.add(comma);
      const what = found === '}' ? 'member' : 'item';
      return {
        diagnostic: {
          start: comma,
          end: comma + 1,
          severity: 'error',
          ruleId: DiagnosticIds.parseError,
          messageId: 'trailingComma',
          message: `trailing comma after the last ${what}: JSON (and \`aws … --cli-input-json\`) allows none; remove the comma`,
          fix: { description: 'remove the trailing comma', edits: [{ start: comma, end: comma + 1, text: '' }] },
        },
        recoverable: true,
      };
    }
  }

  switch (name) {
    case 'InvalidCommentToken':
      return error(
        'comments are not allowed in a JSON request file (`aws … --cli-input-json` rejects them); remove the comment, or write the request as YAML, where `#` comments are allowed',
        true,
        { description: 'remove the comment', edits: [removeLineOrSpan(text, start, end)] },
        'comment',
      );
    case 'UnexpectedEndOfComment':
      return error('unterminated `/*` comment; JSON request files have no comments: remove it', false, undefined, 'comment');
    case 'InvalidSymbol':
      if (start === 0 && found === '\uFEFF') {
        return error(
          'the file starts with a byte order mark, which `aws … --cli-input-json` rejects; save the file as UTF-8 without BOM',
          true,
          { description: 'remove the byte order mark', edits: [{ start: 0, end: 1, text: '' }] },
          'byteOrderMark',
        );
      }
      if (found.startsWith("'")) return error(`JSON strings take double quotes: write "${found.replace(/^'|'$/g, '')}" instead of ${found}`);
      return error(
        `unexpected \`${abbreviate(found)}\`: JSON values are objects, arrays, strings in double quotes, numbers, \`true\`, \`false\` and \`null\``,
      );
    case 'InvalidNumberFormat':
      return error(`invalid number \`${abbreviate(found)}\`: write a whole number such as 1048576 or -1`);
    case 'PropertyNameExpected':
      return error(`expected a key in double quotes, such as "TaskArn", but found ${describeFound(found)}`);
    case 'ValueExpected':
      return error(`expected a value (a string in double quotes, a number, \`true\`, \`false\`, \`null\`, an object or an array), but found ${describeFound(found)}`);
    case 'ColonExpected':
      return error(`expected \`:\` between the key and its value, but found ${describeFound(found)}`);
    case 'CommaExpected':
      return error(`expected \`,\` before ${describeFound(found)}: members and items are separated by commas`);
    case 'CloseBraceExpected':
      return error(`expected \`}\` to close the object, but found ${describeFound(found)}`);
    case 'CloseBracketExpected':
      return error(`expected \`]\` to close the array, but found ${describeFound(found)}`);
    case 'EndOfFileExpected':
      return error(`unexpected ${describeFound(found)} after the end of the request: a request file holds exactly one JSON object`);
    case 'UnexpectedEndOfString':
      return error('unterminated string: close it with `"` on the same line (write a line break inside a string as \\n)');
    case 'UnexpectedEndOfNumber':
      return error(`incomplete number \`${abbreviate(found)}\`: write digits after the sign, point or exponent`);
    case 'InvalidUnicode':
      return error('invalid `\\u` escape: write exactly four hexadecimal digits, as in \\u00e9');
    case 'InvalidEscapeCharacter':
      return error('invalid escape in a string: JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX (write a backslash itself as \\\\)');
    case 'InvalidCharacter':
      return error('control character inside a string: write it as an escape such as \\t or \\u0001');
    default:
      return error(`invalid JSON (${name})`);
  }
}

function describeFound(found: string): string {
  return found === '' ? 'the end of the file' : `\`${abbreviate(found)}\``;
}

function abbreviate(s: string): string {
  return s.length > 40 ? s.slice(0, 37) + '…' : s;
}

/** The comment's span, widened to its whole line (and line break) when nothing else is on that line. */
function removeLineOrSpan(text: string, start: number, end: number): { start: number; end: number; text: string } {
  let lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let lineEnd = end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*$/.test(text.slice(end, lineEnd))) {
    const breakLength = text.startsWith('\r\n', lineEnd) ? 2 : lineEnd < text.length ? 1 : 0;
    return { start: lineStart, end: lineEnd + breakLength, text: '' };
  }
  return { start, end, text: '' };
}
