/**
 * Constraints §3.7: DataSync excludes some data whatever the filters say — paths ending in
 * `.snapshot`, the folders `/.aws-datasync` and `/.awssync`, and `/.zfs` — so an include of them transfers nothing.
 */
import { createRule } from '../create-rule.js';
import { filterValues, showPattern, spanOf, splitPatterns } from '../filters.js';
import { UG_FILTER } from '../sources.js';

const EXCLUDED_FOLDERS = ['/.aws-datasync', '/.awssync', '/.zfs'];

export const includeExcludedByDefault = createRule({
  id: 'include-excluded-by-default',
  meta: {
    description: 'An include pattern names data that DataSync always excludes (`*.snapshot`, `/.aws-datasync`, `/.awssync`, `/.zfs`).',
    severity: 'warning',
    docs: { sources: [UG_FILTER(7)] },
    messages: {
      snapshot:
        '{{list}} pattern {{pattern}} ends in `.snapshot`, and DataSync always excludes paths ending in `.snapshot`, whatever the filters say: this pattern transfers nothing; remove it',
      folder:
        '{{list}} pattern {{pattern}} names `{{folder}}`, which DataSync always excludes, whatever the filters say: this pattern transfers nothing; remove it',
    },
  },
  check({ payload, report, words }) {
    const list = words.filterList('Includes');
    for (const f of filterValues(payload, 'Includes')) {
      for (const p of splitPatterns(f.value)) {
        const path = p.text.replace(/\/+$/, '');
        const folder = EXCLUDED_FOLDERS.find((d) => path === d || path.startsWith(d + '/'));
        if (folder !== undefined) report({ pointer: f.pointer, span: spanOf(p), messageId: 'folder', data: { list, pattern: showPattern(p.text), folder } });
        else if (path.endsWith('.snapshot')) report({ pointer: f.pointer, span: spanOf(p), messageId: 'snapshot', data: { list, pattern: showPattern(p.text) } });
      }
    }
  },
});
