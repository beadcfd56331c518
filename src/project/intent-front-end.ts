/**
 * What a run needs of the intent front end (the compiler, and chevrotain under it), gathered in
 * one module that `loadIntentFrontEnd` (front-ends.ts) imports when a run first meets a `.dsi` file: a run
 * over request files alone never evaluates the parser.
 */
export { buildIntents, createCompileCache, loadPolicyFile } from '../compiler/index.js';
export { parse } from '../grammar/index.js';
export { compile } from './compile.js';
