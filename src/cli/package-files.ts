/** Finding files that ship beside the code (docs/rules/), from the bundled bin and from the sources alike. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder: the nearest folder above this module with the package's package.json. */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'docs', 'rules'))) return dir;
    if (dirname(dir) === dir) throw new Error(`the dsi package folder (with docs/rules/) was not found above ${from}`);
  }
}
