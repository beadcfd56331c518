/**
 * `dsi start FILE [--intent NAME] [--dry-run]`: lint the input as `dsi lint` does (with the
 * configuration in force), compile it, and send the request through the AWS SDK, loaded only
 * here. Nothing is sent when the input has an error.
 */
import { parseRequest, requestFormatOf } from '../../requests/index.js';
import type { Payload } from '../../core/payload.js';
import { suggest } from '../../core/words.js';
import { isInternal, isLintable } from '../../project/linting.js';
import { createProject } from '../../project/project.js';
import { findCommand, parseCommandArgs } from '../command.js';
import { formatDiagnostic } from '../formatters/index.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage.js';
import { configOptions, reportConfig } from './config-flags.js';

export async function startCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(findCommand('start'), args);
  if (positionals.length !== 1) throw new UsageError('dsi start takes one file (a .dsi intent or a request file)');
  const [file] = positionals;
  if (!isLintable(file)) throw new UsageError(`dsi start reads a .dsi intent or a .json/.yaml/.yml request file, and ${file} is neither`);

  const project = createProject({ cwd: io.cwd, importRoots: values['import-root'] ?? [], ...configOptions(values) });
  const inputs = await project.readInputs([file], { patterns: [] });
  const run = project.lint(inputs);
  const sources = new Map(run.results.flatMap((r) => (r.source !== undefined ? [[r.file, r.source] as const] : [])));
  for (const d of run.diagnostics) io.stderr.write(formatDiagnostic(d, sources.get(d.file), { cwd: io.cwd, color: io.stderr.color }) + '\n');
  if (run.diagnostics.some(isInternal)) return 2;
  if (reportConfig(run.diagnostics, run.refused, io, { printDiagnostics: false })) {
    io.stderr.write('dsi: the configuration has errors; nothing was sent\n');
    return 2;
  }
  const errors = run.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    io.stderr.write(`dsi: ${errors} error${errors === 1 ? '' : 's'}; nothing was sent\n`);
    return 1;
  }

  const payload = requestFormatOf(file) && !/\.dsi$/i.test(file) ? (parseRequest(inputs.texts.get(inputs.files[0])!, file).payload as Payload) : chooseIntent(project.compile(inputs).payloads, values.intent);
  if (values['dry-run']) {
    io.stdout.write(JSON.stringify(payload, null, 2) + '\n');
    return 0;
  }
  const { sendStartTaskExecution } = await import('../../aws/start.js');
  const result = await sendStartTaskExecution(payload, {
    ...(values.region !== undefined ? { region: values.region } : {}),
    ...(values.profile !== undefined ? { profile: values.profile } : {}),
    ...(values.endpoint !== undefined ? { endpoint: values.endpoint } : {}),
  });
  if (result.error !== undefined) {
    io.stderr.write(`dsi: ${result.error}\n`);
    return 1;
  }
  io.stdout.write(`${result.taskExecutionArn}\n`);
  return 0;
}

/** The payload of `--intent`, or of the file's only intent. */
function chooseIntent(payloads: ReadonlyMap<string, { readonly payload: unknown }>, intent: string | undefined): Payload {
  const names = [...payloads.keys()];
  if (intent === undefined) {
    if (names.length === 1) return payloads.get(names[0])!.payload as Payload;
    throw new UsageError(names.length === 0 ? 'the file declares no intent to start' : `the file declares ${names.length} intents; choose one with --intent NAME (${names.join(', ')})`);
  }
  const hit = payloads.get(intent);
  if (hit) return hit.payload as Payload;
  const hint = suggest(intent, names);
  throw new UsageError(`no intent named \`${intent}\`` + (hint ? `; did you mean \`${hint}\`?` : `; intents: ${names.join(', ')}`));
}
