/** `Includes` / `Excludes`: every pattern of a block joined with `|` into one filter rule. */
import type { FilterNode, StringNode } from '../../grammar/ast.js';
import { cover } from '../../core/range.js';
import { DiagnosticIds } from '../../core/diagnostic.js';
import type { Setting, ValuePart, Write } from '../settings.js';
import { origin, type LowerSink } from './common.js';

/** Index of the first `|` not escaped by an odd run of backslashes, or -1. */
export function unescapedPipe(pattern: string): number {
  let backslashes = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '|' && backslashes % 2 === 0) return i;
    backslashes = c === '\\' ? backslashes + 1 : 0;
  }
  return -1;
}

function checkPattern(p: StringNode, kind: string, sink: LowerSink): boolean {
  if (p.value === '') {
    sink.report(DiagnosticIds.invalidValue, p.range, `empty \`${kind}\` pattern; write a path such as "/projects" or remove it`);
    return false;
  }
  if (unescapedPipe(p.value) >= 0) {
    const parts = p.value.split('|').filter((s) => s !== '');
    sink.report(
      DiagnosticIds.invalidValue,
      p.range,
      `an \`${kind}\` pattern may not contain \`|\`, which DataSync reads as the delimiter between patterns; ` +
        (parts.length > 1
          ? `write them as separate strings (${parts.map((s) => JSON.stringify(s)).join(' ')}), or `
          : '') +
        'write `\\\\|` for a literal pipe',
    );
    return false;
  }
  if (p.value.includes('\u0000')) {
    sink.report(DiagnosticIds.invalidValue, p.range, `an \`${kind}\` pattern may not contain the NUL character`);
    return false;
  }
  return true;
}

/** Where each pattern lands in the joined Value, so that a rule about one pattern points at its string. */
function partsOf(patterns: readonly StringNode[], file: string): ValuePart[] {
  let offset = 0;
  return patterns.map((p) => {
    const part = { start: offset, end: offset + p.value.length, location: { file, range: p.range } };
    offset = part.end + 1;
    return part;
  });
}

/**
 * All `include` (or `exclude`) statements of one block, as one setting. Several statements in a
 * block add up; a child's statements replace what it inherits.
 */
export function emitFilters(nodes: readonly FilterNode[], sink: LowerSink): Setting | undefined {
  const first = nodes[0];
  const member = first.kind === 'include' ? 'Includes' : 'Excludes';
  const patterns = nodes.flatMap((n) => n.patterns);
  const valid = patterns.filter((p) => checkPattern(p, first.kind, sink));
  if (valid.length !== patterns.length || patterns.length === 0) return undefined;
  const all = cover(patterns[0].range, patterns[patterns.length - 1].range);
  const head = origin(sink.file, first.range, first.keywordRange, all, first.kind);
  const valueOrigin = origin(sink.file, first.range, all, all, first.kind);
  const base = `/${member}`;
  const writes: Write[] = [
    { pointer: base, value: [], origin: head },
    { pointer: `${base}/0`, value: { FilterType: 'SIMPLE_PATTERN' }, origin: head },
    { pointer: `${base}/0/Value`, value: patterns.map((p) => p.value).join('|'), origin: valueOrigin, parts: partsOf(patterns, sink.file) },
  ];
  return { kind: 'write', key: base, origin: head, writes };
}
