import { includeWildcardRightmost } from '../../../src/rules/builtin/include-wildcard-rightmost.js';
import { ruleTester, withFilters } from '../helpers.js';

const P = '/Includes/0/Value';

ruleTester.run(includeWildcardRightmost, {
  valid: [
    { payload: withFilters({ include: '/documents*|/code*' }) },
    { name: 'a lone star', payload: withFilters({ include: '*' }) },
    { name: 'escaped stars are literal', payload: withFilters({ include: '/a\\*b|/c\\*' }) },
    { name: 'excludes may use * anywhere', payload: withFilters({ exclude: '*.tmp|*/temp|/reports*' }) },
  ],
  invalid: [
    {
      payload: withFilters({ include: '*.txt' }),
      errors: [
        {
          messageId: 'notRightmost',
          pointer: P,
          severity: 'error',
          messageIncludes:
            '`include` pattern "*.txt" has `*` before its end: in `include` patterns DataSync supports `*` only as the last character (`/documents*`); name the folders instead, or move the condition into an `exclude` pattern, where `*` may stand anywhere (a literal star is written `\\\\*`)',
        },
      ],
    },
    {
      dialect: 'request',
      payload: withFilters({ include: '*.txt' }),
      errors: [
        {
          messageId: 'notRightmost',
          pointer: P,
          messageIncludes:
            'Includes pattern "*.txt" has `*` before its end: in Includes patterns DataSync supports `*` only as the last character (`/documents*`); name the folders instead, or move the condition into an Excludes pattern, where `*` may stand anywhere (a literal star is written `\\*`)',
        },
      ],
    },
    {
      name: 'each offending pattern once',
      payload: withFilters({ include: '/ok*|/a*/b|/c/*.log*' }),
      errors: [
        { messageId: 'notRightmost', pointer: P, messageIncludes: '"/a*/b"' },
        { messageId: 'notRightmost', pointer: P, messageIncludes: '"/c/*.log*"' },
      ],
    },
    { name: 'an escaped star does not hide a real one', payload: withFilters({ include: '/a*\\*' }), errors: [{ messageId: 'notRightmost', pointer: P }] },
  ],
});
