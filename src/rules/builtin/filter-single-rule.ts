/**
 * Constraints §3.3: each filter list holds at most one filter rule (model `FilterList`, length
 * 0–1); several patterns go into that one rule's Value, joined with `|`.
 */
import { createRule } from '../create-rule.js';
import { arrayAt, objectAt } from '../read.js';
import { MODEL, UG_FILTER } from '../sources.js';

export const filterSingleRule = createRule({
  id: 'filter-single-rule',
  meta: {
    description: 'Includes and Excludes each hold at most one filter rule; several patterns are joined with `|` in its Value.',
    severity: 'error',
    docs: { sources: [MODEL(3), UG_FILTER(3)] },
    // The schema's `max-items` says the same at the same place; this rule's message and fix replace it.
    restates: 'max-items',
    messages: {
      tooMany:
        '{{list}} has {{count}} filter rules, but DataSync takes at most one: {{advice}}',
    },
  },
  check({ payload, report, words }) {
    for (const member of ['Includes', 'Excludes'] as const) {
      const list = arrayAt(payload, `/${member}`);
      if (!list || list.length <= 1) continue;
      const values = list.map((_, i) => objectAt(payload, `/${member}/${i}`));
      // Only rules that are plain SIMPLE_PATTERN rules can be merged without changing their meaning.
      const mergeable = values.every(
        (v) => v !== undefined && typeof v.Value === 'string' && v.Value !== '' && (v.FilterType === undefined || v.FilterType === 'SIMPLE_PATTERN'),
      );
      const joined = mergeable ? values.map((v) => v!.Value as string).join('|') : undefined;
      const shown = joined !== undefined ? JSON.stringify(joined.length > 80 ? joined.slice(0, 77) + '…' : joined) : '"/a|/b"';
      report({
        pointer: `/${member}/1`,
        messageId: 'tooMany',
        data: {
          // Only `set` writes a list of filter rules in a .dsi file, and its PATH names the member.
          list: words.member(member),
          count: list.length,
          advice: words.pick({
            dsi: `write the patterns in ${words.filterList(member)} statements instead, which join them into one rule`,
            request: `join the patterns with \`|\` in one Value (${shown})`,
          }),
        },
        ...(joined !== undefined
          ? {
              fix: {
                description: 'join the filter rules into one',
                pointer: `/${member}`,
                value: [{ FilterType: 'SIMPLE_PATTERN', Value: joined }],
              },
            }
          : {}),
      });
    }
  },
});
