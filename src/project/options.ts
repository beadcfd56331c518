/** What `compile()` and `lint()` share: the options both take, turned into the check stage's. */
import type { TaskContext } from '../core/context.js';
import type { PolicyDeclaration } from '../core/policy.js';
import type { CheckOptions } from '../check/index.js';
import type { WaiverOptions } from '../check/suppressions.js';
import type { CompileCache, ReadFile } from '../compiler/index.js';
import type { Rule } from '../rules/create-rule.js';
import type { RuleSetting } from '../rules/engine.js';
import { builtinRules } from '../rules/index.js';
import type { createImportReader } from '../files/roots.js';

/** Options of both {@link compile} and {@link lint}. */
export interface ProjectOptions {
  /** The file's name: diagnostics carry it and imports are resolved relative to it. */
  readonly filename: string;
  /**
   * Reads imported `.dsi` files. The default reads the file system, confined to the project
   * root of `filename` and `importRoots` (see {@link createImportReader}).
   */
  readonly readFile?: ReadFile;
  /** Folders besides the project root that imports may read (with the default `readFile`). */
  readonly importRoots?: readonly string[];
  /**
   * Task context known from elsewhere (configuration, AWS), by task ARN; what an intent's
   * `task { }` block writes wins over it.
   */
  readonly context?: (taskArn: string) => TaskContext | undefined;
  /** Levels and options by rule id: `off`, a severity, or `[severity, options]`. */
  readonly ruleSettings?: Readonly<Record<string, RuleSetting>>;
  /** Shared by the calls of one run, so that a file imported by many is parsed once. */
  readonly cache?: CompileCache;
  /** How `dsi-ignore` waivers are judged: the day, locked rules, or none at all. */
  readonly waivers?: WaiverOptions;
  /**
   * Policies from configuration, enforced beside the file's own `policy` blocks (see
   * `loadPolicyFile`, or `configure()` which resolves them from the configuration in force).
   */
  readonly policies?: readonly PolicyDeclaration[];
}

/** The check stage's options; the built-in rules unless the caller gives its own. */
export function checkOptionsOf(options: ProjectOptions & { readonly rules?: readonly Rule<any>[] | false }): CheckOptions {
  // Absent options are undefined members: read the same, and cheaper per call than spreads.
  return {
    rules: options.rules ?? builtinRules,
    ruleSettings: options.ruleSettings,
    context: options.context,
    waivers: options.waivers,
    policies: options.policies?.length ? options.policies : undefined,
  };
}
