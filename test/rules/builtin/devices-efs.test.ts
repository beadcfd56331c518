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
          messageIncludes: '`devices preserve` is not supported when the destination is Amazon EFS, AWS says (whether the request is rejected or the option ignored is undocumented); write `devices none`',
          fix: { description: 'write `devices none`', pointer: P, value: 'NONE' },
        },
      ],
    },
    {
      dialect: 'request',
      payload: withOptions({ PreserveDevices: 'PRESERVE' }),
      context: { source: { type: 'EFS' } },
      errors: [
        {
          messageId: 'efs',
          pointer: P,
          related: ['/@context/source/type'],
          messageIncludes: 'PreserveDevices PRESERVE is not supported when the source is Amazon EFS, AWS says (whether the request is rejected or the option ignored is undocumented); set PreserveDevices to NONE',
          fix: { description: 'set PreserveDevices to NONE', pointer: P, value: 'NONE' },
        },
      ],
    },
  ],
});
