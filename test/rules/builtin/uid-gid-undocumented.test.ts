import { uidGidUndocumented } from '../../../src/rules/builtin/uid-gid-undocumented.js';
import { ruleTester, withOptions } from '../helpers.js';

ruleTester.run(uidGidUndocumented, {
  valid: [{ payload: withOptions({ Uid: 'INT_VALUE', Gid: 'NONE' }) }],
  invalid: [
    {
      payload: withOptions({ Uid: 'NAME', Gid: 'BOTH' }),
      errors: [
        {
          messageId: 'undocumented',
          pointer: '/OverrideOptions/Uid',
          severity: 'warning',
          messageIncludes:
            '`uid name` is accepted by the API, but AWS documents only `int-value` (keep numeric IDs) and `none` (ignore them); write `uid int-value` or `uid none` unless you have checked what `name` does',
        },
        { messageId: 'undocumented', pointer: '/OverrideOptions/Gid', messageIncludes: '`gid both` is accepted' },
      ],
    },
    {
      dialect: 'request',
      payload: withOptions({ Gid: 'NAME' }),
      errors: [
        {
          messageId: 'undocumented',
          pointer: '/OverrideOptions/Gid',
          messageIncludes:
            'Gid NAME is accepted by the API, but AWS documents only INT_VALUE (keep numeric IDs) and NONE (ignore them); set Gid to INT_VALUE or NONE unless you have checked what NAME does',
        },
      ],
    },
  ],
});
