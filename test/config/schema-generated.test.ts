import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules } from '../../src/rules/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the published config schema', () => {
  it('dsi.config.schema.json and src/schema/validate-config.cjs are exactly what scripts/generate-config-schema.mjs makes', () => {
    const out = mkdtempSync(join(tmpdir(), 'dsi-config-schema-'));
    try {
      execFileSync(process.execPath, [join(root, 'scripts', 'generate-config-schema.mjs'), out], { stdio: 'pipe' });
      for (const [fresh, committed] of [
        ['dsi.config.schema.json', 'dsi.config.schema.json'],
        ['validate-config.cjs', join('src', 'schema', 'validate-config.cjs')],
      ]) {
        expect(readFileSync(join(out, fresh)).equals(readFileSync(join(root, committed))), `${committed} is stale: run npm run generate:config-schema`).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('lists every built-in rule with its description, has an $id, and is shipped in the package', () => {
    const schema = JSON.parse(readFileSync(join(root, 'dsi.config.schema.json'), 'utf8'));
    expect(schema.$id).toMatch(/^https:\/\//);
    expect(Object.keys(schema.$defs.rules.properties)).toEqual(builtinRules.map((r) => r.id));
    for (const key of Object.keys(schema.properties)) expect(schema.properties[key].description ?? schema.$defs[key]?.description, key).toBeTruthy();
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.files).toContain('dsi.config.schema.json');
    expect(pkg.exports['./dsi.config.schema.json']).toBe('./dsi.config.schema.json');
  });
});
