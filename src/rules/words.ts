/**
 * How rule messages name settings: in the words of the file they annotate. Beside a `.dsi`
 * intent they name statements (`atime none`, `include`, `report { output standard }`); beside a
 * JSON/YAML request file they name API members and literals (Atime NONE, Includes,
 * TaskReportConfig.OutputType) and advise what to set. Rules get a {@link Words} for the file's
 * dialect in `ctx.words`, so that one message template serves both.
 */
import type { LocationType } from '../core/context.js';
import type { Dialect } from '../core/unit.js';
import { BANDWIDTH, dsiSpelling, KEYWORD_OF_MEMBER, rateSpelling } from '../language/vocabulary.js';

// The dialect is part of the front-end contract (core/unit.ts); rules speak it.
export type { Dialect };

/** One option change for advice: the `OverrideOptions` member and its API value. */
export type OptionChange = readonly [member: string, value: string | number];

/** The words a rule names things with, for one dialect. Every method returns message text. */
export interface Words {
  readonly dialect: Dialect;
  /** An option: "`atime`" / "Atime". */
  optionName(member: string): string;
  /** A value of an option: "`best-effort`" / "BEST_EFFORT" ("`100 MiB/s`" / "104857600" for BytesPerSecond). */
  value(member: string, value: string | number): string;
  /** An option with its value, as the file sets it: "`atime best-effort`" / "Atime BEST_EFFORT". */
  option(member: string, value: string | number): string;
  /** An option value stored on the task: "the task's stored `atime best-effort`" / "the task's stored Atime BEST_EFFORT". */
  stored(member: string, value: string | number): string;
  /** The verb of advice: "write" / "set". */
  readonly verb: string;
  /** What one change makes, the object of {@link Words.verb}: "`atime none`" / "Atime to NONE". */
  change(member: string, value: string | number): string;
  /**
   * Advice to make one of the changes: "write `atime best-effort` or `mtime none`" / "set Atime to
   * BEST_EFFORT or Mtime to NONE" (values of one member share it: "set VerifyMode to A or B").
   */
  set(...changes: readonly OptionChange[]): string;
  /** Advice to drop an option: "remove the `security-descriptors` statement" / "remove SecurityDescriptorCopyFlags from OverrideOptions". */
  removeOption(member: string): string;
  /** A filter list: "`include`" / "Includes". */
  filterList(member: 'Includes' | 'Excludes'): string;
  /** A character a filter pattern holds literally, escaped as the file writes it: "`\\*`" in a `.dsi` string / "`\*`" in the Value. */
  escaped(char: string): string;
  /** The manifest: "`manifest`" / "ManifestConfig". */
  readonly manifest: string;
  /** The task report: "`report`" / "TaskReportConfig". */
  readonly report: string;
  /**
   * A request member by its dotted path, for what only `set` writes in a `.dsi` file (whose PATH
   * is in the API's names): "`ManifestConfig.Source`" / "ManifestConfig.Source".
   */
  member(path: string): string;
  /** A location type of the task context: "`fsx-windows`" / "FSX_WINDOWS". */
  location(type: LocationType | string): string;
  /** An S3 storage class of the task context: "`deep-archive`" / "DEEP_ARCHIVE". */
  storageClass(storageClass: string): string;
  /** Text with no word above: the dialect's own phrasing. */
  pick(text: { readonly dsi: string; readonly request: string }): string;
}

/** An API enum literal in the language's kebab-case: `BEST_EFFORT` → `best-effort`. */
export const kebabValue = dsiSpelling;

/** The `.dsi` statement keyword of an option (the member itself where the language has none). */
function keyword(member: string): string {
  return KEYWORD_OF_MEMBER.get(member) ?? member;
}

/** A BytesPerSecond value as `bandwidth` takes it: -1 → `unlimited`, 104857600 → `100 MiB/s`. */
export const bandwidthValue = rateSpelling;

/** The `.dsi` value of an option: kebab-case literals, and rates for `bandwidth`. */
function dsiValue(member: string, value: string | number): string {
  if (typeof value === 'number') return member === BANDWIDTH.member ? bandwidthValue(value) : String(value);
  return kebabValue(value);
}

/** The `.dsi` statement of an option: `atime best-effort`. */
export function dsiOption(member: string, value: string | number): string {
  return `${keyword(member)} ${dsiValue(member, value)}`;
}

const code = (s: string) => `\`${s}\``;

const DSI_WORDS: Words = {
  dialect: 'dsi',
  optionName: (member) => code(keyword(member)),
  value: (member, value) => code(dsiValue(member, value)),
  option: (member, value) => code(dsiOption(member, value)),
  stored: (member, value) => `the task's stored ${code(dsiOption(member, value))}`,
  verb: 'write',
  change: (member, value) => code(dsiOption(member, value)),
  set: (...changes) => `write ${changes.map(([m, v]) => code(dsiOption(m, v))).join(' or ')}`,
  removeOption: (member) => `remove the ${code(keyword(member))} statement`,
  filterList: (member) => code(member === 'Includes' ? 'include' : 'exclude'),
  // A `.dsi` string escapes its own backslash: the payload's `\*` is written `\\*`.
  escaped: (char) => code(`\\\\${char}`),
  manifest: code('manifest'),
  report: code('report'),
  member: (path) => code(path),
  location: (type) => code(kebabValue(type)),
  storageClass: (storageClass) => code(kebabValue(storageClass)),
  pick: (text) => text.dsi,
};

const REQUEST_WORDS: Words = {
  dialect: 'request',
  optionName: (member) => member,
  value: (_member, value) => String(value),
  option: (member, value) => `${member} ${value}`,
  stored: (member, value) => `the task's stored ${member} ${value}`,
  verb: 'set',
  change: (member, value) => `${member} to ${value}`,
  set: (...changes) => {
    // "set VerifyMode to A or B", not "VerifyMode to A or VerifyMode to B".
    const parts = changes.map(([m, v], i) => (i > 0 && changes[i - 1][0] === m ? String(v) : `${m} to ${v}`));
    return `set ${parts.join(' or ')}`;
  },
  removeOption: (member) => `remove ${member} from OverrideOptions`,
  filterList: (member) => member,
  escaped: (char) => code(`\\${char}`),
  manifest: 'ManifestConfig',
  report: 'TaskReportConfig',
  member: (path) => path,
  location: (type) => type,
  storageClass: (storageClass) => storageClass,
  pick: (text) => text.request,
};

/** The words of a dialect. */
export function wordsFor(dialect: Dialect = 'dsi'): Words {
  return dialect === 'request' ? REQUEST_WORDS : DSI_WORDS;
}
