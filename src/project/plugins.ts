/**
 * Plugins: modules of rules made with `createRule`, named only by configuration (trusted, see
 * docs/security.md), never by an input file. A plugin that cannot be loaded, or whose module
 * runs past its time budget while loading, is a diagnostic at the config entry that names it
 * (a configuration problem: the CLI exits 2); a rule that throws names its plugin, and the run goes on.
 */
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../core/diagnostic.js';
import { loadModule } from '../core/load-module.js';
import { runWithinTime } from '../core/watchdog.js';
import type { SourceLocation } from '../core/range.js';
import type { Rule } from '../rules/create-rule.js';

/** A plugin as configuration names it. */
export interface PluginSpec {
  /** A path relative to the config file's folder (`./rules/acme.mjs`) or a package name. */
  readonly specifier: string;
  /** The folder the specifier is resolved from (the config file's). */
  readonly resolvedFrom: string;
  /** Where configuration names it. */
  readonly from: SourceLocation;
}

/** The rules of the plugins that loaded, and the problems of those that did not. */
export interface LoadedPlugins {
  readonly rules: readonly Rule<any>[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The rule id of a plugin's own problems (cannot be found, loaded, or exports no rules). */
export const PLUGIN_RULE_ID = 'plugin';

function problem(spec: PluginSpec, message: string): Diagnostic {
  return { file: spec.from.file, range: spec.from.range, severity: 'error', ruleId: PLUGIN_RULE_ID, message: `plugin \`${spec.specifier}\`: ${message}` };
}

/** Where a specifier leads: a path from the config's folder, or a package resolved from there. */
function locate(spec: PluginSpec): string {
  if (spec.specifier.startsWith('.') || isAbsolute(spec.specifier)) return resolve(spec.resolvedFrom, spec.specifier);
  return createRequire(join(spec.resolvedFrom, 'dsi.config.json')).resolve(spec.specifier);
}

/** How long a plugin's module may run while it loads (its top-level code and its imports) before it is stopped. */
export const PLUGIN_LOAD_BUDGET_MS = 10_000;

/** Options of {@link loadPlugins}. */
export interface LoadPluginsOptions {
  /** How long (ms) a plugin's module may run while loading; default {@link PLUGIN_LOAD_BUDGET_MS}. */
  readonly loadBudgetMs?: number;
}

// Node cannot require these synchronously (top-level await, require(esm) turned off, an extension
// only a loader hook knows, as under vitest or tsx); it says so before running any of their code.
const NEEDS_IMPORT = new Set(['ERR_REQUIRE_ASYNC_MODULE', 'ERR_REQUIRE_ESM', 'ERR_UNKNOWN_FILE_EXTENSION']);
/** Modules stopped while loading, by path: Node keeps an ES module stopped half-way as still loading. */
const stopped = new Set<string>();

function stoppedMessage(budgetMs: number): string {
  return `its module ran for more than ${budgetMs} ms while loading and was stopped (an endless loop in its top-level code?); fix the plugin or remove it from \`plugins\``;
}

/**
 * Loads a plugin's module. `require` runs it synchronously, so `vm`'s timeout (a watchdog thread)
 * can stop top-level code that loops; `import()` only where Node cannot require the module, and
 * then without the watchdog (documented in docs/security.md).
 */
async function loadWithinBudget(path: string, budgetMs: number): Promise<Record<string, unknown>> {
  if (stopped.has(path)) throw new Error(stoppedMessage(budgetMs));
  let module: Record<string, unknown> | undefined;
  let needsImport = false;
  const finished = runWithinTime(() => {
    try {
      module = Object(createRequire(path)(path)) as Record<string, unknown>;
    } catch (e) {
      if (!NEEDS_IMPORT.has((e as { code?: unknown } | null)?.code as string)) throw e;
      needsImport = true;
    }
  }, budgetMs);
  if (!finished) {
    stopped.add(path);
    throw new Error(stoppedMessage(budgetMs));
  }
  return needsImport ? loadModule<Record<string, unknown>>(pathToFileURL(path).href) : module!;
}

/** The rules a module exports: `rules` as a list or a record, on the module or on its default export. */
function rulesOf(module: Record<string, unknown>): unknown[] | undefined {
  const holder = (module.rules !== undefined ? module : (module.default as Record<string, unknown> | undefined)) ?? {};
  const rules = holder.rules;
  if (Array.isArray(rules)) return rules;
  if (rules && typeof rules === 'object') return Object.values(rules);
  return undefined;
}

function isRule(value: unknown): value is Rule<any> {
  const r = value as Rule<any> | null;
  return !!r && typeof r.id === 'string' && typeof r.check === 'function' && !!r.meta && typeof r.meta.messages === 'object';
}

/** A rule whose failures name the plugin it came from. */
function named(rule: Rule<any>, plugin: string): Rule<any> {
  return {
    ...rule,
    check(context) {
      try {
        rule.check(context);
      } catch (e) {
        throw new Error(`(from plugin \`${plugin}\`) ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
}

/**
 * Loads plugins once each (a plugin named by several configs is one module). Rule ids must be
 * namespaced (`acme/no-public-buckets`) so that they never clash with built-in ones.
 */
export async function loadPlugins(specs: readonly PluginSpec[], builtinIds: ReadonlySet<string>, options: LoadPluginsOptions = {}): Promise<LoadedPlugins> {
  const budgetMs = options.loadBudgetMs ?? PLUGIN_LOAD_BUDGET_MS;
  const rules = new Map<string, Rule<any>>();
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    let path: string;
    try {
      path = locate(spec);
    } catch {
      diagnostics.push(problem(spec, `cannot find it from ${spec.resolvedFrom}; give a path relative to the config file (\`./rules/plugin.mjs\`) or install the package`));
      continue;
    }
    if (seen.has(path)) continue;
    seen.add(path);
    let module: Record<string, unknown>;
    try {
      module = await loadWithinBudget(path, budgetMs);
    } catch (e) {
      diagnostics.push(problem(spec, `failed to load: ${e instanceof Error ? e.message : String(e)}`));
      continue;
    }
    const exported = rulesOf(module);
    if (!exported) {
      diagnostics.push(problem(spec, 'exports no `rules` (a list or record of rules made with createRule)'));
      continue;
    }
    for (const rule of exported) {
      if (!isRule(rule)) {
        diagnostics.push(problem(spec, 'exports something in `rules` that is not a rule made with createRule'));
        continue;
      }
      if (!rule.id.includes('/') || builtinIds.has(rule.id)) {
        diagnostics.push(problem(spec, `rule id \`${rule.id}\` must be namespaced, as \`${spec.specifier.replace(/^.*[\\/]/, '').replace(/\.[cm]?js$/, '')}/${rule.id}\``));
        continue;
      }
      if (rules.has(rule.id)) {
        diagnostics.push(problem(spec, `rule \`${rule.id}\` is also defined by another plugin`));
        continue;
      }
      rules.set(rule.id, named(rule, spec.specifier));
    }
  }
  return { rules: [...rules.values()], diagnostics };
}
