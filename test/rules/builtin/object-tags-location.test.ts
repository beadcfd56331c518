import { objectTagsLocation } from '../../../src/rules/builtin/object-tags-location.js';
import type { LocationType, TaskContext } from '../../../src/core/context.js';
import { ruleTester, TASK_ARN, withOptions } from '../helpers.js';

const enhanced = (source: LocationType, destination: LocationType): TaskContext => ({
  mode: 'ENHANCED',
  source: { type: source },
  destination: { type: destination },
});

ruleTester.run(objectTagsLocation, {
  valid: [
    { name: 'NFS end: the option is moot', payload: { TaskArn: TASK_ARN }, context: enhanced('NFS', 'S3') },
    { name: 'SMB end: moot', payload: { TaskArn: TASK_ARN }, context: enhanced('OBJECT_STORAGE', 'SMB') },
    { name: 'S3 to S3 can tag', payload: { TaskArn: TASK_ARN }, context: enhanced('S3', 'S3') },
    { name: 'NONE set', payload: withOptions({ ObjectTags: 'NONE' }), context: enhanced('OBJECT_STORAGE', 'S3') },
    { name: 'NONE stored', payload: { TaskArn: TASK_ARN }, context: { ...enhanced('AZURE_BLOB', 'S3'), options: { ObjectTags: 'NONE' } } },
    { name: 'Basic mode', payload: { TaskArn: TASK_ARN }, context: { ...enhanced('OBJECT_STORAGE', 'S3'), mode: 'BASIC' } },
    { name: 'a location type unknown', payload: { TaskArn: TASK_ARN }, context: { mode: 'ENHANCED', source: {}, destination: { type: 'S3' } } },
  ],
  invalid: [
    {
      name: 'unset: reported at the store that may not tag',
      payload: { TaskArn: TASK_ARN },
      context: enhanced('OBJECT_STORAGE', 'S3'),
      errors: [{ messageId: 'mayFail', pointer: '/@context/source/type', severity: 'warning', messageIncludes: '`object-tags` is not set (the default is `preserve`)' }],
    },
    {
      name: 'PRESERVE set',
      payload: withOptions({ ObjectTags: 'PRESERVE' }),
      context: enhanced('S3', 'AZURE_BLOB'),
      errors: [
        {
          messageId: 'mayFail',
          pointer: '/OverrideOptions/ObjectTags',
          related: ['/@context/destination/type'],
          messageIncludes: 'if the destination (`azure-blob`) cannot do object tagging, DataSync fails the whole execution at once; if it cannot, write `object-tags none`',
        },
      ],
    },
    {
      name: 'PRESERVE stored',
      payload: { TaskArn: TASK_ARN },
      context: { ...enhanced('OBJECT_STORAGE', 'S3'), options: { ObjectTags: 'PRESERVE' } },
      errors: [{ messageId: 'mayFail', pointer: '/@context/source/type', messageIncludes: "the task's stored `object-tags preserve` on an Enhanced-mode task" }],
    },
    {
      name: 'in a request file',
      dialect: 'request',
      payload: withOptions({ ObjectTags: 'PRESERVE' }),
      context: enhanced('OBJECT_STORAGE', 'S3'),
      errors: [
        {
          messageId: 'mayFail',
          pointer: '/OverrideOptions/ObjectTags',
          related: ['/@context/source/type'],
          messageIncludes:
            'ObjectTags PRESERVE on an Enhanced-mode task between object stores: if the source (OBJECT_STORAGE) cannot do object tagging, DataSync fails the whole execution at once; if it cannot, set ObjectTags to NONE',
        },
      ],
    },
    {
      name: 'in a request file, unset',
      dialect: 'request',
      payload: { TaskArn: TASK_ARN },
      context: enhanced('S3', 'AZURE_BLOB'),
      errors: [{ messageId: 'mayFail', pointer: '/@context/destination/type', messageIncludes: 'ObjectTags is not set (the default is PRESERVE)' }],
    },
  ],
});
