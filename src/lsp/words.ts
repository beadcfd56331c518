/**
 * The language's words as the server offers them, from the one vocabulary table
 * (src/language/vocabulary.ts): the statements of each block with the payload member each sets,
 * the values of option statements, units, task context values. The server knows no word the
 * compiler does not.
 */
import { SIZE_UNITS as UNITS_IN_ORDER } from '../compiler/values.js';
import {
  BANDWIDTH,
  CONTEXT_STATEMENTS,
  DECLARATION_STATEMENTS as DECLARATIONS,
  MEMBER_OF_OPTION,
  optionPointer as pointerOfMember,
  POLICY_CLAUSES,
  REPORT_SETTINGS,
  STORAGE_CLASS_ALIASES,
  STORAGE_CLASSES,
  TOP_LEVEL as TOP_LEVEL_KEYWORDS,
} from '../language/vocabulary.js';

export { STORAGE_CLASS_ALIASES, STORAGE_CLASSES };

/** Size units in the order messages list them (`B`, then SI, then IEC). */
export const SIZE_UNITS: readonly string[] = UNITS_IN_ORDER;

/** A statement keyword and the payload pointer it sets (`/@context/…` for task context); `many` may repeat in a block. */
export interface StatementWord {
  readonly keyword: string;
  readonly pointer?: string;
  readonly many?: boolean;
}

/** The payload pointer of an option statement with enum values (`verify` → `/OverrideOptions/VerifyMode`), or undefined. */
export function optionPointer(keyword: string): string | undefined {
  return Object.hasOwn(MEMBER_OF_OPTION, keyword) ? pointerOfMember(MEMBER_OF_OPTION[keyword as keyof typeof MEMBER_OF_OPTION]) : undefined;
}

/** The pointer of a report setting (`output` → `/TaskReportConfig/OutputType`), or undefined. */
export function reportSettingPointer(keyword: string): string | undefined {
  return REPORT_SETTINGS.find((s) => s.keyword === keyword)?.pointer;
}

/** The `bandwidth` statement's keyword. */
export const BANDWIDTH_KEYWORD = BANDWIDTH.keyword;

/** The API values a task context statement takes (`mode` → `BASIC`, `ENHANCED`), or undefined. */
export function contextValues(keyword: string): readonly string[] | undefined {
  return Object.hasOwn(CONTEXT_STATEMENTS, keyword) ? CONTEXT_STATEMENTS[keyword as keyof typeof CONTEXT_STATEMENTS] : undefined;
}

export const TOP_LEVEL: readonly StatementWord[] = TOP_LEVEL_KEYWORDS.map((keyword) => ({ keyword, many: true }));

/** Statements that may be given more than once in one block. */
const REPEATABLE = new Set(['include', 'exclude', 'tag', 'set']);

/** The statements of an intent or template. */
export const DECLARATION_STATEMENTS: readonly StatementWord[] = DECLARATIONS.map((s) => ({
  keyword: s.keyword,
  ...(s.pointer ? { pointer: s.pointer } : {}),
  ...(REPEATABLE.has(s.keyword) ? { many: true } : {}),
}));

/** The statements of `report { }`; `to` and `role` write the destination. */
export const REPORT_STATEMENTS: readonly StatementWord[] = [
  { keyword: 'to', pointer: '/TaskReportConfig/Destination/S3/S3BucketArn' },
  { keyword: 'role', pointer: '/TaskReportConfig/Destination/S3/BucketAccessRoleArn' },
  ...REPORT_SETTINGS.map((s) => ({ keyword: s.keyword, pointer: s.pointer })),
];

/** Where the documentation of each task context statement is (`/@context/…`, as the compiler's origins name them). */
const CONTEXT_POINTERS: Readonly<Record<string, string>> = {
  mode: '/@context/mode',
  from: '/@context/source/type',
  to: '/@context/destination/type',
  'log-group': '/@context/logGroup',
};

export const TASK_STATEMENTS: readonly StatementWord[] = Object.keys(CONTEXT_STATEMENTS).map((keyword) => ({ keyword, pointer: CONTEXT_POINTERS[keyword] }));

/** Policies assert as many times as they like. */
export const POLICY_STATEMENTS: readonly StatementWord[] = POLICY_CLAUSES.map((keyword) => ({ keyword, many: true }));

/** What each policy clause takes as its subject: the statements it can assert on. */
const ASSERTED = DECLARATION_STATEMENTS.map((s) => s.keyword).filter((k) => k !== 'task' && k !== 'set');
export const POLICY_SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  require: ASSERTED,
  forbid: ASSERTED,
  limit: [BANDWIDTH.keyword, 'include', 'exclude', 'tags'],
  when: ['tag', 'task', 'mode', 'from', 'to'],
};
