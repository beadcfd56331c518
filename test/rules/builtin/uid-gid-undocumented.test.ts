import { uidGidUndocumented } from '../../../src/rules/builtin/uid-gid-undocumented.js';
import { ruleTester, withOptions } from '../helpers.js';

ruleTester.run(uidGidUndocumented, {
  valid: [{ payload: withOptions({ Uid: 'INT_VALUE', Gid: 'NONE' }) }],
  invalid: [
    {
      payload: withOptions({ Uid: 'NAME', Gid: 'BOTH' }),
      errors: [
        { messageId: 'undocumented', pointer: '/OverrideOptions/Uid', severity: 'warning', message: 'write `uid int-value` or `uid none`' },
        { messageId: 'undocumented', pointer: '/OverrideOptions/Gid', message: '`gid both` (Gid BOTH)' },
      ],
    },
  ],
});
