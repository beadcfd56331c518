/**
 * The `.dsi` source map: payload pointer → the statement that set it (through `extends` too),
 * plus `/@context/…` pointers for task context, and fixes rendered as edits of the `.dsi` text.
 */
import type { SourceLocation } from '../core/range.js';
import { LineIndex } from '../core/range.js';
import type { TextEdit } from '../core/diagnostic.js';
import type { PayloadFix, SourceMap, SourcePart } from '../core/source-map.js';
import { addAncestors, deleteAtOrBelow, type Origin, type ValuePart } from './settings.js';
import { bandwidthNode, jsonNode, optionNode } from '../printer/build.js';
import { jsonText, printStatement, printValue } from '../printer/print.js';
import type { BandwidthNode, DeclarationNode, OptionNode } from '../grammar/ast.js';
import { BANDWIDTH } from '../language/vocabulary.js';
import { countWork } from '../core/work.js';

/** One line index per text of a compile, shared by the source maps of all its intents: a fix per intent must not index the file again. */
const lineIndexes = new WeakMap<ReadonlyMap<string, string>, Map<string, LineIndex>>();

function linesOf(texts: ReadonlyMap<string, string>, file: string, text: string): LineIndex {
  let byFile = lineIndexes.get(texts);
  if (!byFile) lineIndexes.set(texts, (byFile = new Map()));
  let lines = byFile.get(file);
  if (!lines || lines.text !== text) byFile.set(file, (lines = new LineIndex(text)));
  return lines;
}


export class DsiSourceMap implements SourceMap {
  private readonly origins = new Map<string, Origin>();
  /** Every ancestor of every recorded pointer (see `deleteAtOrBelow`). */
  private readonly above = new Set<string>();

  /**
   * @param texts the text of every file, by name, for fixes
   * @param intent the compiled intent and its file, where new statements are inserted
   */
  constructor(
    private readonly texts: ReadonlyMap<string, string>,
    private readonly intent?: { readonly decl: DeclarationNode; readonly file: string },
  ) {}

  private readonly parts = new Map<string, readonly ValuePart[]>();

  /** Records a write at `pointer`; a write replaces whatever was recorded below it. */
  record(pointer: string, origin: Origin, replace: boolean): void {
    if (replace) {
      deleteAtOrBelow(this.origins, this.above, pointer);
      deleteAtOrBelow(this.parts as Map<string, unknown>, this.above, pointer);
    }
    addAncestors(this.above, pointer);
    this.origins.set(pointer, origin);
  }

  /** Records where each part of the string written at `pointer` came from. */
  recordParts(pointer: string, parts: readonly ValuePart[]): void {
    addAncestors(this.above, pointer);
    this.parts.set(pointer, parts);
  }

  getSpan(pointer: string, start: number, end: number): SourceLocation | undefined {
    countWork('sourceMapLookups');
    return this.parts.get(pointer)?.find((p) => p.start <= start && end <= p.end)?.location;
  }

  /** The origin of a pointer, if a statement set it directly. */
  origin(pointer: string): Origin | undefined {
    return this.origins.get(pointer);
  }

  private isOwn(o: Origin): boolean {
    if (!this.intent) return true;
    const { decl, file } = this.intent;
    return o.statement.file === file && o.statement.range.start.offset >= decl.range.start.offset && o.statement.range.end.offset <= decl.range.end.offset;
  }

  get(pointer: string, part: SourcePart = 'value'): SourceLocation | undefined {
    countWork('sourceMapLookups');
    const o = this.origins.get(pointer);
    return o && (part === 'key' ? o.key : o.value);
  }

  edits(fix: PayloadFix): TextEdit[] | undefined {
    const m = /^\/OverrideOptions\/([A-Za-z]+)$/.exec(fix.pointer);
    // Only the intent's own statements are edited: changing a template would change every intent that extends it.
    const found = this.origins.get(fix.pointer);
    const o = found && this.isOwn(found) ? found : undefined;
    if (fix.remove) {
      if (!o) return undefined;
      const text = this.texts.get(o.statement.file);
      if (text === undefined) return undefined;
      // Remove the whole line when the statement stands alone on it.
      const lines = linesOf(this.texts, o.statement.file, text);
      const { start, end } = o.statement.range;
      const lineStart = lines.lineStart(start.line);
      const before = text.slice(lineStart, start.offset);
      const after = /^[ \t]*(?:(?:#|\/\/).*)?(\r?\n|$)/.exec(text.slice(end.offset));
      if (/^[ \t]*$/.test(before) && after) {
        return [{ file: o.statement.file, range: lines.range(lineStart, end.offset + after[0].length), text: '' }];
      }
      return [{ file: o.statement.file, range: o.statement.range, text: '' }];
    }
    // Statements and values are written by the one printer, in the language's words; inside a `set` value, as JSON.
    if (o?.keyword === 'set') return [{ file: o.value.file, range: o.value.range, text: jsonText(jsonNode(fix.value)) }];
    if (typeof fix.value !== 'string' && typeof fix.value !== 'number') return undefined;
    const statement = m ? statementFor(m[1], fix.value) : undefined;
    if (o) return statement ? [{ file: o.value.file, range: o.value.range, text: printValue(statement) }] : undefined;
    // Not set yet: add a statement at the end of the intent's own block.
    if (!statement || !this.intent) return undefined;
    const text = this.texts.get(this.intent.file);
    if (text === undefined) return undefined;
    const { decl, file } = this.intent;
    const last = decl.body[decl.body.length - 1];
    const lines = linesOf(this.texts, this.intent.file, text);
    if (last) {
      const indent = /^[ \t]*/.exec(lines.lineText(last.range.start.line))![0];
      return [{ file, range: { start: last.range.end, end: last.range.end }, text: `\n${printStatement(statement, indent)}` }];
    }
    const close = decl.range.end.offset - 1;
    if (text[close] !== '}') return undefined;
    const pos = lines.position(close);
    return [{ file, range: { start: pos, end: pos }, text: ` ${printStatement(statement)} ` }];
  }
}

/** The option statement that sets `member` to `value`: `verify none`, `bandwidth 100 MiB/s`. */
function statementFor(member: string, value: string | number): OptionNode | BandwidthNode | undefined {
  if (typeof value === 'number') return member === BANDWIDTH.member ? bandwidthNode(value) : undefined;
  return optionNode(member, value);
}
