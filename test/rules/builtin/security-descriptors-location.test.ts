import { securityDescriptorsLocation } from '../../../src/rules/builtin/security-descriptors-location.js';
import { ruleTester, withOptions } from '../helpers.js';

const S = '/OverrideOptions/SecurityDescriptorCopyFlags';
const flags = withOptions({ SecurityDescriptorCopyFlags: 'OWNER_DACL_SACL' });

ruleTester.run(securityDescriptorsLocation, {
  valid: [
    { name: 'locations unknown: silent', payload: flags },
    { payload: flags, context: { source: { type: 'SMB' }, destination: { type: 'FSX_WINDOWS' } } },
    { payload: flags, context: { source: { type: 'FSX_WINDOWS' }, destination: { type: 'FSX_WINDOWS' } } },
    { name: 'NONE is harmless anywhere', payload: withOptions({ SecurityDescriptorCopyFlags: 'NONE' }), context: { source: { type: 'NFS' } } },
  ],
  invalid: [
    {
      payload: flags,
      context: { source: { type: 'NFS' }, destination: { type: 'S3' } },
      errors: [
        {
          messageId: 'noEffect',
          pointer: S,
          severity: 'warning',
          related: ['/@context/source/type'],
          messageIncludes: 'has no effect when the source is `nfs`',
          fix: { description: 'remove the security-descriptors override', pointer: S, remove: true },
        },
      ],
    },
    {
      name: 'one end known is enough',
      payload: withOptions({ SecurityDescriptorCopyFlags: 'OWNER_DACL' }),
      context: { destination: { type: 'S3' } },
      errors: [{ messageId: 'noEffect', pointer: S, related: ['/@context/destination/type'], messageIncludes: 'the destination is `s3`' }],
    },
    {
      dialect: 'request',
      payload: flags,
      context: { source: { type: 'NFS' } },
      errors: [
        {
          messageId: 'noEffect',
          pointer: S,
          related: ['/@context/source/type'],
          messageIncludes:
            'SecurityDescriptorCopyFlags OWNER_DACL_SACL has no effect when the source is NFS: DataSync copies security descriptors only between SMB and FSx for Windows File Server locations (or FSx for ONTAP over SMB); remove SecurityDescriptorCopyFlags from OverrideOptions',
          fix: { description: 'remove SecurityDescriptorCopyFlags from OverrideOptions', pointer: S, remove: true },
        },
      ],
    },
  ],
});
