/**
 * Guards that run before a request file reaches a parser. Both parsers recurse once per
 * level of nesting, and `yaml`'s composer can exhaust the heap on deep block nesting
 * (10,000 nested `- ` aborts Node with an out-of-memory error that no `catch` sees), so
 * depth is measured with a linear, non-recursive scan first.
 */
import { yamlLibrary } from '../core/dependencies.js';

/**
 * Longest request file read, in UTF-16 code units (8 MiB). It must never refuse a request the
 * model allows: the largest holds two filters of 102,400 characters (model: `FilterValue`),
 * and written with every character an escaped surrogate pair (`\ud83d\ude00`, 12 characters)
 * they take 2,457,600; with every other member at its longest, escaped, about 2.7 MB. The
 * limit is three times that, so indentation and spacing never matter.
 */
export const MAX_REQUEST_LENGTH = 8 * 1024 * 1024;

/**
 * Deepest nesting accepted. A `StartTaskExecution` request nests at most four objects
 * (`TaskReportConfig.Destination.S3`), so 64 only ever stops files that are not requests.
 */
export const MAX_NESTING_DEPTH = 64;

/** `yaml`'s `maxAliasCount`: how far aliases may multiply a YAML request's size. */
export const MAX_YAML_ALIAS_COUNT = 32;

/**
 * Most aliases (`*name`) in one YAML request. `yaml` finds an alias's anchor by searching the
 * document, so many aliases cost quadratic time (14,000 took a minute); a request has a few
 * dozen values in all, so 100 only ever stops files that are not requests.
 */
export const MAX_YAML_ALIASES = 100;

/** The offset of the first alias past `limit` in YAML text, or -1 (one linear pass of `yaml`'s lexer). */
export function yamlAliasOverflow(text: string, limit: number = MAX_YAML_ALIASES): number {
  let offset = 0;
  let count = 0;
  let scalarNext = false;
  const { CST, Lexer } = yamlLibrary();
  for (const token of new Lexer().lex(text)) {
    if (token === CST.SCALAR) {
      scalarNext = true;
      continue;
    }
    if (token === CST.DOCUMENT || token === CST.FLOW_END) continue;
    if (!scalarNext && CST.tokenType(token) === 'alias' && ++count > limit) return offset;
    scalarNext = false;
    offset += token.length;
  }
  return -1;
}

/**
 * The offset of the first `[` or `{` that opens more than `limit` levels in JSON text, or -1.
 * Strings and comments are skipped exactly as `jsonc-parser`'s scanner skips them (a string
 * ends at its closing quote or at a line break), so what is counted is what it would parse.
 */
export function jsonDepthOverflow(text: string, limit: number = MAX_NESTING_DEPTH): number {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < n; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x22) break;
        if (s === 0x0a || s === 0x0d) break;
        if (s === 0x5c /* \ */) i++;
      }
    } else if (c === 0x2f /* / */) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x2f) {
        while (i < n && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
      } else if (next === 0x2a) {
        const close = text.indexOf('*/', i + 2);
        i = close < 0 ? n : close + 1;
      }
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return i;
    } else if ((c === 0x5d /* ] */ || c === 0x7d) /* } */ && depth > 0) {
      depth--;
    }
  }
  return -1;
}

interface FlowFrame {
  /** A `:` was seen since the last `,` (in a flow sequence this opens a one-pair mapping). */
  pair: boolean;
  /** `?` indicators since the last `,`. */
  keys: number;
}

interface BlockLevel {
  readonly indent: number;
  /** Depth reached on the latest line at this indentation: the parent depth of deeper lines. */
  depth: number;
  /** A mapping lives at this indentation (so a `- ` line here is a sequence inside it). */
  mapHere: boolean;
}

/**
 * The offset of the first token at which YAML text nests more than `limit` levels, or -1.
 * Runs `yaml`'s own lexer (iterative, linear), so quoting and block scalars are read exactly
 * as the parser reads them. The count is an upper bound of the composed depth: each line
 * adds its block indicators (`- `, `? `, `: `) to the depth of the nearest less-indented
 * line (or of the line before at the same indentation when that one ended with an indicator
 * or is a mapping above a `- ` line), and each flow collection adds one, plus one for an
 * implicit pair inside it.
 */
export function yamlDepthOverflow(text: string, limit: number = MAX_NESTING_DEPTH): number {
  const flows: FlowFrame[] = [];
  let flowExtra = 0;
  const blocks: BlockLevel[] = [];
  let line = 0;
  let offset = 0;
  let column = 0;
  let atLineStart = true;
  let scalarNext = false;
  let afterBlockHeader = false;

  // The last significant token was an indicator: a value may follow on the next line, even at the same indentation.
  let open = false;

  const enterLine = (indent: number, dash: boolean): number => {
    while (blocks.length > 0 && blocks[blocks.length - 1].indent > indent) blocks.pop();
    const top = blocks[blocks.length - 1];
    if (top && top.indent === indent) {
      top.mapHere ||= !dash;
      if (!open) top.depth = (blocks[blocks.length - 2]?.depth ?? 0) + (dash && top.mapHere ? 1 : 0);
      return top.depth;
    }
    const base = top?.depth ?? 0;
    blocks.push({ indent, depth: base, mapHere: !dash });
    return base;
  };
  const deeper = (): void => {
    line++;
    const top = blocks[blocks.length - 1];
    if (top) top.depth = line;
  };
  const closeFlowItem = (frame: FlowFrame): void => {
    flowExtra -= frame.keys + (frame.pair ? 1 : 0);
    frame.keys = 0;
    frame.pair = false;
  };

  const { CST, Lexer } = yamlLibrary();
  for (const token of new Lexer().lex(text)) {
    // Control tokens carry no source text.
    if (token === CST.DOCUMENT) continue;
    if (token === CST.FLOW_END) {
      flows.length = 0;
      flowExtra = 0;
      continue;
    }
    if (token === CST.SCALAR) {
      scalarNext = true;
      continue;
    }
    const start = offset;
    offset += token.length;
    const type = scalarNext ? 'scalar' : CST.tokenType(token);
    scalarNext = false;

    if (type === 'newline') {
      column = 0;
      atLineStart = true;
      continue;
    }
    if (atLineStart && (type === 'space' || type === 'byte-order-mark')) {
      column += token.length;
      continue;
    }
    if (atLineStart) {
      atLineStart = false;
      // A block scalar's content belongs to the line of its header.
      const content = !(type === 'scalar' && afterBlockHeader);
      if (content && type !== 'comment' && flows.length === 0) {
        if (type === 'doc-start' || type === 'doc-end' || type === 'directive-line') {
          blocks.length = 0;
          line = 0;
        } else {
          line = enterLine(column, type === 'seq-item-ind');
        }
      }
    }
    if (type === 'scalar') afterBlockHeader = false;
    if (type !== 'space' && type !== 'comment' && type !== 'anchor' && type !== 'tag') {
      open = type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind';
    }

    switch (type) {
      case 'block-scalar-header':
        afterBlockHeader = true;
        break;
      case 'seq-item-ind':
        // The lexer can emit `- ` even inside a broken flow collection; counting it there too only overestimates.
        deeper();
        break;
      case 'explicit-key-ind':
      case 'map-value-ind': {
        const frame = flows[flows.length - 1];
        if (!frame) deeper();
        else if (type === 'explicit-key-ind') {
          frame.keys++;
          flowExtra++;
        } else if (!frame.pair) {
          frame.pair = true;
          flowExtra++;
        }
        break;
      }
      case 'comma': {
        const frame = flows[flows.length - 1];
        if (frame) closeFlowItem(frame);
        break;
      }
      case 'flow-seq-start':
      case 'flow-map-start':
        flows.push({ pair: false, keys: 0 });
        break;
      case 'flow-seq-end':
      case 'flow-map-end': {
        const frame = flows.pop();
        if (frame) closeFlowItem(frame);
        break;
      }
    }
    if (line + flows.length + flowExtra > limit) return start;

    const nl = Math.max(token.lastIndexOf('\n'), token.lastIndexOf('\r'));
    if (nl < 0) column += token.length;
    else {
      column = token.length - nl - 1;
      atLineStart = column === 0;
    }
  }
  return -1;
}
