/**
 * Constraints §3.3 and §3.6: `|` only separates patterns; an empty pattern (`a||b`, a leading or
 * trailing `|`) is not a pattern. A literal pipe is written `\|`.
 */
import { createRule } from '../create-rule.js';
import { filterValues, splitPatterns } from '../filters.js';
import { MODEL, UG_FILTER } from '../sources.js';

export const filterPipeDelimiter = createRule({
  id: 'filter-pipe-delimiter',
  meta: {
    description: '`|` in a filter Value only separates patterns: no empty pattern from `||` or from a leading or trailing `|`.',
    // What DataSync does with an empty pattern is not documented: a warning, not an error.
    severity: 'warning',
    docs: { sources: [UG_FILTER(6), MODEL(3)] },
    messages: {
      leading:
        '{{list}} patterns start with `|`, which leaves an empty pattern (what DataSync does with one is undocumented): `|` only separates patterns; remove the leading `|` (a literal pipe is written {{pipe}})',
      trailing:
        '{{list}} patterns end with `|`, which leaves an empty pattern (what DataSync does with one is undocumented): `|` only separates patterns; remove the trailing `|` (a literal pipe is written {{pipe}})',
      empty:
        '{{list}} patterns have `||` at character {{at}}, an empty pattern between them (what DataSync does with one is undocumented): `|` only separates patterns; write one `|`',
    },
  },
  check({ payload, report, words }) {
    for (const f of filterValues(payload)) {
      if (f.value === '') continue; // an empty Value is the schema's finding
      const patterns = splitPatterns(f.value);
      if (patterns.length < 2) continue;
      const list = words.filterList(f.member);
      patterns.forEach((p, i) => {
        if (p.text !== '') return;
        const messageId = i === 0 ? 'leading' : i === patterns.length - 1 ? 'trailing' : 'empty';
        report({ pointer: f.pointer, messageId, data: { list, at: p.start, pipe: words.escaped('|') } });
      });
    }
  },
});
