import { manifestWithFilters } from '../../../src/rules/builtin/manifest-with-filters.js';
import { MANIFEST, ruleTester, TASK_ARN, withFilters } from '../helpers.js';

const PATH = '/ManifestConfig/Source/S3/ManifestObjectPath';

ruleTester.run(manifestWithFilters, {
  valid: [
    { payload: { TaskArn: TASK_ARN, ManifestConfig: MANIFEST } },
    { payload: withFilters({ include: '/a' }) },
    { name: 'an empty ManifestConfig removes the manifest', payload: withFilters({ include: '/a' }, { ManifestConfig: {} }) },
    { name: 'empty filter lists', payload: { TaskArn: TASK_ARN, Includes: [], ManifestConfig: MANIFEST } },
    { name: 'the request gives its own (empty) filters over the stored ones', payload: { TaskArn: TASK_ARN, Includes: [], ManifestConfig: MANIFEST }, context: { filters: { includes: ['/photos*'] } } },
    { name: 'the request removes the stored manifest for the run', payload: withFilters({ include: '/a' }, { ManifestConfig: {} }), context: { manifest: true } },
    { name: 'stored filters without a manifest', payload: { TaskArn: TASK_ARN }, context: { filters: { excludes: ['*.tmp'] } } },
  ],
  invalid: [
    {
      payload: withFilters({ include: '/a', exclude: '*.tmp' }, { ManifestConfig: MANIFEST }),
      errors: [
        { messageId: 'conflict', pointer: '/Includes/0/Value', severity: 'error', related: [PATH], messageIncludes: '`include` cannot be used with `manifest`:' },
        { messageId: 'conflict', pointer: '/Excludes/0/Value', related: [PATH] },
      ],
    },
    {
      name: 'a manifest without a path is shown at its key',
      payload: { TaskArn: TASK_ARN, Includes: [{}], ManifestConfig: { Action: 'TRANSFER' } },
      errors: [{ messageId: 'conflict', pointer: '/Includes', related: ['/ManifestConfig'] }],
    },
    {
      dialect: 'request',
      payload: withFilters({ exclude: '*.tmp' }, { ManifestConfig: MANIFEST }),
      errors: [
        {
          messageId: 'conflict',
          pointer: '/Excludes/0/Value',
          related: [PATH],
          messageIncludes:
            'Excludes cannot be used with ManifestConfig: DataSync transfers either what a manifest lists or what filters select, never both; remove the filters (list exactly the files in the manifest instead) or remove the manifest',
        },
      ],
    },
      {
      name: 'a manifest in the request, filters stored on the task (configured or fetched context)',
      payload: { TaskArn: TASK_ARN, ManifestConfig: MANIFEST },
      context: { filters: { includes: ['/photos*'] } },
      errors: [
        {
          messageId: 'storedFilters',
          pointer: PATH,
          message:
            "`manifest` is set, but the task stores `include` filters (/photos*), which apply to this run too: DataSync transfers either what a manifest lists or what filters select, never both; remove the task's filters (UpdateTask) or leave out the manifest",
        },
      ],
    },
    {
      name: 'filters in the request, a manifest stored on the task',
      payload: withFilters({ exclude: '*.tmp' }),
      context: { manifest: true },
      errors: [{ messageId: 'storedManifest', pointer: '/Excludes', messageIncludes: 'but the task stores a manifest' }],
    },
  ],
});

