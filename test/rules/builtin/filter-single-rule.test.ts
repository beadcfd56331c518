import { filterSingleRule } from '../../../src/rules/builtin/filter-single-rule.js';
import { ruleTester, TASK_ARN, withFilters } from '../helpers.js';

ruleTester.run(filterSingleRule, {
  valid: [
    { payload: withFilters({ include: '/a|/b', exclude: '*.tmp' }) },
    { payload: { TaskArn: TASK_ARN, Includes: [] } },
    { name: 'not a list', payload: { TaskArn: TASK_ARN, Includes: { Value: '/a' } } },
  ],
  invalid: [
    {
      payload: {
        TaskArn: TASK_ARN,
        Includes: [
          { FilterType: 'SIMPLE_PATTERN', Value: '/a' },
          { FilterType: 'SIMPLE_PATTERN', Value: '/b' },
        ],
      },
      errors: [
        {
          messageId: 'tooMany',
          pointer: '/Includes/1',
          severity: 'error',
          // In a .dsi file only `set Includes` writes a list of rules: the advice is to use statements.
          messageIncludes: '`Includes` has 2 filter rules, but DataSync takes at most one: write the patterns in `include` statements instead, which join them into one rule',
          fix: { description: 'join the filter rules into one', pointer: '/Includes', value: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a|/b' }] },
        },
      ],
    },
    {
      name: 'rules that cannot be merged get no fix',
      payload: { TaskArn: TASK_ARN, Excludes: [{ Value: '*.tmp' }, { FilterType: 'REGEX', Value: '.*' }, {}] },
      errors: [{ messageId: 'tooMany', pointer: '/Excludes/1', fix: null, messageIncludes: 'has 3 filter rules' }],
    },
    {
      name: 'in a request file, the advice is the joined Value',
      dialect: 'request',
      payload: { TaskArn: TASK_ARN, Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a' }, { Value: '/b' }] },
      errors: [
        {
          messageId: 'tooMany',
          pointer: '/Includes/1',
          messageIncludes: 'Includes has 2 filter rules, but DataSync takes at most one: join the patterns with `|` in one Value ("/a|/b")',
          fix: { description: 'join the filter rules into one', pointer: '/Includes', value: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a|/b' }] },
        },
      ],
    },
  ],
});
