/**
 * Configuration files (`dsi.config.json`, `dsi.config.yaml`, `dsi.config.yml`): discovery from a
 * file's folder up to the project root, `extends` (paths, packages, presets), `overrides` by
 * glob, locked rules, and task context by ARN, resolved into what applies to one file and where
 * each setting came from. Synchronous and never throwing: every problem is a diagnostic in the
 * config file (`ruleId: 'config'`), on which the CLI exits 2. Plugins are only listed here;
 * the orchestrator loads them.
 */
import { givenOptions, givenString } from '../core/given.js';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Ignore } from 'ignore';
import { ignoreLibrary } from '../core/dependencies.js';
import { mergeContext } from '../core/context.js';
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import { START_OF_FILE } from '../core/range.js';
import { suggest } from '../core/words.js';
import { findProjectRoot, isInside, realPathOf, ROOT_CONFIG_NAMES } from '../files/roots.js';
import type { Rule } from '../rules/create-rule.js';
import { settingLevel, type RuleSetting } from '../rules/engine.js';
import { builtinRules } from '../rules/index.js';
import { ruleOptionsProblem } from '../rules/options.js';
import type { ConfiguredTaskContext } from './context.js';
import { readLayers, type ConfigLocation, type Layer, type LockEntry, type PluginEntry, type RuleEntry } from './layers.js';
import { CONFIG_RULE_ID, readConfigFile, type ConfigFile } from './parse.js';

export type { ConfiguredTaskContext } from './context.js';
export type { ConfigLocation, PluginEntry, RuleEntry } from './layers.js';
export { CONFIG_RULE_ID } from './parse.js';

/** The config file names, in the order one is chosen when a folder has several (which is an error). */
export const CONFIG_FILE_NAMES = ROOT_CONFIG_NAMES;

/** The presets `extends` can name. */
export const PRESETS = ['dsi:recommended', 'dsi:strict'] as const;

/** What applies to one file: the settings in force and where each came from. */
export interface ResolvedConfig {
  /** Config files applied (extended ones included), farthest first; absolute paths. */
  readonly files: readonly string[];
  /** Rule settings by id, after extends, the cascade and the file's overrides. */
  readonly rules: ReadonlyMap<string, RuleEntry>;
  /** Policy files (absolute), farthest first. */
  readonly policies: readonly { readonly path: string; readonly from: ConfigLocation }[];
  readonly plugins: readonly PluginEntry[];
  /** Locked rule ids and globs, with the farthest config that locked each. */
  readonly locked: ReadonlyMap<string, ConfigLocation>;
  /** Task context by task ARN (nearer configs override farther ones member by member). */
  readonly context: ReadonlyMap<string, ConfiguredTaskContext>;
  /** Where each ARN's context was written, farthest first. */
  readonly contextFrom: ReadonlyMap<string, readonly ConfigLocation[]>;
  /** Folders (absolute) besides the project root that `.dsi` imports may read. */
  readonly importRoots: readonly string[];
  /** How to report `dsi-ignore` comments that excuse nothing (`dsi:strict`: `error`). */
  readonly reportUnusedWaivers?: { readonly level: 'off' | Severity; readonly from: ConfigLocation };
  /**
   * Namespaced rule ids (`plugin/rule`, `policy/n`) set or locked where no rule of that id was
   * known: check them with {@link checkRuleIds} once plugins and policies are loaded.
   */
  readonly pendingRuleIds: readonly { readonly id: string; /** The id's key (or `locked` entry). */ readonly from: ConfigLocation; readonly entry?: RuleEntry }[];
  /** Errors in the config files (the CLI exits 2 on any); the same objects for every file of a folder. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Options of {@link configFor}. */
export interface ConfigOptions {
  /** Relative paths (and `--config`) are resolved against it; `overrides` of a `--config` file match relative to it. */
  readonly cwd: string;
  /** `--config FILE`: that file alone (with what it extends), no discovery. */
  readonly configFile?: string;
  /** Parsed files and resolved folders of one run. */
  readonly cache?: ConfigCache;
  /** The rules whose ids and options can be checked now (default: the built-in rules). */
  readonly rules?: readonly Rule<any>[];
  /** Further known rule ids (plugins, policies): namespaced ids outside them are errors rather than pending. */
  readonly knownRuleIds?: readonly string[];
}

/** What one run has read: each config file parsed once, each folder's cascade resolved once. */
export interface ConfigCache {
  /** @internal */ readonly files: Map<string, ConfigFile>;
  /** @internal */ readonly layers: Map<string, { layers: readonly Layer[]; diagnostics: readonly Diagnostic[] }>;
  /** @internal */ readonly chains: Map<string, Chain>;
  /** @internal */ rules?: readonly Rule<any>[];
}

/** A new, empty cache for one run (one rule set). */
export function createConfigCache(): ConfigCache {
  return { files: new Map(), layers: new Map(), chains: new Map() };
}

/** A folder's layers in order, locks applied, with every config problem found on the way. */
interface Chain {
  readonly files: readonly string[];
  readonly layers: readonly Layer[];
  /** Where `overrides` globs of each layer's cascade file are matched from. */
  readonly globBase: ReadonlyMap<Layer, string>;
  readonly diagnostics: readonly Diagnostic[];
}

/** The configuration in force for `file` (a path relative to `cwd` or absolute); never throws. */
export function configFor(file: string, options?: ConfigOptions): ResolvedConfig {
  const given = givenOptions(options);
  options = { ...given, cwd: givenString(given.cwd, process.cwd()) };
  file = givenString(file, '.');
  const cache = options.cache ?? createConfigCache();
  const rules = Array.isArray(options.rules) ? options.rules : builtinRules;
  if (cache.rules !== rules) {
    // Layers hold options checked against one rule set.
    cache.layers.clear();
    cache.chains.clear();
    cache.rules = rules;
  }
  const abs = resolve(options.cwd, file);
  const key = options.configFile !== undefined ? `--config\0${resolve(options.cwd, options.configFile)}\0${options.cwd}` : dirname(abs);
  let chain = cache.chains.get(key);
  if (!chain) {
    chain = options.configFile !== undefined ? configChain(resolve(options.cwd, options.configFile), options.cwd, cache, rules) : folderChain(dirname(abs), options.cwd, cache, rules);
    cache.chains.set(key, chain);
  }
  return mergedFor(chain, realPathOf(abs), rules, options.knownRuleIds);
}

// The merges of each chain, by which of its `overrides` layers match: the files of one folder
// share one resolved configuration (and so the settings and rule caches built from it).
const merges = new WeakMap<Chain, Map<string, ResolvedConfig>>();

/** {@link merge}, once per chain and set of matching layers. */
function mergedFor(chain: Chain, file: string, rules: readonly Rule<any>[], knownRuleIds: readonly string[] | undefined): ResolvedConfig {
  if (knownRuleIds !== undefined) return merge(chain, file, rules, knownRuleIds);
  const key = chain.layers.map((layer) => (layer.files ? (matchesFile(layer, chain.globBase.get(layer) ?? dirname(layer.file), file) ? '1' : '0') : '-')).join('');
  let byKey = merges.get(chain);
  if (!byKey) merges.set(chain, (byKey = new Map()));
  let merged = byKey.get(key);
  if (!merged) byKey.set(key, (merged = merge(chain, file, rules, undefined)));
  return merged;
}

/** The config files that apply in `folder`, farthest first, and a problem where a folder has two. */
function discover(folder: string, cwd: string, cache: ConfigCache): { files: string[]; diagnostics: Diagnostic[] } {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const configIn = (dir: string): string | undefined => {
    const present = CONFIG_FILE_NAMES.map((n) => join(dir, n)).filter((p) => existsSync(p));
    if (present.length > 1) {
      const message = `two configuration files in one folder: ${present.map((p) => relative(dir, p)).join(' and ')}; dsi reads only ${relative(dir, present[0])}: merge them into one`;
      for (const extra of present.slice(1)) {
        if (!diagnostics.some((d) => d.file === extra)) diagnostics.push({ file: extra, range: START_OF_FILE, severity: 'error', ruleId: CONFIG_RULE_ID, messageId: 'twoConfigs', message });
      }
    }
    return present[0];
  };
  const start = realPathOf(folder);
  const root = findProjectRoot(start, cwd, (dir) => {
    const path = configIn(dir);
    return path !== undefined && load(path, cache).data?.root === true;
  });
  // Without a root above the file (no `.git`, no root mark), only the file's own folder is searched.
  for (let dir = start; ; dir = dirname(dir)) {
    const path = configIn(dir);
    if (path) files.unshift(path);
    if (dir === root || !isInside(root, dir) || dirname(dir) === dir) break;
  }
  return { files, diagnostics };
}

function folderChain(folder: string, cwd: string, cache: ConfigCache, rules: readonly Rule<any>[]): Chain {
  const found = discover(folder, cwd, cache);
  const parts = found.files.map((f) => expand(f, dirname(f), cache, rules, []));
  return finish(parts, found.diagnostics, rules);
}

function configChain(path: string, cwd: string, cache: ConfigCache, rules: readonly Rule<any>[]): Chain {
  return finish([expand(path, cwd, cache, rules, [])], [], rules);
}

interface Expanded {
  files: string[];
  layers: Layer[];
  globBase: Map<Layer, string>;
  diagnostics: Diagnostic[];
}

function load(path: string, cache: ConfigCache): ConfigFile {
  let file = cache.files.get(path);
  if (!file) cache.files.set(path, (file = readConfigFile(path)));
  return file;
}

/** A config file's layers with those of what it extends first; `stack` catches cycles. */
function expand(path: string, globBase: string, cache: ConfigCache, rules: readonly Rule<any>[], stack: readonly string[]): Expanded {
  const file = load(path, cache);
  let own = cache.layers.get(path);
  if (!own) cache.layers.set(path, (own = readLayers(file, rules)));
  const out: Expanded = { files: [], layers: [], globBase: new Map(), diagnostics: [...file.diagnostics, ...own.diagnostics] };
  const top = own.layers[0];
  for (const e of top?.extends ?? []) {
    const target = resolveExtends(e.spec, path);
    const problem = (messageId: string, message: string) =>
      out.diagnostics.push({ file: path, range: e.from.range, severity: 'error', ruleId: CONFIG_RULE_ID, messageId, message });
    if ('problem' in target) problem(target.messageId, target.problem);
    else if ('preset' in target) out.layers.push(presetLayer(target.preset, e.from, rules));
    else if (target.path === path || stack.includes(target.path)) {
      const cycle = [...stack, path, target.path].slice(stack.indexOf(target.path) >= 0 ? stack.indexOf(target.path) : stack.length);
      problem('extendsCycle', `\`${e.spec}\` leads back to a config already being extended (${cycle.map((p) => relative(dirname(path), p) || '.').join(' → ')}): remove one of these \`extends\``);
    } else {
      const sub = expand(target.path, globBase, cache, rules, [...stack, path]);
      out.files.push(...sub.files);
      out.layers.push(...sub.layers);
      for (const [l, b] of sub.globBase) out.globBase.set(l, b);
      out.diagnostics.push(...sub.diagnostics);
    }
  }
  out.files.push(path);
  for (const l of own.layers) {
    out.layers.push(l);
    out.globBase.set(l, globBase);
  }
  return out;
}

type ExtendsTarget = { preset: string } | { path: string } | { problem: string; messageId: string };

/** Where an `extends` entry leads: a preset, a config file by path, or a package's config. */
function resolveExtends(spec: string, from: string): ExtendsTarget {
  const folder = dirname(from);
  if (spec.startsWith('dsi:')) {
    if ((PRESETS as readonly string[]).includes(spec)) return { preset: spec };
    const hint = suggest(spec, PRESETS);
    return { messageId: 'unknownPreset', problem: `unknown preset \`${spec}\`${hint ? `; did you mean \`${hint}\`?` : ';'} Presets: ${PRESETS.join(', ')}` };
  }
  if (spec.startsWith('.') || isAbsolute(spec)) {
    const path = resolve(folder, spec);
    if (!existsSync(path)) return { messageId: 'extendsNotFound', problem: `no config file \`${spec}\` (looked for ${path}): write a path relative to this config file` };
    if (!/\.(json|ya?ml)$/i.test(path)) return { messageId: 'extendsNotConfig', problem: `\`${spec}\` is not a JSON or YAML config file: \`extends\` takes a .json, .yaml or .yml file` };
    return { path: realPathOf(path) };
  }
  const require = createRequire(join(folder, '__dsi_config__.js'));
  for (const name of CONFIG_FILE_NAMES) {
    try {
      return { path: realPathOf(require.resolve(`${spec}/${name}`)) };
    } catch {
      // Not there, or not exported: try the next name, then the package's main.
    }
  }
  try {
    const main = require.resolve(spec);
    if (/\.(json|ya?ml)$/i.test(main)) return { path: realPathOf(main) };
    return { messageId: 'extendsNotConfig', problem: `the package \`${spec}\` has no dsi.config.json, and its main (${main}) is not a JSON or YAML config: a shared config package ships a dsi.config.json or points \`main\` at one` };
  } catch {
    return {
      messageId: 'extendsNotFound',
      problem: `cannot find the package \`${spec}\` from ${folder}: install it (npm install --save-dev ${spec}), or write a relative path such as ./${spec}.json or a preset (${PRESETS.join(', ')})`,
    };
  }
}

function presetLayer(preset: string, via: ConfigLocation, rules: readonly Rule<any>[]): Layer {
  const strict = preset === 'dsi:strict';
  const from: ConfigLocation = { ...via, preset };
  const builtinIds = new Set(builtinRules.map((r) => r.id));
  return {
    file: via.file,
    extends: [],
    rules: rules.filter((r) => builtinIds.has(r.id)).map((r) => ({ id: r.id, idFrom: from, setting: strict ? 'error' : r.meta.severity, from })),
    policies: [],
    plugins: [],
    locked: [],
    importRoots: [],
    context: [],
    ...(strict ? { reportUnusedWaivers: { level: 'error' as const, from } } : {}),
  };
}

const RANK: Readonly<Record<'off' | Severity, number>> = { off: 0, info: 1, warning: 2, error: 3 };

/**
 * Applies locks along the chain: a setting that turns a locked rule off or lowers it below the
 * level in force when it was locked is an error at the setting, and is dropped.
 */
function finish(parts: readonly Expanded[], found: readonly Diagnostic[], rules: readonly Rule<any>[]): Chain {
  const diagnostics = [...found];
  const layers: Layer[] = [];
  const globBase = new Map<Layer, string>();
  const files: string[] = [];
  const state = new Map<string, 'off' | Severity>();
  const locks: (LockEntry & { floors: Map<string, 'off' | Severity> })[] = [];
  for (const part of parts) {
    for (const f of part.files) if (!files.includes(f)) files.push(f);
    diagnostics.push(...part.diagnostics);
    for (const layer of part.layers) {
      const kept = layer.rules.filter((entry) => {
        const level = settingLevel(entry.setting) ?? 'error';
        for (const lock of locks) {
          if (!matchesId(lock.pattern, entry.id)) continue;
          const floor = lock.floors.get(entry.id) ?? rules.find((r) => r.id === entry.id)?.meta.severity ?? 'info';
          if (RANK[level] >= RANK[floor]) continue;
          const where = `${relative(dirname(entry.from.file), lock.from.file) || lock.from.file}:${lock.from.range.start.line}:${lock.from.range.start.column}`;
          const what = level === 'off' ? 'it cannot be turned off here' : `it cannot be lowered below \`${floor === 'warning' ? 'warn' : floor}\` here`;
          diagnostics.push({
            file: entry.from.file,
            range: entry.from.range,
            severity: 'error',
            ruleId: CONFIG_RULE_ID,
            messageId: 'lockedRule',
            message: `\`${entry.id}\` is locked by ${where}; ${what}, so this setting is ignored`,
            related: [{ file: lock.from.file, range: lock.from.range, message: `\`${lock.pattern}\` is locked here` }],
          });
          return false;
        }
        return true;
      });
      const applied: Layer = kept.length === layer.rules.length ? layer : { ...layer, rules: kept };
      layers.push(applied);
      globBase.set(applied, part.globBase.get(layer) ?? dirname(layer.file));
      if (layer.files) continue;
      for (const entry of kept) state.set(entry.id, settingLevel(entry.setting) ?? 'error');
      for (const lock of layer.locked) locks.push({ ...lock, floors: new Map(state) });
    }
  }
  return { files, layers, globBase, diagnostics: dedupe(diagnostics) };
}

function merge(chain: Chain, file: string, rules: readonly Rule<any>[], knownRuleIds: readonly string[] | undefined): ResolvedConfig {
  const ruleMap = new Map<string, RuleEntry>();
  const policies: { path: string; from: ConfigLocation }[] = [];
  const plugins: PluginEntry[] = [];
  const locked = new Map<string, ConfigLocation>();
  const contextLayers = new Map<string, ConfiguredTaskContext[]>();
  const contextFrom = new Map<string, ConfigLocation[]>();
  const importRoots: string[] = [];
  let reportUnusedWaivers: ResolvedConfig['reportUnusedWaivers'];
  const pending: { id: string; from: ConfigLocation; entry?: RuleEntry }[] = [];
  const known = new Set([...rules.map((r) => r.id), ...(knownRuleIds ?? [])]);

  for (const layer of chain.layers) {
    // Pending ids are collected from every layer: a wrong id is wrong whichever files it matches.
    for (const e of layer.rules) if (!known.has(e.id)) pending.push({ id: e.id, from: e.idFrom, entry: e });
    for (const l of layer.locked) if (l.pattern.includes('/') && !/[*?]/.test(l.pattern) && !known.has(l.pattern)) pending.push({ id: l.pattern, from: l.from });
    if (layer.files && !matchesFile(layer, chain.globBase.get(layer) ?? dirname(layer.file), file)) continue;
    for (const e of layer.rules) {
      const previous = ruleMap.get(e.id);
      // A severity alone keeps the options a farther config gave, as ESLint does.
      if (typeof e.setting === 'string' && e.setting !== 'off' && Array.isArray(previous?.setting)) {
        ruleMap.set(e.id, { setting: [e.setting, previous.setting[1]], from: e.from, ...(previous.optionsFrom ? { optionsFrom: previous.optionsFrom } : {}) });
      } else ruleMap.set(e.id, { setting: e.setting, from: e.from, ...(e.optionsFrom ? { optionsFrom: e.optionsFrom } : {}) });
    }
    for (const p of layer.policies) if (!policies.some((x) => x.path === p.path)) policies.push(p);
    for (const p of layer.plugins) if (!plugins.some((x) => x.specifier === p.specifier && (x.path ?? x.resolvedFrom) === (p.path ?? p.resolvedFrom))) plugins.push(p);
    for (const l of layer.locked) if (!locked.has(l.pattern)) locked.set(l.pattern, l.from);
    for (const r of layer.importRoots) if (!importRoots.includes(r.path)) importRoots.push(r.path);
    for (const c of layer.context) {
      contextLayers.set(c.arn, [...(contextLayers.get(c.arn) ?? []), c.context]);
      contextFrom.set(c.arn, [...(contextFrom.get(c.arn) ?? []), c.from]);
    }
    if (layer.reportUnusedWaivers) reportUnusedWaivers = layer.reportUnusedWaivers;
  }

  const diagnostics = [...chain.diagnostics];
  let pendingRuleIds = pending;
  if (knownRuleIds !== undefined) {
    diagnostics.push(...unknownIdDiagnostics(pending, [...known]));
    pendingRuleIds = [];
  }
  return {
    files: chain.files,
    rules: ruleMap,
    policies,
    plugins,
    locked,
    context: new Map([...contextLayers].map(([arn, layers]) => [arn, mergeContext(...layers) as ConfiguredTaskContext])),
    contextFrom,
    importRoots,
    ...(reportUnusedWaivers ? { reportUnusedWaivers } : {}),
    pendingRuleIds: dedupeBy(pendingRuleIds, (p) => `${p.id}\0${p.from.file}\0${p.from.range.start.offset}`),
    diagnostics: knownRuleIds !== undefined ? dedupe(diagnostics) : chain.diagnostics,
  };
}

/**
 * Checks the namespaced rule ids a config named against the rules now known (after plugins and
 * policies are loaded): an unknown id is an error at its place with a did-you-mean, and options
 * given to a known rule are checked against its `meta.schema`.
 */
export function checkRuleIds(config: ResolvedConfig, rules: readonly Rule<any>[], otherIds: readonly string[] = []): Diagnostic[] {
  const ids = [...rules.map((r) => r.id), ...otherIds];
  const out = unknownIdDiagnostics(config.pendingRuleIds, ids);
  for (const p of config.pendingRuleIds) {
    const rule = rules.find((r) => r.id === p.id);
    const setting = p.entry?.setting;
    if (!rule || !Array.isArray(setting)) continue;
    const problem = ruleOptionsProblem(rule, setting[1]);
    const at = p.entry?.optionsFrom ?? p.from;
    if (problem) out.push({ file: at.file, range: at.range, severity: 'error', ruleId: CONFIG_RULE_ID, messageId: 'invalidOptions', message: problem });
  }
  return dedupe(out);
}

function unknownIdDiagnostics(pending: ResolvedConfig['pendingRuleIds'], ids: readonly string[]): Diagnostic[] {
  return pending
    .filter((p) => !ids.includes(p.id))
    .map((p) => {
      const hint = suggest(p.id, ids);
      return {
        file: p.from.file,
        range: p.from.range,
        severity: 'error' as const,
        ruleId: CONFIG_RULE_ID,
        messageId: 'unknownRule',
        message: `unknown rule \`${p.id}\`${hint ? `; did you mean \`${hint}\`?` : ';'} No loaded plugin or policy defines it`,
      };
    });
}

/** The lock that covers `ruleId` (an exact id or a glob such as `prod-guardrails/*`), if any. */
export function isLocked(config: Pick<ResolvedConfig, 'locked'>, ruleId: string): ConfigLocation | undefined {
  for (const [pattern, from] of config.locked) if (matchesId(pattern, ruleId)) return from;
  return undefined;
}

/**
 * Why `level` may not be given to `ruleId` from outside the configuration (`--rule`): undefined
 * when it may; a message naming the lock when it would turn a locked rule off or lower it below
 * the level in force (`defaultSeverity`: the rule's own, when no config sets it).
 */
export function lockedRuleProblem(
  config: ResolvedConfig,
  ruleId: string,
  level: 'off' | Severity,
  defaultSeverity?: Severity,
  /** How to name the locking config file (default: its absolute path). */
  show: (file: string) => string = (file) => file,
): string | undefined {
  const lock = isLocked(config, ruleId);
  if (!lock) return undefined;
  const current = settingLevel(config.rules.get(ruleId)?.setting) ?? defaultSeverity ?? 'info';
  if (RANK[level] >= RANK[current]) return undefined;
  return `\`${ruleId}\` is locked by ${show(lock.file)}:${lock.range.start.line}:${lock.range.start.column}; it cannot be ${level === 'off' ? 'turned off' : `lowered below \`${current === 'warning' ? 'warn' : current}\``}`;
}

/** The rule settings as `compile()` and `lint()` take them (`ruleSettings`). */
export function ruleSettingsOf(config: ResolvedConfig): Record<string, RuleSetting> {
  return Object.fromEntries([...config.rules].map(([id, e]) => [id, e.setting]));
}

/** The configured task context as `compile()` and `lint()` take it (`context`). */
export function contextLookup(config: ResolvedConfig): (taskArn: string) => ConfiguredTaskContext | undefined {
  return (arn) => config.context.get(arn);
}

/** What `--print-config FILE` shows: every setting in force and where it came from (`file:line:col`). */
export function describeConfig(config: ResolvedConfig, cwd: string): string {
  const show = (path: string) => {
    const rel = relative(cwd, path);
    return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
  };
  const at = (l: ConfigLocation) => `${l.preset ? `${l.preset} via ` : ''}${show(l.file)}:${l.range.start.line}:${l.range.start.column}`;
  const word = (s: string) => (s === 'warning' ? 'warn' : s);
  const lines: string[] = [];
  lines.push('config files (farthest first):');
  if (config.files.length === 0) lines.push('  (none: built-in defaults)');
  for (const f of config.files) lines.push(`  ${show(f)}`);
  const section = <T>(title: string, items: readonly T[], line: (item: T) => string) => {
    if (items.length === 0) return;
    lines.push(`${title}:`);
    for (const item of items) lines.push(`  ${line(item)}`);
  };
  section('rules', [...config.rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), ([id, e]) => {
    const s = e.setting;
    const text = Array.isArray(s) ? `${word(s[0])} ${JSON.stringify(s[1])}` : word(s as string);
    return `${id}: ${text}  (${at(e.from)}${e.optionsFrom && e.optionsFrom !== e.from && Array.isArray(s) ? `; options ${at(e.optionsFrom)}` : ''})`;
  });
  section('locked', [...config.locked], ([p, from]) => `${p}  (${at(from)})`);
  section('policies', config.policies, (p) => `${show(p.path)}  (${at(p.from)})`);
  section('plugins', config.plugins, (p) => `${p.specifier}${p.path ? ` = ${show(p.path)}` : ` from ${show(p.resolvedFrom)}`}  (${at(p.from)})`);
  section('importRoots', config.importRoots, (r) => show(r));
  section('context', [...config.context], ([arn, c]) => `${arn}: ${JSON.stringify(c)}  (${(config.contextFrom.get(arn) ?? []).map(at).join(', ')})`);
  if (config.reportUnusedWaivers) lines.push(`reportUnusedWaivers: ${word(config.reportUnusedWaivers.level)}  (${at(config.reportUnusedWaivers.from)})`);
  if (config.diagnostics.length > 0) lines.push(`errors: ${config.diagnostics.length} (see the diagnostics)`);
  return lines.join('\n') + '\n';
}

/** `*` matches within one `/`-separated part, `**` across parts, `?` one character. */
function matchesId(pattern: string, id: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === id;
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*|\*|\?/g, (m) => (m === '**' ? '.*' : m === '*' ? '[^/]*' : '[^/]'));
  return new RegExp(`^${source}$`).test(id);
}

const matchers = new WeakMap<Layer, { files: Ignore; excluded: Ignore }>();

/** Whether an `overrides` layer applies to `file`: globs as in `.gitignore` (no `/`: any folder), relative to `base`. */
function matchesFile(layer: Layer, base: string, file: string): boolean {
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
  const path = rel.split(sep).join('/');
  let m = matchers.get(layer);
  if (!m) matchers.set(layer, (m = { files: ignoreLibrary()().add([...(layer.files ?? [])]), excluded: ignoreLibrary()().add([...(layer.excludedFiles ?? [])]) }));
  try {
    return m.files.ignores(path) && !m.excluded.ignores(path);
  } catch {
    // `ignore` refuses paths it cannot hold (none reach here after the checks above).
    return false;
  }
}

function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return dedupeBy(diagnostics, (d) => `${d.file}\0${d.range.start.offset}\0${d.range.end.offset}\0${d.message}`);
}

function dedupeBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
