import { bandwidthZero } from '../../../src/rules/builtin/bandwidth-zero.js';
import { ruleTester, withOptions } from '../helpers.js';

ruleTester.run(bandwidthZero, {
  valid: [{ payload: withOptions({ BytesPerSecond: -1 }) }, { payload: withOptions({ BytesPerSecond: 1048576 }) }, { payload: withOptions({ BytesPerSecond: '0' }) }],
  invalid: [
    {
      payload: withOptions({ BytesPerSecond: 0 }),
      errors: [
        {
          messageId: 'zero',
          pointer: '/OverrideOptions/BytesPerSecond',
          severity: 'warning',
          messageIncludes:
            '`bandwidth 0 B/s` has no documented meaning: it might stall the transfer or be taken as no limit; write `bandwidth unlimited` for no limit, or a rate such as `bandwidth 100 MiB/s`',
        },
      ],
    },
    {
      dialect: 'request',
      payload: withOptions({ BytesPerSecond: 0 }),
      errors: [
        {
          messageId: 'zero',
          pointer: '/OverrideOptions/BytesPerSecond',
          messageIncludes: 'BytesPerSecond 0 has no documented meaning: it might stall the transfer or be taken as no limit; set BytesPerSecond to -1 for no limit',
        },
      ],
    },
  ],
});
