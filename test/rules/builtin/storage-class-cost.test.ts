import { storageClassCost } from '../../../src/rules/builtin/storage-class-cost.js';
import { ruleTester, withOptions } from '../helpers.js';

const costly = withOptions({ PreserveDeletedFiles: 'REMOVE', OverwriteMode: 'ALWAYS' });

ruleTester.run(storageClassCost, {
  valid: [
    { name: 'destination unknown: silent', payload: costly },
    { payload: costly, context: { destination: { type: 'S3', storageClass: 'STANDARD' } } },
    { payload: costly, context: { destination: { type: 'S3', storageClass: 'INTELLIGENT_TIERING' } } },
    { payload: withOptions({ PreserveDeletedFiles: 'PRESERVE', OverwriteMode: 'NEVER' }), context: { destination: { type: 'S3', storageClass: 'DEEP_ARCHIVE' } } },
    { name: 'only what the request sets', payload: withOptions({}), context: { destination: { type: 'S3', storageClass: 'GLACIER' }, options: { OverwriteMode: 'ALWAYS' } } },
  ],
  invalid: [
    {
      payload: costly,
      context: { destination: { type: 'S3', storageClass: 'STANDARD_IA' } },
      errors: [
        { messageId: 'remove', pointer: '/OverrideOptions/PreserveDeletedFiles', severity: 'warning', related: ['/@context/destination/storageClass'], messageIncludes: 'in S3 Standard-IA' },
        { messageId: 'overwrite', pointer: '/OverrideOptions/OverwriteMode', related: ['/@context/destination/storageClass'] },
      ],
    },
    {
      payload: withOptions({ OverwriteMode: 'ALWAYS' }),
      context: { destination: { type: 'S3', storageClass: 'GLACIER_INSTANT_RETRIEVAL' } },
      errors: [{ messageId: 'overwrite', pointer: '/OverrideOptions/OverwriteMode', messageIncludes: '`overwrite always` rewrites changed objects in S3 Glacier Instant Retrieval' }],
    },
    {
      payload: withOptions({ PreserveDeletedFiles: 'REMOVE' }),
      context: { destination: { type: 'S3', storageClass: 'ONEZONE_IA' } },
      errors: [{ messageId: 'remove', pointer: '/OverrideOptions/PreserveDeletedFiles', messageIncludes: 'charged as if it were kept; write `deleted preserve` unless the cost is intended' }],
    },
    {
      dialect: 'request',
      payload: costly,
      context: { destination: { type: 'S3', storageClass: 'DEEP_ARCHIVE' } },
      errors: [
        {
          messageId: 'remove',
          pointer: '/OverrideOptions/PreserveDeletedFiles',
          messageIncludes:
            'PreserveDeletedFiles REMOVE deletes objects in S3 Glacier Deep Archive, where deleting an object before its minimum storage duration is charged as if it were kept; set PreserveDeletedFiles to PRESERVE unless the cost is intended',
        },
        { messageId: 'overwrite', pointer: '/OverrideOptions/OverwriteMode', messageIncludes: 'OverwriteMode ALWAYS rewrites changed objects in S3 Glacier Deep Archive' },
      ],
    },
  ],
});
