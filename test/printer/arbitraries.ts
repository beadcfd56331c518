/** Generated `.dsi` files in messy layouts: the generated programs with comments, blank lines, `;` and odd indentation sprinkled in. */
import fc from 'fast-check';
import { program } from '../compiler/arbitraries.js';

const comment = fc.tuple(fc.constantFrom('#', '//', '# ', '// '), fc.stringMatching(/^[a-zA-Z0-9 ,.:é😀-]{0,20}$/)).map(([m, t]) => m + t);
const indent = fc.constantFrom('', ' ', '  ', '\t', '      ');

/** One text, re-laid out line by line: comments before and after lines, blank lines, indentation. */
export function messy(text: string): fc.Arbitrary<string> {
  const lines = text.split('\n');
  return fc
    .array(fc.record({ before: fc.option(comment, { nil: undefined }), after: fc.option(comment, { nil: undefined }), blank: fc.boolean(), indent, semi: fc.boolean() }), {
      minLength: lines.length,
      maxLength: lines.length,
    })
    .map((layout) =>
      lines
        .map((line, i) => {
          const l = layout[i];
          const trimmed = line.trim();
          // `;` only where a statement may end: after a word, string or size, never after `{`.
          const semi = l.semi && /["\w/]$/.test(trimmed) && !/^(intent|template|import)\b/.test(trimmed) ? ';' : '';
          const body = trimmed === '' ? '' : `${l.indent}${trimmed}${semi}${l.after !== undefined ? ` ${l.after}` : ''}`;
          return `${l.blank ? '\n' : ''}${l.before !== undefined ? `${l.indent}${l.before}\n` : ''}${body}`;
        })
        .join('\n'),
    );
}

/** A generated program (files by name) with every file laid out messily. */
export const messyProgram = program.chain((files) =>
  fc.record(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, messy(text)]))) as fc.Arbitrary<Record<string, string>>,
);
