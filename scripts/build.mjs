// Builds the library with tsc into dist/ (ESM), a CommonJS bundle of the public entries, and the `dsi` bin as one esbuild bundle.
// Run by `npm run build` and by `prepare`, so that `npm ci` leaves a working `dsi`.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, chmodSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});

// tsc's modules lower object spread as the bundles do (see `supported` below): the library's
// `lint()` ran 15-25 % slower and held some 30 MB more over 3,000 intents without it.
const esbuild = await import('esbuild');
const lowerSpread = (folder) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) lowerSpread(path);
    else if (entry.name.endsWith('.js')) {
      const text = readFileSync(path, 'utf8');
      if (!text.includes('...')) continue;
      const { code } = esbuild.transformSync(text, { loader: 'js', format: 'esm', target: 'node20', supported: { 'object-rest-spread': false, 'import-attributes': true }, legalComments: 'inline' });
      writeFileSync(path, code);
    }
  }
};
lowerSpread(dist);

// tsc neither copies nor emits the generated CommonJS validator and its JSON schema.
mkdirSync(join(dist, 'schema'), { recursive: true });
for (const name of readdirSync(join(root, 'src', 'schema'))) {
  if (/\.(cjs|d\.cts|json)$/.test(name)) cpSync(join(root, 'src', 'schema', name), join(dist, 'schema', name));
}

// One bundle for the bin: importing chevrotain's ESM build module by module costs ~0.5 s.
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
  // Object spread is lowered to helper calls. On Node 20 (V8 11.3) an object literal that starts
  // with a spread and then adds a property (`{ ...d, intent }`) gets a hidden class of its own per
  // object, allocated in old space: 10,000 diagnostics were 20,000 maps and ~20 MiB of peak RSS,
  // and property access on them went megamorphic. Lowered, the objects share their maps (the lint
  // of 10,000 intents: 153 -> 136 MiB, and less CPU).
  supported: { 'object-rest-spread': false },
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
// Every module of the bin's bundle ends by noting its name in `globalThis.__dsiLoaded` when that
// set exists (a package's name, or our source path): the loaded-modules test starts the real bin
// with a preload that creates the set, and checks that a command evaluated only what it needs.
// Without the set, a note is one failed optional call per module evaluated.
const loadNotes = {
  name: 'load-notes',
  setup(b) {
    b.onLoad({ filter: /\.(?:[cm]?js|ts)$/ }, (args) => {
      const rel = args.path.slice(root.length + 1).split('\\').join('/');
      // From the whole path: node_modules may be a link to another checkout's (a git worktree).
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(args.path.split('\\').join('/'))?.[1];
      const name = pkg ?? rel;
      const text = readFileSync(args.path, 'utf8');
      return { contents: `${text}\n;globalThis.__dsiLoaded?.add(${JSON.stringify(name)});\n`, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};
// `dsi lsp` is a bundle of its own, loaded by the bin only for that command: other commands
// neither parse nor evaluate the language server.
await esbuild.build({
  ...commonjs,
  entryPoints: [join(root, 'src', 'cli', 'bin.ts')],
  outfile: join(dist, 'bin', 'dsi-main.cjs'),
  define: { ...commonjs.define, __DSI_BUNDLE__: 'true' },
  plugins: [{ name: 'lsp-apart', setup: (b) => b.onResolve({ filter: /\/lsp\/command\.js$/ }, () => ({ path: './dsi-lsp.cjs', external: true })) }, loadNotes],
});
await esbuild.build({ ...commonjs, entryPoints: [join(root, 'src', 'lsp', 'command.ts')], outfile: join(dist, 'bin', 'dsi-lsp.cjs') });
// esbuild escapes non-ASCII characters in code but keeps the comments it leaves (in class bodies)
// as written: one `→` made V8 hold the whole 1.5 MB bundle source as two bytes a character, twice
// while loading. Escaped there too, the source stays one byte a character.
for (const name of ['dsi-main.cjs', 'dsi-lsp.cjs']) {
  const file = join(dist, 'bin', name);
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}
// The executable itself is a small loader that runs the bundle through a V8 code cache.
// It answers `--version` and `--help` itself, with the text the CLI prints (from tsc's output above).
const { globalHelp } = await import(pathToFileURL(join(dist, 'cli', 'command.js')).href);
const answers = { '--version': `${version}\n`, '-v': `${version}\n`, '--help': globalHelp(), '-h': globalHelp(), help: globalHelp() };
const loader = readFileSync(join(root, 'scripts', 'bin-loader.cjs'), 'utf8');
if (!loader.includes('/* DSI_ANSWERS */ null')) throw new Error('scripts/bin-loader.cjs lost its /* DSI_ANSWERS */ placeholder');
writeFileSync(join(dist, 'bin', 'dsi.cjs'), loader.replace('/* DSI_ANSWERS */ null', JSON.stringify(answers)));
chmodSync(join(dist, 'bin', 'dsi.cjs'), 0o755);
