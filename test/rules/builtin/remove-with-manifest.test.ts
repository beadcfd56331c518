import { removeWithManifest } from '../../../src/rules/builtin/remove-with-manifest.js';
import { MANIFEST, ruleTester, withOptions } from '../helpers.js';

const D = '/OverrideOptions/PreserveDeletedFiles';
const PATH = '/ManifestConfig/Source/S3/ManifestObjectPath';

ruleTester.run(removeWithManifest, {
  valid: [
    { payload: withOptions({ PreserveDeletedFiles: 'PRESERVE' }, { ManifestConfig: MANIFEST }) },
    { payload: withOptions({ PreserveDeletedFiles: 'REMOVE' }) },
    { name: 'stored REMOVE overridden', payload: withOptions({ PreserveDeletedFiles: 'PRESERVE' }, { ManifestConfig: MANIFEST }), context: { options: { PreserveDeletedFiles: 'REMOVE' } } },
    { name: 'stored manifest removed for the run', payload: withOptions({ PreserveDeletedFiles: 'REMOVE' }, { ManifestConfig: {} }), context: { manifest: true } },
    { name: 'stored manifest and stored REMOVE: the task, not this request', payload: withOptions({}), context: { manifest: true, options: { PreserveDeletedFiles: 'REMOVE' } } },
  ],
  invalid: [
    {
      name: 'REMOVE in the request, manifest stored on the task',
      payload: withOptions({ PreserveDeletedFiles: 'REMOVE' }),
      context: { manifest: true },
      errors: [
        {
          messageId: 'storedManifest',
          pointer: D,
          severity: 'warning',
          messageIncludes: 'but the task stores a manifest, which applies to this run too',
          fix: { description: 'write `deleted preserve`', pointer: D, value: 'PRESERVE' },
        },
      ],
    },
    {
      payload: withOptions({ PreserveDeletedFiles: 'REMOVE' }, { ManifestConfig: MANIFEST }),
      errors: [
        {
          messageId: 'request',
          pointer: D,
          severity: 'warning',
          related: [PATH],
          messageIncludes: '`deleted remove` cannot be used with `manifest`, AWS says:',
          fix: { description: 'write `deleted preserve`', pointer: D, value: 'PRESERVE' },
        },
      ],
    },
    {
      name: 'REMOVE stored on the task',
      payload: withOptions({}, { ManifestConfig: MANIFEST }),
      context: { options: { PreserveDeletedFiles: 'REMOVE' } },
      errors: [{ messageId: 'task', pointer: PATH, related: [], messageIncludes: "`manifest` with the task's stored `deleted remove`:" }],
    },
    {
      dialect: 'request',
      payload: withOptions({}, { ManifestConfig: MANIFEST }),
      context: { options: { PreserveDeletedFiles: 'REMOVE' } },
      errors: [
        {
          messageId: 'task',
          pointer: PATH,
          messageIncludes:
            "ManifestConfig with the task's stored PreserveDeletedFiles REMOVE: with a manifest DataSync never deletes at the destination, and AWS says the delete option cannot be used with one (whether the request is rejected is undocumented); set PreserveDeletedFiles to PRESERVE",
          fix: { description: 'set PreserveDeletedFiles to PRESERVE', pointer: D, value: 'PRESERVE' },
        },
      ],
    },
  ],
});
