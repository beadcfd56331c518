/** `--baseline FILE` and `--write-baseline FILE` for `dsi lint`: the CLI side of src/project/baseline.ts. */
import { resolve } from 'node:path';
import type { FileResult } from '../core/result.js';
import { describeFileError, readRegularFile } from '../files/read.js';
import { applyBaseline, BaselineError, createBaseline, formatBaseline, MAX_BASELINE_BYTES, parseBaseline } from '../project/baseline.js';
import { writeFilesAtomically, type CliIo } from './io.js';
import { UsageError } from './usage.js';

/**
 * Writes the baseline of every problem found (with `write`), then drops the problems the baseline
 * of `read` (as it was before the write; else the one just written) accepts; says on stderr how
 * many it accepted. Both may name one file.
 */
export async function applyBaselineFlags(results: readonly FileResult[], files: { readonly read?: string; readonly write?: string }, io: CliIo): Promise<readonly FileResult[]> {
  let baseline;
  if (files.read !== undefined) {
    let text: string;
    try {
      text = readRegularFile(resolve(io.cwd, files.read), MAX_BASELINE_BYTES);
    } catch (e) {
      throw new UsageError(`cannot read the baseline ${files.read}: ${describeFileError(e)}; make one with \`dsi lint --write-baseline ${files.read} PATH...\``);
    }
    try {
      baseline = parseBaseline(text, files.read);
    } catch (e) {
      if (e instanceof BaselineError) throw new UsageError(e.message);
      throw e;
    }
  }
  if (files.write !== undefined) {
    const written = createBaseline(results, io.cwd, files.write);
    const content = formatBaseline(written);
    if (Buffer.byteLength(content) > MAX_BASELINE_BYTES) {
      throw new UsageError(`the baseline of these problems would be larger than ${MAX_BASELINE_BYTES / 1024 / 1024} MiB, more than dsi reads back; nothing was written. Fix or waive some problems first, or adopt dsi folder by folder`);
    }
    await writeFilesAtomically([{ path: resolve(io.cwd, files.write), content, shown: files.write }], { handleSignals: io.handleSignals === true });
    const n = written.problems.reduce((sum, p) => sum + p.count, 0);
    io.stderr.write(`dsi: wrote ${n} problem${n === 1 ? '' : 's'} to the baseline ${files.write}\n`);
    // Without --baseline, the problems just recorded are accepted: adopting dsi is a passing run.
    if (!baseline) return applyBaseline(results, written, io.cwd, files.write).results;
  }
  if (!baseline) return results;
  const applied = applyBaseline(results, baseline, io.cwd, files.read!);
  if (applied.accepted > 0) io.stderr.write(`dsi: ${applied.accepted} problem${applied.accepted === 1 ? ' is' : 's are'} in the baseline ${files.read} and not reported\n`);
  return applied.results;
}
