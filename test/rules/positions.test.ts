/**
 * Every built-in rule through the real `lint()` path of both front ends: where it fires in a
 * `.dsi` intent (context only from the intent's own `task { }` block), in a JSON and (for some)
 * a YAML request file (context as `--resolve-context` feeds it), and that the fixed intent is
 * silent. Positions are where LANGUAGE.md puts them: at the offending value, or for a conflict at
 * the later place in source order with the earlier one related; in request files at the key or value.
 */
import { describe, expect, it } from 'vitest';
import type { TaskContext } from '../../src/core/context.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { DiagnosticIds } from '../../src/core/diagnostic.js';
import { lint } from '../../src/project/lint.js';
import { MAX_FILTER_LENGTH } from '../../src/rules/builtin/filter-max-length.js';
import { builtinRules } from '../../src/rules/index.js';
import { memoryFs } from '../helpers.js';

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
const ROLE = 'arn:aws:iam::111122223333:role/datasync';
const LOG_GROUP = 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync';
const LONG = '/' + 'a'.repeat(MAX_FILTER_LENGTH); // one character past the limit
const LONGEST = '/' + 'a'.repeat(MAX_FILTER_LENGTH - 1); // exactly at the limit
const MANIFEST = `manifest "s3://acme-manifests/lists/today.csv" role "${ROLE}"`;

/** A place: 1-based line and column, and the text that starts there (checked against the fixture itself). */
type At = readonly [line: number, column: number, text: string];

interface Expected {
  readonly at: At;
  /** Related locations, in the order the diagnostic lists them; none when left out. */
  readonly related?: readonly At[];
}

interface RequestCase extends Expected {
  readonly text: string;
  /** What `--resolve-context` would know of the task (request files have no task block). */
  readonly context?: TaskContext;
}

interface Row {
  readonly id: string;
  readonly messageId: string;
  /** The failing intent; its task context comes from its own `task { }` block only. */
  readonly dsi: Expected & { readonly text: string };
  /** The same intent with the defect fixed. */
  readonly pass: string;
  /**
   * Context the `task { }` block cannot say (a location's URI), for the failing and the passing intent.
   * The block still gives the location types, the mode and the storage class.
   */
  readonly dsiContext?: TaskContext;
  readonly json: RequestCase;
  readonly yaml?: RequestCase;
}

/**
 * An intent: line 1 `intent nightly {`, line 2 the task; with a context block its k lines are
 * lines 3..k+2 and `}` is line k+3. Statements follow, one line each (more where they hold `\n`),
 * indented by two spaces.
 */
function intent(block: readonly string[], ...statements: string[]): string {
  const task = block.length === 0 ? [`  task "${ARN}"`] : [`  task "${ARN}" {`, ...block.map((c) => `    ${c}`), '  }'];
  const body = statements.flatMap((s) => s.split('\n')).map((s) => `  ${s}`);
  return ['intent nightly {', ...task, ...body, '}', ''].join('\n');
}

/** A JSON request file, two-space indented; `members` are the lines after `"TaskArn"` (line 2), so they start at line 3. */
function json(...members: string[]): string {
  return ['{', `  "TaskArn": "${ARN}",`, ...members.map((m) => `  ${m}`), '}', ''].join('\n');
}

/** A YAML request file; `lines` start at line 2, after `TaskArn`. */
function yaml(...lines: string[]): string {
  return [`TaskArn: ${ARN}`, ...lines, ''].join('\n');
}

/** `OverrideOptions` with one member per line (the first member on line 4 of a {@link json} file, at column 5). */
function jsonOptions(members: Record<string, string | number>): string {
  const entries = Object.entries(members).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return ['"OverrideOptions": {', entries.join(',\n'), '}'].join('\n').split('\n').join('\n  ');
}

/** A filter list with one rule, over five lines; its Value is on the fourth, at column 16. */
function jsonFilter(member: 'Includes' | 'Excludes', value: string, comma = ''): string {
  return [`"${member}": [`, '  {', '    "FilterType": "SIMPLE_PATTERN",', `    "Value": ${JSON.stringify(value)}`, '  }', `]${comma}`].join('\n  ');
}

/** A `ManifestConfig` whose ManifestObjectPath is on its sixth line, at column 31. */
const JSON_MANIFEST = [
  '"ManifestConfig": {',
  '  "Action": "TRANSFER",',
  '  "Format": "CSV",',
  '  "Source": {',
  '    "S3": {',
  '      "ManifestObjectPath": "lists/today.csv",',
  '      "S3BucketArn": "arn:aws:s3:::acme-manifests",',
  `      "BucketAccessRoleArn": "${ROLE}"`,
  '    }',
  '  }',
  '}',
].join('\n  ');

const rows: readonly Row[] = [
  {
    id: 'atime-mtime-pair',
    messageId: 'conflict',
    dsi: { text: intent([], 'atime best-effort', 'mtime none'), at: [4, 9, 'none'], related: [[3, 9, 'best-effort']] },
    pass: intent([], 'atime none', 'mtime none'),
    json: { text: json(jsonOptions({ Atime: 'BEST_EFFORT', Mtime: 'NONE' })), at: [5, 14, '"NONE"'], related: [[4, 14, '"BEST_EFFORT"']] },
    yaml: { text: yaml('OverrideOptions:', '  Atime: BEST_EFFORT', '  Mtime: NONE'), at: [4, 10, 'NONE'], related: [[3, 10, 'BEST_EFFORT']] },
  },
  {
    id: 'bandwidth-enhanced',
    messageId: 'mayNotApply',
    dsi: { text: intent(['mode enhanced'], 'bandwidth 100 MiB/s'), at: [5, 13, '100 MiB/s'], related: [[3, 10, 'enhanced']] },
    pass: intent(['mode enhanced'], 'bandwidth unlimited'),
    json: { text: json(jsonOptions({ BytesPerSecond: 104857600 })), context: { mode: 'ENHANCED' }, at: [4, 23, '104857600'] },
  },
  {
    id: 'bandwidth-zero',
    messageId: 'zero',
    dsi: { text: intent([], 'bandwidth 0 B/s'), at: [3, 13, '0 B/s'] },
    pass: intent([], 'bandwidth unlimited'),
    json: { text: json(jsonOptions({ BytesPerSecond: 0 })), at: [4, 23, '0'] },
    yaml: { text: yaml('OverrideOptions:', '  BytesPerSecond: 0'), at: [3, 19, '0'] },
  },
  {
    id: 'devices-efs',
    messageId: 'efs',
    dsi: { text: intent(['from efs', 'to s3'], 'devices preserve'), at: [6, 11, 'preserve'], related: [[3, 10, 'efs']] },
    pass: intent(['from efs', 'to s3'], 'devices none'),
    json: {
      text: json(jsonOptions({ PreserveDevices: 'PRESERVE' })),
      context: { source: { type: 'EFS' }, destination: { type: 'S3' } },
      at: [4, 24, '"PRESERVE"'],
    },
  },
  {
    id: 'filter-leading-slash',
    messageId: 'include',
    dsi: { text: intent([], 'include "projects" "/archive"'), at: [3, 11, '"projects"'] },
    pass: intent([], 'include "/projects" "/archive"'),
    json: { text: json(jsonFilter('Includes', 'projects|/archive')), at: [6, 17, 'projects'] },
    yaml: { text: yaml('Includes:', '  - FilterType: SIMPLE_PATTERN', '    Value: projects|/archive'), at: [4, 12, 'projects|/archive'] },
  },
  {
    id: 'filter-max-length',
    messageId: 'tooLong',
    dsi: { text: intent([], `exclude "${LONG}"`), at: [3, 11, '"/aaa'] },
    pass: intent([], `exclude "${LONGEST}"`),
    json: { text: json(jsonFilter('Excludes', LONG)), at: [6, 16, '"/aaa'] },
  },
  {
    id: 'filter-pipe-delimiter',
    // `exclude` statements cannot hold an empty pattern; only `set` can write a raw Value.
    messageId: 'empty',
    dsi: { text: intent([], 'set Excludes = [{"FilterType": "SIMPLE_PATTERN", "Value": "/a||/b"}]'), at: [3, 61, '"/a||/b"'] },
    pass: intent([], 'set Excludes = [{"FilterType": "SIMPLE_PATTERN", "Value": "/a|/b"}]'),
    json: { text: json(jsonFilter('Excludes', '/a||/b')), at: [6, 16, '"/a||/b"'] },
    yaml: { text: yaml('Excludes:', '  - FilterType: SIMPLE_PATTERN', '    Value: /a||/b'), at: [4, 12, '/a||/b'] },
  },
  {
    id: 'filter-single-rule',
    // `include` statements always join into one rule; only `set` can write two.
    messageId: 'tooMany',
    dsi: {
      text: intent([], 'set Includes = [{"FilterType": "SIMPLE_PATTERN", "Value": "/a"}, {"FilterType": "SIMPLE_PATTERN", "Value": "/b"}]'),
      at: [3, 68, '{"FilterType"'],
    },
    pass: intent([], 'include "/a" "/b"'),
    json: {
      text: json('"Includes": [', '  { "FilterType": "SIMPLE_PATTERN", "Value": "/a" },', '  { "FilterType": "SIMPLE_PATTERN", "Value": "/b" }', ']'),
      at: [5, 5, '{ "FilterType"'],
    },
    yaml: {
      text: yaml('Includes:', '  - FilterType: SIMPLE_PATTERN', '    Value: /a', '  - FilterType: SIMPLE_PATTERN', '    Value: /b'),
      at: [5, 5, 'FilterType'],
    },
  },
  {
    id: 'include-excluded-by-default',
    messageId: 'folder',
    dsi: { text: intent([], 'include "/.zfs" "/projects"'), at: [3, 11, '"/.zfs"'] },
    pass: intent([], 'include "/projects"'),
    json: { text: json(jsonFilter('Includes', '/.zfs|/projects')), at: [6, 17, '/.zfs'] },
  },
  {
    id: 'include-wildcard-rightmost',
    messageId: 'notRightmost',
    dsi: { text: intent([], 'include "*.txt"'), at: [3, 11, '"*.txt"'] },
    pass: intent([], 'include "/documents*"'),
    json: { text: json(jsonFilter('Includes', '*.txt')), at: [6, 17, '*.txt'] },
    yaml: { text: yaml('Includes:', '  - FilterType: SIMPLE_PATTERN', "    Value: '*.txt'"), at: [4, 13, '*.txt'] },
  },
  {
    id: 'log-level-without-log-group',
    messageId: 'noLogGroup',
    dsi: { text: intent(['mode basic'], 'log basic'), at: [5, 7, 'basic'], related: [[3, 10, 'basic']] },
    pass: intent(['mode basic', `log-group "${LOG_GROUP}"`], 'log basic'),
    json: { text: json(jsonOptions({ LogLevel: 'BASIC' })), context: { mode: 'BASIC' }, at: [4, 17, '"BASIC"'] },
  },
  {
    id: 'manifest-source-required',
    // A `manifest` statement always has its Source; only `set` can leave it out.
    messageId: 'missing',
    dsi: { text: intent([], 'set ManifestConfig = {"Action": "TRANSFER", "Format": "CSV"}'), at: [3, 7, 'ManifestConfig'] },
    pass: intent([], MANIFEST),
    json: { text: json('"ManifestConfig": {', '  "Action": "TRANSFER",', '  "Format": "CSV"', '}'), at: [3, 3, '"ManifestConfig"'] },
    yaml: { text: yaml('ManifestConfig:', '  Action: TRANSFER', '  Format: CSV'), at: [2, 1, 'ManifestConfig'] },
  },
  {
    id: 'manifest-with-filters',
    messageId: 'conflict',
    dsi: { text: intent([], MANIFEST, 'include "/projects"'), at: [4, 11, '"/projects"'], related: [[3, 12, '"s3://acme-manifests']] },
    pass: intent([], MANIFEST),
    // Includes come first in the file, so the conflict lands at the manifest.
    json: {
      text: json(jsonFilter('Includes', '/projects', ','), JSON_MANIFEST),
      at: [14, 31, '"lists/today.csv"'],
      related: [[6, 16, '"/projects"']],
    },
    yaml: {
      text: yaml(
        'Includes:',
        '  - FilterType: SIMPLE_PATTERN',
        '    Value: /projects',
        'ManifestConfig:',
        '  Action: TRANSFER',
        '  Format: CSV',
        '  Source:',
        '    S3:',
        '      ManifestObjectPath: lists/today.csv',
        '      S3BucketArn: arn:aws:s3:::acme-manifests',
        `      BucketAccessRoleArn: ${ROLE}`,
      ),
      at: [10, 27, 'lists/today.csv'],
      related: [[4, 12, '/projects']],
    },
  },
  {
    id: 'object-tags-location',
    messageId: 'mayFail',
    dsi: {
      text: intent(['mode enhanced', 'from object-storage', 'to s3'], 'object-tags preserve'),
      at: [7, 15, 'preserve'],
      related: [[4, 10, 'object-storage']],
    },
    pass: intent(['mode enhanced', 'from object-storage', 'to s3'], 'object-tags none'),
    json: {
      text: json(jsonOptions({ ObjectTags: 'PRESERVE' })),
      context: { mode: 'ENHANCED', source: { type: 'OBJECT_STORAGE' }, destination: { type: 'S3' } },
      at: [4, 19, '"PRESERVE"'],
    },
  },
  {
    id: 'pit-verify-enhanced',
    messageId: 'enhanced',
    dsi: { text: intent(['mode enhanced'], 'verify point-in-time-consistent'), at: [5, 10, 'point-in-time-consistent'], related: [[3, 10, 'enhanced']] },
    pass: intent(['mode enhanced'], 'verify only-files-transferred'),
    json: { text: json(jsonOptions({ VerifyMode: 'POINT_IN_TIME_CONSISTENT' })), context: { mode: 'ENHANCED' }, at: [4, 19, '"POINT_IN_TIME_CONSISTENT"'] },
    yaml: {
      text: yaml('OverrideOptions:', '  VerifyMode: POINT_IN_TIME_CONSISTENT'),
      context: { mode: 'ENHANCED' },
      at: [3, 15, 'POINT_IN_TIME_CONSISTENT'],
    },
  },
  {
    id: 'pit-verify-glacier',
    messageId: 'archive',
    dsi: {
      text: intent(['to s3 storage-class deep-archive'], 'verify point-in-time-consistent'),
      at: [5, 10, 'point-in-time-consistent'],
      related: [[3, 25, 'deep-archive']],
    },
    pass: intent(['to s3 storage-class deep-archive'], 'verify only-files-transferred'),
    json: {
      text: json(jsonOptions({ VerifyMode: 'POINT_IN_TIME_CONSISTENT' })),
      context: { destination: { type: 'S3', storageClass: 'DEEP_ARCHIVE' } },
      at: [4, 19, '"POINT_IN_TIME_CONSISTENT"'],
    },
  },
  {
    id: 'remove-with-manifest',
    messageId: 'request',
    dsi: { text: intent([], MANIFEST, 'deleted remove'), at: [4, 11, 'remove'], related: [[3, 12, '"s3://acme-manifests']] },
    pass: intent([], MANIFEST, 'deleted preserve'),
    // OverrideOptions come first in the file, so the conflict lands at the manifest.
    json: {
      text: json(jsonOptions({ PreserveDeletedFiles: 'REMOVE' }) + ',', JSON_MANIFEST),
      at: [11, 31, '"lists/today.csv"'],
      related: [[4, 29, '"REMOVE"']],
    },
  },
  {
    id: 'remove-with-transfer-all',
    messageId: 'conflict',
    dsi: { text: intent([], 'transfer all', 'deleted remove'), at: [4, 11, 'remove'], related: [[3, 12, 'all']] },
    pass: intent([], 'transfer changed', 'deleted remove'),
    // In the model's key order PreserveDeletedFiles comes first, so the conflict lands at TransferMode.
    json: {
      text: json(jsonOptions({ PreserveDeletedFiles: 'REMOVE', TransferMode: 'ALL' })),
      at: [5, 21, '"ALL"'],
      related: [[4, 29, '"REMOVE"']],
    },
    yaml: {
      text: yaml('OverrideOptions:', '  PreserveDeletedFiles: REMOVE', '  TransferMode: ALL'),
      at: [4, 17, 'ALL'],
      related: [[3, 25, 'REMOVE']],
    },
  },
  {
    id: 'report-bucket-is-destination',
    messageId: 'deletesReports',
    dsiContext: { destination: { uri: 's3://acme-data/archive/' } },
    dsi: {
      text: intent(['to s3'], 'deleted remove', `report {\n  to "s3://acme-data/reports/"\n  role "${ROLE}"\n  output standard\n}`),
      at: [7, 8, '"s3://acme-data/reports/"'],
      related: [[5, 11, 'remove']],
    },
    pass: intent(['to s3'], 'deleted remove', `report {\n  to "s3://acme-reports/nightly/"\n  role "${ROLE}"\n  output standard\n}`),
    // OverrideOptions come first in the file, so the diagnostic lands at the report bucket.
    json: {
      text: json(
        jsonOptions({ PreserveDeletedFiles: 'REMOVE' }) + ',',
        '"TaskReportConfig": {',
        '  "Destination": {',
        '    "S3": {',
        '      "Subdirectory": "reports/",',
        '      "S3BucketArn": "arn:aws:s3:::acme-data",',
        `      "BucketAccessRoleArn": "${ROLE}"`,
        '    }',
        '  },',
        '  "OutputType": "STANDARD"',
        '}',
      ),
      context: { destination: { type: 'S3', uri: 's3://acme-data/archive/' } },
      at: [10, 24, '"arn:aws:s3:::acme-data"'],
      related: [[4, 29, '"REMOVE"']],
    },
  },
  {
    id: 'report-without-destination',
    // A block has no name: a report that lacks a member is reported at its `report` keyword.
    messageId: 'missing',
    dsi: { text: intent([], 'report {\n  output standard\n}'), at: [3, 3, 'report'] },
    pass: intent([], `report {\n  to "s3://acme-reports/nightly/"\n  role "${ROLE}"\n  output standard\n}`),
    json: { text: json('"TaskReportConfig": {', '  "OutputType": "STANDARD"', '}'), at: [3, 3, '"TaskReportConfig"'] },
  },
  {
    id: 'report-without-output',
    messageId: 'missing',
    dsi: { text: intent([], `report {\n  to "s3://acme-reports/nightly/"\n  role "${ROLE}"\n}`), at: [3, 3, 'report'] },
    pass: intent([], `report {\n  to "s3://acme-reports/nightly/"\n  role "${ROLE}"\n  output summary-only\n}`),
    json: {
      text: json(
        '"TaskReportConfig": {',
        '  "Destination": {',
        '    "S3": {',
        '      "S3BucketArn": "arn:aws:s3:::acme-reports",',
        `      "BucketAccessRoleArn": "${ROLE}"`,
        '    }',
        '  }',
        '}',
      ),
      at: [3, 3, '"TaskReportConfig"'],
    },
    yaml: {
      text: yaml('TaskReportConfig:', '  Destination:', '    S3:', '      S3BucketArn: arn:aws:s3:::acme-reports', `      BucketAccessRoleArn: ${ROLE}`),
      at: [2, 1, 'TaskReportConfig'],
    },
  },
  {
    id: 'security-descriptors-location',
    messageId: 'noEffect',
    dsi: { text: intent(['from nfs', 'to s3'], 'security-descriptors owner-dacl'), at: [6, 24, 'owner-dacl'], related: [[3, 10, 'nfs']] },
    pass: intent(['from smb', 'to fsx-windows'], 'security-descriptors owner-dacl'),
    json: {
      text: json(jsonOptions({ SecurityDescriptorCopyFlags: 'OWNER_DACL' })),
      context: { source: { type: 'NFS' }, destination: { type: 'S3' } },
      at: [4, 36, '"OWNER_DACL"'],
    },
  },
  {
    id: 'storage-class-cost',
    messageId: 'remove',
    dsi: { text: intent(['to s3 storage-class standard-ia'], 'deleted remove'), at: [5, 11, 'remove'], related: [[3, 25, 'standard-ia']] },
    pass: intent(['to s3 storage-class standard-ia'], 'deleted preserve'),
    json: {
      text: json(jsonOptions({ PreserveDeletedFiles: 'REMOVE' })),
      context: { destination: { type: 'S3', storageClass: 'STANDARD_IA' } },
      at: [4, 29, '"REMOVE"'],
    },
    yaml: {
      text: yaml('OverrideOptions:', '  PreserveDeletedFiles: REMOVE'),
      context: { destination: { type: 'S3', storageClass: 'STANDARD_IA' } },
      at: [3, 25, 'REMOVE'],
    },
  },
  {
    id: 'uid-gid-undocumented',
    messageId: 'undocumented',
    dsi: { text: intent([], 'uid name'), at: [3, 7, 'name'] },
    pass: intent([], 'uid int-value'),
    json: { text: json(jsonOptions({ Uid: 'NAME' })), at: [4, 12, '"NAME"'] },
    yaml: { text: yaml('OverrideOptions:', '  Uid: NAME'), at: [3, 8, 'NAME'] },
  },
];

/** Parse- and compile-level ids: a fixture that has any of them does not test what it means to. */
const FRONT_END_PROBLEMS = new Set<string>([
  DiagnosticIds.syntax,
  DiagnosticIds.unknownStatement,
  DiagnosticIds.unknownValue,
  DiagnosticIds.invalidValue,
  DiagnosticIds.duplicate,
  DiagnosticIds.duplicateKey,
  DiagnosticIds.missingTask,
  DiagnosticIds.parseError,
  DiagnosticIds.internal,
]);

/** No file is imported: any read is a mistake in the fixture. */
const readFile = memoryFs({});

/** The text at a 1-based line and column. */
function textAt(text: string, [line, column]: At): string {
  return text.split('\n')[line - 1]?.slice(column - 1) ?? '';
}

function position(d: { range: { start: { line: number; column: number } } }): [number, number] {
  return [d.range.start.line, d.range.start.column];
}

/** Lints `text` and returns the diagnostics of one rule, after checking the front end took the fixture cleanly. */
function diagnosticsOf(id: string, text: string, filename: string, context?: TaskContext): Diagnostic[] {
  const result = lint(text, {
    filename,
    readFile,
    // Only the file's own task ARN gets the context, as `--resolve-context` resolves it.
    ...(context ? { context: (arn: string) => (arn === ARN ? context : undefined) } : {}),
  });
  expect(result.diagnostics.filter((d) => FRONT_END_PROBLEMS.has(d.ruleId)).map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
  return result.diagnostics.filter((d) => d.ruleId === id);
}

/** Checks one failing case: exactly one diagnostic of the rule, with its message id, place and related places. */
function expectAt(id: string, messageId: string, file: string, c: Expected & { text: string }, context?: TaskContext): void {
  // The table's positions must name the text they claim to; otherwise the table, not the code, is wrong.
  for (const at of [c.at, ...(c.related ?? [])]) expect(textAt(c.text, at).startsWith(at[2]), `fixture has ${JSON.stringify(at[2])} at ${at[0]}:${at[1]}`).toBe(true);
  const found = diagnosticsOf(id, c.text, file, context);
  expect(found.map((d) => ({ ruleId: d.ruleId, messageId: d.messageId, file: d.file, at: position(d) }))).toEqual([
    { ruleId: id, messageId, file, at: [c.at[0], c.at[1]] },
  ]);
  expect((found[0].related ?? []).map((r) => [r.file, ...position(r)])).toEqual((c.related ?? []).map((r) => [file, r[0], r[1]]));
}

describe('the table of positions', () => {
  it('has one row for every built-in rule, and no other', () => {
    expect(rows.map((r) => r.id).sort()).toEqual(builtinRules.map((r) => r.id).sort());
  });

  it('uses message ids the rules have', () => {
    for (const row of rows) expect(Object.keys(builtinRules.find((r) => r.id === row.id)!.meta.messages), row.id).toContain(row.messageId);
  });

  it('has a YAML case for at least a third of the rules', () => {
    expect(rows.filter((r) => r.yaml).length * 3).toBeGreaterThanOrEqual(builtinRules.length);
  });
});

describe.each(rows)('$id', (row) => {
  it('fires in a .dsi intent at the prescribed line and column', () => {
    expectAt(row.id, row.messageId, 'x.dsi', row.dsi, row.dsiContext);
  });

  it('is silent in the fixed .dsi intent', () => {
    const result = lint(row.pass, { filename: 'x.dsi', readFile, ...(row.dsiContext ? { context: () => row.dsiContext } : {}) });
    expect(result.diagnostics.filter((d) => d.ruleId === row.id)).toEqual([]);
    // A fixed intent that does not compile would be silent for the wrong reason.
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
  });

  it('fires in a JSON request file with the same rule and message id', () => {
    expectAt(row.id, row.messageId, 'x.json', row.json, row.json.context);
  });
});

describe.each(rows.filter((r) => r.yaml !== undefined))('$id', (row) => {
  it('fires in a YAML request file with the same rule and message id', () => {
    expectAt(row.id, row.messageId, 'x.yaml', row.yaml!, row.yaml!.context);
  });
});

describe('object-tags-location without an object-tags statement', () => {
  it('lands at the location in the task block that may not support tags', () => {
    const text = intent(['mode enhanced', 'from object-storage', 'to s3'], 'transfer changed');
    expectAt('object-tags-location', 'mayFail', 'x.dsi', { text, at: [4, 10, 'object-storage'] });
  });
});

describe('a conflict with the task block', () => {
  it('stays at the statement to change even when the task block comes later', () => {
    const text = ['intent nightly {', '  verify point-in-time-consistent', `  task "${ARN}" {`, '    mode enhanced', '  }', '}', ''].join('\n');
    expectAt('pit-verify-enhanced', 'enhanced', 'x.dsi', { text, at: [2, 10, 'point-in-time-consistent'], related: [[4, 10, 'enhanced']] });
  });
});

describe('remove-with-transfer-all where the earlier statement is the one to move from', () => {
  it('lands at the later statement whichever of the two comes first', () => {
    const text = intent([], 'deleted remove', 'transfer all');
    expectAt('remove-with-transfer-all', 'conflict', 'x.dsi', { text, at: [4, 12, 'all'], related: [[3, 11, 'remove']] });
  });
});

describe('a rule about one pattern points at that pattern’s string', () => {
  const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
  it.each([
    ['include "/a" "*.txt"', 'include-wildcard-rightmost', 3, 16],
    ['include "/a"\n  include "/.zfs"', 'include-excluded-by-default', 4, 11],
    ['exclude "/x" "tmp"', 'filter-leading-slash', 3, 16],
  ])('%s → %s at %i:%i', (statements, ruleId, line, column) => {
    const r = lint(`intent a {\n  task "${ARN}"\n  ${statements}\n}\n`, { filename: 'x.dsi', readFile: () => '' });
    const d = r.diagnostics.find((x) => x.ruleId === ruleId);
    expect(d?.range.start).toMatchObject({ line, column });
  });

  it('in a JSON request file, inside the string', () => {
    const text = `{\n  "TaskArn": "${ARN}",\n  "Includes": [{ "FilterType": "SIMPLE_PATTERN", "Value": "/a|/b*c" }]\n}\n`;
    const d = lint(text, { filename: 'x.json' }).diagnostics.find((x) => x.ruleId === 'include-wildcard-rightmost');
    expect(d?.range).toMatchObject({ start: { line: 3, column: 63 }, end: { line: 3, column: 67 } });
  });
});
