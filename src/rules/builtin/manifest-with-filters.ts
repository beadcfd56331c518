/**
 * Constraints §3.13: a manifest cannot be used together with filters; do not send Includes or
 * Excludes with ManifestConfig.
 */
import { createRule } from '../create-rule.js';
import { arrayAt, stringAt } from '../read.js';
import { hasManifest, manifestAnchor } from '../manifest.js';
import { UG_MANIFEST } from '../sources.js';

export const manifestWithFilters = createRule({
  id: 'manifest-with-filters',
  meta: {
    description: 'A manifest cannot be used together with `include` or `exclude` filters.',
    severity: 'error',
    docs: { sources: [UG_MANIFEST(13)] },
    messages: {
      conflict:
        '{{list}} cannot be used with {{manifest}}: DataSync transfers either what a manifest lists or what filters select, never both; remove the filters (list exactly the files in the manifest instead) or remove the manifest',
    },
  },
  check({ payload, report, words }) {
    if (!hasManifest(payload)) return;
    const manifest = manifestAnchor(payload);
    for (const member of ['Includes', 'Excludes'] as const) {
      const list = arrayAt(payload, `/${member}`);
      if (!list || list.length === 0) continue;
      const value = `/${member}/0/Value`;
      const at = stringAt(payload, value) !== undefined ? { pointer: value } : { pointer: `/${member}`, part: 'key' as const };
      report({
        ...at,
        messageId: 'conflict',
        data: { list: words.filterList(member), manifest: words.manifest },
        label: `${words.filterList(member)} is set here`,
        related: [{ ...manifest, message: `${words.manifest} is set here` }],
      });
    }
  },
});
