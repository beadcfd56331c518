import { describe, expect, it } from 'vitest';
import type { SourceLocation } from '../../src/core/range.js';
import { LineIndex, START_OF_FILE } from '../../src/core/range.js';
import type { PayloadFix, SourceMap, SourcePart } from '../../src/core/source-map.js';
import type { TextEdit } from '../../src/core/diagnostic.js';
import { createRule, type Rule } from '../../src/rules/create-rule.js';
import { runRules } from '../../src/rules/engine.js';
import { builtinRules } from '../../src/rules/index.js';
import { withOptions } from './helpers.js';

const lines = new LineIndex('x'.repeat(1000));
const at = (file: string, start: number, end = start + 3): SourceLocation => ({ file, range: lines.range(start, end) });

/** A source map over a table of pointer → location (the key part at the same place unless given). */
function fakeMap(table: Record<string, SourceLocation>, keys: Record<string, SourceLocation> = {}, edits?: (fix: PayloadFix) => TextEdit[] | undefined): SourceMap {
  return {
    get: (pointer: string, part: SourcePart = 'value') => (part === 'key' ? (keys[pointer] ?? table[pointer]) : table[pointer]),
    ...(edits ? { edits } : {}),
  };
}

const twoEnds = (label?: string) =>
  createRule({
    id: 'two-ends',
    meta: {
      description: 'test rule',
      severity: 'error',
      docs: { sources: [{ label: 'x', url: 'https://example.com' }] },
      messages: { clash: '{{a}} clashes with {{b}}' },
    },
    check({ report }) {
      report({
        pointer: '/OverrideOptions/Atime',
        messageId: 'clash',
        data: { a: 'atime', b: 'mtime' },
        ...(label ? { label } : {}),
        related: [{ pointer: '/OverrideOptions/Mtime', message: 'mtime is set here' }],
      });
    },
  });

const base = { file: 'main.dsi', payload: withOptions({ Atime: 'NONE' }), context: {} };

describe('runRules', () => {
  it('places a report at its pointer, fills the message and keeps the message id', () => {
    const map = fakeMap({ '/OverrideOptions/Atime': at('main.dsi', 50), '/OverrideOptions/Mtime': at('main.dsi', 10) });
    const [d] = runRules({ ...base, sourceMap: map, rules: [twoEnds()] });
    expect(d).toMatchObject({ file: 'main.dsi', ruleId: 'two-ends', severity: 'error', messageId: 'clash', message: 'atime clashes with mtime' });
    expect(d.range.start.offset).toBe(50);
    expect(d.related).toEqual([{ ...at('main.dsi', 10), message: 'mtime is set here' }]);
  });

  it('moves a conflict to the later of its two places, the earlier becoming related', () => {
    const map = fakeMap({ '/OverrideOptions/Atime': at('main.dsi', 10), '/OverrideOptions/Mtime': at('main.dsi', 50) });
    const [d] = runRules({ ...base, sourceMap: map, rules: [twoEnds('atime is set here')] });
    expect(d.range.start.offset).toBe(50);
    expect(d.related).toEqual([{ ...at('main.dsi', 10), message: 'atime is set here' }]);
    // Without a label the moved place still gets a message.
    const [e] = runRules({ ...base, sourceMap: map, rules: [twoEnds()] });
    expect(e.related?.[0].message).toBe('the other end of this problem');
  });

  it('counts the checked file as later than the files it extends', () => {
    const map = fakeMap({ '/OverrideOptions/Atime': at('zzz-template.dsi', 900), '/OverrideOptions/Mtime': at('main.dsi', 5) });
    const [d] = runRules({ ...base, sourceMap: map, rules: [twoEnds('atime is set here')] });
    expect(d.file).toBe('main.dsi');
    expect(d.related).toEqual([{ ...at('zzz-template.dsi', 900), message: 'atime is set here' }]);
    // Between two other files, names decide.
    const other = fakeMap({ '/OverrideOptions/Atime': at('b.dsi', 1), '/OverrideOptions/Mtime': at('a.dsi', 500) });
    expect(runRules({ ...base, sourceMap: other, rules: [twoEnds()] })[0].file).toBe('b.dsi');
  });

  it('drops a related place that maps nowhere or only to the document root', () => {
    const map = fakeMap({ '': at('main.dsi', 0), '/OverrideOptions/Atime': at('main.dsi', 50) });
    const [d] = runRules({ ...base, sourceMap: map, rules: [twoEnds()] });
    expect(d.range.start.offset).toBe(50);
    expect(d.related).toBeUndefined();
  });

  it('finds a related place through its nearest recorded parent (by key)', () => {
    const map = fakeMap({ '/OverrideOptions/Atime': at('main.dsi', 50) }, { '/OverrideOptions': at('main.dsi', 20) });
    const [d] = runRules({ ...base, sourceMap: map, rules: [twoEnds('atime')] });
    expect(d.range.start.offset).toBe(50);
    expect(d.related?.[0].range.start.offset).toBe(20);
  });

  it('prefers a related place over a report that maps only to the document root', () => {
    const map = fakeMap({ '': at('main.dsi', 0), '/OverrideOptions/Mtime': at('main.dsi', 40) });
    const [d] = runRules({ ...base, sourceMap: map, rules: [twoEnds('atime')] });
    expect(d.range.start.offset).toBe(40);
    expect(d.related).toBeUndefined();
    const nowhere = fakeMap({ '/OverrideOptions/Mtime': at('other.dsi', 40) });
    expect(runRules({ ...base, sourceMap: nowhere, rules: [twoEnds('atime')] })[0]).toMatchObject({ file: 'other.dsi' });
  });

  it('falls back to the start of the checked file when nothing maps', () => {
    const [d] = runRules({ ...base, sourceMap: fakeMap({}), rules: [twoEnds()] });
    expect(d).toMatchObject({ file: 'main.dsi', range: START_OF_FILE });
    expect(d.related).toBeUndefined();
  });

  it('applies settings: off skips a rule, a severity replaces the rule’s and the report’s', () => {
    const map = fakeMap({});
    expect(runRules({ ...base, sourceMap: map, rules: [twoEnds()], settings: { 'two-ends': 'off' } })).toEqual([]);
    expect(runRules({ ...base, sourceMap: map, rules: [twoEnds()], settings: { 'two-ends': 'info' } })[0].severity).toBe('info');
    const perReport = createRule({
      id: 'per-report',
      meta: { description: 'd', severity: 'error', docs: { sources: [] }, messages: { m: 'm' } },
      check: ({ report }) => report({ pointer: '', messageId: 'm', severity: 'warning' }),
    });
    expect(runRules({ ...base, sourceMap: map, rules: [perReport] })[0].severity).toBe('warning');
    expect(runRules({ ...base, sourceMap: map, rules: [perReport], settings: { 'per-report': 'error' } })[0].severity).toBe('error');
  });

  it('skips a rule whose needed context is unknown', () => {
    let ran = 0;
    const needy = createRule({
      id: 'needy',
      meta: { description: 'd', severity: 'error', docs: { sources: [] }, messages: { m: 'mode {{mode}}' }, needs: ['mode', 'destination'] },
      check: ({ context, report }) => {
        ran++;
        report({ pointer: '', messageId: 'm', data: { mode: String(context.mode) } });
      },
    });
    expect(runRules({ ...base, context: { mode: 'BASIC' }, sourceMap: fakeMap({}), rules: [needy] })).toEqual([]);
    expect(ran).toBe(0);
    const out = runRules({ ...base, context: { mode: 'BASIC', destination: { type: 'S3' } }, sourceMap: fakeMap({}), rules: [needy] });
    expect(out.map((d) => d.message)).toEqual(['mode BASIC']);
  });

  it('reports a rule whose `meta.needs` is not a list as failed, instead of reading the letters', () => {
    const odd = { id: 'odd', meta: { description: 'd', severity: 'error', docs: { sources: [] }, messages: { m: 'm' }, needs: 'mode' }, check: () => undefined } as unknown as Parameters<typeof runRules>[0]['rules'][number];
    const out = runRules({ ...base, context: {}, sourceMap: fakeMap({}), rules: [odd] });
    expect(out.map((d) => [d.ruleId, d.message])).toEqual([['odd', 'rule odd failed: `meta.needs` must be a list of task context keys']]);
  });

  it('turns a throwing rule into one error naming it, and goes on with the next rule', () => {
    const broken = createRule({
      id: 'broken',
      meta: { description: 'd', severity: 'warning', docs: { sources: [] }, messages: { m: 'm' } },
      check: ({ report }) => {
        report({ pointer: '', messageId: 'm' });
        throw new TypeError('boom');
      },
    });
    const out = runRules({ ...base, sourceMap: fakeMap({}), rules: [broken, twoEnds()] });
    expect(out[0]).toEqual({ file: 'main.dsi', range: START_OF_FILE, severity: 'error', ruleId: 'broken', messageId: 'rule-failed', message: 'rule broken failed: boom' });
    expect(out.slice(1).map((d) => d.ruleId)).toEqual(['two-ends']);
  });

  it('stops a rule that loops once its time budget is spent, reports it, and goes on with the next rule', () => {
    const looping = createRule({
      id: 'looping',
      meta: { description: 'd', severity: 'warning', docs: { sources: [] }, messages: { m: 'm' } },
      check: () => {
        // Even a rule that catches every error cannot keep running.
        for (;;) {
          try {
            for (;;);
          } catch {
            /* swallowed */
          }
        }
      },
    });
    const started = performance.now();
    const out = runRules({ ...base, sourceMap: fakeMap({}), rules: [looping, twoEnds(), looping], timeBudgetMs: 100 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(out.map((d) => [d.ruleId, d.messageId])).toEqual([
      ['looping', 'rule-failed'],
      ['two-ends', 'clash'],
      ['looping', 'rule-failed'],
    ]);
    expect(out[0].message).toBe('rule looping failed: it ran for more than 100 ms on this payload and was stopped');
  });

  it('gives the built-in rules one shared budget per payload, and blames the one that ran out', () => {
    const out = runRules({ ...base, sourceMap: fakeMap({}), rules: builtinRules, timeBudgetMs: 1000 });
    expect(out.filter((d) => d.messageId === 'rule-failed')).toEqual([]);
  });

  it('reports an unknown message id as a rule failure', () => {
    const typo = createRule({
      id: 'typo',
      meta: { description: 'd', severity: 'warning', docs: { sources: [] }, messages: { right: 'm' } },
      // @ts-expect-error -- 'wrong' is not one of the rule's message ids; a typo fails to type-check, and at run time is a rule failure
      check: ({ report }) => report({ pointer: '', messageId: 'wrong' }),
    });
    expect(runRules({ ...base, sourceMap: fakeMap({}), rules: [typo] })[0].message).toBe('rule typo failed: unknown messageId `wrong`');
  });

  it('gives rules a frozen copy: a rule cannot change the payload others see', () => {
    const payload = withOptions({ Atime: 'NONE' });
    const writer = createRule({
      id: 'writer',
      meta: { description: 'd', severity: 'warning', docs: { sources: [] }, messages: { m: 'm' } },
      check: ({ payload: p }) => {
        (p.OverrideOptions as Record<string, unknown>).Atime = 'BEST_EFFORT';
      },
    });
    const out = runRules({ ...base, payload, sourceMap: fakeMap({}), rules: [writer] });
    expect(out[0].message).toMatch(/^rule writer failed: /);
    expect(payload.OverrideOptions.Atime).toBe('NONE');
  });

  it('renders a fix through the source map, and offers none when the front end cannot', () => {
    const fixer = createRule({
      id: 'fixer',
      meta: { description: 'd', severity: 'error', docs: { sources: [] }, messages: { m: 'm' } },
      check: ({ report }) => report({ pointer: '/OverrideOptions/Atime', messageId: 'm', fix: { description: 'write `atime none`', pointer: '/OverrideOptions/Atime', value: 'NONE' } }),
    });
    const seen: PayloadFix[] = [];
    const edit: TextEdit = { ...at('main.dsi', 50), text: 'none' };
    const map = fakeMap({ '/OverrideOptions/Atime': at('main.dsi', 50) }, {}, (fix) => {
      seen.push(fix);
      return [edit];
    });
    const [d] = runRules({ ...base, sourceMap: map, rules: [fixer] });
    expect(seen).toEqual([{ description: 'write `atime none`', pointer: '/OverrideOptions/Atime', value: 'NONE' }]);
    expect(d.fix).toEqual({ description: 'write `atime none`', edits: [edit] });
    expect(runRules({ ...base, sourceMap: fakeMap({}), rules: [fixer] })[0].fix).toBeUndefined();
    expect(runRules({ ...base, sourceMap: fakeMap({}, {}, () => undefined), rules: [fixer] })[0].fix).toBeUndefined();
    const throwing = fakeMap({}, {}, () => {
      throw new Error('cannot');
    });
    expect(runRules({ ...base, sourceMap: throwing, rules: [fixer] })[0].fix).toBeUndefined();
  });

  it('passes options over the rule’s defaults', () => {
    const seen: unknown[] = [];
    const withOpts: Rule<{ max: number; flag: boolean }> = createRule<{ max: number; flag: boolean }>({
      id: 'with-options',
      meta: { description: 'd', severity: 'warning', docs: { sources: [] }, messages: { m: 'm' }, defaultOptions: { max: 1, flag: true }, schema: { type: 'object' } },
      check: ({ options }) => void seen.push(options),
    });
    runRules({ ...base, sourceMap: fakeMap({}), rules: [withOpts] });
    runRules({ ...base, sourceMap: fakeMap({}), rules: [withOpts], options: { 'with-options': { max: 5 } } });
    expect(seen).toEqual([{ max: 1, flag: true }, { max: 5, flag: true }]);
  });

  it('runs the built-in rules when given them, also on payloads that are not objects', () => {
    for (const payload of [null, 42, 'text', [], { OverrideOptions: [] }, { Includes: 'x', ManifestConfig: 1, TaskReportConfig: [] }]) {
      expect(runRules({ file: 'r.json', payload, context: { mode: 'ENHANCED', source: { type: 'EFS' }, destination: { type: 'S3', storageClass: 'GLACIER', uri: 's3://b/' } }, sourceMap: fakeMap({}), rules: builtinRules })).toEqual([]);
    }
    const out = runRules({ file: 'r.json', payload: withOptions({ Atime: 'BEST_EFFORT', Mtime: 'NONE' }), context: {}, sourceMap: fakeMap({}), rules: builtinRules });
    expect(out.map((d) => d.ruleId)).toEqual(['atime-mtime-pair']);
    expect(builtinRules.length).toBeGreaterThan(20);
  });
});

describe('createRule', () => {
  it('adds the docs link and rejects malformed ids', () => {
    const r = twoEnds();
    expect(r.meta.docsUrl).toBe('https://github.com/datasync-intent/dsi/blob/main/docs/rules/two-ends.md');
    const meta = { description: 'd', severity: 'error', docs: { sources: [] }, messages: { m: 'm' } } as const;
    expect(() => createRule({ id: 'Bad Id', meta, check: () => {} })).toThrow(/kebab-case/);
    expect(createRule({ id: 'my-plugin/no-prod', meta: { ...meta, docs: { sources: [], url: 'https://x/y' } }, check: () => {} }).meta.docsUrl).toBe('https://x/y');
  });
});

describe('the dialect of the checked file', () => {
  const speaker = createRule({
    id: 'speaker',
    meta: {
      description: 'test rule',
      severity: 'warning',
      docs: { sources: [{ label: 'x', url: 'https://example.com' }] },
      messages: { say: '{{setting}} is set; {{advice}}' },
    },
    check({ report, words }) {
      report({ pointer: '/OverrideOptions/Atime', messageId: 'say', data: { setting: words.option('Atime', 'NONE'), advice: words.set(['Mtime', 'NONE']) } });
    },
  });
  const run = (dialect?: 'dsi' | 'request') =>
    runRules({ file: 'f', payload: withOptions({ Atime: 'NONE' }), context: {}, sourceMap: fakeMap({}), rules: [speaker], ...(dialect ? { dialect } : {}) })[0].message;

  it('is `.dsi` unless the caller says the file is a request file', () => {
    expect(run()).toBe('`atime none` is set; write `mtime none`');
    expect(run('dsi')).toBe(run());
    expect(run('request')).toBe('Atime NONE is set; set Mtime to NONE');
  });
});
