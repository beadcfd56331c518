import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { LineIndex, type Range } from '../../../src/core/range.js';
import type { FileResult, RuleInfo } from '../../../src/core/result.js';

/** The working folder the fixtures pretend to run in (nothing is read from disk). */
export const CWD = '/work/project';

export const ALPHA = 'intent nightly {\n\tverify  only-file-transfered\n  transfer all\n  deleted remove\n}\n';
export const ZETA = 'intent weekly {\n  description "first\n  second"\n  bandwidth 1 GiB/s\n  tag team "a,b: c%"\n}\n';

/** The range of the first `text` in `source` (after `after`, when given). */
export function rangeOf(source: string, text: string, after = ''): Range {
  const start = source.indexOf(text, after ? source.indexOf(after) : 0);
  if (start < 0) throw new Error(`fixture text not found: ${text}`);
  return new LineIndex(source).range(start, start + text.length);
}

const unknownValue: Diagnostic = {
  file: 'src/alpha.dsi',
  range: rangeOf(ALPHA, 'only-file-transfered'),
  severity: 'error',
  ruleId: 'unknown-value',
  messageId: 'unknownValue',
  message: 'unknown option value `only-file-transfered`; did you mean `only-files-transferred`?',
  fix: {
    description: 'write `only-files-transferred`',
    // Named absolutely on purpose: the JSON formatter must still see it as the same file.
    edits: [{ file: `${CWD}/src/alpha.dsi`, range: rangeOf(ALPHA, 'only-file-transfered'), text: 'only-files-transferred' }],
  },
};

const conflict: Diagnostic = {
  file: 'src/alpha.dsi',
  range: rangeOf(ALPHA, 'remove'),
  severity: 'error',
  ruleId: 'transfer-mode-conflict',
  message: '`deleted remove` cannot be used with `transfer all`: write `transfer changed` or drop `deleted remove`',
  related: [{ file: 'src/alpha.dsi', range: rangeOf(ALPHA, 'all'), message: '`transfer all` is set here' }],
};

const multiline: Diagnostic = {
  file: `${CWD}/src/zeta.dsi`,
  range: rangeOf(ZETA, '"first\n  second"'),
  severity: 'info',
  ruleId: 'multiline-string',
  message: 'the description spans two lines; write it on one line',
};

const bandwidth: Diagnostic = {
  file: `${CWD}/src/zeta.dsi`,
  range: rangeOf(ZETA, '1 GiB/s'),
  severity: 'warning',
  ruleId: 'bandwidth-ceiling',
  message: 'bandwidth 1 GiB/s is more than one agent moves; write a lower limit or `unlimited`',
};

const schema: Diagnostic = {
  file: `${CWD}/src/zeta.dsi`,
  range: rangeOf(ZETA, '"a,b: c%"'),
  severity: 'error',
  ruleId: 'schema',
  message: '/Tags/0/Value must not contain `,` or `%`: write "a b c"',
  fix: {
    description: 'drop the characters the API rejects',
    edits: [
      { file: `${CWD}/src/zeta.dsi`, range: rangeOf(ZETA, ','), text: ' ' },
      { file: `${CWD}/src/zeta.dsi`, range: rangeOf(ZETA, '%'), text: '' },
    ],
  },
};

/** Two files with problems given out of order (one absolute, one relative, diagnostics unsorted) and a clean file. */
export function sampleResults(): FileResult[] {
  return [
    { file: `${CWD}/src/zeta.dsi`, source: ZETA, diagnostics: [schema, multiline, bandwidth] },
    { file: 'clean.json', source: '{}\n', diagnostics: [] },
    { file: 'src/alpha.dsi', source: ALPHA, diagnostics: [conflict, unknownValue] },
  ];
}

export const RULES: readonly RuleInfo[] = [
  {
    id: 'transfer-mode-conflict',
    description: '`deleted remove` needs a transfer mode that compares files.',
    defaultSeverity: 'error',
    helpUri: 'https://dsi.example/rules/transfer-mode-conflict',
  },
  {
    id: 'multiline-string',
    description: 'Strings that span lines.',
    defaultSeverity: 'info',
    helpUri: 'https://dsi.example/rules/multiline-string',
  },
  { id: 'bandwidth-ceiling', description: 'Bandwidth limits above what an agent moves.', defaultSeverity: 'warning' },
  { id: 'unused-rule', description: 'A rule no fixture triggers.', defaultSeverity: 'error' },
];

export const OPTIONS = { cwd: CWD, color: false, rules: RULES, toolVersion: '1.2.3' };
