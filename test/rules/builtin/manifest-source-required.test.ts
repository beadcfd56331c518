import { manifestSourceRequired } from '../../../src/rules/builtin/manifest-source-required.js';
import { MANIFEST, ruleTester, TASK_ARN } from '../helpers.js';

ruleTester.run(manifestSourceRequired, {
  valid: [
    { payload: { TaskArn: TASK_ARN, ManifestConfig: MANIFEST } },
    { name: 'an empty ManifestConfig removes the manifest', payload: { TaskArn: TASK_ARN, ManifestConfig: {} } },
    { payload: { TaskArn: TASK_ARN } },
  ],
  invalid: [
    {
      payload: { TaskArn: TASK_ARN, ManifestConfig: { Action: 'TRANSFER', Format: 'CSV' } },
      errors: [{ messageId: 'missing', pointer: '/ManifestConfig', severity: 'error' }],
    },
  ],
});
