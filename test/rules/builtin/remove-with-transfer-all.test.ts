import { removeWithTransferAll } from '../../../src/rules/builtin/remove-with-transfer-all.js';
import { ruleTester, withOptions } from '../helpers.js';

const D = '/OverrideOptions/PreserveDeletedFiles';
const T = '/OverrideOptions/TransferMode';

ruleTester.run(removeWithTransferAll, {
  valid: [
    { payload: withOptions({ PreserveDeletedFiles: 'REMOVE', TransferMode: 'CHANGED' }) },
    { payload: withOptions({ PreserveDeletedFiles: 'PRESERVE', TransferMode: 'ALL' }) },
    { name: 'remove alone, transfer mode unknown (default CHANGED)', payload: withOptions({ PreserveDeletedFiles: 'REMOVE' }) },
    { name: 'both stored on the task only', payload: withOptions({}), context: { options: { PreserveDeletedFiles: 'REMOVE', TransferMode: 'ALL' } } },
    { name: 'override fixes the stored value', payload: withOptions({ TransferMode: 'CHANGED' }), context: { options: { PreserveDeletedFiles: 'REMOVE', TransferMode: 'ALL' } } },
  ],
  invalid: [
    {
      payload: withOptions({ PreserveDeletedFiles: 'REMOVE', TransferMode: 'ALL' }),
      errors: [
        {
          messageId: 'conflict',
          pointer: D,
          severity: 'error',
          related: [T],
          messageIncludes:
            '`deleted remove` cannot be used with `transfer all`: with `transfer all` DataSync does not scan the destination, so it cannot tell what to delete; write `transfer changed` or `deleted preserve`',
        },
      ],
    },
    {
      name: 'remove in the request, ALL stored',
      payload: withOptions({ PreserveDeletedFiles: 'REMOVE' }),
      context: { options: { TransferMode: 'ALL' } },
      errors: [{ messageId: 'conflictWithTask', pointer: D, messageIncludes: "`deleted remove` cannot be used with the task's stored `transfer all`" }],
    },
    {
      name: 'ALL in the request, REMOVE stored',
      payload: withOptions({ TransferMode: 'ALL' }),
      context: { options: { PreserveDeletedFiles: 'REMOVE' } },
      errors: [{ messageId: 'conflictWithTask', pointer: T, messageIncludes: 'write `deleted preserve` too, or `transfer changed`' }],
    },
    {
      dialect: 'request',
      payload: withOptions({ PreserveDeletedFiles: 'REMOVE', TransferMode: 'ALL' }),
      errors: [
        {
          messageId: 'conflict',
          pointer: D,
          related: [T],
          messageIncludes:
            'PreserveDeletedFiles REMOVE cannot be used with TransferMode ALL: with TransferMode ALL DataSync does not scan the destination, so it cannot tell what to delete; set TransferMode to CHANGED or PreserveDeletedFiles to PRESERVE',
        },
      ],
    },
    {
      dialect: 'request',
      payload: withOptions({ TransferMode: 'ALL' }),
      context: { options: { PreserveDeletedFiles: 'REMOVE' } },
      errors: [
        {
          messageId: 'conflictWithTask',
          pointer: T,
          messageIncludes: "TransferMode ALL cannot be used with the task's stored PreserveDeletedFiles REMOVE: with TransferMode ALL DataSync does not scan the destination, so it cannot tell what to delete; set PreserveDeletedFiles to PRESERVE too, or TransferMode to CHANGED",
        },
      ],
    },
  ],
});
