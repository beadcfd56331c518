/**
 * Constraints §3.17: `ManifestConfig.Source` must be given for any manifest configured on or after
 * 2024-02-07; without it the service answers 400 ValidationException.
 */
import { createRule } from '../create-rule.js';
import { has } from '../read.js';
import { hasManifest } from '../manifest.js';
import { MODEL } from '../sources.js';

export const manifestSourceRequired = createRule({
  id: 'manifest-source-required',
  meta: {
    description: 'A manifest configuration needs `Source` (the manifest object in S3 and the role to read it).',
    severity: 'error',
    docs: { sources: [MODEL(17)] },
    messages: {
      missing:
        '{{manifest}} has no Source: DataSync rejects a manifest without it (ValidationException); {{advice}}',
    },
  },
  check({ payload, report, words }) {
    if (!hasManifest(payload) || has(payload, '/ManifestConfig/Source')) return;
    // A `manifest` statement always writes a Source: in a .dsi file only `set ManifestConfig` leaves it out.
    const advice = words.pick({
      dsi: 'write a `manifest "s3://bucket/key.csv" role "arn:aws:iam::ACCOUNT:role/NAME"` statement instead of `set ManifestConfig`',
      request: 'add Source.S3 with ManifestObjectPath, S3BucketArn and BucketAccessRoleArn, or send an empty ManifestConfig to remove the manifest',
    });
    report({ pointer: '/ManifestConfig', part: 'key', messageId: 'missing', data: { manifest: words.member('ManifestConfig'), advice } });
  },
});
