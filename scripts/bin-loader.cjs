#!/usr/bin/env node
// The `dsi` executable: runs the bundle (dsi-main.cjs) through a V8 code cache kept beside it, so
// that a start-up does not compile the bundle again. The cache is only an optimisation: a missing,
// stale (another bundle or Node version: V8 rejects it) or unwritable cache is rebuilt or skipped,
// never a failure.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

// `dsi --version` and `dsi --help` answer from here, before the bundle loads: scripts/build.mjs
// writes their output in (null when this file runs unbuilt).
const ANSWERS = /* DSI_ANSWERS */ null;
const only = process.argv.length === 3 ? process.argv[2] : undefined;
if (ANSWERS !== null && only !== undefined && Object.hasOwn(ANSWERS, only)) {
  // As the bundle does (src/cli/bin.ts): a reader that closed the pipe is not an error, a failed write is exit 2.
  process.stdout.on('error', (e) => {
    if (e.code === 'EPIPE') return;
    process.stderr.write(`dsi: cannot write to standard output: ${e.message}\n`);
    process.exitCode = 2;
  });
  process.stdout.write(ANSWERS[only]);
} else run();

function run() {
  const file = path.join(__dirname, 'dsi-main.cjs');
  // One cache per command: V8 keeps the functions a run compiled, and each command compiles its own.
  // `lint` and `start` of request files alone never load the intent front end: they get a cache of
  // their own, so that neither kind of run leaves the other a cache without its functions.
  const command = ['lint', 'compile', 'fmt', 'start', 'explain'].includes(process.argv[2]) ? process.argv[2] : 'other';
  const requestsOnly = (args) => {
    const paths = args.filter((a) => !a.startsWith('-'));
    return paths.length > 0 && paths.every((a) => /\.(json|ya?ml)$/i.test(a));
  };
  const variant = (command === 'lint' || command === 'start') && requestsOnly(process.argv.slice(3)) ? `${command}-requests` : command;
  const cacheFile = path.join(__dirname, `.dsi-main.${process.version}.${variant}.v8cache`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  // Code run from a code cache cannot call `import()` on Node 20: the bundle imports plugins, the
  // AWS SDK and the language server through this (src/core/load-module.ts), resolved from here.
  globalThis.__dsiImport = (specifier) => import(specifier);
  if (cachedData === undefined || script.cachedDataRejected) {
    // Written at exit, so that it holds the functions this run compiled too; whole or not at all.
    process.once('exit', () => {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(temp, script.createCachedData());
        fs.renameSync(temp, cacheFile);
      } catch {
        try {
          fs.rmSync(temp, { force: true });
        } catch {
          // an unwritable folder: run without a cache
        }
      }
    });
  }
  const main = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext()(main.exports, Module.createRequire(file), main, file, __dirname);
}
