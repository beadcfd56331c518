// Writes docs/cli.md from the command table (src/cli/command.ts), through the built library:
// run `npm run build` first (npm run generate:cli-docs does). test/cli/command.test.ts checks it is current.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { cliMarkdown } = await import(join(root, 'dist', 'cli', 'command.js'));
writeFileSync(join(root, 'docs', 'cli.md'), cliMarkdown());
