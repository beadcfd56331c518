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
          message: '`deleted remove` (PreserveDeletedFiles REMOVE) cannot be used with `transfer all` (TransferMode ALL)',
        },
      ],
    },
    {
      name: 'remove in the request, ALL stored',
      payload: withOptions({ PreserveDeletedFiles: 'REMOVE' }),
      context: { options: { TransferMode: 'ALL' } },
      errors: [{ messageId: 'conflictWithTask', pointer: D, message: "the task's stored TransferMode ALL" }],
    },
    {
      name: 'ALL in the request, REMOVE stored',
      payload: withOptions({ TransferMode: 'ALL' }),
      context: { options: { PreserveDeletedFiles: 'REMOVE' } },
      errors: [{ messageId: 'conflictWithTask', pointer: T, message: 'write `deleted preserve` too, or `transfer changed`' }],
    },
  ],
});
