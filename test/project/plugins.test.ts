import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPlugins, PLUGIN_LOAD_BUDGET_MS, type PluginSpec } from '../../src/project/plugins.js';
import { runRules } from '../../src/rules/engine.js';
import { repoRoot } from '../helpers.js';

const createRuleUrl = pathToFileURL(join(repoRoot, 'src', 'rules', 'create-rule.ts')).href;
const at = (file: string) => ({ file, range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } } });

function plugin(dir: string, name: string, body: string): PluginSpec {
  writeFileSync(join(dir, name), `import { createRule } from ${JSON.stringify(createRuleUrl)};\n${body}\n`);
  return { specifier: `./${name}`, resolvedFrom: dir, from: at(join(dir, 'dsi.config.json')) };
}

const RULE = (id: string, check: string) => `createRule({ id: '${id}', meta: { description: 'd', severity: 'error', docs: { sources: [] }, messages: { m: 'no {{what}}' } }, check(ctx) { ${check} } })`;

describe('plugins', () => {
  it('loads namespaced rules from a module named by configuration, relative to the config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsi-plugins-'));
    const spec = plugin(dir, 'acme.mjs', `export const rules = [${RULE('acme/no-none', "if (ctx.payload.OverrideOptions?.VerifyMode === 'NONE') ctx.report({ pointer: '/OverrideOptions/VerifyMode', messageId: 'm', data: { what: 'none' } });")}];`);
    const loaded = await loadPlugins([spec, spec], new Set());
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.rules.map((r) => r.id)).toEqual(['acme/no-none']);
  });

  it('a rule that throws is a diagnostic naming the plugin and the rule, and the other rules still run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsi-plugins-'));
    const spec = plugin(dir, 'flaky.mjs', `export const rules = { a: ${RULE('flaky/boom', "throw new Error('kaboom');")}, b: ${RULE('flaky/fine', "ctx.report({ pointer: '', messageId: 'm', data: { what: 'x' } });")} };`);
    const { rules } = await loadPlugins([spec], new Set());
    const found = runRules({ file: 'r.json', payload: { TaskArn: 'x' }, context: {}, sourceMap: { get: () => at('r.json') }, rules, dialect: 'request' });
    expect(found.map((d) => [d.ruleId, d.message])).toEqual([
      ['flaky/boom', 'rule flaky/boom failed: (from plugin `./flaky.mjs`) kaboom'],
      ['flaky/fine', 'no x'],
    ]);
  });

  it('reports a plugin it cannot find or load, and rules that are not namespaced, at the config entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsi-plugins-'));
    mkdirSync(join(dir, 'sub'));
    const bare = plugin(dir, 'bare.mjs', `export const rules = [${RULE('no-slash', '')}];`);
    const broken = plugin(dir, 'broken.mjs', 'export const rules = 1; throw new Error("syntax of a sort");');
    const missing: PluginSpec = { specifier: 'dsi-plugin-not-installed', resolvedFrom: join(dir, 'sub'), from: at(join(dir, 'dsi.config.json')) };
    const loaded = await loadPlugins([bare, broken, missing], new Set());
    expect(loaded.rules).toEqual([]);
    expect(loaded.diagnostics.map((d) => [d.file, d.ruleId, d.message])).toEqual([
      [join(dir, 'dsi.config.json'), 'plugin', 'plugin `./bare.mjs`: rule id `no-slash` must be namespaced, as `bare/no-slash`'],
      [join(dir, 'dsi.config.json'), 'plugin', 'plugin `./broken.mjs`: failed to load: syntax of a sort'],
      [join(dir, 'dsi.config.json'), 'plugin', `plugin \`dsi-plugin-not-installed\`: cannot find it from ${join(dir, 'sub')}; give a path relative to the config file (\`./rules/plugin.mjs\`) or install the package`],
    ]);
  });

  describe('a plugin whose module loops while it loads', () => {
    // A rule written out (no createRule import): Node itself loads these modules.
    const plainRule = (id: string) => `{ id: '${id}', meta: { description: 'd', severity: 'error', docs: { sources: [] }, messages: { m: 'm' } }, check() {} }`;
    const spec = (dir: string, name: string, text: string): PluginSpec => {
      writeFileSync(join(dir, name), text);
      return { specifier: `./${name}`, resolvedFrom: dir, from: at(join(dir, 'dsi.config.json')) };
    };
    const stoppedAfter = (name: string, ms: number) =>
      `plugin \`./${name}\`: failed to load: its module ran for more than ${ms} ms while loading and was stopped (an endless loop in its top-level code?); fix the plugin or remove it from \`plugins\``;

    it('is stopped at its budget and reported at the config entry (ES module and CommonJS), and the other plugins still load', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dsi-plugins-'));
      const loopsEsm = spec(dir, 'loops.mjs', `export const rules = [];\nfor (;;) {}\n`);
      const loopsCjs = spec(dir, 'loops.cjs', `try { while (true) {} } catch { while (true) {} }\n`);
      const fine = spec(dir, 'fine.mjs', `export const rules = [${plainRule('fine/ok')}];\n`);
      const started = performance.now();
      const loaded = await loadPlugins([loopsEsm, fine, loopsCjs], new Set(), { loadBudgetMs: 200 });
      expect(performance.now() - started).toBeLessThan(5000);
      expect(loaded.rules.map((r) => r.id)).toEqual(['fine/ok']);
      expect(loaded.diagnostics.map((d) => [d.file, d.ruleId, d.message])).toEqual([
        [join(dir, 'dsi.config.json'), 'plugin', stoppedAfter('loops.mjs', 200)],
        [join(dir, 'dsi.config.json'), 'plugin', stoppedAfter('loops.cjs', 200)],
      ]);
      // Loaded again (another project in the same process), it is the same error, not a half-loaded module.
      const again = await loadPlugins([loopsEsm], new Set(), { loadBudgetMs: 200 });
      expect(again.diagnostics.map((d) => d.message)).toEqual([stoppedAfter('loops.mjs', 200)]);
    });

    it('has a budget of ten seconds by default; a module with top-level await is imported instead', async () => {
      expect(PLUGIN_LOAD_BUDGET_MS).toBe(10_000);
      const dir = mkdtempSync(join(tmpdir(), 'dsi-plugins-'));
      const awaiting = spec(dir, 'awaits.mjs', `await Promise.resolve();\nexport const rules = [${plainRule('awaits/ok')}];\n`);
      const cjs = spec(dir, 'plain.cjs', `module.exports = { rules: [${plainRule('plain/ok')}] };\n`);
      const loaded = await loadPlugins([awaiting, cjs], new Set());
      expect(loaded.diagnostics).toEqual([]);
      expect(loaded.rules.map((r) => r.id)).toEqual(['awaits/ok', 'plain/ok']);
    });
  });
});
