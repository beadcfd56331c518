/**
 * Differential test: request documents (valid ones built from the model, and single-point
 * mutations of every constraint kind) judged by dsi (the precompiled schema, and `lint` of the
 * JSON text with no rules) and by an independent oracle written here from the official model's
 * traits (test/fixtures/model/start-task-execution.json, extracted from the Smithy model; not the
 * generated schema). They must agree on every document.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePayload } from '../../src/schema/index.js';
import { lint } from '../../src/project/lint.js';
import { repoRoot, sharedDir } from '../helpers.js';

interface ModelShape {
  readonly type: string;
  readonly traits: Record<string, any>;
  readonly members?: Record<string, { readonly target: string; readonly traits: Record<string, any> }>;
  readonly member?: { readonly target: string };
}
const fixturePath = join(repoRoot, 'test', 'fixtures', 'model', 'start-task-execution.json');
const fixture = JSON.parse(readFileSync(fixturePath, 'utf8')) as { root: string; shapes: Record<string, ModelShape> };
const shapes = fixture.shapes;
const modelPath = join(sharedDir, 'reference', 'datasync-2018-11-09.json');

// ---------------------------------------------------------------- the oracle (Smithy traits, read directly)

const INT64_MAX = 2 ** 63;
const enumValues = (s: ModelShape) => Object.values(s.members ?? {}).map((m) => m.traits['smithy.api#enumValue'] as string);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The JSON Pointers at which `value` breaks the model's constraints for `shape` (empty: valid). */
function oracle(value: unknown, shapeName: string, path = '', out: string[] = []): string[] {
  const s = shapes[shapeName];
  const t = s.traits;
  const length = t['smithy.api#length'] as { min?: number; max?: number } | undefined;
  const inLength = (n: number) => (length?.min === undefined || n >= length.min) && (length?.max === undefined || n <= length.max);
  switch (s.type) {
    case 'structure': {
      if (!isObject(value)) return out.push(path), out;
      for (const k of Object.keys(value)) if (!Object.hasOwn(s.members!, k)) out.push(`${path}/${k}`);
      for (const [m, def] of Object.entries(s.members!)) {
        if (!Object.hasOwn(value, m)) {
          if ('smithy.api#required' in def.traits) out.push(path);
          continue;
        }
        oracle(value[m], def.target, `${path}/${m}`, out);
      }
      return out;
    }
    case 'list':
      if (!Array.isArray(value) || !inLength(value.length)) return out.push(path), out;
      value.forEach((item, i) => oracle(item, s.member!.target, `${path}/${i}`, out));
      return out;
    case 'string':
    case 'enum': {
      if (typeof value !== 'string') return out.push(path), out;
      const pattern = t['smithy.api#pattern'] as string | undefined;
      const ok = inLength([...value].length) && (pattern === undefined || new RegExp(pattern, 'u').test(value)) && (s.type !== 'enum' || enumValues(s).includes(value));
      if (!ok) out.push(path);
      return out;
    }
    case 'long': {
      const range = t['smithy.api#range'] as { min?: number; max?: number } | undefined;
      const ok =
        typeof value === 'number' &&
        Number.isInteger(value) &&
        value < INT64_MAX &&
        value >= -INT64_MAX &&
        (range?.min === undefined || value >= range.min) &&
        (range?.max === undefined || value <= range.max);
      if (!ok) out.push(path);
      return out;
    }
    default:
      throw new Error(`the oracle does not know shape type ${s.type}`);
  }
}

// ---------------------------------------------------------------- generators

/** Valid strings per string shape (each checked against the oracle below). */
const STRINGS: Record<string, fc.Arbitrary<string>> = {
  TaskArn: fc
    .tuple(fc.constantFrom('aws', 'aws-cn', 'aws-us-gov'), fc.stringMatching(/^[0-9]{12}$/), fc.stringMatching(/^[0-9a-f]{17}$/))
    .map(([p, a, h]) => `arn:${p}:datasync:us-east-1:${a}:task/task-${h}`),
  FilterValue: fc.array(fc.stringMatching(/^\/[a-z0-9*._-]{1,12}$/), { minLength: 1, maxLength: 4 }).map((ps) => ps.join('|')),
  S3Subdirectory: fc.stringMatching(/^[a-zA-Z0-9_+./()-]{0,30}$/),
  IamRoleArn: fc.tuple(fc.stringMatching(/^[0-9]{12}$/), fc.stringMatching(/^[a-zA-Z0-9+=,.@_-]{1,20}$/)).map(([a, n]) => `arn:aws:iam::${a}:role/${n}`),
  S3BucketArn: fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,20}[a-z0-9]$/).map((b) => `arn:aws:s3:::${b}`),
  S3ObjectVersionId: fc.stringMatching(/^[a-zA-Z0-9._-]{1,30}$/),
  TagKey: fc.stringMatching(/^[a-zA-Z0-9+=._:/-]{1,20}$/),
  TagValue: fc.stringMatching(/^[a-zA-Z0-9+=._:@/-]{1,20}$/),
};

/** A valid value of `shapeName`, every optional member present or not. */
function valid(shapeName: string): fc.Arbitrary<unknown> {
  const s = shapes[shapeName];
  switch (s.type) {
    case 'structure': {
      const members = Object.fromEntries(Object.entries(s.members!).map(([m, def]) => [m, valid(def.target)]));
      const required = Object.entries(s.members!).filter(([, d]) => 'smithy.api#required' in d.traits).map(([m]) => m);
      return fc.record(members, { requiredKeys: required });
    }
    case 'list': {
      const length = s.traits['smithy.api#length'] ?? {};
      return fc.array(valid(s.member!.target), { minLength: length.min ?? 0, maxLength: Math.min(length.max ?? 3, 3) });
    }
    case 'enum':
      return fc.constantFrom(...enumValues(s));
    case 'long':
      return fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 2 ** 31 }), fc.constant(Number.MAX_SAFE_INTEGER));
    case 'string': {
      const strings = STRINGS[shapeName];
      if (!strings) throw new Error(`no valid strings for ${shapeName}`);
      return strings;
    }
    default:
      throw new Error(`no generator for ${s.type}`);
  }
}

type Kind = 'missing-required' | 'unknown-member' | 'wrong-type' | 'enum' | 'too-long' | 'too-short' | 'pattern' | 'too-many' | 'range' | 'not-integer' | 'null';

/** Every single-point mutation of `doc`: one constraint of one member broken. */
function mutations(doc: unknown): { kind: Kind; pointer: string; doc: unknown }[] {
  const out: { kind: Kind; pointer: string; doc: unknown }[] = [];
  const at = (path: (string | number)[], change: (parent: any, key: string | number) => void, kind: Kind) => {
    const copy = structuredClone(doc) as any;
    let parent = copy;
    for (const k of path.slice(0, -1)) parent = parent[k];
    if (path.length === 0) {
      const holder = { root: copy };
      change(holder, 'root');
      out.push({ kind, pointer: '', doc: holder.root });
      return;
    }
    change(parent, path[path.length - 1]);
    out.push({ kind, pointer: '/' + path.join('/'), doc: copy });
  };
  const walk = (value: any, shapeName: string, path: (string | number)[]) => {
    const s = shapes[shapeName];
    const length = s.traits['smithy.api#length'] ?? {};
    if (path.length > 0) {
      at(path, (p, k) => (p[k] = null), 'null');
      at(path, (p, k) => (p[k] = s.type === 'structure' ? 'x' : s.type === 'list' ? { x: 1 } : s.type === 'long' ? '5' : 5), 'wrong-type');
    }
    switch (s.type) {
      case 'structure':
        at(path, (p, k) => (p[k].Unknown = 'x'), 'unknown-member');
        for (const [m, def] of Object.entries(s.members!)) {
          if (value[m] === undefined) continue;
          if ('smithy.api#required' in def.traits) at(path, (p, k) => delete p[k][m], 'missing-required');
          walk(value[m], def.target, [...path, m]);
        }
        break;
      case 'list':
        if (length.max !== undefined) at(path, (p, k) => (p[k] = Array.from({ length: length.max + 1 }, () => structuredClone(value[0] ?? {}))), 'too-many');
        value.forEach((item: unknown, i: number) => walk(item, s.member!.target, [...path, i]));
        break;
      case 'enum':
        at(path, (p, k) => (p[k] = 'NOT_A_VALUE'), 'enum');
        at(path, (p, k) => (p[k] = String(p[k]).toLowerCase()), 'enum');
        break;
      case 'string':
        if (length.max !== undefined) at(path, (p, k) => (p[k] = String(p[k]).padEnd(length.max + 1, 'a')), 'too-long');
        at(path, (p, k) => (p[k] = ''), 'too-short');
        at(path, (p, k) => (p[k] = `${p[k]} #\u0000`), 'pattern');
        at(path, (p, k) => (p[k] = `\u00e9${p[k]}`), 'pattern');
        break;
      case 'long':
        at(path, (p, k) => (p[k] = -2), 'range');
        at(path, (p, k) => (p[k] = 1.5), 'not-integer');
        at(path, (p, k) => (p[k] = 2 ** 64), 'range');
        break;
    }
  };
  walk(doc, fixture.root, []);
  return out;
}

/** dsi's two verdicts on a document: the schema, and `lint` of its JSON text with no rules. */
function dsiValid(doc: unknown): { schema: boolean; lint: boolean } {
  const errors = lint(JSON.stringify(doc), { filename: 'request.json', rules: [] }).diagnostics.filter((d) => d.severity === 'error');
  return { schema: validatePayload(doc).length === 0, lint: errors.length === 0 };
}

// ---------------------------------------------------------------- the tests

describe('the model fixture', () => {
  it.skipIf(!existsSync(modelPath))('is what scripts/extract-model-fixture.mjs makes from the model in ../shared', async () => {
    const { extract } = (await import(join(repoRoot, 'scripts', 'extract-model-fixture.mjs'))) as { extract: (text: string) => unknown };
    expect(extract(readFileSync(modelPath, 'utf8'))).toEqual(fixture);
  });

  it('every valid string generator is valid by the oracle', () => {
    for (const [name, strings] of Object.entries(STRINGS)) {
      for (const s of fc.sample(strings, { numRuns: 50, seed: 7 })) expect(oracle(s, name), `${name}: ${s}`).toEqual([]);
    }
  });
});

describe('dsi and the model agree', () => {
  it('on valid documents and on every single-point mutation of them', () => {
    const counts: Record<string, { total: number; invalid: number; disagree: number }> = { valid: { total: 0, invalid: 0, disagree: 0 } };
    const disagreements: string[] = [];
    const judge = (label: string, doc: unknown) => {
      const expectedValid = oracle(doc, fixture.root).length === 0;
      const got = dsiValid(doc);
      const c = (counts[label] ??= { total: 0, invalid: 0, disagree: 0 });
      c.total++;
      if (!expectedValid) c.invalid++;
      if (got.schema !== expectedValid || got.lint !== expectedValid) {
        c.disagree++;
        if (disagreements.length < 10) disagreements.push(`${label}: model says ${expectedValid ? 'valid' : 'invalid'}, schema ${got.schema}, lint ${got.lint}: ${JSON.stringify(doc).slice(0, 300)}`);
      }
    };
    for (const doc of fc.sample(valid(fixture.root), { numRuns: 30, seed: 20261203 })) {
      judge('valid', doc);
      for (const m of mutations(doc)) judge(m.kind, m.doc);
    }
    const total = Object.values(counts).reduce((n, c) => n + c.total, 0);
    console.log(`differential: ${total} documents, ${JSON.stringify(counts)}`);
    expect(disagreements).toEqual([]);
    expect(counts.valid.invalid).toBe(0);
    // Every constraint kind was exercised.
    expect(Object.keys(counts).sort()).toEqual(
      ['enum', 'missing-required', 'not-integer', 'null', 'pattern', 'range', 'too-long', 'too-many', 'too-short', 'unknown-member', 'valid', 'wrong-type'].sort(),
    );
  }, 120_000);
});
