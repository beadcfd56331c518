import { describe, expect, it, vi } from 'vitest';

// Counts line indexes built, to show that positions are computed only when something needs them.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/core/range.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/core/range.js')>();
  class CountingLineIndex extends original.LineIndex {
    constructor(text: string) {
      super(text);
      built.count++;
    }
  }
  return { ...original, LineIndex: CountingLineIndex };
});

const { parseRequest } = await import('../../src/requests/index.js');

describe('positions', () => {
  for (const [file, text] of [
    ['r.json', '{"TaskArn": "x", "Tags": [{"Key": "a", "Value": "b"}]}'],
    ['r.yaml', 'TaskArn: x\nTags:\n  - {Key: a, Value: b}\n'],
  ]) {
    it(`are computed only on the first lookup, once (${file})`, () => {
      built.count = 0;
      const r = parseRequest(text, file);
      expect(r.diagnostics).toEqual([]);
      expect(built.count).toBe(0);
      expect(r.sourceMap.get('/Tags/0/Key')?.range.start.line).toBeGreaterThan(0);
      r.sourceMap.get('/TaskArn', 'key');
      expect(built.count).toBe(1);
    });
  }

  it('are computed once for all diagnostics and the source map', () => {
    built.count = 0;
    const r = parseRequest('{"A": 1, "A": 2, "B": 3, "B": 4}', 'r.json');
    expect(r.diagnostics).toHaveLength(2);
    r.sourceMap.get('/A');
    expect(built.count).toBe(1);
  });
});
