/** Fixes that compose: one edit where rules fix one place, conflicts reported, request files fixed too, never a new error. */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadIntentFrontEnd } from '../../src/project/front-ends.js';
import { createProject } from '../../src/project/project.js';
import { createRule, type Rule } from '../../src/rules/create-rule.js';
import { builtinRules } from '../../src/rules/index.js';
import { runDsi } from '../cli/fake-io.js';

// These tests hand project.lint texts directly instead of readInputs/prepare, which load the
// intent front end for .dsi files: load it once here.
beforeAll(() => loadIntentFrontEnd());

const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';

/** Lints `files` (in memory) with --fix through the orchestrator. */
function fix(files: Record<string, string>, rules: readonly Rule<any>[] = builtinRules) {
  const project = createProject({ cwd: mkdtempSync(join(tmpdir(), 'dsi-fix-')), rules });
  const texts = new Map(Object.entries(files));
  return project.lint({ files: [...texts.keys()], texts, problems: [] }, { fix: true });
}

const inherited = `template base {
  verify point-in-time-consistent
}

intent x extends base {
  task "${TASK}" {
    mode enhanced
    to s3 storage-class glacier
  }
  transfer changed
}
`;

describe('the verify conflict', () => {
  it('point-in-time verification in Enhanced mode and to Glacier, inherited: both rules fix it with one `verify` statement, not two', () => {
    const run = fix({ 'a.dsi': inherited });
    expect(run.fixes.get('a.dsi')?.after).toBe(inherited.replace('  transfer changed\n', '  transfer changed\n  verify only-files-transferred\n'));
    expect(run.diagnostics).toEqual([]);
  });

  // Two rules that each want a different `verify`: the first fix that satisfies both is the one applied.
  const wants = (id: string, bad: readonly string[], value: string) =>
    createRule({
      id,
      meta: { description: `verify must not be ${bad.join(' or ')}`, severity: 'error', docs: { sources: [] }, messages: { bad: 'not {{v}}' } },
      check({ payload, report }) {
        const v = payload.OverrideOptions?.VerifyMode;
        if (v !== undefined && bad.includes(v)) report({ pointer: '/OverrideOptions/VerifyMode', messageId: 'bad', data: { v }, fix: { description: `verify ${value}`, pointer: '/OverrideOptions/VerifyMode', value } });
      },
    });

  it('two rules wanting different values: the value that satisfies both is applied, once', () => {
    const rules = [wants('wants-none', ['POINT_IN_TIME_CONSISTENT', 'ONLY_FILES_TRANSFERRED'], 'NONE'), wants('wants-only-files', ['POINT_IN_TIME_CONSISTENT'], 'ONLY_FILES_TRANSFERRED')];
    const run = fix({ 'a.dsi': inherited }, rules);
    expect(run.fixes.get('a.dsi')?.after).toContain('  transfer changed\n  verify none\n}');
    expect(run.fixes.get('a.dsi')?.after.match(/verify none/g)).toHaveLength(1);
    expect(run.diagnostics).toEqual([]);
  });

  it('two rules that no one value satisfies: nothing is applied, and the conflict is reported', () => {
    const rules = [wants('wants-none', ['POINT_IN_TIME_CONSISTENT', 'ONLY_FILES_TRANSFERRED'], 'NONE'), wants('wants-only-files', ['POINT_IN_TIME_CONSISTENT', 'NONE'], 'ONLY_FILES_TRANSFERRED')];
    const run = fix({ 'a.dsi': inherited }, rules);
    expect(run.fixes.size).toBe(0);
    const conflict = run.diagnostics.find((d) => d.ruleId === 'fix-conflict');
    expect(conflict).toMatchObject({ file: 'a.dsi', severity: 'warning' });
    expect(conflict?.message).toContain('wants-none: verify NONE; wants-only-files: verify ONLY_FILES_TRANSFERRED');
    expect(run.diagnostics.filter((d) => d.ruleId.startsWith('wants-')).map((d) => d.ruleId)).toEqual(['wants-none', 'wants-only-files']);
  });

  it('a fix that would bring a new error is not applied', () => {
    const bogus = createRule({
      id: 'bogus-fix',
      meta: { description: 'offers a fix the language rejects', severity: 'warning', docs: { sources: [] }, messages: { m: 'm' } },
      check({ payload, report }) {
        if (payload.OverrideOptions?.TransferMode === 'CHANGED') report({ pointer: '/OverrideOptions/TransferMode', messageId: 'm', fix: { description: 'x', pointer: '/OverrideOptions/TransferMode', value: 'SOMETIMES' } });
      },
    });
    const run = fix({ 'a.dsi': `intent x {\n  task "${TASK}"\n  transfer changed\n}\n` }, [bogus]);
    expect(run.fixes.size).toBe(0);
    expect(run.diagnostics.map((d) => d.ruleId)).toEqual(['bogus-fix']);
  });
});

describe('--fix on request files', () => {
  const json = `{\n  "TaskArn": "${TASK}",\n  "OverrideOptions": { "Atime": "BEST_EFFORT", "Mtime": "NONE" }\n}\n`;
  const yaml = `TaskArn: ${TASK}\nOverrideOptions:\n  Atime: BEST_EFFORT\n  Mtime: NONE\n`;

  it('writes the fixes of JSON and YAML request files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsi-fix-'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'r.json'), json);
    writeFileSync(join(dir, 'r.yaml'), yaml);
    const r = await runDsi(['lint', '--fix', 'r.json', 'r.yaml'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe(json.replace('"BEST_EFFORT"', '"NONE"'));
    expect(readFileSync(join(dir, 'r.yaml'), 'utf8')).toBe(yaml.replace('BEST_EFFORT', 'NONE'));
  });

  it('--fix-dry-run writes nothing and reports the fixed text as `output` in the json format; stylish marks what --fix would fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsi-fix-'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'r.json'), json);
    const r = await runDsi(['lint', '--fix-dry-run', '--format', 'json', 'r.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe(json);
    expect(JSON.parse(r.stdout)).toMatchObject([{ filePath: 'r.json', messages: [], output: json.replace('"BEST_EFFORT"', '"NONE"') }]);
    const stdin = await runDsi(['lint', '--fix-dry-run', '--format', 'json', '--stdin-filename', 'r.yaml'], { cwd: dir, stdin: yaml });
    expect(JSON.parse(stdin.stdout)[0].output).toBe(yaml.replace('BEST_EFFORT', 'NONE'));
    const stylish = await runDsi(['lint', 'r.json'], { cwd: dir });
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain('  fixable: set Atime to NONE\n');
    expect(stylish.stdout).toContain('1 error and 0 warnings potentially fixable with the `--fix` option.');
  });
});
