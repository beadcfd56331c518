/**
 * Constraints §3.4: a filter Value may be at most 102,400 characters (model FilterValue, and the
 * quota "Maximum number of characters you can include in a task filter", not adjustable).
 */
import { createRule } from '../create-rule.js';
import { filterValues } from '../filters.js';
import { MODEL, UG_LIMITS } from '../sources.js';

/** The model's FilterValue length limit; Smithy counts Unicode scalar values. */
export const MAX_FILTER_LENGTH = 102_400;

export const filterMaxLength = createRule({
  id: 'filter-max-length',
  meta: {
    description: 'A filter Value holds at most 102,400 characters.',
    severity: 'error',
    docs: { sources: [MODEL(4), UG_LIMITS(4)] },
    // The schema's `max-length` says the same at the same place; this rule's message and fix replace it.
    restates: 'max-length',
    messages: {
      tooLong:
        '{{list}} patterns are {{length}} characters long, over the limit of {{max}} (not adjustable): shorten them with wildcards, split the transfer into several runs with fewer patterns each, or use a manifest',
    },
  },
  check({ payload, report, words }) {
    for (const f of filterValues(payload)) {
      let length = 0;
      for (const _ of f.value) length++;
      if (length > MAX_FILTER_LENGTH) {
        report({ pointer: f.pointer, messageId: 'tooLong', data: { list: words.filterList(f.member), length, max: MAX_FILTER_LENGTH } });
      }
    }
  },
});
