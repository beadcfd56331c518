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

/** The kind of the action that applies every fix of a file at once (VS Code runs it on save when asked). */
export const FIX_ALL = `${CodeActionKind.SourceFixAll}.dsi`;

/** The quick fixes of the problems in `range`, and the file's fix-all action; `only` narrows the kinds. */
export function codeActions(workspace: Workspace, file: OpenFile, diagnostics: readonly Diagnostic[], range: LspRange, only?: readonly string[]): CodeAction[] {
  const wanted = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const fixAll = wanted(FIX_ALL) ? fixAllAction(workspace, file, diagnostics) : undefined;
  const quick = wanted(CodeActionKind.QuickFix) ? quickFixes(workspace, file, diagnostics, range) : [];
  return fixAll ? [...quick, fixAll] : quick;
}

function quickFixes(workspace: Workspace, file: OpenFile, diagnostics: readonly Diagnostic[], range: LspRange): CodeAction[] {
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

/** Every fix of the file's problems that edits only this file, as `dsi lint --fix` applies one pass: overlapping ones wait. */
function fixAllAction(workspace: Workspace, file: OpenFile, diagnostics: readonly Diagnostic[]): CodeAction | undefined {
  const edits = diagnostics
    .filter((d) => d.file === file.path && d.fix && d.fix.edits.every((e) => e.file === file.path))
    .flatMap((d) => d.fix!.edits)
    .sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
  const kept: LspTextEdit[] = [];
  let cursor = -1;
  for (const e of edits) {
    if (e.range.start.offset < cursor) continue;
    kept.push({ range: toLspRange(e.range), newText: e.text });
    cursor = Math.max(e.range.end.offset, e.range.start.offset + 1);
  }
  if (kept.length === 0) return undefined;
  return { title: 'Fix all dsi problems that have a fix', kind: FIX_ALL, edit: { changes: { [workspace.uriOf(file.path)]: kept } } };
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
