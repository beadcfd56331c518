/**
 * Code actions: every fix a diagnostic carries (the same edits `dsi lint --fix` applies), and a
 * waiver for what can be waived: `# dsi-ignore RULE until DAY -- ` on the line above, its reason
 * left for the author to write (until then the waiver is reported as giving none).
 */
import { CodeActionKind, type CodeAction, type Range as LspRange, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Diagnostic } from '../core/diagnostic.js';
import { isSuppressible } from '../check/suppressions.js';
import { todayUtc } from '../core/suppressions.js';
import { ruleInfo } from '../rules/index.js';
import { toLspDiagnostic, toLspRange } from './convert.js';
import type { OpenFile, Workspace } from './workspace.js';

/** How long a waiver inserted by a quick fix lasts: long enough for a fix, short enough to be revisited. */
export const WAIVER_DAYS = 30;

export function codeActions(workspace: Workspace, file: OpenFile, diagnostics: readonly Diagnostic[], range: LspRange): CodeAction[] {
  const helpUris = new Map(ruleInfo().flatMap((r) => (r.helpUri ? [[r.id, r.helpUri] as const] : [])));
  const out: CodeAction[] = [];
  const overlaps = (d: Diagnostic) => d.range.start.line - 1 <= range.end.line && d.range.end.line - 1 >= range.start.line;
  for (const d of diagnostics) {
    if (d.file !== file.path || !overlaps(d)) continue;
    const lsp = toLspDiagnostic(d, workspace.uriOf, helpUris.get(d.ruleId));
    if (d.fix) {
      const changes: Record<string, LspTextEdit[]> = {};
      for (const e of d.fix.edits) (changes[workspace.uriOf(e.file)] ??= []).push({ range: toLspRange(e.range), newText: e.text });
      out.push({ title: capitalize(d.fix.description), kind: CodeActionKind.QuickFix, diagnostics: [lsp], isPreferred: true, edit: { changes } });
    }
    const waiver = waiverFor(file, d);
    if (waiver) out.push({ title: waiver.title, kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit: { changes: { [file.uri]: [waiver.edit] } } });
  }
  return out;
}

/** A waiver line above the diagnostic's line, indented like it; none for JSON (no comments) or what cannot be waived. */
function waiverFor(file: OpenFile, d: Diagnostic): { title: string; edit: LspTextEdit } | undefined {
  if (!isSuppressible(d.ruleId) || /\.json$/i.test(file.path)) return undefined;
  const line = d.range.start.line;
  const indent = /^[ \t]*/.exec(file.lines.lineText(line))![0];
  const until = todayUtc(new Date(Date.now() + WAIVER_DAYS * 86_400_000));
  const at = { line: line - 1, character: 0 };
  return {
    title: `Waive ${d.ruleId} on this line until ${until} (then write the reason after --)`,
    edit: { range: { start: at, end: at }, newText: `${indent}# dsi-ignore ${d.ruleId} until ${until} -- \n` },
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
