import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../src/requests/index.js';
import { lint } from '../../src/project/lint.js';
import { jsonDepthOverflow, MAX_NESTING_DEPTH, MAX_REQUEST_LENGTH, yamlDepthOverflow } from '../../src/requests/limits.js';
import { requestFixture, span } from './helpers.js';

/** The smallest limit the scan accepts: its estimate of the text's depth. */
function estimate(scan: (text: string, limit: number) => number, text: string): number {
  let limit = 0;
  while (scan(text, limit) >= 0) limit++;
  return limit;
}

describe('jsonDepthOverflow', () => {
  it('counts brackets and braces, and points at the first one too deep', () => {
    expect(jsonDepthOverflow('[[1]]', 2)).toBe(-1);
    expect(jsonDepthOverflow('[[1]]', 1)).toBe(1);
    expect(jsonDepthOverflow('{"a": [{"b": {}}]}', 3)).toBe(13);
    expect(estimate(jsonDepthOverflow, requestFixture('first-example.json'))).toBe(4);
  });

  it('skips strings and comments as jsonc-parser does', () => {
    expect(jsonDepthOverflow('{"a": "[[[[\\"[[[["}', 1)).toBe(-1);
    expect(jsonDepthOverflow('// [[[[\n/* {{{{ */ {}', 1)).toBe(-1);
    // A string ends at a line break, so what follows counts.
    expect(jsonDepthOverflow('{"a": "x\n[[', 2)).toBe(10);
    // An unterminated block comment runs to the end.
    expect(jsonDepthOverflow('{} /* [[[[', 1)).toBe(-1);
  });
});

describe('yamlDepthOverflow', () => {
  it('estimates a real request low', () => {
    expect(estimate(yamlDepthOverflow, requestFixture('first-example.yaml'))).toBeLessThanOrEqual(8);
    expect(estimate(yamlDepthOverflow, requestFixture('first-example.json'))).toBeLessThanOrEqual(8);
  });

  it('does not count brackets inside scalars, quoted or block', () => {
    expect(yamlDepthOverflow('a: "[[[[[["\nb: \'{{{{\'\n', 1)).toBe(-1);
    expect(yamlDepthOverflow('a: |\n  [[[[[[\n  - - - - -\nb: 1\n', 1)).toBe(-1);
    expect(yamlDepthOverflow('a: x[[[[ # [[[[\n', 1)).toBe(-1);
  });

  it('counts compact sequences and mappings on one line', () => {
    expect(yamlDepthOverflow('- - - - x\n', 3)).toBe(6);
    expect(yamlDepthOverflow('? ? ? x\n', 2)).toBe(4);
    expect(estimate(yamlDepthOverflow, '- a: - b\n')).toBeGreaterThanOrEqual(2);
  });

  it('counts a value written at its key’s indentation', () => {
    expect(estimate(yamlDepthOverflow, '" ":\n[]\n')).toBeGreaterThanOrEqual(2);
    expect(estimate(yamlDepthOverflow, 'a: \n- - x\n')).toBeGreaterThanOrEqual(3);
    // map a > seq > map b > seq > map c > seq: six levels.
    expect(estimate(yamlDepthOverflow, 'a:\n- b:\n  - c:\n    - d\n')).toBeGreaterThanOrEqual(6);
  });

  it('keeps the depth of compact lines for the deeper lines under them', () => {
    const text = '- - - a:\n        - - - b:\n                - - - c\n';
    // Three sequences and a mapping per line, three lines deep.
    expect(estimate(yamlDepthOverflow, text)).toBeGreaterThanOrEqual(11);
  });

  it('counts flow collections and implicit pairs inside flow sequences', () => {
    expect(yamlDepthOverflow('[[[[x]]]]', 3)).toBe(3);
    // seq > map > seq > map > seq > map.
    expect(estimate(yamlDepthOverflow, '[a: [b: [c: 1]]]')).toBeGreaterThanOrEqual(6);
    // A comma closes an implicit pair.
    expect(estimate(yamlDepthOverflow, '[a: 1, b: 2, c: 3]')).toBe(2);
  });
});

describe('parseRequest refuses bombs before parsing', () => {
  const bombs: [string, string][] = [
    ['r.json', '['.repeat(100_000)],
    ['r.json', '{"a":'.repeat(50_000)],
    ['r.yaml', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['r.yaml', '- '.repeat(10_000) + 'x\n'],
    ['r.yaml', '{a: '.repeat(10_000)],
    ['r.yaml', '? '.repeat(10_000) + 'x\n'],
    ['r.yaml', Array.from({ length: 200 }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' v\n'],
  ];
  for (const [file, text] of bombs) {
    it(`${file}: ${JSON.stringify(text.slice(0, 12))}… (${text.length} characters)`, () => {
      const started = performance.now();
      const r = parseRequest(text, file);
      expect(performance.now() - started).toBeLessThan(1500);
      expect(r.payload).toBeUndefined();
      expect(r.diagnostics.map((d) => [d.ruleId, d.messageId])).toEqual([['parse', 'tooDeep']]);
      expect(r.diagnostics[0].message).toContain(`more than ${MAX_NESTING_DEPTH} levels`);
      expect(r.diagnostics[0].range.end.offset).toBeLessThanOrEqual(text.length);
    });
  }

  it('points at the bracket that goes too deep', () => {
    const r = parseRequest('{"a":'.repeat(70), 'r.json');
    expect(span(r.diagnostics[0])).toBe(`1:${5 * MAX_NESTING_DEPTH + 1}-1:${5 * MAX_NESTING_DEPTH + 2}`);
  });

  it('reads a request nested just within the limit', () => {
    const deep = '{"a": '.repeat(MAX_NESTING_DEPTH - 1) + '{}' + '}'.repeat(MAX_NESTING_DEPTH - 1);
    const r = parseRequest(deep, 'r.json');
    expect(r.diagnostics).toEqual([]);
    expect(r.payload).toBeDefined();
  });

  it('refuses a file over the size limit without reading it', () => {
    const text = '{"TaskArn": "' + 'x'.repeat(MAX_REQUEST_LENGTH) + '"}';
    const r = parseRequest(text, 'r.json');
    expect(r.diagnostics.map((d) => [d.messageId, span(d)])).toEqual([['tooLarge', '1:1-1:1']]);
    expect(r.payload).toBeUndefined();
  });

  it('reads a request with two filters of the longest length the API allows', () => {
    const filter = (c: string) => ({ FilterType: 'SIMPLE_PATTERN', Value: c.repeat(102_400) });
    const payload = { TaskArn: 'arn', Includes: [filter('\u00e9')], Excludes: [filter('x')] };
    // Escaped as \u00e9, the longest way JSON can write it.
    const text = JSON.stringify(payload).replace(/\u00e9/g, '\\u00e9');
    expect(text.length).toBeGreaterThan(700_000);
    const r = parseRequest(text, 'r.json');
    expect(r.diagnostics).toEqual([]);
    expect(r.payload).toEqual(payload);
  });
});

describe('linear work on long runs', () => {
  it('200,000 `"` in a YAML file: an error at each, on one line, in linear time (each once scanned to its line end)', () => {
    const text = '"'.repeat(200_000);
    const started = performance.now();
    const r = parseRequest(text, 'r.yaml');
    expect(performance.now() - started).toBeLessThan(8000);
    expect(r.diagnostics.length).toBeGreaterThan(50_000);
    expect(r.diagnostics.every((d) => d.range.start.line === 1 && d.range.end.line === 1 && d.range.end.offset <= text.length)).toBe(true);
  }, 30_000);

  it('a filter of 100,000 patterns (790 KB): a diagnostic at each pattern, in linear time (each string checked once for escapes)', () => {
    const value = Array.from({ length: 100_000 }, (_, i) => `p${i}*`).join('|');
    const text = JSON.stringify({ TaskArn: 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026', Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: value }] });
    const started = performance.now();
    const r = lint(text, { filename: 'r.json' });
    expect(performance.now() - started).toBeLessThan(15_000);
    const leading = r.diagnostics.filter((d) => d.ruleId === 'filter-leading-slash');
    expect(leading).toHaveLength(100_000);
    // The last pattern's diagnostic is at that pattern, inside the string.
    const last = leading.reduce((a, b) => (b.range.start.offset > a.range.start.offset ? b : a));
    expect(text.slice(last.range.start.offset, last.range.end.offset)).toBe('p99999*');
  }, 60_000);
});
