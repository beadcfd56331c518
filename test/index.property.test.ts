/**
 * The public API never throws on any text or on missing or odd options: every exported function
 * that takes text or options is called with arbitrary text and option objects.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

/** Exported functions this property does not call, and why. */
const NOT_CALLED: Record<string, string> = {
  writeFilesAtomically: 'writes files: arbitrary paths would write into the checkout',
  resolveTaskContext: 'calls AWS',
  sendStartTaskExecution: 'calls AWS',
  loadPlugins: 'imports code named by its argument',
  OutputError: 'an error class',
  createRule: 'takes a rule definition, not text; an invalid one is a programming error it reports by throwing at load',
  runRules: 'takes a payload and rules, not text (tested with throwing and looping rules in test/rules/engine.test.ts)',
  policyRules: 'takes compiled policy declarations, not text',
  hasErrors: 'takes diagnostics',
  isInternal: 'takes a diagnostic',
  isConfigProblem: 'takes a diagnostic',
  reportUnusedSuppressions: 'takes lint results',
  ruleInfo: 'takes rules',
  checkRuleIds: 'takes a resolved configuration and rules',
  isLocked: 'takes a resolved configuration',
  describeConfig: 'takes a resolved configuration',
  applyEdits: 'takes text edits (ranges) besides the text',
  applyFixes: 'takes checked files with their fixes',
  printFile: 'takes a parsed file (AST)',
};

const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.constantFrom('', '{}', '[]', 'TaskArn: x\n', 'intent a {\n  task "x"\n}\n', '__proto__', 'constructor', '\uFEFF', '\0', '\r\n\r'),
);
const fileName = fc.oneof(fc.constantFrom('a.dsi', 'r.json', 'r.yaml', 'r.yml', 'x.txt', '', '__proto__', 'a.DSI'), fc.string({ maxLength: 20 }));
/** Option objects as a JavaScript caller might pass them: missing, empty, or with odd members. */
const options = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant({}),
  fc.record({ filename: fileName }),
  fc.record(
    {
      filename: fc.oneof(fileName, fc.integer(), fc.constant(undefined)),
      cwd: fc.constant(undefined),
      rules: fc.oneof(fc.constant(undefined), fc.constant(false), fc.constant([])),
      ruleSettings: fc.oneof(fc.constant(undefined), fc.dictionary(fc.string({ maxLength: 8 }), fc.constantFrom('off', 'error', 'warning', 'info'))),
      reportUnusedSuppressions: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
);

/** Each callable export with the arguments it is called with. */
const CALLS: Record<string, fc.Arbitrary<unknown[]>> = {
  compile: fc.tuple(text, options),
  lint: fc.tuple(text, options),
  parse: fc.tuple(text, fileName),
  parseRequest: fc.tuple(text, fileName, fc.constantFrom(undefined, 'json', 'yaml')),
  requestFormatOf: fc.tuple(text),
  isLintable: fc.tuple(text),
  loadPolicyFile: fc.tuple(text, options),
  findRule: fc.tuple(text),
  validatePayload: fc.tuple(fc.jsonValue({ maxDepth: 4 })),
  findProjectRoot: fc.tuple(text),
  createImportReader: fc.tuple(fileName, options),
  configFor: fc.tuple(fileName, options),
  configure: fc.tuple(fileName, options),
  createSettings: fc.tuple(options),
  createProject: fc.tuple(options),
  createCompileCache: fc.tuple(),
  createImportMemo: fc.tuple(),
  formatText: fc.tuple(text, fileName),
  decompile: fc.tuple(fc.jsonValue({ maxDepth: 4 }), options),
  createConfigCache: fc.tuple(),
};

describe('the public API', () => {
  it('names every exported function: called by the property, or excused', () => {
    const functions = Object.entries(api).filter(([, v]) => typeof v === 'function').map(([k]) => k).sort();
    expect(functions.filter((f) => !(f in CALLS) && !(f in NOT_CALLED))).toEqual([]);
  });

  it('never throws (nor rejects) on any text or options, and leaves Object.prototype alone', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const names = Object.keys(CALLS);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names).chain((name) => CALLS[name].map((args) => [name, args] as const)),
        async ([name, args]) => {
          const result = (api as unknown as Record<string, (...a: unknown[]) => unknown>)[name](...args);
          if (result instanceof Promise) await result;
          expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('lint() and compile() take text alone', () => {
    expect(api.lint('{}').diagnostics.map((d) => d.ruleId)).toContain('schema');
    expect(api.lint('intent a {\n}\n').diagnostics.map((d) => [d.file, d.ruleId])).toContainEqual(['input.dsi', 'missing-task']);
    expect(api.compile('intent a {\n}\n').intents.map((i) => i.name)).toEqual(['a']);
  });
});
