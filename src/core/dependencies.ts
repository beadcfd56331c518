/**
 * Dependencies loaded on first use, synchronously: a run loads `yaml` only for a YAML file, the
 * glob walker only to walk a folder, the ignore matcher only when there are ignore rules. A
 * pre-commit hook that lints one JSON file pays for none of them.
 *
 * In the bin's bundle, esbuild turns each `require('…')` below into a call to the package's
 * bundled copy, which is evaluated on that first call. In the ESM build `require` is not defined,
 * and Node's `createRequire` loads the package's CommonJS entry from node_modules instead.
 */
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
type Glob = typeof import('tinyglobby');
type IgnoreFactory = typeof import('ignore');
type Crypto = typeof import('node:crypto');

let nodeRequire: NodeJS.Require | undefined;
const load = (id: string): unknown => (nodeRequire ??= createRequire(import.meta.url))(id);
const inBundle = typeof require === 'function';

let yaml: Yaml | undefined;
/** The `yaml` package (YAML request files, YAML config files, YAML edits). */
export function yamlLibrary(): Yaml {
  return (yaml ??= (inBundle ? require('yaml') : load('yaml')) as Yaml);
}

let glob: Glob | undefined;
/** `tinyglobby` (walking a folder for inputs). */
export function globLibrary(): Glob {
  return (glob ??= (inBundle ? require('tinyglobby') : load('tinyglobby')) as Glob);
}

let ignore: IgnoreFactory | undefined;
/** The `ignore` package's factory (`.dsiignore`, `ignorePatterns`, `--ignore-pattern`). */
export function ignoreLibrary(): IgnoreFactory {
  if (!ignore) {
    const loaded = (inBundle ? require('ignore') : load('ignore')) as IgnoreFactory | { default: IgnoreFactory };
    ignore = typeof loaded === 'function' ? loaded : loaded.default;
  }
  return ignore;
}

let crypto: Crypto | undefined;
/** `node:crypto` (the hashes of SARIF fingerprints): a fifth of a cold lint to load, so only when asked. */
export function cryptoLibrary(): Crypto {
  return (crypto ??= (inBundle ? require('node:crypto') : load('node:crypto')) as Crypto);
}
