/** What `dsi lint` says besides the report: skipped and added inputs (stderr), and GitHub's step summary. */
import { appendFileSync } from 'node:fs';
import type { FileResult } from '../core/result.js';
import { describeFileError } from '../files/read.js';
import { describeDependent } from '../project/dependents.js';
import type { InputSet } from '../project/project.js';
import { collectReports } from './formatters/common.js';
import { formatStepSummary } from './formatters/github.js';
import type { CliIo } from './io.js';
import { OutputError } from './io.js';

/** Dependents named one by one up to this many; more are counted, so a shared template's hook run stays readable. */
const DEPENDENTS_LISTED = 10;

/** One stderr line per named file an ignore file excludes, and one per dependent checked with it (the first few, then a count). */
export function reportInputNotes(inputs: InputSet, io: CliIo): void {
  for (const f of inputs.ignored ?? []) io.stderr.write(`dsi: warning: ${f} is ignored (.dsiignore or --ignore-pattern) and was not checked; use --no-ignore to check it\n`);
  const dependents = inputs.dependents ?? [];
  for (const d of dependents.slice(0, DEPENDENTS_LISTED)) io.stderr.write(`dsi: also checking ${d.file}, which ${describeDependent(d)}\n`);
  const more = dependents.length - DEPENDENTS_LISTED;
  if (more > 0) io.stderr.write(`dsi: also checking ${more} more file${more === 1 ? '' : 's'} that import${more === 1 ? 's' : ''} the files given (--no-dependents checks only those)\n`);
}

/** Appends the problems as a Markdown table to `$GITHUB_STEP_SUMMARY`, when the step has one. */
export async function writeStepSummary(results: readonly FileResult[], io: CliIo): Promise<void> {
  const path = io.env?.GITHUB_STEP_SUMMARY;
  if (!path) return;
  try {
    // GitHub's file is shared by the step's commands: it is appended to, in one write.
    appendFileSync(path, formatStepSummary(collectReports(results, io.cwd), io.cwd));
  } catch (e) {
    throw new OutputError(`cannot write the step summary to ${path}: ${describeFileError(e)}`);
  }
}
