/**
 * Diagnostics as the editor shows them: each open file is checked by the project (the check stage,
 * configuration, policies and waivers of `dsi lint`) when opened and, debounced, when changed; a
 * change to a file re-checks the open files that import it. A check may find problems in other
 * files (a template's line that an intent's rule points at): each file shows the union of what
 * every check found in it.
 */
import type { Connection } from 'vscode-languageserver';
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import { ruleInfo } from '../rules/index.js';
import { toLspDiagnostic } from './convert.js';
import { importTarget, type OpenFile, type Workspace } from './workspace.js';

/** How long the editor must be quiet after a change before the file is checked again. */
export const CHECK_DELAY_MS = 150;

export interface Checker {
  /** Checks a file now (on open), then the open files that import it. */
  opened(file: OpenFile): void;
  /** Checks a file and its importers after {@link CHECK_DELAY_MS} without further changes. */
  changed(file: OpenFile): void;
  /** A file on disk changed (saved elsewhere): re-checks the open files that import it. */
  changedOnDisk(path: string): void;
  /** Forgets what a closed file's check found, and re-checks its importers against the disk. */
  closed(uri: string, path: string): void;
  /** Re-checks every open file (configuration changed). */
  recheckAll(): void;
  /** The problems in force at a path, as last published (for code actions). */
  diagnosticsAt(path: string): readonly Diagnostic[];
  /** Cancels pending checks. */
  dispose(): void;
}

export function createChecker(connection: Connection, workspace: Workspace): Checker {
  const helpUris = new Map(ruleInfo().flatMap((r) => (r.helpUri ? [[r.id, r.helpUri] as const] : [])));
  /** By checked path: what its last check found, by the path of the file it is in. */
  const found = new Map<string, Map<string, Diagnostic[]>>();
  /** Paths whose diagnostics have been published (to clear them when nothing is left). */
  const published = new Map<string, readonly Diagnostic[]>();
  const timers = new Map<string, NodeJS.Timeout>();

  /** The latest check started per path: an older one that ends later publishes nothing. */
  const started = new Map<string, number>();
  let checks = 0;

  const check = async (file: OpenFile) => {
    const ticket = ++checks;
    started.set(file.path, ticket);
    // Open `.dsi` files this one imports, directly or not, are read from their buffers.
    const texts = new Map([[file.path, file.text]]);
    for (const imported of importClosure(file)) texts.set(imported.path, imported.text);
    let diagnostics: readonly Diagnostic[];
    try {
      const project = workspace.project();
      // The configuration in force for each file (config files, plugins, policy files), as `dsi lint` has it.
      await project.prepare(texts.keys());
      if (started.get(file.path) !== ticket) return;
      diagnostics = project.lint({ files: [file.path], texts, problems: [] }).diagnostics;
    } catch (e) {
      connection.console.error(`dsi: checking ${file.path} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return;
    }
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) {
      // Whether a waiver elsewhere excuses nothing can only be told from a check of its own file.
      if (d.file !== file.path && d.messageId === 'unused') continue;
      (byFile.get(d.file) ?? byFile.set(d.file, []).get(d.file)!).push(d);
    }
    const before = found.get(file.path);
    found.set(file.path, byFile);
    publish(new Set([...byFile.keys(), ...(before?.keys() ?? []), file.path]), file.path);
  };

  /** Publishes what is in force at each path; `checked` is published even when clean (the editor learns it was checked). */
  const publish = (paths: Iterable<string>, checked?: string) => {
    for (const path of paths) {
      const seen = new Set<string>();
      const union: Diagnostic[] = [];
      for (const byFile of found.values()) {
        for (const d of byFile.get(path) ?? []) {
          const key = `${d.range.start.offset}:${d.range.end.offset}:${d.ruleId}:${d.message}`;
          if (!seen.has(key)) {
            seen.add(key);
            union.push(d);
          }
        }
      }
      union.sort(compareDiagnostics);
      if (union.length === 0 && !published.has(path) && path !== checked) continue;
      if (union.length === 0) published.delete(path);
      else published.set(path, union);
      const open = workspace.fileAt(path);
      void connection.sendDiagnostics({
        uri: workspace.uriOf(path),
        ...(open ? { version: open.version } : {}),
        diagnostics: union.map((d) => toLspDiagnostic(d, workspace.uriOf, helpUris.get(d.ruleId))),
      });
    }
  };

  /** Every file a `.dsi` file imports, directly or through others (read from disk where not open). */
  const importedBy = (file: OpenFile): Set<string> => {
    const out = new Set<string>();
    if (!file.isDsi) return out;
    const pending = importsOf(file.path, file.text);
    const read = workspace.readFor(file.path);
    while (pending.length > 0) {
      const path = pending.pop()!;
      if (out.has(path) || path === file.path) continue;
      out.add(path);
      let text = workspace.fileAt(path)?.text;
      try {
        text ??= read(path);
      } catch {
        continue; // the check reports an import that cannot be read
      }
      pending.push(...importsOf(path, text));
    }
    return out;
  };

  /** The open files a file imports, directly or not: the check reads them from their buffers. */
  const importClosure = (file: OpenFile): OpenFile[] => [...importedBy(file)].flatMap((p) => workspace.fileAt(p) ?? []);

  /** Open files other than `path` that import it, directly or not. */
  const importersOf = (path: string): OpenFile[] => workspace.files().filter((f) => f.path !== path && importedBy(f).has(path));

  /** The files an import line names: a scan, not a parse, as it runs before every check. */
  const importsOf = (path: string, text: string): string[] =>
    [...text.matchAll(/^[ \t]*import[ \t]+"((?:[^"\\\r\n]|\\.)*)"/gm)].map((m) => importTarget(path, m[1]));

  const schedule = (file: OpenFile, delay: number) => {
    clearTimeout(timers.get(file.uri));
    const run = () => {
      timers.delete(file.uri);
      const current = workspace.file(file.uri);
      if (current) void check(current);
    };
    if (delay === 0) run();
    else timers.set(file.uri, setTimeout(run, delay));
  };

  return {
    opened(file) {
      schedule(file, 0);
      for (const importer of importersOf(file.path)) schedule(importer, 0);
    },
    changed(file) {
      schedule(file, CHECK_DELAY_MS);
      for (const importer of importersOf(file.path)) schedule(importer, CHECK_DELAY_MS);
    },
    changedOnDisk(path) {
      for (const importer of importersOf(path)) schedule(importer, CHECK_DELAY_MS);
    },
    closed(uri, path) {
      clearTimeout(timers.get(uri));
      timers.delete(uri);
      const before = found.get(path);
      found.delete(path);
      started.delete(path);
      publish(new Set([path, ...(before?.keys() ?? [])]));
      for (const importer of importersOf(path)) schedule(importer, 0);
    },
    recheckAll() {
      for (const f of workspace.files()) schedule(f, 0);
    },
    diagnosticsAt: (path) => published.get(path) ?? [],
    dispose() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
