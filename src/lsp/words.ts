/**
 * The language's words as the server offers them: the statements of each block with the payload
 * member each sets, the values of option statements, units. Read from the compiler's own tables
 * (the option keywords, the report settings, the size units, the task context values), so that
 * the server knows no word the compiler does not; when the one vocabulary table lands
 * (src/language), this file re-exports from it instead.
 */
import { LOCATION_TYPES, S3_STORAGE_CLASSES, TASK_MODES } from '../core/context.js';
import { OPTION_MEMBERS } from '../compiler/emit/options.js';
import { SETTING_POINTERS } from '../compiler/emit/report.js';
import { SIZE_UNITS } from '../compiler/values.js';

export { LOCATION_TYPES, S3_STORAGE_CLASSES, SIZE_UNITS, TASK_MODES };

/** A statement keyword and the payload pointer it sets (`/@context/…` for task context); `many` may repeat in a block. */
export interface StatementWord {
  readonly keyword: string;
  readonly pointer?: string;
  readonly many?: boolean;
}

/** The payload pointer of an option statement (`verify` → `/OverrideOptions/VerifyMode`), or undefined. */
export function optionPointer(keyword: string): string | undefined {
  return Object.hasOwn(OPTION_MEMBERS, keyword) ? `/OverrideOptions/${OPTION_MEMBERS[keyword as keyof typeof OPTION_MEMBERS]}` : undefined;
}

/** The pointer of a report setting (`output` → `/TaskReportConfig/OutputType`), or undefined. */
export function reportSettingPointer(keyword: string): string | undefined {
  return Object.hasOwn(SETTING_POINTERS, keyword) ? SETTING_POINTERS[keyword as keyof typeof SETTING_POINTERS] : undefined;
}

export const TOP_LEVEL: readonly StatementWord[] = ['import', 'intent', 'template', 'policy'].map((keyword) => ({ keyword }));

/** The statements of an intent or template. */
export const DECLARATION_STATEMENTS: readonly StatementWord[] = [
  { keyword: 'task', pointer: '/TaskArn' },
  ...Object.keys(OPTION_MEMBERS).map((keyword) => ({ keyword, pointer: optionPointer(keyword) })),
  { keyword: 'bandwidth', pointer: '/OverrideOptions/BytesPerSecond' },
  { keyword: 'include', pointer: '/Includes', many: true },
  { keyword: 'exclude', pointer: '/Excludes', many: true },
  { keyword: 'manifest', pointer: '/ManifestConfig' },
  { keyword: 'report', pointer: '/TaskReportConfig' },
  { keyword: 'tag', pointer: '/Tags', many: true },
  { keyword: 'set', many: true },
];

export const REPORT_STATEMENTS: readonly StatementWord[] = [
  { keyword: 'to', pointer: '/TaskReportConfig/Destination/S3/S3BucketArn' },
  { keyword: 'role', pointer: '/TaskReportConfig/Destination/S3/BucketAccessRoleArn' },
  ...Object.entries(SETTING_POINTERS).map(([keyword, pointer]) => ({ keyword, pointer })),
];

export const TASK_STATEMENTS: readonly StatementWord[] = [
  { keyword: 'mode', pointer: '/@context/mode' },
  { keyword: 'from', pointer: '/@context/source/type' },
  { keyword: 'to', pointer: '/@context/destination/type' },
  { keyword: 'log-group', pointer: '/@context/logGroup' },
];

export const POLICY_STATEMENTS: readonly StatementWord[] = ['when', 'require', 'forbid', 'limit'].map((keyword) => ({ keyword }));

/** What each policy clause takes as its subject. */
export const POLICY_SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  require: [...Object.keys(OPTION_MEMBERS), 'bandwidth', 'include', 'exclude', 'manifest', 'report', 'tag'],
  forbid: [...Object.keys(OPTION_MEMBERS), 'bandwidth', 'include', 'exclude', 'manifest', 'report', 'tag'],
  limit: ['bandwidth', 'include', 'exclude', 'tags'],
  when: ['tag', 'task', 'mode', 'from', 'to'],
};

/** Extra spellings of storage classes. */
export const STORAGE_CLASS_ALIASES: Readonly<Record<string, string>> = { 'glacier-flexible-retrieval': 'GLACIER' };
