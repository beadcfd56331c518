import { filterLeadingSlash } from '../../../src/rules/builtin/filter-leading-slash.js';
import { ruleTester, withFilters } from '../helpers.js';

ruleTester.run(filterLeadingSlash, {
  valid: [
    { payload: withFilters({ include: '/projects/alpha|/projects/beta', exclude: '*.tmp|*/.snapshot|/reports*' }) },
    { name: 'empty patterns are another rule’s', payload: withFilters({ include: '/a||/b' }) },
  ],
  invalid: [
    {
      payload: withFilters({ include: '/a|transfer_this' }),
      errors: [{ messageId: 'include', pointer: '/Includes/0/Value', severity: 'warning', messageIncludes: 'write "/transfer_this"' }],
    },
    {
      payload: withFilters({ exclude: 'temp' }),
      errors: [{ messageId: 'exclude', pointer: '/Excludes/0/Value', severity: 'warning', messageIncludes: 'write "/temp" for a path at the top, or "*/temp" for any depth' }],
    },
    {
      name: 'named as the file names the list',
      payload: withFilters({ include: 'a', exclude: 'b' }),
      errors: [
        { messageId: 'include', pointer: '/Includes/0/Value', messageIncludes: '`include` pattern "a" does not start with `/`' },
        { messageId: 'exclude', pointer: '/Excludes/0/Value', messageIncludes: '`exclude` pattern "b" does not start with `/` or `*`' },
      ],
    },
    {
      dialect: 'request',
      payload: withFilters({ include: 'a', exclude: 'b' }),
      errors: [
        { messageId: 'include', pointer: '/Includes/0/Value', messageIncludes: 'Includes pattern "a" does not start with `/`' },
        { messageId: 'exclude', pointer: '/Excludes/0/Value', messageIncludes: 'Excludes pattern "b" does not start with `/` or `*`' },
      ],
    },
  ],
});
