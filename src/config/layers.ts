/**
 * One config file read into layers: its own top-level settings, then one layer per `overrides`
 * entry. Each setting keeps where it was written; every problem is a diagnostic at that place.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import { escapeToken } from '../core/json-pointer.js';
import type { Range } from '../core/range.js';
import { suggest } from '../core/words.js';
import type { Rule } from '../rules/create-rule.js';
import type { RuleSetting } from '../rules/engine.js';
import { ruleOptionsProblem } from '../rules/options.js';
import { TASK_ARN } from '../context/aws.js';
import { readTaskContext, type ConfiguredTaskContext } from './context.js';
import { CONFIG_RULE_ID, type ConfigFile } from './parse.js';
import { where } from './schema.js';

/** Where a setting was written: a config file and the range of its key or value. */
export interface ConfigLocation {
  /** Absolute path of the config file. */
  readonly file: string;
  readonly range: Range;
  /** Set when the setting comes from a preset (`dsi:recommended`); `file` and `range` are then the `extends` that named it. */
  readonly preset?: string;
}

/** One rule's setting and where it came from. */
export interface RuleEntry {
  readonly setting: RuleSetting;
  /** The setting's value in the config. */
  readonly from: ConfigLocation;
  /** The options' value, when the setting gives options. */
  readonly optionsFrom?: ConfigLocation;
}

/** A rule or policy id (or glob) in `locked`, with where it was locked. */
export interface LockEntry {
  readonly pattern: string;
  readonly from: ConfigLocation;
}

/** Settings that apply together: a config's top level, one of its `overrides`, or a preset. */
export interface Layer {
  /** The config file that wrote it. */
  readonly file: string;
  /** For an `overrides` entry: globs of the files it applies to, and of those it does not. */
  readonly files?: readonly string[];
  readonly excludedFiles?: readonly string[];
  /** `"root": true` at this config's top level. */
  readonly root?: boolean;
  readonly extends: readonly { readonly spec: string; readonly from: ConfigLocation }[];
  readonly rules: readonly (RuleEntry & { readonly id: string; /** The id's key in the config. */ readonly idFrom: ConfigLocation })[];
  readonly policies: readonly { readonly path: string; readonly from: ConfigLocation }[];
  readonly plugins: readonly PluginEntry[];
  readonly locked: readonly LockEntry[];
  readonly importRoots: readonly { readonly path: string; readonly from: ConfigLocation }[];
  readonly context: readonly { readonly arn: string; readonly context: ConfiguredTaskContext; readonly from: ConfigLocation }[];
  readonly reportUnusedWaivers?: { readonly level: 'off' | Severity; readonly from: ConfigLocation };
}

/** A plugin to load: a package name or a path, and the folder it is resolved from. */
export interface PluginEntry {
  /** As written. */
  readonly specifier: string;
  /** The folder of the config that lists it: resolve package names from here (`createRequire`). */
  readonly resolvedFrom: string;
  /** For a relative or absolute path: the absolute path. */
  readonly path?: string;
  readonly from: ConfigLocation;
}

/** A config file's own layers and the problems found reading them. */
export interface FileLayers {
  readonly layers: readonly Layer[];
  readonly diagnostics: readonly Diagnostic[];
}

const SEVERITY_WORDS = ['off', 'warn', 'warning', 'error', 'info'] as const;

/** `warn` → `warning`; the other words are the engine's own. */
export function levelOf(word: string): 'off' | Severity | undefined {
  if (word === 'warn') return 'warning';
  return (SEVERITY_WORDS as readonly string[]).includes(word) ? (word as 'off' | Severity) : undefined;
}

/** Reads the layers of `file`; `rules` are the rules whose options can be checked now. */
export function readLayers(file: ConfigFile, rules: readonly Rule<any>[]): FileLayers {
  const diagnostics: Diagnostic[] = [];
  const data = file.data;
  if (!data) return { layers: [], diagnostics };
  const folder = dirname(file.path);
  const at = (pointer: string, part: 'key' | 'value' = 'value'): ConfigLocation => ({ file: file.path, range: file.rangeOf(pointer, part) });
  const problem = (pointer: string, messageId: string, message: string, part: 'key' | 'value' = 'value') =>
    diagnostics.push({ file: file.path, range: file.rangeOf(pointer, part), severity: 'error', ruleId: CONFIG_RULE_ID, messageId, message });
  const strings = (value: unknown, pointer: string): { value: string; pointer: string }[] =>
    Array.isArray(value) ? value.flatMap((v, i) => (typeof v === 'string' && v !== '' ? [{ value: v, pointer: `${pointer}/${i}` }] : [])) : [];

  const readRules = (value: unknown, pointer: string): Layer['rules'] => {
    if (!isObject(value)) return [];
    const out: Layer['rules'][number][] = [];
    for (const [id, setting] of Object.entries(value)) {
      const p = `${pointer}/${escapeToken(id)}`;
      const rule = rules.find((r) => r.id === id);
      // An unknown built-in id is the schema's error already.
      if (!rule && !id.includes('/')) continue;
      const read = readSetting(setting, p, rule, problem);
      if (read) out.push({ id, idFrom: at(p, 'key'), setting: read, from: at(p), ...(Array.isArray(read) && read.length > 1 ? { optionsFrom: at(`${p}/1`) } : {}) });
    }
    return out;
  };
  const readPolicies = (value: unknown, pointer: string): Layer['policies'] =>
    strings(value, pointer).flatMap(({ value: v, pointer: p }) => {
      const path = resolve(folder, v);
      if (!isFile(path)) {
        problem(p, 'policyNotFound', `no policy file \`${v}\` (looked for ${path}): write the path of a \`.dsi\` file holding \`policy\` blocks, relative to this config file`);
        return [];
      }
      return [{ path, from: at(p) }];
    });

  const top: Layer = {
    file: file.path,
    ...(data.root === true ? { root: true } : {}),
    extends: (typeof data.extends === 'string' ? [{ value: data.extends, pointer: '/extends' }] : strings(data.extends, '/extends')).map((e) => ({ spec: e.value, from: at(e.pointer) })),
    rules: readRules(data.rules, '/rules'),
    policies: readPolicies(data.policies, '/policies'),
    plugins: strings(data.plugins, '/plugins').flatMap(({ value: v, pointer: p }) => {
      const isPath = v.startsWith('.') || isAbsolute(v);
      const path = isPath ? resolve(folder, v) : undefined;
      if (path && !existsSync(path)) {
        problem(p, 'pluginNotFound', `no plugin file \`${v}\` (looked for ${path}): write a path relative to this config file, or an npm package name`);
        return [];
      }
      return [{ specifier: v, resolvedFrom: folder, ...(path ? { path } : {}), from: at(p) }];
    }),
    locked: strings(data.locked, '/locked').flatMap(({ value: v, pointer: p }) => {
      if (!v.includes('/') && !/[*?]/.test(v) && !rules.some((r) => r.id === v)) {
        const hint = suggest(v, rules.map((r) => r.id));
        problem(p, 'unknownRule', `unknown rule \`${v}\` in \`locked\`${hint ? `; did you mean \`${hint}\`?` : ';'} Lock a built-in rule by its id, and the rules of a policy or plugin as \`namespace/rule\` or \`namespace/*\``);
        return [];
      }
      return [{ pattern: v, from: at(p) }];
    }),
    importRoots: strings(data.importRoots, '/importRoots').flatMap(({ value: v, pointer: p }) => {
      const path = resolve(folder, v);
      if (!isFolder(path)) {
        problem(p, 'importRootNotFound', `no folder \`${v}\` (looked for ${path}): write an existing folder, relative to this config file`);
        return [];
      }
      return [{ path, from: at(p) }];
    }),
    context: isObject(data.context)
      ? Object.entries(data.context).flatMap(([arn, value]) => {
          if (!isObject(value) || !TASK_ARN.test(arn)) return [];
          const { context, problems } = readTaskContext(arn, value);
          for (const x of problems) problem(x.pointer, 'unknownValue', x.message);
          return [{ arn, context, from: at(`/context/${escapeToken(arn)}`, 'key') }];
        })
      : [],
    ...(typeof data.reportUnusedWaivers === 'string' && levelOf(data.reportUnusedWaivers)
      ? { reportUnusedWaivers: { level: levelOf(data.reportUnusedWaivers)!, from: at('/reportUnusedWaivers') } }
      : {}),
  };

  const layers: Layer[] = [top];
  if (Array.isArray(data.overrides)) {
    data.overrides.forEach((o: unknown, i) => {
      if (!isObject(o)) return;
      const p = `/overrides/${i}`;
      const files = strings(o.files, `${p}/files`).map((f) => f.value);
      if (files.length === 0) return;
      layers.push({
        file: file.path,
        files,
        excludedFiles: strings(o.excludedFiles, `${p}/excludedFiles`).map((f) => f.value),
        extends: [],
        rules: readRules(o.rules, `${p}/rules`),
        policies: readPolicies(o.policies, `${p}/policies`),
        plugins: [],
        locked: [],
        importRoots: [],
        context: [],
      });
    });
  }
  return { layers, diagnostics };
}

/** A rule's setting checked: a severity word, or `[severity]` / `[severity, options]`; options against the rule's schema when the rule is known. */
function readSetting(
  value: unknown,
  pointer: string,
  rule: Rule<any> | undefined,
  problem: (pointer: string, messageId: string, message: string) => void,
): RuleSetting | undefined {
  const id = pointer.slice(pointer.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
  const severity = (word: unknown, p: string): 'off' | Severity | undefined => {
    const level = typeof word === 'string' ? levelOf(word) : undefined;
    if (level) return level;
    const hint = typeof word === 'string' ? suggest(word, SEVERITY_WORDS) : undefined;
    problem(p, 'unknownSeverity', `unknown severity ${JSON.stringify(word)} for rule \`${id}\`${hint ? `; did you mean \`${hint}\`?` : ';'} Write off, warn or error (or info)`);
    return undefined;
  };
  if (typeof value === 'string') return severity(value, pointer);
  if (!Array.isArray(value)) {
    problem(pointer, 'invalidSetting', `${where(pointer)} must be \`off\`, \`warn\`, \`error\` or [severity, options], such as ["error", {}]`);
    return undefined;
  }
  if (value.length < 1 || value.length > 2) {
    problem(pointer, 'invalidSetting', `${where(pointer)} must be [severity] or [severity, options], such as ["error", {}], not a list of ${value.length}`);
    return undefined;
  }
  const level = severity(value[0], `${pointer}/0`);
  if (!level) return undefined;
  if (value.length === 1) return level;
  if (rule) {
    const wrong = ruleOptionsProblem(rule, value[1]);
    if (wrong) {
      problem(`${pointer}/1`, 'invalidOptions', rule.meta.schema === undefined ? `${wrong}: write ${JSON.stringify(level === 'warning' ? 'warn' : level)} alone` : wrong);
      return undefined;
    }
  }
  // `off` with options still turns the rule off.
  return level === 'off' ? 'off' : [level, value[1]];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
