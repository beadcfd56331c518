/**
 * Law of `dsi lint --fix`: on generated intents and request files with random defects, after
 * the fixes a second lint reports no fixable problem (unless the fixes conflict there, which is
 * reported) and no error that was not there before.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TaskContext } from '../../src/core/context.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { loadIntentFrontEnd } from '../../src/project/front-ends.js';
import { createProject, type CreateProjectOptions } from '../../src/project/project.js';
import { BANDWIDTH, CONTEXT_STATEMENTS, ENUM_OPTIONS, optionValues, STORAGE_CLASSES } from '../../src/language/vocabulary.js';

// These tests hand project.lint texts directly instead of readInputs/prepare, which load the
// intent front end for .dsi files: load it once here.
beforeAll(() => loadIntentFrontEnd());

const RUNS = 150;
const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';
const kebab = (s: string) => s.toLowerCase().replace(/_/g, '-');

/** Values that some rule objects to, in some context: drawn more often than the others. */
const DEFECTS: Readonly<Record<string, string>> = { VerifyMode: 'POINT_IN_TIME_CONSISTENT', Atime: 'BEST_EFFORT', PreserveDevices: 'PRESERVE', PreserveDeletedFiles: 'REMOVE' };

function valueOf(o: (typeof ENUM_OPTIONS)[number] | typeof BANDWIDTH): fc.Arbitrary<string | number> {
  if (o.value === 'rate') return fc.constantFrom(-1, 0, 100 * 1024 ** 2);
  const any = fc.constantFrom(...optionValues(o.member));
  return DEFECTS[o.member] ? fc.oneof({ weight: 2, arbitrary: fc.constant(DEFECTS[o.member]) }, { weight: 1, arbitrary: any }) : any;
}

/** Random OverrideOptions (API values), the raw material of defects: pairs, modes and locations rules object to. */
const options = fc
  .subarray([...ENUM_OPTIONS, BANDWIDTH], { minLength: 1 })
  .chain((rows) => fc.tuple(...rows.map((o) => valueOf(o).map((v) => [o.member, v] as const))))
  .map((entries) => Object.fromEntries(entries) as Record<string, string | number>);

const location = fc.constantFrom(...CONTEXT_STATEMENTS.from);
const context = fc.record(
  {
    mode: fc.constantFrom(...CONTEXT_STATEMENTS.mode),
    source: location.map((type) => ({ type })),
    destination: fc.oneof(
      location.map((type) => ({ type })),
      fc.constantFrom(...STORAGE_CLASSES, 'GLACIER', 'DEEP_ARCHIVE').map((storageClass) => ({ type: 'S3' as const, storageClass })),
    ),
  },
  { requiredKeys: ['mode'] },
) as fc.Arbitrary<TaskContext>;

function statement(member: string, value: string | number): string {
  if (member === BANDWIDTH.member) return `bandwidth ${value === -1 ? 'unlimited' : `${value} B/s`}`;
  return `${ENUM_OPTIONS.find((o) => o.member === member)!.keyword} ${kebab(String(value))}`;
}

function taskBlock(c: TaskContext): string {
  const lines = [
    c.mode ? `mode ${kebab(c.mode)}` : '',
    c.source?.type ? `from ${kebab(c.source.type)}` : '',
    c.destination?.type ? `to ${kebab(c.destination.type)}${c.destination.storageClass ? ` storage-class ${kebab(c.destination.storageClass)}` : ''}` : '',
  ].filter(Boolean);
  return `task "${TASK}" {\n    ${lines.join('\n    ')}\n  }`;
}

/** An intent whose options are split between it and a template it extends (fixes of inherited options add statements). */
const intentFile = fc.tuple(options, context, fc.array(fc.boolean(), { minLength: 16, maxLength: 16 })).map(([opts, c, inTemplate]) => {
  const entries = Object.entries(opts);
  const parent = entries.filter((_, i) => inTemplate[i]).map(([m, v]) => `  ${statement(m, v)}`);
  const own = entries.filter((_, i) => !inTemplate[i]).map(([m, v]) => `  ${statement(m, v)}`);
  return `template base {\n${parent.join('\n')}\n}\n\nintent x extends base {\n  ${taskBlock(c)}\n${own.join('\n')}\n}\n`;
});

const requestFile = fc.tuple(options, context, fc.constantFrom('json', 'yaml')).map(([opts, c, format]) => {
  const payload = { TaskArn: TASK, OverrideOptions: opts };
  return { name: `r.${format}`, text: format === 'json' ? `${JSON.stringify(payload, null, 2)}\n` : stringify(payload), context: c };
});

function lintTwice(file: string, text: string, extra: Partial<CreateProjectOptions> = {}) {
  const project = createProject({ cwd: mkdtempSync(join(tmpdir(), 'dsi-fixprop-')), ...extra });
  const inputs = (t: string) => ({ files: [file], texts: new Map([[file, t]]), problems: [] });
  const first = project.lint(inputs(text), { fix: true });
  const fixed = first.fixes.get(file)?.after ?? text;
  const before = project.lint(inputs(text)).diagnostics;
  const after = project.lint(inputs(fixed)).diagnostics;
  return { fixed, before, after, firstRun: first.diagnostics };
}

function expectFixedClean(before: readonly Diagnostic[], after: readonly Diagnostic[], shown: string): void {
  const key = (d: Diagnostic) => `${d.ruleId}: ${d.message}`;
  const errorsBefore = new Set(before.filter((d) => d.severity === 'error').map(key));
  expect(after.filter((d) => d.severity === 'error' && !errorsBefore.has(key(d))).map(key), shown).toEqual([]);
  // A problem still fixable after --fix is one whose fixes conflict: the fix run said so.
  const fixable = after.filter((d) => d.fix);
  if (fixable.length > 0) expect(shown).toContain('fix-conflict');
}

describe('dsi lint --fix', () => {
  it(`leaves generated intents with no fixable problem and no new error (${RUNS} runs)`, () => {
    let fixedSome = 0;
    fc.assert(
      fc.property(intentFile, (text) => {
        const { fixed, before, after, firstRun } = lintTwice('a.dsi', text);
        if (fixed !== text) fixedSome++;
        expectFixedClean(before, after, `${text}\n--- fixed:\n${fixed}\n${firstRun.map((d) => d.ruleId).join(' ')}`);
      }),
      { numRuns: RUNS },
    );
    // The law must have been tested on files that had something to fix.
    expect(fixedSome).toBeGreaterThan(RUNS / 5);
  });

  it(`leaves generated JSON and YAML request files with no fixable problem and no new error (${RUNS} runs)`, () => {
    let fixedSome = 0;
    fc.assert(
      fc.property(requestFile, ({ name, text, context: c }) => {
        const { fixed, before, after, firstRun } = lintTwice(name, text, { context: (arn) => (arn === TASK ? c : undefined) });
        if (fixed !== text) fixedSome++;
        expectFixedClean(before, after, `${text}\n--- fixed:\n${fixed}\n${firstRun.map((d) => d.ruleId).join(' ')}`);
      }),
      { numRuns: RUNS },
    );
    expect(fixedSome).toBeGreaterThan(RUNS / 5);
  });
});
