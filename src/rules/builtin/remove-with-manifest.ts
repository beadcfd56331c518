/**
 * Constraints §3.16: with a manifest DataSync never deletes at the destination, and the guide says
 * the delete option cannot be used with a manifest; whether the service rejects or ignores it is undocumented.
 */
import { createRule } from '../create-rule.js';
import { effectiveOption, objectAt, optionPointer } from '../read.js';
import { hasManifest, manifestAnchor } from '../manifest.js';
import { UG_MANIFEST } from '../sources.js';

export const removeWithManifest = createRule({
  id: 'remove-with-manifest',
  meta: {
    description: '`deleted remove` (PreserveDeletedFiles REMOVE) has no documented effect with a manifest, which never deletes.',
    severity: 'warning',
    docs: { sources: [UG_MANIFEST(16)] },
    messages: {
      request:
        '{{deleted}} cannot be used with {{manifest}}, AWS says: with a manifest DataSync transfers only the listed files and never deletes at the destination (whether the request is rejected or the option ignored is undocumented); {{advice}}',
      task:
        "{{manifest}} with {{stored}}: with a manifest DataSync never deletes at the destination, and AWS says the delete option cannot be used with one (whether the request is rejected is undocumented); {{advice}}",
      storedManifest:
        '{{deleted}} is set, but the task stores a manifest, which applies to this run too: with a manifest DataSync never deletes at the destination, and AWS says the delete option cannot be used with one (whether the request is rejected is undocumented); {{advice}}',
    },
  },
  check({ payload, context, report, words }) {
    if (!hasManifest(payload)) {
      // The task's own manifest applies unless the request removes it (an empty ManifestConfig).
      if (!context.manifest || objectAt(payload, '/ManifestConfig') !== undefined) return;
      const deleted = effectiveOption(payload, context, 'PreserveDeletedFiles');
      if (deleted?.value !== 'REMOVE' || deleted.from !== 'request') return;
      const advice = words.set(['PreserveDeletedFiles', 'PRESERVE']);
      report({
        pointer: optionPointer('PreserveDeletedFiles'),
        messageId: 'storedManifest',
        data: { deleted: words.option('PreserveDeletedFiles', 'REMOVE'), advice },
        fix: { description: advice, pointer: optionPointer('PreserveDeletedFiles'), value: 'PRESERVE' },
      });
      return;
    }
    const deleted = effectiveOption(payload, context, 'PreserveDeletedFiles');
    if (deleted?.value !== 'REMOVE') return;
    const manifest = manifestAnchor(payload);
    const d = words.option('PreserveDeletedFiles', 'REMOVE');
    const advice = words.set(['PreserveDeletedFiles', 'PRESERVE']);
    const fix = { description: advice, pointer: optionPointer('PreserveDeletedFiles'), value: 'PRESERVE' };
    if (deleted.from === 'request') {
      report({
        pointer: optionPointer('PreserveDeletedFiles'),
        messageId: 'request',
        data: { deleted: d, manifest: words.manifest, advice },
        label: `${d} is set here`,
        related: [{ ...manifest, message: `${words.manifest} is set here` }],
        fix,
      });
    } else {
      report({
        ...manifest,
        messageId: 'task',
        data: { manifest: words.manifest, stored: words.stored('PreserveDeletedFiles', 'REMOVE'), advice },
        fix,
      });
    }
  },
});
