import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { repoRoot } from '../helpers.js';

describe('API documentation', () => {
  it('typedoc renders the public entry points with no warning (every referenced type is exported)', () => {
    // typedoc's exports hide its bin: find it beside its package.json.
    const typedoc = join(dirname(createRequire(import.meta.url).resolve('typedoc/package.json')), 'bin', 'typedoc');
    const r = spawnSync(process.execPath, [typedoc, '--emit', 'none'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stdout + r.stderr).not.toMatch(/warning|error \[/i);
    expect(r.status).toBe(0);
  });
});
