import { describe, expect, it } from 'vitest';
import { countWork, measureWork, sumStats, WORK_KINDS, WORK_STAGES } from '../../src/core/work.js';
import { lint } from '../../src/project/lint.js';

const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';

describe('counting work', () => {
  it('counts nothing when no run is measured, and what the run did when one is', () => {
    countWork('tokens', 5);
    const { value, stats } = measureWork(() => {
      countWork('tokens', 2);
      countWork('ruleCalls');
      return 'done';
    });
    expect(value).toBe('done');
    expect(stats.counts.tokens).toBe(2);
    expect(stats.counts.ruleCalls).toBe(1);
    expect(stats.counts.characters).toBe(0);
  });

  it('nests: an inner measurement counts in the outer one too', () => {
    const outer = measureWork(() => {
      countWork('tokens');
      const inner = measureWork(() => countWork('tokens', 10));
      expect(inner.stats.counts.tokens).toBe(10);
    });
    expect(outer.stats.counts.tokens).toBe(11);
  });

  it('sums the stats of several runs', () => {
    const a = measureWork(() => countWork('payloads', 2)).stats;
    const b = measureWork(() => countWork('payloads', 3)).stats;
    expect(sumStats([a, b]).counts.payloads).toBe(5);
  });
});

describe('lint({ stats: true })', () => {
  it('reports the work of each stage and their times, and the same diagnostics as without', () => {
    const text = `intent a {\n task "${TASK}"\n include "/a" "/b"\n tag team = "x"\n}\n`;
    const plain = lint(text, { filename: 'a.dsi' });
    const measured = lint(text, { filename: 'a.dsi', stats: true });
    expect(measured.diagnostics).toEqual(plain.diagnostics);
    expect(plain.stats).toBeUndefined();
    const { counts, times } = measured.stats!;
    expect(Object.keys(counts)).toEqual([...WORK_KINDS]);
    expect(Object.keys(times)).toEqual([...WORK_STAGES]);
    expect(counts.characters).toBe(text.length);
    expect(counts.payloads).toBe(1);
    expect(counts.tokens).toBeGreaterThan(10);
    expect(counts.ruleCalls).toBeGreaterThan(5);
    expect(counts.filterPatterns).toBeGreaterThanOrEqual(2);
    expect(times.parse).toBeGreaterThan(0);
    expect(times.check).toBeGreaterThan(0);
  });

  it('counts a request file too', () => {
    const text = JSON.stringify({ TaskArn: TASK, Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a|/b|/c' }] });
    const { counts } = lint(text, { filename: 'r.datasync.json', stats: true }).stats!;
    expect(counts.characters).toBe(text.length);
    expect(counts.tokens).toBe(0);
    expect(counts.syntaxNodes).toBeGreaterThanOrEqual(5);
    expect(counts.filterPatterns).toBeGreaterThanOrEqual(3);
  });
});
