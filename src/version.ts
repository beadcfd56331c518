import { createRequire } from 'node:module';

declare const __DSI_VERSION__: string | undefined;

/** The package version; the bin bundle has it inlined, the library reads package.json. */
export const VERSION: string =
  typeof __DSI_VERSION__ === 'string' ? __DSI_VERSION__ : (createRequire(import.meta.url)('../package.json') as { version: string }).version;
