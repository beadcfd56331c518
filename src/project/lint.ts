/**
 * `lint()`: one input file (`.dsi` intent or JSON/YAML request file) → every problem, in the
 * user's files. The library's entry loads both front ends; the project orchestrator loads the
 * intent front end only when it meets a `.dsi` file (linting.ts, front-ends.ts).
 */
import { buildIntents } from '../compiler/index.js';
import { lintWith, type LintOptions, type LintResult } from './linting.js';

export { isInternal, isLintable, reportUnusedSuppressions } from './linting.js';
export type { LintOptions, LintResult, WaiverJudging } from './linting.js';

/**
 * Lints one input. Synchronous; never throws on bad input. Without a `filename`, text that
 * starts as an intent file does (`intent`, `template`, `import`, `policy`, a comment) is read as
 * `input.dsi`, anything else as a request file named `input`.
 */
export function lint(source: string, options?: LintOptions): LintResult {
  return lintWith(buildIntents, source, options);
}
