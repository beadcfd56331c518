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
          messageIncludes:
            '`atime best-effort` cannot be used with `mtime none`: `atime` and `mtime` go in pairs, `atime best-effort` with `mtime preserve` or `atime none` with `mtime none`; write `atime none` or `mtime preserve`',
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
          messageIncludes: 'write `atime best-effort` or `mtime none`',
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
          messageIncludes: "`mtime none` needs `atime none`, but the task's stored `atime` is `best-effort`: `atime` and `mtime` go in pairs; also write `atime none`",
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
          messageIncludes: "AWS's default is `best-effort`, which would be rejected); write `atime none` too,",
          fix: { description: 'write `atime none`', pointer: A, value: 'NONE' },
        },
      ],
    },
    {
      name: 'atime best-effort alone, stored mtime unknown: warning that the default pairs',
      payload: withOptions({ Atime: 'BEST_EFFORT' }),
      context: { mode: 'BASIC' },
      errors: [{ messageId: 'partnerUnknown', pointer: A, severity: 'warning', messageIncludes: 'which would pair with it' }],
    },
    {
      name: 'atime none alone, stored mtime preserve',
      payload: withOptions({ Atime: 'NONE' }),
      context: { options: { Mtime: 'PRESERVE' } },
      errors: [{ messageId: 'conflictWithTask', pointer: A, fix: { description: 'write `mtime none`', pointer: M, value: 'NONE' } }],
    },
    {
      name: 'in a request file: API names, and advice on what to set',
      dialect: 'request',
      payload: withOptions({ Atime: 'NONE', Mtime: 'PRESERVE' }),
      errors: [
        {
          messageId: 'conflict',
          pointer: A,
          messageIncludes:
            'Atime NONE cannot be used with Mtime PRESERVE: Atime and Mtime go in pairs, Atime BEST_EFFORT with Mtime PRESERVE or Atime NONE with Mtime NONE; set Atime to BEST_EFFORT or Mtime to NONE',
          fix: { description: 'set Atime to BEST_EFFORT', pointer: A, value: 'BEST_EFFORT' },
        },
      ],
    },
    {
      name: 'in a request file, the stored partner',
      dialect: 'request',
      payload: withOptions({ Mtime: 'NONE' }),
      context: { options: { Atime: 'BEST_EFFORT' } },
      errors: [
        {
          messageId: 'conflictWithTask',
          pointer: M,
          messageIncludes: "Mtime NONE needs Atime NONE, but the task's stored Atime is BEST_EFFORT: Atime and Mtime go in pairs; also set Atime to NONE",
          fix: { description: 'set Atime to NONE', pointer: A, value: 'NONE' },
        },
      ],
    },
    {
      name: 'in a request file, the partner unknown',
      dialect: 'request',
      payload: withOptions({ Mtime: 'NONE' }),
      errors: [{ messageId: 'partnerUnknown', pointer: M, messageIncludes: "(AWS's default is BEST_EFFORT, which would be rejected); set Atime to NONE too, so" }],
    },
  ],
});
