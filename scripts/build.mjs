// Builds the library with tsc into dist/ (ESM), a CommonJS bundle of the public entries, and the `dsi` bin as one esbuild bundle.
// Run by `npm run build` and by `prepare`, so that `npm ci` leaves a working `dsi`.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});

// tsc neither copies nor emits the generated CommonJS validator and its JSON schema.
mkdirSync(join(dist, 'schema'), { recursive: true });
for (const name of readdirSync(join(root, 'src', 'schema'))) {
  if (/\.(cjs|d\.cts|json)$/.test(name)) cpSync(join(root, 'src', 'schema', name), join(dist, 'schema', name));
}

// One bundle for the bin: importing chevrotain's ESM build module by module costs ~0.5 s.
const esbuild = await import('esbuild');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const IMPORT_META_URL = 'const __dsi_import_meta_url = require("node:url").pathToFileURL(__filename).href;';
/** What every CommonJS bundle shares. */
const commonjs = {
  bundle: true,
  platform: 'node',
  // jsonc-parser's CommonJS build is UMD with dynamic requires that a bundle cannot follow.
  mainFields: ['module', 'main'],
  format: 'cjs',
  target: 'node20',
  // The AWS SDK stays external: it is loaded only when a command really calls AWS.
  external: ['@aws-sdk/*', '@smithy/*'],
  // ESM-only dependencies (fdir) read import.meta.url, which a CommonJS bundle must supply.
  banner: { js: IMPORT_META_URL },
  define: { 'import.meta.url': '__dsi_import_meta_url', __DSI_VERSION__: JSON.stringify(version) },
  legalComments: 'none',
  logLevel: 'warning',
};
// A CommonJS build of the public entries too (package.json `exports` → `require`), bundled as the
// bin is: chevrotain and other dependencies ship ESM only.
await esbuild.build({
  ...commonjs,
  entryPoints: { index: join(root, 'src', 'index.ts'), testing: join(root, 'src', 'testing.ts') },
  outdir: dist,
  outExtension: { '.js': '.cjs' },
});
// `dsi lsp` is a bundle of its own, loaded by the bin only for that command: other commands
// neither parse nor evaluate the language server.
await esbuild.build({
  ...commonjs,
  entryPoints: [join(root, 'src', 'cli', 'bin.ts')],
  outfile: join(dist, 'bin', 'dsi-main.cjs'),
  define: { ...commonjs.define, __DSI_BUNDLE__: 'true' },
  plugins: [{ name: 'lsp-apart', setup: (b) => b.onResolve({ filter: /\/lsp\/command\.js$/ }, () => ({ path: './dsi-lsp.cjs', external: true })) }],
});
await esbuild.build({ ...commonjs, entryPoints: [join(root, 'src', 'lsp', 'command.ts')], outfile: join(dist, 'bin', 'dsi-lsp.cjs') });
// The executable itself is a small loader that runs the bundle through a V8 code cache.
cpSync(join(root, 'scripts', 'bin-loader.cjs'), join(dist, 'bin', 'dsi.cjs'));
chmodSync(join(dist, 'bin', 'dsi.cjs'), 0o755);
