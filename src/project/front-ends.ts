/**
 * Loading the front ends a run needs. The request front end is small and loads with the project
 * (`yaml` only on the first YAML file, see src/core/dependencies.ts); the intent front end, the
 * compiler with chevrotain under it, is imported the first time a run meets a `.dsi` file, so a
 * hook that lints request files never evaluates the parser.
 */

/** The intent front end, loaded. */
export type IntentFrontEnd = typeof import('./intent-front-end.js');

let loading: Promise<IntentFrontEnd> | undefined;
let loaded: IntentFrontEnd | undefined;

/** Loads the intent front end, once per process. */
export async function loadIntentFrontEnd(): Promise<IntentFrontEnd> {
  return (loaded ??= await (loading ??= import('./intent-front-end.js')));
}

/** The intent front end if some run loaded it already, else undefined. */
export function intentFrontEnd(): IntentFrontEnd | undefined {
  return loaded;
}

/** True for the files the intent front end reads. */
export function isIntentFile(file: string): boolean {
  return /\.dsi$/i.test(file);
}
