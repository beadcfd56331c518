/**
 * What applies to one file, resolved from the configuration in force: the rules (built-in and
 * plugins'), their settings (configuration under `--rule`), the configured policies, task
 * context, import roots and locks. `dsi compile`, `dsi lint`, the editor and the library all get
 * their settings here, so what compiles is what passed the policies.
 */
import { givenOptions, givenString } from '../core/given.js';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { TaskContext } from '../core/context.js';
import { mergeContext } from '../core/context.js';
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import type { PolicyDeclaration } from '../core/policy.js';
import type { WaiverOptions } from '../check/suppressions.js';
import type { CompileCache } from '../compiler/index.js';
import { isIntentFile, loadIntentFrontEnd } from './front-ends.js';
import {
  CONFIG_RULE_ID,
  checkRuleIds,
  configFor,
  contextLookup,
  createConfigCache,
  isLocked,
  lockedRuleProblem,
  ruleSettingsOf,
  type ConfigCache,
  type ConfigLocation,
  type ResolvedConfig,
} from '../config/index.js';
import { policyRules } from '../policy/index.js';
import type { Rule } from '../rules/create-rule.js';
import { settingLevel, type RuleSetting } from '../rules/engine.js';
import { builtinRules } from '../rules/index.js';
import { describeFileError, FileRefused } from '../files/read.js';
import { createImportReader, findProjectRoot } from '../files/roots.js';
import { loadPlugins, PLUGIN_RULE_ID } from './plugins.js';

/** Where settings come from, for a whole run. */
export interface SettingsOptions {
  /** Relative paths are resolved against it, and files are named relative to it. */
  readonly cwd: string;
  /** `--config FILE`: that file alone (with what it extends); no discovery. */
  readonly configFile?: string;
  /** `false`: no configuration files at all, only the defaults and the options given here. */
  readonly config?: boolean;
  /** `false` (`--no-plugins`): configured plugins are not loaded, for trees that are not trusted. */
  readonly plugins?: boolean;
  /** The rules besides plugins' (default: the built-in rules). */
  readonly rules?: readonly Rule<any>[];
  /** Levels by rule id given on the command line (`--rule`), over the configuration but under its locks. */
  readonly ruleSettings?: Readonly<Record<string, RuleSetting>>;
  /** Folders besides the project root that imports may read (`--import-root`), relative to `cwd`. */
  readonly importRoots?: readonly string[];
  /** Task context known from elsewhere (AWS), by task ARN: under the configuration's. */
  readonly context?: (taskArn: string) => TaskContext | undefined;
  /** `--report-unused-waivers`, over the configuration's `reportUnusedWaivers`. */
  readonly reportUnusedWaivers?: 'off' | 'warn' | 'error';
  /** The day waivers are judged against (`YYYY-MM-DD`, UTC). */
  readonly today?: string;
  /** `false` (`--no-inline-config`): every `dsi-ignore` comment is ignored. */
  readonly inlineConfig?: boolean;
}

/**
 * The settings in force for one file, in the shape {@link compile} and {@link lint} take them:
 * spread them into their options (`compile(text, { filename, ...settings })`).
 */
export interface FileSettings {
  /** The rules that run: the built-in rules and those of the plugins the configuration loads. */
  readonly rules: readonly Rule<any>[];
  /** Levels and options by rule id. */
  readonly ruleSettings: Readonly<Record<string, RuleSetting>>;
  /** The policies the configuration names for this file. */
  readonly policies: readonly PolicyDeclaration[];
  /** Task context by ARN: configuration over AWS (the file's own `task { }` block wins over both). */
  readonly context?: (taskArn: string) => TaskContext | undefined;
  /** Folders (absolute) besides the project root that imports may read. */
  readonly importRoots: readonly string[];
  /** Waivers: the day, the locked rules, whether comments count. */
  readonly waivers: WaiverOptions;
  /** How a waiver that excuses nothing is reported. */
  readonly reportUnusedWaivers: 'off' | Severity;
  /** The resolved configuration (absent with `config: false`). */
  readonly config?: ResolvedConfig;
  /**
   * Problems of the configuration in force: config files, plugins and policy files. Any error
   * here means the checks in force are not the ones intended: the CLI exits 2.
   */
  readonly diagnostics: readonly Diagnostic[];
  /** Command-line settings refused: `--rule` on a locked rule, or naming no rule. */
  readonly refused: readonly string[];
}

/** Resolves {@link FileSettings} for the files of one run; config files, plugins and policy files are read once each. */
export interface Settings {
  /** The settings for `file` (relative to `cwd`, or absolute). */
  settingsFor(file: string): Promise<FileSettings>;
}

/** Creates the settings resolver of one run. */
export function createSettings(options?: SettingsOptions): Settings {
  const given = givenOptions(options);
  options = { ...given, cwd: givenString(given.cwd, process.cwd()) };
  const { cwd } = options;
  const baseRules = Array.isArray(options.rules) ? options.rules : builtinRules;
  const builtinIds = new Set(baseRules.map((r) => r.id));
  const configCache: ConfigCache = createConfigCache();
  let policyCache: CompileCache | undefined;
  const policyFiles = new Map<string, { policies: readonly PolicyDeclaration[]; diagnostics: readonly Diagnostic[] }>();
  const plugins = new Map<string, ReturnType<typeof loadPlugins>>();
  const flagRoots = (options.importRoots ?? []).map((r) => resolve(cwd, r));
  const byConfig = new WeakMap<ResolvedConfig, Promise<FileSettings>>();

  // Policy files are read as imports are: `.dsi` files inside the project root of the config that
  // names them, or an allowed folder; a refusal shows the path, never the content.
  // Policy files are .dsi: the intent front end loads for the first one.
  const loadPolicies = async (path: string, from: ConfigLocation, importRoots: readonly string[]) => {
    let loaded = policyFiles.get(path);
    if (loaded) return loaded;
    const filename = shown(cwd, path);
    const refused = (message: string) => ({ policies: [], diagnostics: [{ file: from.file, range: from.range, severity: 'error' as const, ruleId: CONFIG_RULE_ID, message }] });
    if (!isIntentFile(path)) loaded = refused(`the policy file ${filename} is not a .dsi file; policies are written in .dsi files`);
    else {
      const readFile = createImportReader(path, { cwd, importRoots, projectRoot: findProjectRoot(dirname(from.file), cwd) });
      try {
        const { createCompileCache, loadPolicyFile } = await loadIntentFrontEnd();
        loaded = loadPolicyFile(readFile(filename), { filename, readFile, cache: (policyCache ??= createCompileCache()) });
      } catch (e) {
        loaded = refused(`cannot read the policy file ${filename}: ${e instanceof FileRefused ? e.message : describeFileError(e)}`);
      }
    }
    policyFiles.set(path, loaded);
    return loaded;
  };

  const loadPluginsOf = async (config: ResolvedConfig) => {
    if (options.plugins === false || config.plugins.length === 0) return { rules: [], diagnostics: [] };
    // One load per list of plugins: the same module is the same rules for every file.
    const key = config.plugins.map((p) => `${p.resolvedFrom}\0${p.specifier}`).join('\n');
    let loading = plugins.get(key);
    if (!loading) plugins.set(key, (loading = loadPlugins(config.plugins, builtinIds)));
    return loading;
  };

  const reportLevel = (configured?: 'off' | Severity): 'off' | Severity => {
    const flag = options.reportUnusedWaivers;
    if (flag) return flag === 'warn' ? 'warning' : flag;
    return configured ?? 'warning';
  };

  const settingsOf = async (config: ResolvedConfig, waiverBase: WaiverOptions): Promise<FileSettings> => {
    const importRoots = [...config.importRoots, ...flagRoots];
    const loaded = await loadPluginsOf(config);
    const rules = [...baseRules, ...loaded.rules];
    const policyLoads = [];
    for (const p of config.policies) policyLoads.push(await loadPolicies(p.path, p.from, importRoots));
    const policies = policyLoads.flatMap((l) => l.policies);
    const policyIds = policyRules(policies).rules.map((r) => r.id);
    const diagnostics = [...config.diagnostics, ...loaded.diagnostics, ...policyLoads.flatMap((l) => l.diagnostics), ...checkRuleIds(config, rules, policyIds)];

    // `--rule` goes over the configuration, except where a lock forbids it.
    const ruleSettings: Record<string, RuleSetting> = ruleSettingsOf(config);
    const refused = unknownFlagIds(options.ruleSettings ?? {}, [...rules.map((r) => r.id), ...policyIds]);
    for (const [id, setting] of Object.entries(options.ruleSettings ?? {})) {
      if (refused.some((r) => r.startsWith(`--rule ${id}:`))) continue;
      const level = settingLevel(setting) ?? 'off';
      const own = rules.find((r) => r.id === id)?.meta.severity;
      const problem = lockedRuleProblem(config, id, level, own, (f) => shown(cwd, f));
      if (problem) refused.push(`--rule ${id}:${level === 'warning' ? 'warn' : level}: ${problem}, so the setting is ignored`);
      else ruleSettings[id] = setting;
    }
    const configured = contextLookup(config);
    return {
      rules,
      ruleSettings,
      policies,
      // Configuration over AWS, member by member; the file's own block goes over both in the check stage.
      ...(config.context.size > 0 || options.context ? { context: layeredContext(options.context, configured) } : {}),
      importRoots,
      waivers: {
        ...waiverBase,
        locked: (id) => {
          const lock = isLocked(config, id);
          return lock && { file: shown(cwd, lock.file), range: lock.range };
        },
      },
      reportUnusedWaivers: reportLevel(config.reportUnusedWaivers?.level),
      config,
      diagnostics,
      refused,
    };
  };

  return {
    async settingsFor(file) {
      const waiverBase: WaiverOptions = { ...(options.inlineConfig === false ? { inline: false } : {}), ...(options.today ? { today: options.today } : {}) };
      if (options.config === false) {
        return {
          rules: baseRules,
          ruleSettings: { ...(options.ruleSettings ?? {}) },
          policies: [],
          ...(options.context ? { context: options.context } : {}),
          importRoots: flagRoots,
          waivers: waiverBase,
          reportUnusedWaivers: reportLevel(),
          diagnostics: [],
          refused: unknownFlagIds(options.ruleSettings ?? {}, baseRules.map((r) => r.id)),
        };
      }
      const config = configFor(file, { cwd, cache: configCache, rules: baseRules, ...(options.configFile !== undefined ? { configFile: options.configFile } : {}) });
      // Files under one configuration share their settings: built once, not once per file.
      let settings = byConfig.get(config);
      if (!settings) byConfig.set(config, (settings = settingsOf(config, waiverBase)));
      return settings;
    },
  };


}

/**
 * The configuration in force for `file`, in the shape `compile()` and `lint()` take (the
 * library's way to apply what `dsi compile` and `dsi lint` apply):
 * `compile(text, { filename, ...(await configure(filename, { cwd })) })`.
 */
export function configure(file: string, options?: SettingsOptions): Promise<FileSettings> {
  return createSettings(options).settingsFor(givenString(file, '.'));
}

/** True for a problem of the configuration in force (a config file, a plugin): the CLI exits 2 on one. */
export function isConfigProblem(d: Diagnostic): boolean {
  return d.ruleId === CONFIG_RULE_ID || d.ruleId === PLUGIN_RULE_ID;
}

/** `--rule` ids that name no rule of this file's configuration. */
function unknownFlagIds(settings: Readonly<Record<string, RuleSetting>>, ids: readonly string[]): string[] {
  return Object.entries(settings)
    .filter(([id]) => !ids.includes(id))
    .map(([id, s]) => `--rule ${id}:${settingLevel(s) === 'warning' ? 'warn' : settingLevel(s)}: no built-in, plugin or policy rule has this id here, so the setting is ignored`);
}

/** Task context by ARN in layers, the later over the earlier member by member (configuration over AWS); undefined where no layer knows the task. */
export function layeredContext(...layers: (((arn: string) => TaskContext | undefined) | undefined)[]): (arn: string) => TaskContext | undefined {
  return (arn) => {
    const known = layers.map((l) => l?.(arn));
    return known.some((k) => k !== undefined) ? mergeContext(...known) : undefined;
  };
}

/** A file's name as diagnostics show it: relative to the working folder when inside it, with `/`. */
function shown(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? abs : rel.split(sep).join('/');
}
