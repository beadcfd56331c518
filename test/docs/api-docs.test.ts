import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { repoRoot } from '../helpers.js';

describe('API documentation', () => {
  it('typedoc renders the public entry points with no warning (every referenced type is exported)', () => {
    const typedoc = createRequire(import.meta.url).resolve('typedoc/bin/typedoc');
    const r = spawnSync(process.execPath, [typedoc, '--emit', 'none'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stdout + r.stderr).not.toMatch(/warning|error \[/i);
    expect(r.status).toBe(0);
  });
});
