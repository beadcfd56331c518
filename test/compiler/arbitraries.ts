/**
 * fast-check generators of valid `.dsi` programs: every statement with random valid values,
 * spelled in random valid ways, spread over random `extends` chains.
 */
import fc from 'fast-check';
import { ENUM_OPTIONS, optionValues, SIZE_UNITS } from '../../src/language/vocabulary.js';

const ARN_HEX = fc.stringMatching(/^[0-9a-f]{17}$/);
const partition = fc.constantFrom('aws', 'aws-cn', 'aws-us-gov');
const region = fc.constantFrom('us-east-1', 'eu-west-3', 'cn-north-1');
const account = fc.stringMatching(/^[0-9]{12}$/);

export const taskArn = fc.tuple(partition, region, account, ARN_HEX).map(([p, r, a, h]) => `arn:${p}:datasync:${r}:${a}:task/task-${h}`);
const roleArn = fc.tuple(partition, account, fc.stringMatching(/^[a-zA-Z0-9+=,.@_-]{1,20}$/)).map(([p, a, n]) => `arn:${p}:iam::${a}:role/${n}`);
const bucket = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,20}[a-z0-9]$/);
const keyPart = fc.stringMatching(/^[a-zA-Z0-9_+.()-]{1,12}$/);

/** A value written the ways the language allows: kebab-case, API literal, or mixed case. */
function spell(literal: string): fc.Arbitrary<string> {
  const kebab = literal.toLowerCase().replace(/_/g, '-');
  return fc.constantFrom(kebab, literal, literal.toLowerCase(), kebab.replace(/(^|-)([a-z])/g, (_, d, c) => d + c.toUpperCase()));
}

/** Every option statement and its API values, from the one vocabulary table and the model. */
const OPTIONS: Record<string, readonly string[]> = Object.fromEntries(ENUM_OPTIONS.map((o) => [o.keyword, optionValues(o.member)]));

const option = fc
  .constantFrom(...Object.keys(OPTIONS))
  .chain((k) => fc.constantFrom(...OPTIONS[k]).chain(spell).map((v) => ({ key: `opt:${k}`, text: `${k} ${v}` })));

const bandwidth = fc.oneof(
  fc.constant('unlimited'),
  fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(...SIZE_UNITS.filter((u) => u.bytes <= 1024n ** 3n).map((u) => u.unit)), fc.constantFrom('', ' ')).map(
    ([n, u, sp]) => `${n}${sp}${u}/s`,
  ),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom('MB', 'GB')).map(([a, b, u]) => `${a}.${b} ${u}/s`),
).map((v) => ({ key: 'bandwidth', text: `bandwidth ${v}` }));

const pattern = fc.stringMatching(/^\/[a-zA-Z0-9._-]{1,10}(\/[a-zA-Z0-9._-]{1,10})?$/).map((p) => JSON.stringify(p));
const filters = fc
  .tuple(fc.constantFrom('include', 'exclude'), fc.array(pattern, { minLength: 1, maxLength: 3 }))
  .map(([k, ps]) => ({ key: k, text: `${k} ${ps.join(' ')}` }));

const manifest = fc
  .tuple(bucket, fc.array(keyPart, { minLength: 1, maxLength: 3 }), fc.option(fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/), { nil: undefined }), roleArn)
  .map(([b, parts, version, role]) => ({
    key: 'manifest',
    text: `manifest "s3://${b}/${parts.join('/')}"${version ? ` version "${version}"` : ''} role "${role}"`,
  }));

const REPORT_LEVEL = ['ERRORS_ONLY', 'SUCCESSES_AND_ERRORS'];
const report = fc
  .record(
    {
      to: fc.tuple(bucket, fc.array(keyPart, { maxLength: 2 })).map(([b, parts]) => `to "s3://${b}/${parts.map((p) => p + '/').join('')}"`),
      role: roleArn.map((r) => `role "${r}"`),
      output: fc.constantFrom('STANDARD', 'SUMMARY_ONLY').chain(spell).map((v) => `output ${v}`),
      level: fc.constantFrom(...REPORT_LEVEL).chain(spell).map((v) => `level ${v}`),
      versions: fc.constantFrom('INCLUDE', 'NONE').chain(spell).map((v) => `object-versions ${v}`),
      transferred: fc.constantFrom(...REPORT_LEVEL).chain(spell).map((v) => `transferred ${v}`),
      verified: fc.constantFrom(...REPORT_LEVEL).chain(spell).map((v) => `verified ${v}`),
      deleted: fc.constantFrom(...REPORT_LEVEL).chain(spell).map((v) => `deleted ${v}`),
      skipped: fc.constantFrom(...REPORT_LEVEL).chain(spell).map((v) => `skipped ${v}`),
    },
    { requiredKeys: ['to', 'role'] },
  )
  .chain((r) => fc.shuffledSubarray(Object.values(r), { minLength: Object.values(r).length }))
  .map((lines) => ({ key: 'report', text: `report {\n    ${lines.join('\n    ')}\n  }` }));

const tagKey = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_-]{0,15}$/);
const tagValue = fc.stringMatching(/^[a-zA-Z0-9 +=._:@/-]{1,20}$/).filter((v) => v.trim() === v);
const tag = fc.tuple(tagKey, tagValue).map(([k, v]) => ({ key: `tag:${k}`, text: `tag ${k} = ${JSON.stringify(v)}` }));

const setStatement = fc.oneof(
  fc.constantFrom('ENABLED', 'DISABLED').map((v) => ({ key: 'opt:queueing', text: `set OverrideOptions.TaskQueueing = "${v}"` })),
  fc.integer({ min: -1, max: 2 ** 40 }).map((n) => ({ key: 'bandwidth', text: `set OverrideOptions.BytesPerSecond = ${n}` })),
  // Objects and list items, written in any key order: emitted in the model's order.
  fc.constantFrom(...REPORT_LEVEL).map((v) => ({ key: 'report', text: `set TaskReportConfig.Overrides = { "Skipped": { "ReportLevel": "${v}" }, "Deleted": { "ReportLevel": "${v}" } }` })),
  pattern.map((p) => ({ key: 'include', unique: true, text: `set Includes[0] = { "Value": ${p}, "FilterType": "SIMPLE_PATTERN" }` })),
  pattern.map((p) => ({ key: 'exclude', unique: true, text: `set Excludes = [{ Value: ${p}, FilterType: "SIMPLE_PATTERN" }]` })),
);

const statement = fc.oneof(
  { arbitrary: option, weight: 6 },
  { arbitrary: bandwidth, weight: 1 },
  { arbitrary: filters, weight: 2 },
  { arbitrary: manifest, weight: 1 },
  { arbitrary: report, weight: 1 },
  { arbitrary: tag, weight: 3 },
  { arbitrary: setStatement, weight: 1 },
);

/** A block's statements: one per key (duplicates in a block are errors); include/exclude statements may repeat, a `set` of them may not. */
const block = fc.array(statement, { maxLength: 8 }).map((list) => {
  const seen = new Map<string, boolean>();
  return list.filter((s: { key: string; unique?: boolean }) => {
    const repeatable = (s.key === 'include' || s.key === 'exclude') && !s.unique;
    if (seen.has(s.key) && !(repeatable && seen.get(s.key))) return false;
    seen.set(s.key, repeatable);
    return true;
  });
});

const ENHANCED_WITH_S3 = new Set(['s3', 'azure-blob', 'object-storage', 'nfs', 'smb']);
const enhancedPair = (from: string, to: string) => (from === 's3' && ENHANCED_WITH_S3.has(to)) || (to === 's3' && ENHANCED_WITH_S3.has(from));

/** A `task` statement, with or without a context block (a context AWS allows). */
const LOCATIONS = ['nfs', 'smb', 'hdfs', 'efs', 'fsx-windows', 'fsx-lustre', 'fsx-ontap', 'fsx-openzfs', 's3', 'object-storage', 'azure-blob'];
const CLASSES = ['standard', 'standard-ia', 'onezone-ia', 'intelligent-tiering', 'glacier', 'glacier-flexible-retrieval', 'deep-archive', 'outposts', 'glacier-instant-retrieval'];
const taskStatement = (arn: string) =>
  fc
    .record(
      {
        mode: fc.constantFrom('BASIC', 'ENHANCED').chain(spell).map((m) => `mode ${m}`),
        from: fc.constantFrom(...LOCATIONS).map((l) => `from ${l}`),
        to: fc.oneof(fc.constantFrom(...LOCATIONS).map((l) => `to ${l}`), fc.constantFrom(...CLASSES).map((c) => `to s3 storage-class ${c}`)),
        logGroup: fc.constant('log-group "arn:aws:logs:us-east-1:111122223333:log-group:/datasync/x"'),
      },
      { requiredKeys: [] },
    )
    // Enhanced mode exists only between S3 and S3, Azure Blob, object storage, NFS or SMB: other pairs are errors.
    .filter((c) => !/enhanced/i.test(c.mode ?? '') || !c.from || !c.to || enhancedPair(c.from.slice(5), c.to.slice(3).split(' ')[0]))
    .map((c) => (Object.keys(c).length === 0 ? `task "${arn}"` : `task "${arn}" {\n    ${Object.values(c).join('\n    ')}\n  }`));

const separator = fc.constantFrom('\n  ', ';\n  ', '   # note\n  ', ' // note\n  ', '\n\n  ');

function render(statements: { text: string }[], seps: string[]): string {
  return statements.map((s, i) => s.text + (seps[i % seps.length] ?? '\n  ')).join('');
}

/** A program: templates (each may extend earlier ones) and one intent `subject`; the task is somewhere in the chain. */
export const program = fc
  .record({
    templates: fc.array(fc.tuple(block, fc.array(fc.nat(), { maxLength: 3 })), { maxLength: 4 }),
    intent: block,
    parents: fc.array(fc.nat(), { maxLength: 3 }),
    task: taskArn.chain(taskStatement),
    taskIn: fc.nat(),
    split: fc.boolean(),
    seps: fc.array(separator, { minLength: 1, maxLength: 4 }),
  })
  .map(({ templates, intent, parents, task, taskIn, seps, split }): Record<string, string> => {
    const names = templates.map((_, i) => `t${i}`);
    const holder = taskIn % (templates.length + 1); // == templates.length: the intent itself
    const lines: string[] = [];
    templates.forEach(([stmts, ps], i) => {
      const ext = [...new Set(ps.filter(() => i > 0).map((p) => names[p % i]))];
      const body = (holder === i ? [{ text: task }] : []).concat(stmts);
      lines.push(`template ${names[i]}${ext.length ? ` extends ${ext.join(', ')}` : ''} {\n  ${render(body, seps)}\n}`);
    });
    const ext = templates.length ? [...new Set(parents.map((p) => names[p % templates.length]))] : [];
    // The template holding the task must be in the chain: extend it last so no other parent hides it.
    if (holder < templates.length) ext.splice(0, ext.length, ...ext.filter((n) => n !== names[holder]), names[holder]);
    const body = (holder === templates.length ? [{ text: task }] : []).concat(intent);
    const intentText = `intent subject${ext.length ? ` extends ${ext.join(', ')}` : ''} {\n  ${render(body, seps)}\n}\n`;
    // Templates in the same file, or in a file the intent's file imports.
    return split && lines.length > 0
      ? { 'main.dsi': `import "./lib.dsi"\n\n${intentText}`, 'lib.dsi': lines.join('\n\n') + '\n' }
      : { 'main.dsi': [...lines, intentText].join('\n\n') };
  });
