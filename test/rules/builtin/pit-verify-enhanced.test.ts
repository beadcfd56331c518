import { pitVerifyEnhanced } from '../../../src/rules/builtin/pit-verify-enhanced.js';
import { ruleTester, withOptions } from '../helpers.js';

const V = '/OverrideOptions/VerifyMode';

ruleTester.run(pitVerifyEnhanced, {
  valid: [
    { name: 'mode unknown: silent', payload: withOptions({ VerifyMode: 'POINT_IN_TIME_CONSISTENT' }) },
    { payload: withOptions({ VerifyMode: 'POINT_IN_TIME_CONSISTENT' }), context: { mode: 'BASIC' } },
    { payload: withOptions({ VerifyMode: 'ONLY_FILES_TRANSFERRED' }), context: { mode: 'ENHANCED' } },
  ],
  invalid: [
    {
      payload: withOptions({ VerifyMode: 'POINT_IN_TIME_CONSISTENT' }),
      context: { mode: 'ENHANCED' },
      errors: [
        {
          messageId: 'enhanced',
          pointer: V,
          severity: 'error',
          related: ['/@context/mode'],
          messageIncludes:
            '`verify point-in-time-consistent` is not supported for an Enhanced-mode task, which verifies only what it transfers: write `verify only-files-transferred` or `verify none`',
          fix: { description: 'write `verify only-files-transferred`', pointer: V, value: 'ONLY_FILES_TRANSFERRED' },
        },
      ],
    },
    {
      dialect: 'request',
      payload: withOptions({ VerifyMode: 'POINT_IN_TIME_CONSISTENT' }),
      context: { mode: 'ENHANCED' },
      errors: [
        {
          messageId: 'enhanced',
          pointer: V,
          messageIncludes:
            'VerifyMode POINT_IN_TIME_CONSISTENT is not supported for an Enhanced-mode task, which verifies only what it transfers: set VerifyMode to ONLY_FILES_TRANSFERRED or NONE',
          fix: { description: 'set VerifyMode to ONLY_FILES_TRANSFERRED', pointer: V, value: 'ONLY_FILES_TRANSFERRED' },
        },
      ],
    },
  ],
});
