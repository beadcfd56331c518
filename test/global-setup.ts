/** Builds dist/ before the tests when it is stale, so the bin tests run the bundle that ships. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './helpers.js';

export default function setup(): void {
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build-if-stale.mjs')], { cwd: repoRoot, stdio: 'inherit' });
}
