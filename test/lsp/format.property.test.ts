/**
 * The formatting edit of `dsi lsp`: one edit over whole lines that, applied as an editor applies
 * it, gives exactly what `dsi fmt` prints, for generated programs in messy layouts (CRLF too).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../src/core/range.js';
import { formatting } from '../../src/lsp/format.js';
import type { OpenFile } from '../../src/lsp/workspace.js';
import { formatText } from '../../src/printer/format.js';
import { messyProgram } from '../printer/arbitraries.js';

const RUNS = 150;

function open(text: string): OpenFile {
  const document = TextDocument.create('file:///x.dsi', 'dsi', 1, text);
  return { uri: document.uri, path: '/x.dsi', document, version: 1, text, lines: new LineIndex(text), isDsi: true };
}

describe('formatting edits', () => {
  it(`apply to the printer's text, and touch only whole lines (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(messyProgram, fc.boolean(), (files, crlf) => {
        for (const raw of Object.values(files)) {
          const text = crlf ? raw.replace(/\n/g, '\r\n') : raw;
          const file = open(text);
          const edits = formatting(file);
          const expected = formatText(text, '/x.dsi').text!;
          expect(TextDocument.applyEdits(file.document, edits)).toBe(expected);
          expect(edits.length).toBeLessThanOrEqual(1);
          for (const e of edits) expect(e.range.start.character).toBe(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves a file with syntax errors as it is, and a formatted file without edits', () => {
    expect(formatting(open('intent a {\n  verify\n'))).toEqual([]);
    const formatted = formatText('intent a {verify none}', '/x.dsi').text!;
    expect(formatting(open(formatted))).toEqual([]);
  });
});
