// Builds dist/ only when what it is built from changed since the last build: a hash of the
// sources, the build script and the package files, kept in dist/.build-hash. The tests and the
// bench call this, so a run after an edit tests the bundle that ships and a run without one
// starts at once.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-hash');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

export function sourceHash() {
  const hash = createHash('sha256');
  const inputs = [...files(join(root, 'src')), ...['scripts/build.mjs', 'scripts/bin-loader.cjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'].map((f) => join(root, f))];
  for (const path of inputs) {
    if (!existsSync(path)) continue;
    hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

export function buildIfStale() {
  const hash = sourceHash();
  const built = existsSync(stamp) && existsSync(join(root, 'dist', 'bin', 'dsi.cjs')) ? readFileSync(stamp, 'utf8') : '';
  if (built === hash) return false;
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, hash);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildIfStale();
