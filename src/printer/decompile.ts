/**
 * `dsi decompile` as a library: a `StartTaskExecution` request back into a readable intent.
 * Each part of the request becomes the statement that says it (from the vocabulary table):
 * option values in kebab-case, `bandwidth` in the largest exact IEC unit, filter lists as
 * `include`/`exclude` patterns, buckets as `s3://` addresses where the task's partition allows,
 * tags as `tag` statements, and the task context (when given) as the `task { }` block. A part no
 * statement can say exactly (an access point, an empty list, an unknown member) is written with
 * `set`, whole, so that compiling the intent gives the request back exactly.
 */
import { givenOptions } from '../core/given.js';
import type { TaskContext } from '../core/context.js';
import { START_OF_FILE } from '../core/range.js';
import type * as A from '../grammar/ast.js';
import { kebab } from '../core/words.js';
import { canonicalize, enumValues } from '../schema/index.js';
import { FILTER_STATEMENTS, REPORT_SETTINGS, optionValues, BANDWIDTH } from '../language/vocabulary.js';
import { partitionOf, s3AddressOf } from '../language/s3.js';
import { bandwidthNode, nameNode, optionNode, setNode, stringNode, WORD, wordNode } from './build.js';
import { printFile } from './print.js';

/** Options of {@link decompile}. */
export interface DecompileOptions {
  /** The intent's name (default `request`); written quoted when it is not a bare word. */
  readonly name?: string;
  /** What is known of the task, written as the block of `task "…" { … }`. */
  readonly context?: TaskContext;
}

/** What {@link decompile} made of a request. */
export interface DecompileResult {
  /** The intent as `.dsi` text; absent when the request is not an object. */
  readonly text?: string;
  /** The intent's tree, as printed. */
  readonly ast?: A.FileNode;
  /** What could not be written (a member whose name is not a word, the request not an object). */
  readonly problems: readonly string[];
}

type Json = Record<string, unknown>;
const range = START_OF_FILE;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
/** True when `o` has only keys among `allowed`. */
const only = (o: Json, allowed: readonly string[]) => Object.keys(o).every((k) => allowed.includes(k));

/** Decompiles a request payload into one intent. Never throws. */
export function decompile(payload: unknown, options: DecompileOptions = {}): DecompileResult {
  options = givenOptions(options);
  if (!isObject(payload)) return { problems: ['a StartTaskExecution request is a JSON object; this one is not'] };
  const request = canonicalize(payload) as Json;
  const arn = isString(request.TaskArn) ? request.TaskArn : undefined;
  const partition = partitionOf(arn) ?? 'aws';
  const body: A.StatementNode[] = [];
  const problems: string[] = [];
  /** `set PATH = value`, where every member of PATH is a word (else it cannot be written). */
  const set = (tokens: readonly (string | number)[], value: unknown): void => {
    const bad = tokens.find((t) => typeof t === 'string' && !WORD.test(t));
    if (bad !== undefined) problems.push(`the member ${JSON.stringify(bad)} cannot be written in .dsi (a member name is a word); it was left out`);
    else body.push(setNode(tokens, value));
  };

  for (const [member, value] of Object.entries(request)) {
    const statements =
      member === 'TaskArn'
        ? task(value, options.context)
        : member === 'OverrideOptions'
          ? undefined
          : member === 'Includes' || member === 'Excludes'
            ? filter(member, value)
            : member === 'ManifestConfig'
              ? manifest(value, partition)
              : member === 'TaskReportConfig'
                ? report(value, partition)
                : member === 'Tags'
                  ? tags(value)
                  : undefined;
    if (member === 'OverrideOptions' && isObject(value) && Object.keys(value).length > 0) {
      for (const [option, v] of Object.entries(value)) {
        const node = optionStatement(option, v);
        if (node) body.push(node);
        else set([member, option], v);
      }
    } else if (statements) body.push(...statements);
    else set([member], value);
  }

  const intent: A.DeclarationNode = { type: 'Intent', keywordRange: range, name: nameNode(options.name ?? 'request'), parents: [], body, range };
  const ast: A.FileNode = { type: 'File', items: [intent], range };
  return { text: printFile(ast), ast, problems };
}

/** `verify none`, `bandwidth 100 MiB/s`; undefined for a value no statement says. */
function optionStatement(member: string, value: unknown): A.StatementNode | undefined {
  if (member === BANDWIDTH.member) return typeof value === 'number' ? bandwidthNode(value) : undefined;
  return isString(value) && optionValues(member).includes(value) ? optionNode(member, value) : undefined;
}

function task(value: unknown, context: TaskContext | undefined): A.StatementNode[] | undefined {
  if (!isString(value)) return undefined;
  const block = context ? contextNodes(context) : [];
  const node: A.TaskNode = { type: 'Task', keywordRange: range, arn: stringNode(value), range };
  return [block.length > 0 ? { ...node, context: block } : node];
}

function contextNodes(c: TaskContext): A.ContextNode[] {
  const out: A.ContextNode[] = [];
  if (c.mode) out.push({ type: 'ContextMode', keywordRange: range, value: wordNode(kebab(c.mode)), range });
  for (const [end, location] of [
    ['from', c.source],
    ['to', c.destination],
  ] as const) {
    if (!location?.type) continue;
    const storageClass = end === 'to' && location.type === 'S3' && location.storageClass ? { storageClass: wordNode(kebab(location.storageClass)) } : {};
    out.push({ type: 'ContextLocation', end, keywordRange: range, location: wordNode(kebab(location.type)), ...storageClass, range });
  }
  if (c.logGroup) out.push({ type: 'ContextLogGroup', keywordRange: range, value: stringNode(c.logGroup), range });
  return out;
}

/** The parts of a filter Value between unescaped `|`, as the compiler joins them. */
function patternsOf(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let backslashes = 0;
  for (const c of value) {
    if (c === '|' && backslashes % 2 === 0) {
      parts.push(current);
      current = '';
    } else current += c;
    backslashes = c === '\\' ? backslashes + 1 : 0;
  }
  return [...parts, current];
}

/** `include "a" "b"` from `[{ FilterType: SIMPLE_PATTERN, Value: "a|b" }]`. */
function filter(member: 'Includes' | 'Excludes', value: unknown): A.StatementNode[] | undefined {
  if (!Array.isArray(value) || value.length !== 1) return undefined;
  const rule: unknown = value[0];
  if (!isObject(rule) || !only(rule, ['FilterType', 'Value']) || rule.FilterType !== 'SIMPLE_PATTERN' || !isString(rule.Value)) return undefined;
  const patterns = patternsOf(rule.Value);
  if (patterns.some((p) => p === '' || p.includes('\u0000'))) return undefined;
  const kind = FILTER_STATEMENTS.find((f) => f.member === member)!.keyword;
  return [{ type: 'Filter', kind, keywordRange: range, patterns: patterns.map(stringNode), range }];
}

/** `manifest "s3://bucket/key" [version "v"] role "arn"`, for the one form the statement compiles to. */
function manifest(value: unknown, partition: string): A.StatementNode[] | undefined {
  if (!isObject(value) || !only(value, ['Action', 'Format', 'Source']) || value.Action !== 'TRANSFER' || value.Format !== 'CSV') return undefined;
  const source = value.Source;
  if (!isObject(source) || !only(source, ['S3']) || !isObject(source.S3)) return undefined;
  const s3 = source.S3;
  if (!only(s3, ['ManifestObjectPath', 'BucketAccessRoleArn', 'S3BucketArn', 'ManifestObjectVersionId'])) return undefined;
  const { ManifestObjectPath: path, BucketAccessRoleArn: role, S3BucketArn: bucket, ManifestObjectVersionId: version } = s3;
  if (!isString(path) || !isString(role) || !isString(bucket) || (version !== undefined && !isString(version))) return undefined;
  if (path === '' || path.endsWith('/')) return undefined;
  const address = s3AddressOf(bucket, partition, path);
  if (address === undefined) return undefined;
  const node: A.ManifestNode = { type: 'Manifest', keywordRange: range, address: stringNode(address), role: stringNode(role), range };
  return [version !== undefined ? { ...node, version: stringNode(version) } : node];
}

/** `report { to …; role …; output …; level …; … }`, when every part of the config has its statement. */
function report(value: unknown, partition: string): A.StatementNode[] | undefined {
  if (!isObject(value) || !only(value, ['Destination', ...REPORT_SETTINGS.map((s) => s.pointer.split('/')[2])])) return undefined;
  const statements: A.ReportStatementNode[] = [];
  if (value.Destination !== undefined) {
    const d = value.Destination;
    if (!isObject(d) || !only(d, ['S3']) || !isObject(d.S3) || !only(d.S3, ['Subdirectory', 'S3BucketArn', 'BucketAccessRoleArn'])) return undefined;
    const { Subdirectory: sub, S3BucketArn: bucket, BucketAccessRoleArn: role } = d.S3;
    if (bucket === undefined && role === undefined) return undefined;
    if (bucket !== undefined) {
      if (!isString(bucket) || (sub !== undefined && (!isString(sub) || sub === ''))) return undefined;
      const address = s3AddressOf(bucket, partition, (sub as string | undefined) ?? '');
      if (address === undefined) return undefined;
      statements.push({ type: 'ReportTo', keywordRange: range, value: stringNode(address), range });
    } else if (sub !== undefined) return undefined;
    if (role !== undefined) {
      if (!isString(role)) return undefined;
      statements.push({ type: 'ReportRole', keywordRange: range, value: stringNode(role), range });
    }
  }
  for (const s of REPORT_SETTINGS) {
    const tokens = s.pointer.split('/').slice(2);
    let v: unknown = value;
    for (const t of tokens) v = isObject(v) ? v[t] : undefined;
    if (v === undefined) continue;
    if (!isString(v) || !(enumValues(s.pointer) ?? []).includes(v)) return undefined;
    statements.push({ type: 'ReportSetting', keyword: s.keyword, keywordRange: range, value: wordNode(kebab(v)), range });
  }
  // Overrides only as the aspects write them: each `{ ReportLevel }`, none empty.
  const overrides = value.Overrides;
  if (overrides !== undefined) {
    if (!isObject(overrides) || Object.keys(overrides).length === 0) return undefined;
    for (const [aspect, o] of Object.entries(overrides)) {
      if (!REPORT_SETTINGS.some((s) => s.pointer === `/TaskReportConfig/Overrides/${aspect}/ReportLevel`)) return undefined;
      if (!isObject(o) || !only(o, ['ReportLevel']) || o.ReportLevel === undefined) return undefined;
    }
  }
  return [{ type: 'Report', keywordRange: range, statements, range }];
}

/** `tag KEY = "value"` for each entry, when every entry has a key and a value and no key repeats. */
function tags(value: unknown): A.StatementNode[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const keys = new Set<string>();
  const out: A.TagNode[] = [];
  for (const entry of value as unknown[]) {
    if (!isObject(entry) || !only(entry, ['Key', 'Value']) || !isString(entry.Key) || !isString(entry.Value) || keys.has(entry.Key)) return undefined;
    keys.add(entry.Key);
    out.push({ type: 'Tag', keywordRange: range, key: nameNode(entry.Key), value: stringNode(entry.Value), range });
  }
  return out;
}
