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
        '`manifest` (ManifestConfig) has no Source: DataSync rejects a manifest without it (ValidationException); add Source.S3 with ManifestObjectPath, S3BucketArn and BucketAccessRoleArn — in a .dsi file, `manifest "s3://bucket/key.csv" role "arn:aws:iam::ACCOUNT:role/NAME"` — or send an empty ManifestConfig to remove the manifest',
    },
  },
  check({ payload, report }) {
    if (hasManifest(payload) && !has(payload, '/ManifestConfig/Source')) report({ pointer: '/ManifestConfig', part: 'key', messageId: 'missing' });
  },
});
