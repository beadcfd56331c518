import { removeWithManifest } from '../../../src/rules/builtin/remove-with-manifest.js';
import { MANIFEST, ruleTester, withOptions } from '../helpers.js';

const D = '/OverrideOptions/PreserveDeletedFiles';
const PATH = '/ManifestConfig/Source/S3/ManifestObjectPath';

ruleTester.run(removeWithManifest, {
  valid: [
    { payload: withOptions({ PreserveDeletedFiles: 'PRESERVE' }, { ManifestConfig: MANIFEST }) },
    { payload: withOptions({ PreserveDeletedFiles: 'REMOVE' }) },
    { name: 'stored REMOVE overridden', payload: withOptions({ PreserveDeletedFiles: 'PRESERVE' }, { ManifestConfig: MANIFEST }), context: { options: { PreserveDeletedFiles: 'REMOVE' } } },
  ],
  invalid: [
    {
      payload: withOptions({ PreserveDeletedFiles: 'REMOVE' }, { ManifestConfig: MANIFEST }),
      errors: [
        {
          messageId: 'request',
          pointer: D,
          severity: 'warning',
          related: [PATH],
          fix: { description: 'write `deleted preserve`', pointer: D, value: 'PRESERVE' },
        },
      ],
    },
    {
      name: 'REMOVE stored on the task',
      payload: withOptions({}, { ManifestConfig: MANIFEST }),
      context: { options: { PreserveDeletedFiles: 'REMOVE' } },
      errors: [{ messageId: 'task', pointer: PATH, related: [] }],
    },
  ],
});
