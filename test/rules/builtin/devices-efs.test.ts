import { devicesEfs } from '../../../src/rules/builtin/devices-efs.js';
import { ruleTester, withOptions } from '../helpers.js';

const P = '/OverrideOptions/PreserveDevices';

ruleTester.run(devicesEfs, {
  valid: [
    { payload: withOptions({ PreserveDevices: 'PRESERVE' }) },
    { payload: withOptions({ PreserveDevices: 'PRESERVE' }), context: { source: { type: 'NFS' }, destination: { type: 'FSX_LUSTRE' } } },
    { payload: withOptions({ PreserveDevices: 'NONE' }), context: { source: { type: 'EFS' } } },
  ],
  invalid: [
    {
      payload: withOptions({ PreserveDevices: 'PRESERVE' }),
      context: { source: { type: 'NFS' }, destination: { type: 'EFS' } },
      errors: [
        {
          messageId: 'efs',
          pointer: P,
          severity: 'warning',
          related: ['/@context/destination/type'],
          fix: { description: 'write `devices none`', pointer: P, value: 'NONE' },
        },
      ],
    },
  ],
});
