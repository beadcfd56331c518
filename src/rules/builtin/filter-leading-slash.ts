/**
 * Constraints §3.5: patterns are relative to the source location's path; a folder directly under
 * it is named with a leading `/` (`/transfer_this`, not `transfer_this`).
 */
import { createRule } from '../create-rule.js';
import { filterValues, showPattern, spanOf, splitPatterns } from '../filters.js';
import { UG_FILTER } from '../sources.js';

export const filterLeadingSlash = createRule({
  id: 'filter-leading-slash',
  meta: {
    description: 'A filter pattern starts with `/` (a path from the source location) or, in an exclude, with `*`.',
    severity: 'warning',
    docs: { sources: [UG_FILTER(5)] },
    messages: {
      include:
        '{{list}} pattern {{pattern}} does not start with `/`: patterns are paths relative to the source location, and a folder directly under it is written with a leading `/`; write {{suggestion}}',
      exclude:
        '{{list}} pattern {{pattern}} does not start with `/` or `*`: patterns are paths relative to the source location; write {{suggestion}} for a path at the top, or {{anywhere}} for any depth',
    },
  },
  check({ payload, report, words }) {
    for (const f of filterValues(payload)) {
      for (const p of splitPatterns(f.value)) {
        // Empty patterns and include patterns that start with `*` are other rules' findings.
        if (p.text === '' || p.text.startsWith('/') || p.text.startsWith('*')) continue;
        report({
          pointer: f.pointer,
          span: spanOf(p),
          messageId: f.member === 'Includes' ? 'include' : 'exclude',
          data: { list: words.filterList(f.member), pattern: showPattern(p.text), suggestion: showPattern('/' + p.text), anywhere: showPattern('*/' + p.text) },
        });
      }
    }
  },
});
