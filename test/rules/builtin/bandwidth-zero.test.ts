import { bandwidthZero } from '../../../src/rules/builtin/bandwidth-zero.js';
import { ruleTester, withOptions } from '../helpers.js';

ruleTester.run(bandwidthZero, {
  valid: [{ payload: withOptions({ BytesPerSecond: -1 }) }, { payload: withOptions({ BytesPerSecond: 1048576 }) }, { payload: withOptions({ BytesPerSecond: '0' }) }],
  invalid: [{ payload: withOptions({ BytesPerSecond: 0 }), errors: [{ messageId: 'zero', pointer: '/OverrideOptions/BytesPerSecond', severity: 'warning' }] }],
});
