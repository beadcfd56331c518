import type { Diagnostic } from '../../core/diagnostic.js';
import { DiagnosticIds } from '../../core/diagnostic.js';
import { countDiagnostics, relativePath, type FileReport } from './common.js';

/** One message in ESLint's `LintMessage` shape. */
export interface EslintMessage {
  ruleId: string;
  /** Only on whole-file parse failures (`syntax`, `parse`), as ESLint marks its parse errors. */
  fatal?: true;
  /** 2 for `error`; 1 for `warning` and `info` (ESLint has no third level). */
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  messageId?: string;
  endLine: number;
  /** Exclusive and 1-based, as ESLint's. */
  endColumn: number;
  /** Only for a fix of one edit in the same file: ESLint's fix is one replacement of `range` (0-based UTF-16 offsets). */
  fix?: { range: [number, number]; text: string };
  /** Only in `suppressedMessages`: the waivers that excused it, as ESLint lists its directives. */
  suppressions?: { kind: 'directive'; justification: string }[];
}

/** One file in ESLint's `LintResult` shape (`source` omitted). */
export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  /** Problems a `dsi-ignore` waiver excused, with the waiver's reason. */
  suppressedMessages: EslintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  /** Warnings and infos: both are severity 1. */
  warningCount: number;
  /** Diagnostics that `dsi lint --fix` can fix, whether or not the fix fits ESLint's one-edit shape. */
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: [];
  /** The fixed text, where `--fix` or `--fix-dry-run` changed the file (as ESLint's). */
  output?: string;
}

const FATAL_IDS: ReadonlySet<string> = new Set([DiagnosticIds.syntax, DiagnosticIds.parseError]);

function toMessage(d: Diagnostic, report: FileReport, cwd: string): EslintMessage {
  const message: EslintMessage = {
    ruleId: d.ruleId,
    ...(FATAL_IDS.has(d.ruleId) && d.severity === 'error' ? { fatal: true as const } : {}),
    severity: d.severity === 'error' ? 2 : 1,
    message: d.message,
    line: d.range.start.line,
    column: d.range.start.column,
    ...(d.messageId === undefined ? {} : { messageId: d.messageId }),
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
  };
  const edits = d.fix?.edits ?? [];
  if (edits.length === 1 && relativePath(edits[0].file, cwd) === report.path) {
    message.fix = { range: [edits[0].range.start.offset, edits[0].range.end.offset], text: edits[0].text };
  }
  return message;
}

/** The results as ESLint's JSON formatter prints them, one entry per file including clean ones. */
export function toEslintResults(reports: readonly FileReport[], cwd: string): EslintResult[] {
  return reports.map((report) => toEslintResult(report, cwd));
}

/** One file's entry of {@link toEslintResults}. */
function toEslintResult(report: FileReport, cwd: string): EslintResult {
  const counts = countDiagnostics(report.diagnostics);
  const messages = report.diagnostics.map((d) => toMessage(d, report, cwd));
  return {
    filePath: report.path,
    messages,
    suppressedMessages: report.suppressed.map((d) => ({
      ...toMessage(d, report, cwd),
      suppressions: (d.suppressions ?? []).map((s) => ({ kind: 'directive' as const, justification: s.justification })),
    })),
    errorCount: counts.errors,
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    warningCount: counts.warnings + counts.infos,
    fixableErrorCount: counts.fixableErrors,
    fixableWarningCount: counts.fixableWarnings + counts.fixableInfos,
    usedDeprecatedRules: [],
    ...(report.output === undefined ? {} : { output: report.output }),
  };
}

/** ESLint-compatible JSON (compact, as ESLint's `json` formatter), with a final newline. */
export function formatJson(reports: readonly FileReport[], cwd: string): string {
  return [...jsonChunks(reports, cwd)].join('');
}

/**
 * {@link formatJson}'s text in pieces, one per file: the same bytes as `JSON.stringify` of the
 * whole array (compact: entries joined by commas), without building every file's entry at once.
 */
export function* jsonChunks(reports: readonly FileReport[], cwd: string): Generator<string> {
  if (reports.length === 0) {
    yield '[]\n';
    return;
  }
  let separator = '[';
  for (const report of reports) {
    yield separator + JSON.stringify(toEslintResult(report, cwd));
    separator = ',';
  }
  yield ']\n';
}
