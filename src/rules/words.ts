/**
 * How rule messages name settings: the `.dsi` statement and the API member together, so that
 * one message reads well beside an intent and beside a request file.
 */
import type { LocationType } from '../core/context.js';

/** `OverrideOptions` member → the `.dsi` statement keyword (LANGUAGE.md, Statements). */
const OPTION_KEYWORDS: Readonly<Record<string, string>> = {
  TransferMode: 'transfer',
  VerifyMode: 'verify',
  OverwriteMode: 'overwrite',
  PreserveDeletedFiles: 'deleted',
  Atime: 'atime',
  Mtime: 'mtime',
  Uid: 'uid',
  Gid: 'gid',
  PosixPermissions: 'permissions',
  PreserveDevices: 'devices',
  ObjectTags: 'object-tags',
  SecurityDescriptorCopyFlags: 'security-descriptors',
  BytesPerSecond: 'bandwidth',
  TaskQueueing: 'queueing',
  LogLevel: 'log',
};

/** An API enum literal in the language's kebab-case: `BEST_EFFORT` → `best-effort`. */
export function kebabValue(value: string): string {
  return value.toLowerCase().replace(/_/g, '-');
}

/** The `.dsi` statement of an option: `atime best-effort`. */
export function dsiOption(member: string, value: string): string {
  return `${OPTION_KEYWORDS[member] ?? member} ${kebabValue(value)}`;
}

/** An option in both languages: "`atime best-effort` (Atime BEST_EFFORT)". */
export function option(member: string, value: string | number): string {
  if (typeof value === 'number') return `\`${OPTION_KEYWORDS[member] ?? member}\` (${member} ${value})`;
  return `\`${dsiOption(member, value)}\` (${member} ${value})`;
}

/** Location types as the language writes them in a task block (`fsx-windows`). */
export function locationWord(type: LocationType): string {
  return kebabValue(type);
}

/** Which filter list, in both languages. */
export function filterList(member: 'Includes' | 'Excludes'): string {
  return member === 'Includes' ? '`include` (Includes)' : '`exclude` (Excludes)';
}
