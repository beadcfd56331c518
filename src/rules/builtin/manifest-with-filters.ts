/**
 * Constraints §3.13: a manifest cannot be used together with filters; do not send Includes or
 * Excludes with ManifestConfig, "and take care if the task already has filters or a manifest
 * configured": a filter or manifest stored on the task (task context) applies to a run whose
 * request does not give its own.
 */
import { createRule } from '../create-rule.js';
import { arrayAt, objectAt, stringAt } from '../read.js';
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
      storedFilters:
        "{{manifest}} is set, but the task stores {{list}} filters ({{patterns}}), which apply to this run too: DataSync transfers either what a manifest lists or what filters select, never both; remove the task's filters (UpdateTask) or leave out the manifest",
      storedManifest:
        "{{list}} is set, but the task stores a manifest, which applies to this run too: DataSync transfers either what a manifest lists or what filters select, never both; remove the task's manifest (UpdateTask) or leave out the filters",
    },
  },
  check({ payload, context, report, words }) {
    const given = (member: 'Includes' | 'Excludes') => arrayAt(payload, `/${member}`) !== undefined;
    if (!hasManifest(payload)) {
      // The request's filters, with the task's own manifest (an empty ManifestConfig removes it for the run).
      if (!context.manifest || objectAt(payload, '/ManifestConfig') !== undefined) return;
      for (const member of ['Includes', 'Excludes'] as const) {
        const list = arrayAt(payload, `/${member}`);
        if (!list || list.length === 0) continue;
        report({ pointer: `/${member}`, part: 'key', messageId: 'storedManifest', data: { list: words.filterList(member) } });
      }
      return;
    }
    for (const [member, stored] of [['Includes', context.filters?.includes], ['Excludes', context.filters?.excludes]] as const) {
      if (given(member) || !stored || stored.length === 0) continue;
      report({ ...manifestAnchor(payload), messageId: 'storedFilters', data: { manifest: words.manifest, list: words.filterList(member), patterns: stored.join(', ') } });
    }
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
