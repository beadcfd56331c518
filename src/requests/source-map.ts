/**
 * The source map of a request file: one walk of the parsed tree records, per JSON Pointer,
 * the offsets of the member's key and value; lines and columns are computed on the first
 * lookup. The same table turns a rule's payload fix into text edits.
 */
import { yamlLibrary } from '../core/dependencies.js';
import type { TextEdit } from '../core/diagnostic.js';
import { parentPointer, parsePointer } from '../core/json-pointer.js';
import type { LineIndex } from '../core/range.js';
import type { PayloadFix, SourceMap, SourcePart } from '../core/source-map.js';
import type { Span } from './report.js';
import { countWork } from '../core/work.js';

/** The two request file formats. */
export type RequestFormat = 'json' | 'yaml';

/** What a value is, as far as editing its text goes. */
export type SourceNodeKind = 'object' | 'array' | 'scalar';

/** One value of the request file, by offsets. */
export interface SourceNode {
  readonly pointer: string;
  /** A YAML alias counts as a scalar: its text can be replaced, nothing can be added inside it. */
  readonly kind: SourceNodeKind;
  /** The value's span, without trailing spaces, comments or line breaks. */
  readonly start: number;
  end: number;
  /**
   * The member's key for an object member; the item itself for an array item; for the
   * root, its opening `{` (a YAML block mapping: its first key).
   */
  keyStart: number;
  keyEnd: number;
  /** A collection written in flow style (`{…}`, `[…]`): every JSON collection. */
  readonly flow: boolean;
  /** Inside a flow collection, where a plain YAML scalar may not hold `,[]{}`. */
  readonly inFlow: boolean;
  /** Members or items in source order, a repeated key included. */
  readonly children: SourceNode[];
  readonly parent?: SourceNode;
  /** The member's key, for members of an object. */
  readonly key?: string;
  /** False where editing the text would change more than this value (a YAML anchor or explicit tag). */
  readonly editable: boolean;
}

/** The pointer table a front end fills in one walk. */
export type SourceNodes = Map<string, SourceNode>;

/** Records `node` under its pointer (a later duplicate key replaces the earlier one, as in the payload) and in its parent. */
export function addSourceNode(nodes: SourceNodes, node: SourceNode): SourceNode {
  countWork('syntaxNodes');
  nodes.set(node.pointer, node);
  node.parent?.children.push(node);
  return node;
}

/** Drops `node` and what lies under it from the table (an earlier duplicate key, which the payload does not keep). */
export function forgetSourceNodes(nodes: SourceNodes, node: SourceNode): void {
  if (nodes.get(node.pointer) === node) nodes.delete(node.pointer);
  for (const child of node.children) forgetSourceNodes(nodes, child);
}

/** A source map over a pointer table; `lines` is shared with the diagnostics and built on first need, as the table may be. */
export function createRequestSourceMap(
  file: string,
  text: string,
  format: RequestFormat,
  nodesOf: () => SourceNodes,
  lines: () => LineIndex,
): SourceMap {
  // Whether a scalar's literal spells its string character for character (no escapes, one line),
  // found once per scalar: a filter of 100,000 patterns has a span for each of them.
  const plain = new Map<SourceNode, boolean>();
  const isPlain = (node: SourceNode, quoted: boolean): boolean => {
    let known = plain.get(node);
    if (known === undefined) {
      const body = quoted ? text.slice(node.start + 1, node.end - 1) : text.slice(node.start, node.end);
      known = !/[\\\r\n]/.test(body) && !(quoted && text[node.start] === "'" && body.includes("''"));
      plain.set(node, known);
    }
    return known;
  };
  return {
    get(pointer: string, part: SourcePart = 'value') {
      countWork('sourceMapLookups');
      const node = nodesOf().get(pointer);
      if (!node) return undefined;
      const range = part === 'key' ? lines().range(node.keyStart, node.keyEnd) : lines().range(node.start, node.end);
      return { file, range };
    },
    getSpan(pointer: string, start: number, end: number) {
      countWork('sourceMapLookups');
      const node = nodesOf().get(pointer);
      if (!node || node.kind !== 'scalar') return undefined;
      // Only where the literal spells the string character for character: no escapes, one line.
      const quoted = text[node.start] === '"' || text[node.start] === "'";
      const length = Math.max(0, node.end - node.start - (quoted ? 2 : 0));
      if (end > length || !isPlain(node, quoted)) return undefined;
      const at = node.start + (quoted ? 1 : 0);
      return { file, range: lines().range(at + start, at + end) };
    },
    edits(fix: PayloadFix): TextEdit[] | undefined {
      let spans: (Span & { text: string })[] | undefined;
      try {
        spans = planEdits(new TextEditor(text, format, nodesOf()), fix);
      } catch {
        // A value that cannot be written (a bigint, a function) means no safe edit.
        return undefined;
      }
      return spans?.map((s) => ({ file, range: lines().range(s.start, s.end), text: s.text }));
    },
  };
}

type Edit = Span & { text: string };

function planEdits(editor: TextEditor, fix: PayloadFix): Edit[] | undefined {
  const node = editor.nodes.get(fix.pointer);
  if (fix.remove) return node ? editor.remove(node) : undefined;
  if (fix.value === undefined) return undefined;
  if (node) return editor.replace(node, editor.valueText(fix.value, node.inFlow));
  if (fix.pointer === '') return undefined;
  const parent = editor.nodes.get(parentPointer(fix.pointer));
  if (!parent || parent.kind !== 'object' || !parent.editable) return undefined;
  const tokens = parsePointer(fix.pointer);
  return editor.insert(parent, tokens[tokens.length - 1], fix.value);
}

/** Text edits on one request file; every method returns undefined where no edit is safe. */
class TextEditor {
  private readonly eol: string;

  constructor(
    private readonly text: string,
    private readonly format: RequestFormat,
    readonly nodes: SourceNodes,
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  /** `value` written as the file's format writes it, on one line. */
  valueText(value: unknown, inFlow: boolean): string {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError('not a JSON value');
    if (this.format === 'json') return json;
    // In flow context a plain scalar may not hold `,[]{}`: quote strings there as JSON does (valid YAML 1.2).
    if (inFlow && typeof value === 'string') return json;
    const yaml = yamlLibrary().stringify(value, { lineWidth: 0, collectionStyle: 'flow' }).replace(/\r?\n$/, '');
    // A block scalar would need indentation of its own; JSON's one-line form is valid YAML too.
    return /[\r\n]/.test(yaml) ? json : yaml;
  }

  replace(node: SourceNode, text: string): Edit[] | undefined {
    if (!node.editable) return undefined;
    if (this.format === 'yaml') {
      if (!node.flow && node.kind !== 'scalar' && node.parent?.kind === 'object') {
        // A block collection starts on the line after its key, perhaps at the key's own column: put the new value after the key.
        return [{ start: node.keyEnd, end: node.end, text: ': ' + text }];
      }
      // An empty value sits right after its `:` or `-`.
      if (node.start === node.end && /[:\-?]/.test(this.text.charAt(node.start - 1))) text = ' ' + text;
    }
    return [{ start: node.start, end: node.end, text }];
  }

  remove(node: SourceNode): Edit[] | undefined {
    const parent = node.parent;
    if (!parent || !parent.editable || !node.editable) return undefined;
    const siblings = parent.children;
    // With the key given twice, removing one would bring the other back.
    if (node.key !== undefined && siblings.some((s) => s !== node && s.key === node.key)) return undefined;
    const i = siblings.indexOf(node);
    if (i < 0) return undefined;
    if (siblings.length === 1) {
      if (parent.flow) return [{ start: parent.start + 1, end: Math.max(parent.start + 1, parent.end - 1), text: '' }];
      return this.replace(parent, parent.kind === 'object' ? '{}' : '[]');
    }
    // Up to the next sibling's start: the separator (`,` or line break and indentation) goes with the member.
    if (i < siblings.length - 1) return [{ start: node.keyStart, end: siblings[i + 1].keyStart, text: '' }];
    const previous = siblings[i - 1];
    if (parent.flow) return [{ start: previous.end, end: node.end, text: '' }];
    return [{ start: this.lineEnd(previous.end), end: this.lineEnd(node.end), text: '' }];
  }

  insert(parent: SourceNode, key: string, value: unknown): Edit[] | undefined {
    const inFlow = parent.flow || parent.inFlow;
    const member = this.keyText(key, inFlow) + ': ' + this.valueText(value, inFlow);
    const children = parent.children;
    const last = children[children.length - 1];
    if (parent.flow) {
      if (!last) {
        if (this.text.charAt(parent.start) !== '{') return undefined;
        return [{ start: parent.start + 1, end: parent.start + 1, text: member }];
      }
      const indent = this.indentBefore(last.keyStart);
      const text = indent === undefined || this.format === 'yaml' ? ', ' + member : ',' + this.eol + indent + member;
      return [{ start: last.end, end: last.end, text }];
    }
    // A block mapping: a new line at the column of its keys.
    const first = children[0];
    if (!first) return undefined;
    const lineStart = this.lineStart(first.keyStart);
    const prefix = this.text.slice(lineStart, first.keyStart);
    if (!/^[ ]*(?:[-?][ ]+)*$/.test(prefix)) return undefined;
    const at = this.lineEnd(last.end);
    return [{ start: at, end: at, text: this.eol + ' '.repeat(prefix.length) + member }];
  }

  private keyText(key: string, inFlow: boolean): string {
    return this.valueText(key, inFlow);
  }

  /** The whitespace before `offset` when nothing else precedes it on its line. */
  private indentBefore(offset: number): string | undefined {
    const prefix = this.text.slice(this.lineStart(offset), offset);
    return /^[ \t]*$/.test(prefix) ? prefix : undefined;
  }

  private lineStart(offset: number): number {
    let i = offset;
    while (i > 0 && this.text.charAt(i - 1) !== '\n' && this.text.charAt(i - 1) !== '\r') i--;
    return i;
  }

  private lineEnd(offset: number): number {
    let i = offset;
    while (i < this.text.length && this.text.charAt(i) !== '\n' && this.text.charAt(i) !== '\r') i++;
    return i;
  }
}
