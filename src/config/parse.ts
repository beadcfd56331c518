/**
 * Reading one configuration file: the request front end's JSON and YAML readers (positions per
 * JSON Pointer, duplicate keys, depth limits) with the messages that speak of request files
 * reworded for a config, then the precompiled schema check. Comments are allowed in JSON here,
 * as in tsconfig.json and ESLint's JSON configs.
 */
import { type Diagnostic } from '../core/diagnostic.js';
import { LineIndex, type Range } from '../core/range.js';
import { describeFileError, readRegularFile } from '../files/read.js';
import { parseJsonRequest } from '../requests/json.js';
import { jsonDepthOverflow, yamlDepthOverflow } from '../requests/limits.js';
import type { PendingDiagnostic } from '../requests/report.js';
import type { SourceNode, SourceNodes } from '../requests/source-map.js';
import { parseYamlRequest } from '../requests/yaml.js';
import { validateConfig } from '../schema/validate-config.cjs';
import { schemaDiagnostics } from './schema.js';

/** The `ruleId` of every configuration diagnostic. */
export const CONFIG_RULE_ID = 'config';

/** Largest config file read (1 MiB): configs are small, and roots.ts reads the same files within it. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Deepest nesting accepted in a config (the schema nests at most six levels). */
const MAX_CONFIG_DEPTH = 32;

/** One configuration file read and checked against the schema. */
export interface ConfigFile {
  /** Absolute path. */
  readonly path: string;
  readonly text: string;
  /** The file's value when it could be read as an object (it may still break the schema). */
  readonly data?: Readonly<Record<string, unknown>>;
  /** Where each pointer is written. */
  readonly nodes: SourceNodes;
  /** Parse and schema errors, in the config file. */
  readonly diagnostics: readonly Diagnostic[];
  /** The range of a pointer's key (`part: 'key'`) or value; the file's start when absent. */
  rangeOf(pointer: string, part?: 'key' | 'value'): Range;
}

/** Reads and checks the config at `path` (absolute); never throws. */
export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readRegularFile(path, MAX_CONFIG_BYTES);
  } catch (e) {
    return make(path, '', new Map(), undefined, [
      { start: 0, end: 0, severity: 'error', ruleId: CONFIG_RULE_ID, messageId: 'unreadable', message: `cannot read the configuration file: ${describeFileError(e)}` },
    ]);
  }
  return parseConfigText(text, path);
}

/** Parses config text (`path` decides JSON or YAML by its extension) and checks it against the schema. */
export function parseConfigText(text: string, path: string): ConfigFile {
  const yaml = /\.ya?ml$/i.test(path);
  const deep = yaml ? yamlDepthOverflow(text, MAX_CONFIG_DEPTH) : jsonDepthOverflow(text, MAX_CONFIG_DEPTH);
  if (deep >= 0) {
    return make(path, text, new Map(), undefined, [
      { start: deep, end: deep + 1, severity: 'error', ruleId: CONFIG_RULE_ID, messageId: 'tooDeep', message: `values nest more than ${MAX_CONFIG_DEPTH} levels deep here, far deeper than any configuration: check that this is a dsi configuration file` },
    ]);
  }
  const parsed = yaml ? parseYamlRequest(text) : parseJsonRequest(text);
  const pending = parsed.pending.flatMap((p) => reword(p, yaml));
  const data = isObject(parsed.payload) ? parsed.payload : undefined;
  const file = make(path, text, parsed.nodes, data, pending);
  if (data === undefined || validateConfig(data)) return file;
  return { ...file, diagnostics: [...file.diagnostics, ...schemaDiagnostics(validateConfig.errors ?? [], data, file)] };
}

function make(path: string, text: string, nodes: SourceNodes, data: Record<string, unknown> | undefined, pending: readonly PendingDiagnostic[]): ConfigFile {
  let lines: LineIndex | undefined;
  const index = () => (lines ??= new LineIndex(text));
  const span = (node: SourceNode | undefined, part: 'key' | 'value'): Range =>
    node ? (part === 'key' ? index().range(node.keyStart, node.keyEnd) : index().range(node.start, node.end)) : index().range(0, 0);
  return {
    path,
    text,
    nodes,
    ...(data ? { data } : {}),
    diagnostics: pending.map((p) => ({
      file: path,
      range: index().range(p.start, p.end),
      severity: 'error',
      ruleId: CONFIG_RULE_ID,
      messageId: p.messageId,
      message: p.message,
      ...(p.related?.length ? { related: p.related.map((r) => ({ file: path, range: index().range(r.start, r.end), message: r.message })) } : {}),
      ...(p.fix ? { fix: { description: p.fix.description, edits: p.fix.edits.map((e) => ({ file: path, range: index().range(e.start, e.end), text: e.text })) } } : {}),
    })),
    rangeOf: (pointer, part = 'value') => span(nodes.get(pointer), part),
  };
}

const SHAPE = 'one object such as {"extends": "dsi:recommended", "rules": {"storage-class-cost": "error"}}';

/** The request reader's messages, said of a configuration file; comments and a byte order mark are fine here. */
function reword(p: PendingDiagnostic, yaml: boolean): PendingDiagnostic[] {
  const say = (message: string): PendingDiagnostic[] => [{ ...p, ruleId: CONFIG_RULE_ID, message }];
  switch (p.messageId) {
    case 'comment':
      return p.message.startsWith('unterminated') ? say('unterminated `/*` comment: close it with `*/`') : [];
    case 'byteOrderMark':
      return [];
    case 'emptyFile':
      return say(`the configuration file is empty: write ${yaml ? 'a YAML mapping such as `extends: dsi:recommended`' : SHAPE}`);
    case 'notAnObject':
      return say(`a configuration file holds ${yaml ? 'one YAML mapping such as `extends: dsi:recommended`' : SHAPE}`);
    case 'duplicateKey':
      return say(p.message.replace(/\(.*\)/, '(only the later one would count)'));
    case 'trailingComma':
      return say(p.message.replace(/: JSON .* allows none;/, ': JSON allows none;'));
    case 'EndOfFileExpected':
      return say(p.message.replace(/after the end of the request: a request file holds/, 'after the end of the configuration: a configuration file holds'));
    case 'MULTIPLE_DOCS':
      return say('a configuration file holds one YAML document: remove the `---` line and what follows it');
    case 'complexKey':
      return say('a key must be a plain name such as `rules`, not a mapping, a sequence or nothing');
    default:
      return say(p.message);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
