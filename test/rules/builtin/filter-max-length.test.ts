import { filterMaxLength, MAX_FILTER_LENGTH } from '../../../src/rules/builtin/filter-max-length.js';
import { ruleTester, withFilters } from '../helpers.js';

ruleTester.run(filterMaxLength, {
  valid: [
    { name: 'exactly at the limit', payload: withFilters({ include: '/' + 'a'.repeat(MAX_FILTER_LENGTH - 1) }) },
    // 😀 is two UTF-16 units but one character: Smithy counts code points.
    { name: 'counted in code points', payload: withFilters({ exclude: '/' + '😀'.repeat(MAX_FILTER_LENGTH - 1) }) },
  ],
  invalid: [
    {
      name: 'one past the limit',
      payload: withFilters({ include: '/' + 'a'.repeat(MAX_FILTER_LENGTH) }),
      errors: [{ messageId: 'tooLong', pointer: '/Includes/0/Value', severity: 'error', messageIncludes: '102401 characters long, over the limit of 102400' }],
    },
    {
      payload: withFilters({ exclude: '/' + '😀'.repeat(MAX_FILTER_LENGTH) }),
      errors: [{ messageId: 'tooLong', pointer: '/Excludes/0/Value', messageIncludes: '`exclude` patterns are 102401 characters long' }],
    },
    {
      dialect: 'request',
      payload: withFilters({ exclude: '/' + 'a'.repeat(MAX_FILTER_LENGTH) }),
      errors: [{ messageId: 'tooLong', pointer: '/Excludes/0/Value', messageIncludes: 'Excludes patterns are 102401 characters long' }],
    },
  ],
});
