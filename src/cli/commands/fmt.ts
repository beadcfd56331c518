/**
 * `dsi fmt [--check] PATH...` (or `-`: standard input to standard output): every `.dsi` file in
 * the canonical layout, comments kept. Files are rewritten whole through a temporary file; a file
 * with syntax errors is reported and left as it is; `--check` writes nothing, lists the files that
 * would change and exits 1 if any would.
 */
import { resolve } from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.js';
import { projectRootFinder } from '../../files/roots.js';
import { isInternal } from '../../project/linting.js';
import { createProject } from '../../project/project.js';
import { formatText } from '../../printer/format.js';
import { formatDiagnostic } from '../formatters/index.js';
import { writeFilesAtomically, type CliIo } from '../io.js';
import { UsageError } from '../usage.js';
import { findCommand, parseCommandArgs } from '../command.js';

export async function fmtCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(findCommand('fmt'), args);
  if (positionals.length === 0) throw new UsageError('dsi fmt needs at least one file or directory, or `-` for standard input');
  if (positionals.includes('-') && positionals.length > 1) throw new UsageError('dsi fmt reads standard input (`-`) alone, not with other paths');
  const check = values.check === true;
  const report = (diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>) => {
    for (const d of diagnostics) io.stderr.write(formatDiagnostic(d, sources.get(d.file), { cwd: io.cwd, color: io.stderr.color }) + '\n');
  };

  if (positionals[0] === '-') {
    const text = await io.readStdin();
    const r = formatText(text, '<stdin>');
    if (r.text === undefined) {
      report(r.diagnostics, new Map([['<stdin>', text]]));
      return r.diagnostics.some(isInternal) ? 2 : 1;
    }
    if (check) return r.changed ? 1 : 0;
    io.stdout.write(r.text);
    return 0;
  }

  const project = createProject({ cwd: io.cwd });
  const read = await project.readInputs(positionals, {
    patterns: ['**/*.dsi'],
    refuse: (file) => (/\.dsi$/i.test(file) ? undefined : `dsi fmt formats .dsi files, and ${file} is not one`),
  });
  if (read.files.length === 0) throw new UsageError(`no .dsi files found in ${positionals.join(', ')}`);
  const problems: Diagnostic[] = [...read.problems];
  const changed: { file: string; before: string; after: string }[] = [];
  for (const [file, text] of read.texts) {
    const r = formatText(text, file);
    if (r.text === undefined) problems.push(...r.diagnostics);
    else if (r.changed) changed.push({ file, before: text, after: r.text });
  }
  report(problems, read.texts);

  if (check) {
    for (const c of changed) io.stdout.write(`${c.file}\n`);
    if (changed.length > 0) io.stderr.write(`dsi: ${changed.length} file${changed.length === 1 ? '' : 's'} would be reformatted; run dsi fmt ${positionals.join(' ')}\n`);
  } else if (changed.length > 0) {
    const { written, skipped } = await writeFilesAtomically(
      changed.map((c) => ({ path: resolve(io.cwd, c.file), content: c.after, shown: c.file, expected: c.before })),
      { within: projectRootFinder(io.cwd)(io.cwd), handleSignals: io.handleSignals === true },
    );
    for (const s of skipped) io.stderr.write(`dsi: warning: ${s.shown} was not formatted: ${s.reason}; run dsi fmt again\n`);
    io.stderr.write(`dsi: formatted ${written.length} file${written.length === 1 ? '' : 's'}\n`);
    if (skipped.length > 0) return 1;
  }
  if (problems.some(isInternal)) return 2;
  return problems.length > 0 || (check && changed.length > 0) ? 1 : 0;
}
