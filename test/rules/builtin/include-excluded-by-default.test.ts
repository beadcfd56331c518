import { includeExcludedByDefault } from '../../../src/rules/builtin/include-excluded-by-default.js';
import { ruleTester, withFilters } from '../helpers.js';

const P = '/Includes/0/Value';

ruleTester.run(includeExcludedByDefault, {
  valid: [
    { payload: withFilters({ include: '/projects|/.zfsdata|/snapshots' }) },
    { name: 'excludes are not concerned', payload: withFilters({ exclude: '*/.snapshot' }) },
  ],
  invalid: [
    { payload: withFilters({ include: '/vol/.snapshot/' }), errors: [{ messageId: 'snapshot', pointer: P, severity: 'warning' }] },
    {
      payload: withFilters({ include: '/.aws-datasync|/.zfs/snap|/.awssync' }),
      errors: [
        { messageId: 'folder', pointer: P, messageIncludes: '`/.aws-datasync`' },
        { messageId: 'folder', pointer: P, messageIncludes: '`/.zfs`' },
        { messageId: 'folder', pointer: P, messageIncludes: '`/.awssync`' },
      ],
    },
    {
      payload: withFilters({ include: '/data/.snapshot' }),
      errors: [{ messageId: 'snapshot', pointer: P, messageIncludes: '`include` pattern "/data/.snapshot" ends in `.snapshot`' }],
    },
    {
      dialect: 'request',
      payload: withFilters({ include: '/.zfs' }),
      errors: [{ messageId: 'folder', pointer: P, messageIncludes: 'Includes pattern "/.zfs" names `/.zfs`, which DataSync always excludes, whatever the filters say: this pattern transfers nothing; remove it' }],
    },
  ],
});
