/** `dsi explain RULE-ID`: a rule's docs page, its AWS sources included, as shipped in docs/rules/. */
import { join } from 'node:path';
import { DiagnosticIds } from '../../core/diagnostic.js';
import { suggest } from '../../core/words.js';
import { readRegularFile } from '../../files/read.js';
import { builtinRules } from '../../rules/index.js';
import { findCommand, parseCommandArgs } from '../command.js';
import type { CliIo } from '../io.js';
import { packageRoot } from '../package-files.js';
import { UsageError } from '../usage.js';

export async function explainCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(findCommand('explain'), args);
  if (positionals.length !== 1) throw new UsageError('dsi explain takes one rule id, e.g. `dsi explain bandwidth-zero`');
  const id = positionals[0];
  const ids = builtinRules.map((r) => r.id);
  if (!ids.includes(id)) {
    if ((Object.values(DiagnosticIds) as string[]).includes(id)) {
      throw new UsageError(`\`${id}\` is a check of the language or the API schema, not a rule; its messages say what to write (see docs/language.md)`);
    }
    if (/^POLICY\//.test(id) || id.includes('/')) throw new UsageError(`\`${id}\` is a policy or plugin rule: its docs are where the policy or plugin is declared`);
    const hint = suggest(id, ids);
    throw new UsageError(`unknown rule \`${id}\`` + (hint ? `; did you mean \`${hint}\`?` : `; rules: ${ids.join(', ')}`));
  }
  // The id is one of the built-in ids, so the path stays inside docs/rules/.
  io.stdout.write(readRegularFile(join(packageRoot(), 'docs', 'rules', `${id}.md`)));
  return 0;
}
