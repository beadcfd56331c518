/** `dsi compile PATH... [--intent NAME] [--out DIR]`: a thin caller of the project orchestrator. */
import { join, resolve } from 'node:path';
import { hasErrors } from '../../core/diagnostic.js';
import { suggest } from '../../core/words.js';
import { requestFormatOf } from '../../requests/index.js';
import { createProject } from '../../project/project.js';
import { isInternal } from '../../project/linting.js';
import { formatDiagnostic } from '../formatters/index.js';
import { writeFilesAtomically, type CliIo } from '../io.js';
import { UsageError } from '../usage.js';
import { findCommand, parseCommandArgs } from '../command.js';
import { reportInputNotes } from '../notes.js';
import { stdinInput } from '../stdin.js';
import { configOptions, printConfig, reportConfig } from './config-flags.js';
import { parseRuleFlags } from './lint.js';

/** Why a name cannot be a file name in `--out`, or undefined when it can. */
export function unsafeFileName(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (name.startsWith('.')) return 'it starts with `.`';
  if (/[/\\]/.test(name)) return 'it contains a path separator';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'it contains a control character';
  return undefined;
}

export async function compileCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(findCommand('compile'), args);
  const { paths, stdin } = stdinInput(values, positionals, io, (name) => (/\.dsi$/i.test(name) ? undefined : 'must end in .dsi for dsi compile'));
  const project = createProject({
    cwd: io.cwd,
    importRoots: values['import-root'] ?? [],
    ruleSettings: parseRuleFlags(values.rule ?? []),
    ...(values['no-ignore'] ? { ignore: false } : {}),
    ignorePatterns: values['ignore-pattern'],
    ...configOptions(values),
  });
  if (values['print-config'] !== undefined) return printConfig(project, values['print-config'], io);
  if (!stdin && paths.length === 0) throw new UsageError('dsi compile needs at least one file or directory (or --stdin, or -)');
  const read = await project.readInputs(paths, {
    patterns: ['**/*.dsi'],
    // compile reads intents only: a request file is already a payload.
    refuse: (file) =>
      /\.dsi$/i.test(file)
        ? undefined
        : `dsi compile reads .dsi intents, and ${file} is not one` + (requestFormatOf(file) ? `; a request file is a payload already: check it with \`dsi lint ${file}\`` : ''),
  }, stdin);
  reportInputNotes(read, io);
  if (read.files.length === 0) return 0; // every file named is ignored
  const run = project.compile(read);

  // In writes of about 64 KiB: thousands of notes must not cost a write (a system call) each, nor be one string of megabytes.
  let pending = '';
  for (const d of run.diagnostics) {
    pending += formatDiagnostic(d, run.sources.get(d.file), { cwd: io.cwd, color: io.stderr.color }) + '\n';
    if (pending.length >= NOTES_PER_WRITE) {
      io.stderr.write(pending);
      pending = '';
    }
  }
  if (pending !== '') io.stderr.write(pending);
  if (run.diagnostics.some(isInternal)) return 2;
  if (reportConfig(run.diagnostics, run.refused, io, { printDiagnostics: false })) {
    io.stderr.write('dsi: the configuration has errors; nothing was written\n');
    return 2;
  }
  if (hasErrors(run.diagnostics)) {
    const errors = run.diagnostics.filter((d) => d.severity === 'error').length;
    io.stderr.write(`dsi: ${errors} error${errors === 1 ? '' : 's'}; nothing was written\n`);
    return 1;
  }

  let chosen = run.payloads;
  if (values.intent !== undefined) {
    const hit = run.payloads.get(values.intent);
    if (!hit) {
      const names = [...run.payloads.keys()];
      const hint = suggest(values.intent, names);
      throw new UsageError(`no intent named \`${values.intent}\`` + (hint ? `; did you mean \`${hint}\`?` : names.length ? `; intents: ${names.join(', ')}` : ' (the inputs declare no intent)'));
    }
    chosen = new Map([[values.intent, hit]]);
  }
  if (values.out !== undefined) return emit(values.out, chosen, io);
  io.stdout.write(json(values.intent !== undefined ? chosen.get(values.intent)!.payload : Object.fromEntries([...chosen].map(([n, p]) => [n, p.payload]))));
  return 0;
}

/** About how many characters of notes go to standard error in one write. */
const NOTES_PER_WRITE = 64 * 1024;

/** Writes `DIR/NAME.json` for each intent, all or none. */
async function emit(out: string, payloads: ReadonlyMap<string, { payload: unknown; file: string }>, io: CliIo): Promise<number> {
  const bad = [...payloads.keys()].map((n) => [n, unsafeFileName(n)] as const).filter(([, why]) => why);
  if (bad.length > 0) {
    for (const [name, why] of bad) io.stderr.write(`dsi: intent name ${JSON.stringify(name)} cannot be a file name in --out: ${why}; rename the intent\n`);
    io.stderr.write('dsi: nothing was written\n');
    return 1;
  }
  const dir = resolve(io.cwd, out);
  const { written, unchanged } = await writeFilesAtomically(
    [...payloads].map(([name, p]) => ({ path: join(dir, `${name}.json`), content: json(p.payload), shown: `${out.replace(/\/+$/, '')}/${name}.json` })),
    { within: dir, handleSignals: io.handleSignals === true },
  );
  const requests = (n: number) => `${n} request${n === 1 ? '' : 's'}`;
  if (written.length === 0 && unchanged.length > 0) io.stderr.write(`dsi: ${requests(unchanged.length)} in ${out} already up to date\n`);
  else io.stderr.write(`dsi: wrote ${requests(written.length)} to ${out}${unchanged.length > 0 ? `; ${unchanged.length} already up to date` : ''}\n`);
  return 0;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
