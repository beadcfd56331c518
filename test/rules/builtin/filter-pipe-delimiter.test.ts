import { filterPipeDelimiter } from '../../../src/rules/builtin/filter-pipe-delimiter.js';
import { ruleTester, withFilters } from '../helpers.js';

ruleTester.run(filterPipeDelimiter, {
  valid: [
    { payload: withFilters({ include: '/a|/b', exclude: '*.tmp|*/.snapshot' }) },
    { name: 'an escaped pipe is part of a name', payload: withFilters({ include: '/a\\|b|/c\\|' }) },
    { name: 'an escaped backslash before a delimiter', payload: withFilters({ include: '/a\\\\|/b' }) },
    { name: 'an empty value is the schema’s finding', payload: withFilters({ include: '' }) },
  ],
  invalid: [
    {
      payload: withFilters({ include: '/a||/b' }),
      errors: [{ messageId: 'empty', pointer: '/Includes/0/Value', severity: 'warning', messageIncludes: 'have `||` at character 3' }],
    },
    { payload: withFilters({ exclude: '|*.tmp' }), errors: [{ messageId: 'leading', pointer: '/Excludes/0/Value' }] },
    {
      payload: withFilters({ include: '/a|' }),
      // A .dsi string escapes its backslash: a literal pipe is `\\|` there, `\|` in the Value.
      errors: [{ messageId: 'trailing', pointer: '/Includes/0/Value', messageIncludes: '`include` patterns end with `|`, which leaves an empty pattern (what DataSync does with one is undocumented): `|` only separates patterns; remove the trailing `|` (a literal pipe is written `\\\\|`)' }],
    },
    {
      dialect: 'request',
      payload: withFilters({ exclude: '*.tmp|' }),
      errors: [{ messageId: 'trailing', pointer: '/Excludes/0/Value', messageIncludes: 'Excludes patterns end with `|`, which leaves an empty pattern (what DataSync does with one is undocumented): `|` only separates patterns; remove the trailing `|` (a literal pipe is written `\\|`)' }],
    },
    { name: 'a lone pipe is both', payload: withFilters({ include: '|' }), errors: [{ messageId: 'leading', pointer: '/Includes/0/Value' }, { messageId: 'trailing', pointer: '/Includes/0/Value' }] },
  ],
});
