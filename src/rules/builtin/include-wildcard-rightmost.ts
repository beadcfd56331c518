/**
 * Constraints §3.6: in an include filter, `*` is supported only as the rightmost character of a
 * pattern (`/documents*` is fine, `*.txt` is not); exclude filters may use it anywhere.
 */
import { createRule } from '../create-rule.js';
import { filterValues, showPattern, spanOf, splitPatterns, wildcardIndices } from '../filters.js';
import { UG_FILTER } from '../sources.js';

export const includeWildcardRightmost = createRule({
  id: 'include-wildcard-rightmost',
  meta: {
    description: 'In an include pattern, `*` may only be the last character.',
    severity: 'error',
    docs: { sources: [UG_FILTER(6)] },
    messages: {
      notRightmost:
        '{{list}} pattern {{pattern}} has `*` before its end: in {{list}} patterns DataSync supports `*` only as the last character (`/documents*`); name the folders instead, or move the condition into an {{excludes}} pattern, where `*` may stand anywhere (a literal star is written {{star}})',
    },
  },
  check({ payload, report, words }) {
    const data = { list: words.filterList('Includes'), excludes: words.filterList('Excludes'), star: words.escaped('*') };
    for (const f of filterValues(payload, 'Includes')) {
      for (const p of splitPatterns(f.value)) {
        const stars = wildcardIndices(p.text);
        if (stars.some((i) => i !== p.text.length - 1)) {
          report({ pointer: f.pointer, span: spanOf(p), messageId: 'notRightmost', data: { ...data, pattern: showPattern(p.text) } });
        }
      }
    }
  },
});
