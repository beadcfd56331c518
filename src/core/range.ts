/**
 * One position convention for the whole project: offsets are 0-based UTF-16 code-unit
 * indices, lines and columns are 1-based (columns in UTF-16 code units, as editors and
 * SARIF count them), and a range's end is exclusive.
 */
import { countWork } from './work.js';

/** A point in a text file. */
export interface Position {
  /** 0-based UTF-16 offset into the text. */
  readonly offset: number;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units. */
  readonly column: number;
}

/** A span of text; `end` is exclusive. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A range in a named file. */
export interface SourceLocation {
  readonly file: string;
  readonly range: Range;
}

/**
 * Maps offsets to lines and columns for one text; built once per text, on first need.
 * Line breaks are `\n`, `\r\n` and a lone `\r`. An offset between the `\r` and the `\n`
 * of one break is placed at the `\r` (the end of its line), and a byte order mark is not a
 * column: the first character after it is column 1.
 */
export class LineIndex {
  private readonly lineStarts: number[];
  private readonly bom: boolean;
  /** The line of the last position found: look-ups mostly go forward through the text, a line or two at a time. */
  private near = 0;

  constructor(readonly text: string) {
    countWork('lineIndexChars', text.length);
    const starts = [0];
    if (text.indexOf('\r') === -1) {
      // Only `\n` breaks (most texts): indexOf finds them far faster than a loop over every character.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = starts;
    this.bom = text.charCodeAt(0) === 0xfeff;
  }

  /** The position of `offset`, clamped into the text (and out of the middle of a `\r\n`). */
  position(offset: number): Position {
    let o = Math.max(0, Math.min(offset, this.text.length));
    if (o > 0 && this.text.charCodeAt(o) === 10 && this.text.charCodeAt(o - 1) === 13) o--;
    // On the line of the last look-up, or the next one: no search.
    const line = this.holds(this.near, o) ? this.near : this.holds(this.near + 1, o) ? this.near + 1 : this.search(o);
    this.near = line;
    const column = o - this.lineStarts[line] + 1 - (line === 0 && this.bom && o > 0 ? 1 : 0);
    return { offset: o, line: line + 1, column };
  }

  /** True when offset `o` is on 0-based line `line`. */
  private holds(line: number, o: number): boolean {
    const starts = this.lineStarts;
    return line < starts.length && starts[line] <= o && (line + 1 === starts.length || o < starts[line + 1]);
  }

  /** The 0-based line of offset `o`, by binary search. */
  private search(o: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The range from `start` to `end` (exclusive). */
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** The offset where 1-based line `line` starts (the text's length past the last line). */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.text.length;
  }

  /** The text of 1-based line `line`, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line] ?? this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/** A range of zero length at the start of a text: where file-level problems point. */
export const START_OF_FILE: Range = {
  start: { offset: 0, line: 1, column: 1 },
  end: { offset: 0, line: 1, column: 1 },
};

/** The smallest range that covers both. */
export function cover(a: Range, b: Range): Range {
  return {
    start: a.start.offset <= b.start.offset ? a.start : b.start,
    end: a.end.offset >= b.end.offset ? a.end : b.end,
  };
}
