import { atimeMtimePair } from '../../../src/rules/builtin/atime-mtime-pair.js';
import { ruleTester, withOptions } from '../helpers.js';

const A = '/OverrideOptions/Atime';
const M = '/OverrideOptions/Mtime';

ruleTester.run(atimeMtimePair, {
  valid: [
    { name: 'neither overridden', payload: withOptions({ VerifyMode: 'NONE' }) },
    { name: 'best-effort with preserve', payload: withOptions({ Atime: 'BEST_EFFORT', Mtime: 'PRESERVE' }) },
    { name: 'none with none', payload: withOptions({ Atime: 'NONE', Mtime: 'NONE' }) },
    { name: 'mtime none, stored atime none', payload: withOptions({ Mtime: 'NONE' }), context: { options: { Atime: 'NONE' } } },
    { name: 'atime best-effort, stored mtime preserve', payload: withOptions({ Atime: 'BEST_EFFORT' }), context: { options: { Mtime: 'PRESERVE' } } },
    { name: 'values outside the enum are the schema’s', payload: withOptions({ Atime: 'SOMETIMES', Mtime: 'NONE' }) },
    { name: 'not an object', payload: { OverrideOptions: 'x' } },
  ],
  invalid: [
    {
      name: 'both overridden, illegal',
      payload: withOptions({ Atime: 'BEST_EFFORT', Mtime: 'NONE' }),
      errors: [
        {
          messageId: 'conflict',
          pointer: A,
          severity: 'error',
          related: [M],
          message: '`atime best-effort` (Atime BEST_EFFORT) cannot be used with `mtime none` (Mtime NONE)',
          fix: { description: 'write `atime none`', pointer: A, value: 'NONE' },
        },
      ],
    },
    {
      name: 'both overridden, the other illegal pair',
      payload: withOptions({ Atime: 'NONE', Mtime: 'PRESERVE' }),
      errors: [
        {
          messageId: 'conflict',
          pointer: A,
          message: 'write `atime best-effort` or `mtime none`',
          fix: { description: 'write `atime best-effort`', pointer: A, value: 'BEST_EFFORT' },
        },
      ],
    },
    {
      name: 'mtime none alone, stored atime best-effort',
      payload: withOptions({ Mtime: 'NONE' }),
      context: { options: { Atime: 'BEST_EFFORT' } },
      errors: [
        {
          messageId: 'conflictWithTask',
          pointer: M,
          severity: 'error',
          message: "the task's stored Atime is BEST_EFFORT",
          fix: { description: 'write `atime none`', pointer: A, value: 'NONE' },
        },
      ],
    },
    {
      name: 'mtime none alone, stored atime unknown: warning',
      payload: withOptions({ Mtime: 'NONE' }),
      errors: [
        {
          messageId: 'partnerUnknown',
          pointer: M,
          severity: 'warning',
          message: "AWS's default is BEST_EFFORT, which would be rejected",
          fix: { description: 'write `atime none`', pointer: A, value: 'NONE' },
        },
      ],
    },
    {
      name: 'atime best-effort alone, stored mtime unknown: warning that the default pairs',
      payload: withOptions({ Atime: 'BEST_EFFORT' }),
      context: { mode: 'BASIC' },
      errors: [{ messageId: 'partnerUnknown', pointer: A, severity: 'warning', message: 'which would pair with it' }],
    },
    {
      name: 'atime none alone, stored mtime preserve',
      payload: withOptions({ Atime: 'NONE' }),
      context: { options: { Mtime: 'PRESERVE' } },
      errors: [{ messageId: 'conflictWithTask', pointer: A, fix: { description: 'write `mtime none`', pointer: M, value: 'NONE' } }],
    },
  ],
});
