/**
 * `dsi decompile REQUEST.json|yaml [--name NAME]`: a request file back into a readable intent on
 * standard output. The task context configured for the request's task ARN becomes the
 * `task { }` block; a request with errors in its text is reported, and nothing is printed.
 */
import { basename } from 'node:path';
import { hasErrors } from '../../core/diagnostic.js';
import { configFor } from '../../config/index.js';
import { createProject } from '../../project/project.js';
import { decompile } from '../../printer/decompile.js';
import { parseRequest, requestFormatOf } from '../../requests/index.js';
import { formatDiagnostic } from '../formatters/index.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage.js';
import { findCommand, parseCommandArgs } from '../command.js';

export async function decompileCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(findCommand('decompile'), args);
  if (positionals.length !== 1) throw new UsageError('dsi decompile takes one request file (.json, .yaml or .yml)');
  if (values.name !== undefined && values.name.trim() === '') throw new UsageError('--name needs a name for the intent');
  const read = await createProject({ cwd: io.cwd }).readInputs(positionals, {
    patterns: [],
    refuse: (file) => (requestFormatOf(file) ? undefined : `dsi decompile reads a request file (.json, .yaml or .yml), and ${file} is not one`),
  });
  if (read.texts.size === 0 && read.problems.length === 0) throw new UsageError(`no request file found in ${positionals[0]}`);
  const [file, text] = [...read.texts][0] ?? [];
  const parsed = file !== undefined && text !== undefined ? parseRequest(text, file) : undefined;
  const diagnostics = [...read.problems, ...(parsed?.diagnostics ?? [])];
  const config = file !== undefined ? configFor(file, { cwd: io.cwd }) : undefined;
  diagnostics.push(...(config?.diagnostics ?? []));
  for (const d of diagnostics) io.stderr.write(formatDiagnostic(d, d.file === file ? text : undefined, { cwd: io.cwd, color: io.stderr.color }) + '\n');
  if (config && hasErrors(config.diagnostics)) return 2;
  if (!parsed || hasErrors(diagnostics)) return 1;

  const payload = parsed.payload as { TaskArn?: unknown } | undefined;
  const arn = typeof payload?.TaskArn === 'string' ? payload.TaskArn : undefined;
  const context = arn !== undefined ? config?.context.get(arn) : undefined;
  const result = decompile(parsed.payload, { name: values.name ?? nameOf(file!), ...(context ? { context } : {}) });
  for (const p of result.problems) io.stderr.write(`dsi: ${file}: ${p}\n`);
  if (result.text === undefined) return 1;
  io.stdout.write(result.text);
  return 0;
}

/** The intent's name from the file's: `nightly.datasync.json` → `nightly`. */
function nameOf(file: string): string {
  const name = basename(file).replace(/(\.datasync)?\.(json|ya?ml)$/i, '');
  return name === '' ? 'request' : name;
}
