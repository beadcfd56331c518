import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from '../../src/grammar/index.js';
import { allDiagnostics, codeBlocks, compileFiles, fixture, hasShared, languageMd } from '../helpers.js';

const expected = JSON.parse(fixture('language', 'nightly.expected.json'));

describe('LANGUAGE.md first example', () => {
  const files = { 'defaults.dsi': fixture('language', 'defaults.dsi'), 'nightly.dsi': fixture('language', 'nightly.dsi') };

  it('compiles to exactly the JSON shown, key order included', () => {
    const result = compileFiles(files, 'nightly.dsi');
    expect(result.intents.map((i) => i.name)).toEqual(['nightly-archive']);
    expect(JSON.stringify(result.intents[0].payload)).toBe(JSON.stringify(expected));
  });

  it('compiles with no error-level diagnostic, rules included', () => {
    const result = compileFiles(files, 'nightly.dsi');
    expect(allDiagnostics(result).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('carries the task context block as context, not payload', () => {
    const [intent] = compileFiles(files, 'nightly.dsi').intents;
    expect(intent.context).toEqual({ mode: 'ENHANCED', source: { type: 'NFS' }, destination: { type: 'S3', storageClass: 'DEEP_ARCHIVE' } });
  });

  it('a file of templates only compiles to no intents', () => {
    const result = compileFiles(files, 'defaults.dsi');
    expect(result.intents).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});

// The fixtures above are copies; this checks them against the contract itself whenever it is present.
describe('LANGUAGE.md as CI has it beside the clone', () => {
  if (!hasShared) console.warn(`SKIPPED: ${languageMd} is not present, so the examples were not re-read from the contract`);

  it.skipIf(!hasShared)('every dsi example parses, and the first one compiles to the JSON shown', () => {
    const blocks = codeBlocks(readFileSync(languageMd, 'utf8'));
    const dsi = blocks.filter((b) => b.lang === 'dsi');
    const json = blocks.filter((b) => b.lang === 'json');
    const files: Record<string, string> = {};
    for (const b of dsi) {
      const name = /^# (\S+\.dsi)/.exec(b.code)?.[1];
      if (name) files[name] = b.code;
    }
    expect(Object.keys(files).sort()).toEqual(['defaults.dsi', 'nightly.dsi']);
    for (const b of dsi) expect(parse(b.code, 'example.dsi').diagnostics).toEqual([]);
    const result = compileFiles(files, 'nightly.dsi');
    expect(JSON.stringify(result.intents[0].payload)).toBe(JSON.stringify(JSON.parse(json[0].code)));
    // The fixture copies must not drift from the contract.
    expect(files['nightly.dsi']).toBe(fixture('language', 'nightly.dsi'));
    expect(files['defaults.dsi']).toBe(fixture('language', 'defaults.dsi'));
  });
});
