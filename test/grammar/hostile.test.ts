/**
 * Hostile characters in `.dsi` text (issue 12, "Hostile content", for the intent front end; request
 * files: test/requests/hostile.test.ts): NUL, lone surrogates, a byte order mark, CRLF and lone CR
 * line ends. Each gives at most one clear diagnostic, and every column stays inside its line.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/project/lint.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';

const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
const at = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`;

/** Every position of every diagnostic lies on its line: a column at most one past the line's last character. */
function columnsInsideLines(text: string, diagnostics: readonly Diagnostic[]): void {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (const d of diagnostics) {
    for (const p of [d.range.start, d.range.end]) {
      expect(p.line, d.message).toBeLessThanOrEqual(lines.length);
      expect(p.column, d.message).toBeLessThanOrEqual(lines[p.line - 1].length + 1);
    }
  }
}

describe('hostile characters in an intent', () => {
  it('NUL outside a string is one syntax error that names it; inside a filter pattern, an error at the pattern', () => {
    const bare = `intent a {\n task "${TASK}"\n\u0000\n}\n`;
    const r = lint(bare, { filename: 'a.dsi' });
    expect(r.diagnostics.map((d) => [d.ruleId, at(d), d.message])).toEqual([
      ['syntax', '3:1-3:2', 'unexpected character `<U+0000>`; remove it, or write it inside a string (`"…"`) or after `#` in a comment'],
    ]);
    const quoted = lint(`intent a {\n task "${TASK}"\n include "/a\u0000b"\n}\n`, { filename: 'a.dsi' });
    expect(quoted.diagnostics.map((d) => [d.ruleId, at(d), d.message])).toEqual([['invalid-value', '3:10-3:16', 'an `include` pattern may not contain the NUL character']]);
  });

  it('a lone surrogate outside a string is one syntax error that names it', () => {
    const text = `intent a {\n task "${TASK}"\n \uDC00\n}\n`;
    const r = lint(text, { filename: 'a.dsi' });
    expect(r.diagnostics.map((d) => [d.ruleId, at(d)])).toEqual([['syntax', '3:2-3:3']]);
    expect(r.diagnostics[0].message).toContain('`<U+DC00>`');
    columnsInsideLines(text, r.diagnostics);
  });

  it('a byte order mark is not a column; one in the middle of the text is white space', () => {
    const text = `\uFEFFintent a {\n task "${TASK}"\n verify nope\n}\n`;
    expect(lint(text, { filename: 'a.dsi' }).diagnostics.map((d) => [d.ruleId, at(d)])).toEqual([['unknown-value', '3:9-3:13']]);
    // On the first line too: the column counts from the first character after the mark.
    const line = `intent a { task "${TASK}"; verify nope }\n`;
    const first = lint(`\uFEFF${line}`, { filename: 'a.dsi' }).diagnostics;
    const column = line.indexOf('nope') + 1;
    expect(first.map((d) => at(d))).toEqual([`1:${column}-1:${column + 4}`]);
    // Elsewhere it is white space, as in JavaScript.
    expect(lint(`intent a {\n task "${TASK}"\n \uFEFF\n}\n`, { filename: 'a.dsi' }).diagnostics).toEqual([]);
  });

  it('CRLF and lone CR line ends give the same lines and columns as LF', () => {
    const lf = `intent a {\n task "${TASK}"\n verify nope\n}\n`;
    const expected = lint(lf, { filename: 'a.dsi' }).diagnostics.map(at);
    expect(expected).toEqual(['3:9-3:13']);
    for (const end of ['\r\n', '\r']) {
      const text = lf.replace(/\n/g, end);
      const r = lint(text, { filename: 'a.dsi' });
      expect(r.diagnostics.map(at), JSON.stringify(end)).toEqual(expected);
      columnsInsideLines(text, r.diagnostics);
    }
  });

  it('a CR inside a string ends the string there: one error on the string’s line, columns inside it', () => {
    const text = `intent a {\n task "${TASK}"\n include "/a\rb"\n}\n`;
    const r = lint(text, { filename: 'a.dsi' });
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'syntax', message: 'string is not closed on this line; add `"`' });
    expect(at(r.diagnostics[0])).toBe('3:10-3:13');
    columnsInsideLines(text, r.diagnostics);
  });
});
