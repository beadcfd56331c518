/**
 * The words of the `.dsi` language, in one table: each statement keyword, the block it is
 * written in, the payload member it feeds, where its values come from (an enum of the model,
 * a rate, a string) and its units. Everything that names these words derives from here: the
 * lexer's keyword tokens and categories, the parser's statement lists and did-you-mean, the AST's
 * keyword types, the lowering of statements into the payload, the words of rule messages, the
 * printer, the decompiler and the test generators.
 *
 * The API's enum values are not copied here: they are read from the schema generated from the
 * model, and their `.dsi` spelling is their kebab-case. When AWS adds an `OverrideOptions`
 * member, regenerate the schema and add one row to {@link OPTION_STATEMENTS}.
 */
import { LOCATION_TYPES, S3_STORAGE_CLASSES, TASK_MODES } from '../core/context.js';
import { kebab } from '../core/words.js';
import { enumValues } from '../schema/index.js';

/** The blocks that hold statements; each has its own statement keywords. */
export type BlockKind = 'file' | 'declaration' | 'task' | 'report' | 'policy';

/** One statement of `OverrideOptions`: its keyword and the member it sets. */
export interface OptionStatement {
  /** The statement keyword, as written in `.dsi`. */
  readonly keyword: string;
  /** The member of `OverrideOptions` (the model's `Options` shape). */
  readonly member: string;
  /** `enum`: one of the member's API values in kebab-case; `rate`: a size per second, or `unlimited`. */
  readonly value: 'enum' | 'rate';
}

/**
 * The option statements, in the order the language reference lists them (and did-you-mean and
 * messages show them). One row per `OverrideOptions` member; a test checks that the model has
 * no member without a row.
 */
export const OPTION_STATEMENTS = [
  { keyword: 'transfer', member: 'TransferMode', value: 'enum' },
  { keyword: 'verify', member: 'VerifyMode', value: 'enum' },
  { keyword: 'overwrite', member: 'OverwriteMode', value: 'enum' },
  { keyword: 'deleted', member: 'PreserveDeletedFiles', value: 'enum' },
  { keyword: 'atime', member: 'Atime', value: 'enum' },
  { keyword: 'mtime', member: 'Mtime', value: 'enum' },
  { keyword: 'uid', member: 'Uid', value: 'enum' },
  { keyword: 'gid', member: 'Gid', value: 'enum' },
  { keyword: 'permissions', member: 'PosixPermissions', value: 'enum' },
  { keyword: 'devices', member: 'PreserveDevices', value: 'enum' },
  { keyword: 'object-tags', member: 'ObjectTags', value: 'enum' },
  { keyword: 'security-descriptors', member: 'SecurityDescriptorCopyFlags', value: 'enum' },
  { keyword: 'bandwidth', member: 'BytesPerSecond', value: 'rate' },
  { keyword: 'queueing', member: 'TaskQueueing', value: 'enum' },
  { keyword: 'log', member: 'LogLevel', value: 'enum' },
] as const satisfies readonly OptionStatement[];

/** The keyword of an option statement that takes one enum value (`verify`, `log`, …; not `bandwidth`). */
export type OptionKeyword = Extract<(typeof OPTION_STATEMENTS)[number], { value: 'enum' }>['keyword'];

/** The option statements that take one enum value. */
export const ENUM_OPTIONS = OPTION_STATEMENTS.filter((o): o is Extract<(typeof OPTION_STATEMENTS)[number], { value: 'enum' }> => o.value === 'enum');

/** The `bandwidth` statement's row. */
export const BANDWIDTH = OPTION_STATEMENTS.find((o) => o.value === 'rate')!;

/** `OverrideOptions` member → its statement keyword. */
export const KEYWORD_OF_MEMBER: ReadonlyMap<string, string> = new Map(OPTION_STATEMENTS.map((o) => [o.member, o.keyword]));

/** Option statement keyword → its `OverrideOptions` member. */
export const MEMBER_OF_OPTION: Readonly<Record<OptionKeyword, string>> = Object.fromEntries(ENUM_OPTIONS.map((o) => [o.keyword, o.member])) as Record<OptionKeyword, string>;

/** The payload pointer of an `OverrideOptions` member. */
export function optionPointer(member: string): string {
  return `/OverrideOptions/${member}`;
}

/** The API values of an option member, from the model (`VerifyMode` → `POINT_IN_TIME_CONSISTENT`, …). */
export function optionValues(member: string): readonly string[] {
  return enumValues(optionPointer(member)) ?? [];
}

/** The statements of an intent or template besides the options, each with the payload member it feeds. */
export const DECLARATION_STATEMENTS = [
  { keyword: 'task', pointer: '/TaskArn' },
  ...OPTION_STATEMENTS.map((o) => ({ keyword: o.keyword, pointer: optionPointer(o.member) })),
  { keyword: 'include', pointer: '/Includes' },
  { keyword: 'exclude', pointer: '/Excludes' },
  { keyword: 'manifest', pointer: '/ManifestConfig' },
  { keyword: 'report', pointer: '/TaskReportConfig' },
  { keyword: 'tag', pointer: '/Tags' },
  { keyword: 'set', pointer: undefined },
] as const satisfies readonly { keyword: string; pointer: string | undefined }[];

/** The filter statements and their lists. */
export const FILTER_STATEMENTS = [
  { keyword: 'include', member: 'Includes' },
  { keyword: 'exclude', member: 'Excludes' },
] as const;

/** The settings of `report { }` that take one enum value, and the member each sets. */
export const REPORT_SETTINGS = [
  { keyword: 'output', pointer: '/TaskReportConfig/OutputType' },
  { keyword: 'level', pointer: '/TaskReportConfig/ReportLevel' },
  { keyword: 'object-versions', pointer: '/TaskReportConfig/ObjectVersionIds' },
  { keyword: 'transferred', pointer: '/TaskReportConfig/Overrides/Transferred/ReportLevel' },
  { keyword: 'verified', pointer: '/TaskReportConfig/Overrides/Verified/ReportLevel' },
  { keyword: 'deleted', pointer: '/TaskReportConfig/Overrides/Deleted/ReportLevel' },
  { keyword: 'skipped', pointer: '/TaskReportConfig/Overrides/Skipped/ReportLevel' },
] as const;

/** A keyword of a report setting (`output`, `level`, `object-versions`, or an aspect such as `verified`). */
export type ReportSettingKeyword = (typeof REPORT_SETTINGS)[number]['keyword'];

/** Every statement of `report { }`: the destination (`to`, `role`), then the settings. */
export const REPORT_STATEMENTS = ['to', 'role', ...REPORT_SETTINGS.map((s) => s.keyword)] as const;

/** The statements of the task context block and the values each takes (API spellings; written in kebab-case). */
export const CONTEXT_STATEMENTS = {
  mode: TASK_MODES,
  from: LOCATION_TYPES,
  to: LOCATION_TYPES,
  'log-group': undefined,
} as const;

/** Extra spellings of S3 storage classes (the console's name for `GLACIER`). */
export const STORAGE_CLASS_ALIASES: Readonly<Record<string, string>> = { 'glacier-flexible-retrieval': 'GLACIER' };

/** The storage classes `to s3 storage-class …` takes. */
export const STORAGE_CLASSES = S3_STORAGE_CLASSES;

/** Top-level declarations. */
export const TOP_LEVEL = ['import', 'intent', 'template', 'policy'] as const;

/** The clauses of a `policy { }` block, and the modifiers that may follow an assertion. */
export const POLICY_CLAUSES = ['when', 'require', 'forbid', 'limit'] as const;
export const ASSERTION_MODIFIERS = ['because', 'as', 'warn'] as const;

/** The words that start a statement in each block, in the order messages list them. */
export const BLOCK_KEYWORDS: Readonly<Record<BlockKind, readonly string[]>> = {
  file: TOP_LEVEL,
  declaration: DECLARATION_STATEMENTS.map((s) => s.keyword),
  task: Object.keys(CONTEXT_STATEMENTS),
  report: REPORT_STATEMENTS,
  policy: POLICY_CLAUSES,
};

/** Keywords that only continue a statement (`extends`, `manifest … version … role`, `storage-class`) and JSON literals. */
export const SUB_KEYWORDS = ['extends', 'version', 'role', 'storage-class', 'true', 'false', 'null'] as const;

// ---------------------------------------------------------------------------------------------
// Units

/** A size unit as written (exactly: `MiB`, not `mib`) and its factor in bytes. */
export interface SizeUnit {
  readonly unit: string;
  readonly bytes: bigint;
  /** IEC units are powers of 1024; SI units powers of 1000. */
  readonly system: 'IEC' | 'SI' | 'byte';
}

/** The size units of the language, largest first within each system. */
export const SIZE_UNITS: readonly SizeUnit[] = [
  { unit: 'TiB', bytes: 1024n ** 4n, system: 'IEC' },
  { unit: 'GiB', bytes: 1024n ** 3n, system: 'IEC' },
  { unit: 'MiB', bytes: 1024n ** 2n, system: 'IEC' },
  { unit: 'KiB', bytes: 1024n, system: 'IEC' },
  { unit: 'TB', bytes: 1000n ** 4n, system: 'SI' },
  { unit: 'GB', bytes: 1000n ** 3n, system: 'SI' },
  { unit: 'MB', bytes: 1000n ** 2n, system: 'SI' },
  { unit: 'kB', bytes: 1000n, system: 'SI' },
  // `KB` is accepted as written by many tools; it means the same as `kB`.
  { unit: 'KB', bytes: 1000n, system: 'SI' },
  { unit: 'B', bytes: 1n, system: 'byte' },
];

/** The word for no bandwidth limit (`BytesPerSecond` -1). */
export const UNLIMITED = 'unlimited';

/**
 * A byte count in the largest unit that divides it exactly (IEC first, as rates are usually
 * written in MiB/s; then SI; then bytes): 104857600 → `100 MiB`, 1500000 → `1500 kB`.
 */
export function exactSize(bytes: number): string {
  // Safe integers divide exactly in floating point (every factor is below 2^53): no BigInts for
  // the rates a rule message names on every intent.
  if (Number.isSafeInteger(bytes) && bytes > 0) {
    for (const { unit, bytes: factor, system } of SIZE_UNITS) {
      if (unit === 'KB' || system === 'byte') continue;
      const f = Number(factor);
      if (bytes % f === 0) return `${bytes / f} ${unit}`;
    }
    return `${bytes} B`;
  }
  if (Number.isInteger(bytes) && bytes > 0) {
    for (const { unit, bytes: factor, system } of SIZE_UNITS) {
      if (unit === 'KB' || system === 'byte') continue;
      if (BigInt(bytes) % factor === 0n) return `${BigInt(bytes) / factor} ${unit}`;
    }
  }
  return `${bytes} B`;
}

/** A `BytesPerSecond` value as `bandwidth` takes it: -1 → `unlimited`, 104857600 → `100 MiB/s`. */
export function rateSpelling(bytes: number): string {
  return bytes === -1 ? UNLIMITED : `${exactSize(bytes)}/s`;
}

/** The `.dsi` spelling of an API enum value: `ONLY_FILES_TRANSFERRED` → `only-files-transferred`. */
export function dsiSpelling(apiValue: string): string {
  return kebab(apiValue);
}

// ---------------------------------------------------------------------------------------------
// Keyword tokens

/** A keyword of the language and the lexer categories it belongs to. */
export interface KeywordSpec {
  readonly word: string;
  /** The token's name: the word in PascalCase (`object-tags` → `ObjectTags`), `Set` for `set`. */
  readonly name: string;
  readonly statement: boolean;
  readonly option: boolean;
  readonly reportSetting: boolean;
  readonly modifier: boolean;
}

function pascal(word: string): string {
  return word.replace(/(^|-)([a-z])/g, (_, _d: string, c: string) => c.toUpperCase());
}

/**
 * Every keyword, each once, ordered so that a keyword that is a prefix of another comes after it
 * (`transferred` before `transfer`, `log-group` before `log`), as the lexer needs.
 */
export const KEYWORDS: readonly KeywordSpec[] = (() => {
  const statements = new Set<string>(Object.values(BLOCK_KEYWORDS).flat());
  const options = new Set<string>(ENUM_OPTIONS.map((o) => o.keyword));
  const reportSettings = new Set<string>(REPORT_SETTINGS.map((s) => s.keyword));
  const modifiers = new Set<string>(ASSERTION_MODIFIERS);
  // Longest first: a keyword is then always tried before any keyword that is its prefix.
  const words = [...new Set<string>([...TOP_LEVEL, ...statements, ...SUB_KEYWORDS, ...modifiers])].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return words.map((word) => ({
    word,
    name: pascal(word),
    statement: statements.has(word),
    option: options.has(word),
    reportSetting: reportSettings.has(word),
    modifier: modifiers.has(word),
  }));
})();
