/** `dsi compile PATH... [--intent NAME] [--out DIR]` */
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Diagnostic } from '../../core/diagnostic.js';
import { hasErrors } from '../../core/diagnostic.js';
import { createCompileCache } from '../../compiler/index.js';
import { compile } from '../../project/compile.js';
import { isInternal } from '../../project/lint.js';
import { dedupe } from '../../check/index.js';
import { requestFormatOf } from '../../requests/index.js';
import { suggest } from '../../core/words.js';
import { formatDiagnostic } from '../formatters/index.js';
import { expandInputs, fileProblem, inputProblems, readInput } from '../files.js';
import { createImportReader, projectRootFinder, realPathOf } from '../../files/roots.js';
import { writeFilesAtomically, type CliIo } from '../io.js';
import { UsageError } from '../usage.js';

/** Why a name cannot be a file name in `--out`, or undefined when it can. */
export function unsafeFileName(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (name.startsWith('.')) return 'it starts with `.`';
  if (/[/\\]/.test(name)) return 'it contains a path separator';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'it contains a control character';
  return undefined;
}

export async function compileCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { intent: { type: 'string' }, out: { type: 'string' }, 'import-root': { type: 'string', multiple: true, default: [] } },
  });
  if (positionals.length === 0) throw new UsageError('dsi compile needs at least one file or directory');
  const importRoots = values['import-root'] ?? [];
  const rootOf = projectRootFinder(io.cwd);
  const inputs = expandInputs(positionals, ['**/*.dsi'], io.cwd, [rootOf(io.cwd), ...importRoots.map((r) => realPathOf(resolve(io.cwd, r)))]);
  if (inputs.files.length === 0 && inputs.missing.length === 0 && inputs.unreadable.length === 0 && inputs.refused.length === 0) {
    throw new UsageError(`no .dsi files found in ${positionals.join(', ')}`);
  }

  const diagnostics: Diagnostic[] = inputProblems(inputs);
  const sources = new Map<string, string>();
  const payloads = new Map<string, { payload: unknown; file: string }>();
  const cache = createCompileCache();
  for (const file of inputs.files) {
    if (!/\.dsi$/i.test(file)) {
      const hint = requestFormatOf(file) ? `; a request file is a payload already: check it with \`dsi lint ${file}\`` : '';
      diagnostics.push(fileProblem(file, `dsi compile reads .dsi intents, and ${file} is not one${hint}`));
      continue;
    }
    const read = readInput(io.cwd, file);
    if ('problem' in read) {
      diagnostics.push(read.problem);
      continue;
    }
    const readFile = createImportReader(file, { cwd: io.cwd, importRoots, projectRoot: rootOf(dirname(file)) });
    const result = compile(read.text, { filename: file, readFile, cache });
    for (const [name, src] of result.sources) sources.set(name, src);
    // The top level holds every problem, each intent's included.
    diagnostics.push(...result.diagnostics);
    for (const intent of result.intents) {
      const earlier = payloads.get(intent.name);
      if (earlier && earlier.file !== file) {
        diagnostics.push({
          file,
          range: intent.range,
          severity: 'error',
          ruleId: 'duplicate-name',
          message: `intent \`${intent.name}\` is also declared in ${earlier.file}; intents compiled together need distinct names`,
        });
        continue;
      }
      payloads.set(intent.name, { payload: intent.payload, file });
    }
  }

  const all = dedupe(diagnostics);
  for (const d of all) io.stderr.write(formatDiagnostic(d, sources.get(d.file), { cwd: io.cwd, color: io.stderr.color }) + '\n');
  if (all.some(isInternal)) return 2;
  if (hasErrors(all)) {
    const errors = all.filter((d) => d.severity === 'error').length;
    io.stderr.write(`dsi: ${errors} error${errors === 1 ? '' : 's'}; nothing was written\n`);
    return 1;
  }

  if (values.intent !== undefined) {
    const hit = payloads.get(values.intent);
    if (!hit) {
      const hint = suggest(values.intent, [...payloads.keys()]);
      throw new UsageError(
        `no intent named \`${values.intent}\`` + (hint ? `; did you mean \`${hint}\`?` : payloads.size ? `; intents: ${[...payloads.keys()].join(', ')}` : ' (the inputs declare no intent)'),
      );
    }
    return (await emit(values.out, new Map([[values.intent, hit]]), io)) ?? (io.stdout.write(json(hit.payload)), 0);
  }
  const byName = new Map([...payloads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return (await emit(values.out, byName, io)) ?? (io.stdout.write(json(Object.fromEntries([...byName].map(([n, p]) => [n, p.payload])))), 0);
}

/** Writes `DIR/NAME.json` for each intent, all or none; undefined when there is no `--out`. */
async function emit(out: string | undefined, payloads: Map<string, { payload: unknown; file: string }>, io: CliIo): Promise<number | undefined> {
  if (out === undefined) return undefined;
  const bad = [...payloads.keys()].map((n) => [n, unsafeFileName(n)] as const).filter(([, why]) => why);
  if (bad.length > 0) {
    for (const [name, why] of bad) io.stderr.write(`dsi: intent name ${JSON.stringify(name)} cannot be a file name in --out: ${why}; rename the intent\n`);
    io.stderr.write('dsi: nothing was written\n');
    return 1;
  }
  const dir = resolve(io.cwd, out);
  await writeFilesAtomically(
    [...payloads].map(([name, p]) => ({ path: join(dir, `${name}.json`), content: json(p.payload), shown: `${out.replace(/\/+$/, '')}/${name}.json` })),
    { within: dir, handleSignals: io.handleSignals === true },
  );
  io.stderr.write(`dsi: wrote ${payloads.size} request${payloads.size === 1 ? '' : 's'} to ${out}\n`);
  return 0;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

