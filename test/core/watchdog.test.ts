import { describe, expect, it } from 'vitest';
import { runWithinTime } from '../../src/core/watchdog.js';

describe('runWithinTime', () => {
  it('runs the call and says it finished', () => {
    let ran = false;
    expect(runWithinTime(() => (ran = true), 1000)).toBe(true);
    expect(ran).toBe(true);
  });

  it('stops an endless loop, even one that catches, and can run again after', () => {
    const started = Date.now();
    expect(
      runWithinTime(() => {
        for (;;) {
          try {
            while (Date.now() >= 0);
          } catch {
            // a plugin cannot keep itself going by catching the stop
          }
        }
      }, 50),
    ).toBe(false);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(runWithinTime(() => undefined, 50)).toBe(true);
  });

  it('throws on what the call throws', () => {
    expect(() =>
      runWithinTime(() => {
        throw new Error('boom');
      }, 1000),
    ).toThrow('boom');
  });
});
