import { manifestSourceRequired } from '../../../src/rules/builtin/manifest-source-required.js';
import { MANIFEST, ruleTester, TASK_ARN } from '../helpers.js';

ruleTester.run(manifestSourceRequired, {
  valid: [
    { payload: { TaskArn: TASK_ARN, ManifestConfig: MANIFEST } },
    { name: 'an empty ManifestConfig removes the manifest', payload: { TaskArn: TASK_ARN, ManifestConfig: {} } },
    { payload: { TaskArn: TASK_ARN } },
  ],
  invalid: [
    {
      payload: { TaskArn: TASK_ARN, ManifestConfig: { Action: 'TRANSFER', Format: 'CSV' } },
      // In a .dsi file only `set ManifestConfig` leaves Source out: the advice is the statement.
      errors: [
        {
          messageId: 'missing',
          pointer: '/ManifestConfig',
          severity: 'error',
          messageIncludes:
            '`ManifestConfig` has no Source: DataSync rejects a manifest without it (ValidationException); write a `manifest "s3://bucket/key.csv" role "arn:aws:iam::ACCOUNT:role/NAME"` statement instead of `set ManifestConfig`',
        },
      ],
    },
    {
      dialect: 'request',
      payload: { TaskArn: TASK_ARN, ManifestConfig: { Action: 'TRANSFER', Format: 'CSV' } },
      errors: [
        {
          messageId: 'missing',
          pointer: '/ManifestConfig',
          messageIncludes:
            'ManifestConfig has no Source: DataSync rejects a manifest without it (ValidationException); add Source.S3 with ManifestObjectPath, S3BucketArn and BucketAccessRoleArn, or send an empty ManifestConfig to remove the manifest',
        },
      ],
    },
  ],
});
