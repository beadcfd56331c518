import { bandwidthEnhanced } from '../../../src/rules/builtin/bandwidth-enhanced.js';
import { ruleTester, withOptions } from '../helpers.js';

ruleTester.run(bandwidthEnhanced, {
  valid: [
    { name: 'mode unknown: silent', payload: withOptions({ BytesPerSecond: 1048576 }) },
    { payload: withOptions({ BytesPerSecond: 1048576 }), context: { mode: 'BASIC' } },
    { name: 'unlimited', payload: withOptions({ BytesPerSecond: -1 }), context: { mode: 'ENHANCED' } },
  ],
  invalid: [
    {
      payload: withOptions({ BytesPerSecond: 1048576 }),
      context: { mode: 'ENHANCED' },
      errors: [{ messageId: 'mayNotApply', pointer: '/OverrideOptions/BytesPerSecond', severity: 'info', related: ['/@context/mode'], messageIncludes: '`bandwidth 1 MiB/s` on an Enhanced-mode task' }],
    },
    {
      dialect: 'request',
      payload: withOptions({ BytesPerSecond: 1000 }),
      context: { mode: 'ENHANCED' },
      errors: [{ messageId: 'mayNotApply', pointer: '/OverrideOptions/BytesPerSecond', messageIncludes: 'BytesPerSecond 1000 on an Enhanced-mode task' }],
    },
  ],
});
