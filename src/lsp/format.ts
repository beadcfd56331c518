/**
 * Formatting: the `dsi fmt` printer's canonical layout (the editor's tab settings do not change
 * it, as with gofmt), as one edit spanning the lines that differ. A file with syntax errors is
 * left as it is, as `dsi fmt` leaves it.
 */
import type { TextEdit } from 'vscode-languageserver';
import { formatText } from '../printer/format.js';
import { toLspRange } from './convert.js';
import type { OpenFile } from './workspace.js';

export function formatting(file: OpenFile): TextEdit[] {
  if (!file.isDsi) return [];
  // As you type, the printer's own check (a second parse) is left to dsi fmt and the property tests.
  const result = formatText(file.text, file.path, { verify: false });
  if (result.text === undefined || !result.changed) return [];
  const before = file.text;
  const after = result.text;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let common = 0;
  while (common < before.length - start && common < after.length - start && before[before.length - 1 - common] === after[after.length - 1 - common]) common++;
  // Whole lines, so that no edit splits a line break or a surrogate pair.
  // (lastIndexOf reads a negative position as 0, so the first line is its own case.)
  start = start === 0 ? 0 : Math.max(before.lastIndexOf('\n', start - 1), before.lastIndexOf('\r', start - 1)) + 1;
  let end = before.length - common;
  while (end < before.length && before[end] !== '\n' && before[end] !== '\r') end++;
  // Never between the two characters of a CRLF: past it instead (what follows is still common).
  if (end > 0 && before[end - 1] === '\r' && before[end] === '\n') end++;
  const tail = before.length - end;
  return [{ range: toLspRange(file.lines.range(start, end)), newText: after.slice(start, after.length - tail) }];
}
