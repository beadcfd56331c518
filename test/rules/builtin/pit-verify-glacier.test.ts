import { pitVerifyGlacier } from '../../../src/rules/builtin/pit-verify-glacier.js';
import { ruleTester, withOptions } from '../helpers.js';

const V = '/OverrideOptions/VerifyMode';
const pit = withOptions({ VerifyMode: 'POINT_IN_TIME_CONSISTENT' });

ruleTester.run(pitVerifyGlacier, {
  valid: [
    { name: 'destination unknown: silent', payload: pit },
    { payload: pit, context: { destination: { type: 'S3', storageClass: 'GLACIER_INSTANT_RETRIEVAL' } } },
    { name: 'storage class unknown', payload: pit, context: { destination: { type: 'S3' } } },
    { payload: withOptions({ VerifyMode: 'ONLY_FILES_TRANSFERRED' }), context: { destination: { type: 'S3', storageClass: 'DEEP_ARCHIVE' } } },
  ],
  invalid: [
    {
      payload: pit,
      context: { destination: { type: 'S3', storageClass: 'DEEP_ARCHIVE' } },
      errors: [
        {
          messageId: 'archive',
          pointer: V,
          severity: 'error',
          related: ['/@context/destination/storageClass'],
          messageIncludes: 'the destination storage class is S3 Glacier Deep Archive',
          fix: { description: 'write `verify only-files-transferred`', pointer: V, value: 'ONLY_FILES_TRANSFERRED' },
        },
      ],
    },
    {
      payload: pit,
      context: { destination: { type: 'S3', storageClass: 'GLACIER' } },
      errors: [{ messageId: 'archive', pointer: V, messageIncludes: 'S3 Glacier Flexible Retrieval: it would have to read back every destination object; write `verify only-files-transferred`' }],
    },
    {
      dialect: 'request',
      payload: pit,
      context: { destination: { type: 'S3', storageClass: 'GLACIER' } },
      errors: [
        {
          messageId: 'archive',
          pointer: V,
          messageIncludes:
            'VerifyMode POINT_IN_TIME_CONSISTENT cannot be used when the destination storage class is S3 Glacier Flexible Retrieval: it would have to read back every destination object; set VerifyMode to ONLY_FILES_TRANSFERRED',
          fix: { description: 'set VerifyMode to ONLY_FILES_TRANSFERRED', pointer: V, value: 'ONLY_FILES_TRANSFERRED' },
        },
      ],
    },
  ],
});
