/**
 * The request-file front end: a hand-written `StartTaskExecution` request in the shape that
 * `aws datasync start-task-execution --cli-input-json` / `--cli-input-yaml` takes, read into
 * a payload and a source map, so that the schema and every rule check it as they check a
 * compiled intent.
 *
 * Diagnostic ids: `parse` (syntax, comments and trailing commas in JSON, a byte order mark,
 * an empty file, a top-level value that is not an object, text that is not UTF-8, the size
 * and depth limits, YAML tags and aliases), `duplicate-key` (at the later key),
 * `invalid-value` (a `long` past 64 bits, or written with a point or an exponent) and
 * `internal` (a bug in dsi).
 */
import { DiagnosticIds, type Diagnostic } from '../core/diagnostic.js';
import { LineIndex, START_OF_FILE, type SourceLocation } from '../core/range.js';
import { locate, type SourceMap } from '../core/source-map.js';
import { suppressionsFromComments } from '../core/suppressions.js';
import { requestComments } from './comments.js';
import type { PayloadUnit, SourceUnit } from '../core/unit.js';
import type { FrontEndResult } from './common.js';
import { parseJsonRequest, plainJsonObject } from './json.js';
import { jsonDepthOverflow, MAX_NESTING_DEPTH, MAX_REQUEST_LENGTH, MAX_YAML_ALIASES, yamlAliasOverflow, yamlDepthOverflow } from './limits.js';
import { finishDiagnostics, lazyLines, type PendingDiagnostic } from './report.js';
import { createRequestSourceMap, type RequestFormat, type SourceNodes } from './source-map.js';
import { parseYamlRequest } from './yaml.js';
import { countWork, endStage, startStage } from '../core/work.js';

export type { RequestFormat } from './source-map.js';
export { MAX_NESTING_DEPTH, MAX_REQUEST_LENGTH, MAX_YAML_ALIAS_COUNT, MAX_YAML_ALIASES } from './limits.js';

/** A request file read: the payload (when the text could be read as one object), where each part came from, and what is wrong. */
export interface ParsedRequest {
  payload?: unknown;
  sourceMap: SourceMap;
  diagnostics: Diagnostic[];
}

/** The format a file name implies: `.json`, `.yaml` or `.yml` (any case); undefined for others. */
export function requestFormatOf(file: string): RequestFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  return undefined;
}

/** The format given, else the one the name implies, else JSON for text starting with `{` or `[` and YAML for the rest. */
function formatOf(text: string, file: string, format: RequestFormat | undefined): RequestFormat {
  return format ?? requestFormatOf(file) ?? (/^[\s\uFEFF]*[{[]/.test(text) ? 'json' : 'yaml');
}

/**
 * Reads a request file; never throws. Without `format` (and without a telling extension),
 * text whose first character is `{` or `[` is read as JSON, anything else as YAML.
 */
export function parseRequest(text: string, file: string, format?: RequestFormat): ParsedRequest {
  const started = startStage();
  countWork('characters', text.length);
  const lines = lazyLines(text);
  const chosen = formatOf(text, file, format);
  let result: FrontEndResult & { readonly lazyNodes?: () => SourceNodes };
  try {
    // YAML 1.2 ends a line at a lone `\r` too, which \`yaml\` does not: read it as `\n` (same length, so offsets hold).
    const read = chosen === 'yaml' ? text.replace(/\r(?!\n)/g, '\n') : text;
    // Valid JSON within the limits first (one pass, its depth counted on the way: JSON.parse itself
    // does not recurse); anything else meets the guards and the full reader.
    const plain = chosen === 'json' && read.length <= MAX_REQUEST_LENGTH ? plainJson(read) : undefined;
    result = plain ?? guard(read, chosen) ?? (chosen === 'json' ? parseJsonRequest(read) : parseYamlRequest(read));
  } catch (error) {
    result = { nodes: new Map(), pending: [internalError(error)] };
  }
  const { nodes, lazyNodes } = result;
  const parsed: ParsedRequest = {
    sourceMap: createRequestSourceMap(file, text, chosen, lazyNodes ?? (() => nodes), lines),
    diagnostics: finishDiagnostics(file, result.pending, lines),
  };
  if (result.payload !== undefined) parsed.payload = result.payload;
  endStage('parse', started);
  return parsed;
}

/**
 * Reads a request file into the unit the check stage takes: its one payload (when the file holds
 * an object), what is wrong with the text, and its `dsi-ignore` comments. Never throws.
 */
export function requestUnit(text: string, file: string, format?: RequestFormat): SourceUnit {
  const parsed = parseRequest(text, file, format);
  const diagnostics = [...parsed.diagnostics];
  // Waivers come from the comments the format's own lexer finds (a file without `dsi-ignore` is not lexed twice).
  const suppressions = text.includes('dsi-ignore') ? suppressionsFromComments(requestComments(text, formatOf(text, file, format), new LineIndex(text)), file, diagnostics) : [];
  const payload = parsed.payload;
  const isObject = payload !== null && typeof payload === 'object' && !Array.isArray(payload);
  return {
    file,
    payloads: isObject ? [new RequestPayload(file, payload, parsed.sourceMap)] : [],
    diagnostics,
    sources: new Map([[file, text]]),
    suppressions,
    policies: [],
  };
}

/** The one payload of a request file; where it is as a whole is located only when asked for (most files have no problem to place). */
class RequestPayload implements PayloadUnit {
  /** A request file says nothing of its task: all context comes from configuration or AWS. */
  readonly context = {};
  readonly dialect = 'request';
  readonly diagnostics = [];
  #fallback: SourceLocation | undefined;
  readonly #file: string;

  constructor(
    file: string,
    readonly payload: unknown,
    readonly sourceMap: SourceMap,
  ) {
    this.#file = file;
  }

  // On the class, not defined per object: see ParsedFile in src/grammar/index.ts.
  get fallback(): SourceLocation {
    return (this.#fallback ??= locate(this.sourceMap, '', 'key') ?? { file: this.#file, range: START_OF_FILE });
  }
}

/**
 * A JSON request that is valid as it stands (see {@link plainJsonObject}), with its tree of
 * offsets built only when something must be located: most files have nothing to locate.
 */
function plainJson(text: string): (FrontEndResult & { readonly lazyNodes: () => SourceNodes }) | undefined {
  const payload = plainJsonObject(text);
  if (payload === undefined) return undefined;
  let built: SourceNodes | undefined;
  return { payload, nodes: new Map(), pending: [], lazyNodes: () => (built ??= parseJsonRequest(text).nodes) };
}

/** The size and depth checks that run before any parser sees the text; a result when the text must not be parsed. */
function guard(text: string, format: RequestFormat): FrontEndResult | undefined {
  if (text.length > MAX_REQUEST_LENGTH) {
    return refuse(
      0,
      0,
      'tooLarge',
      `the file has ${text.length} characters, and a request file has at most ${MAX_REQUEST_LENGTH} (8 MiB, three times the largest valid request written with every character escaped), so it was not read: check that it is a request file`,
    );
  }
  const notText = notUtf8Text(text);
  if (notText) return { nodes: new Map(), pending: [notText] };
  if (format === 'yaml') {
    const alias = yamlAliasOverflow(text);
    if (alias >= 0) {
      return refuse(
        alias,
        alias + (/^\*[^\s,[\]{}]*/.exec(text.slice(alias, alias + 1024))?.[0].length ?? 1),
        'tooManyAliases',
        `more than ${MAX_YAML_ALIASES} aliases (\`*name\`) in one request, so the file was not read: a request has a few dozen values in all; write the values out`,
      );
    }
  }
  const at = format === 'json' ? jsonDepthOverflow(text) : yamlDepthOverflow(text);
  if (at < 0) return undefined;
  return refuse(
    at,
    Math.min(at + 1, text.length),
    'tooDeep',
    `values nest more than ${MAX_NESTING_DEPTH} levels deep here, and a StartTaskExecution request nests at most 4 objects deep (as in TaskReportConfig.Destination.S3), so the file was not read: check that it is a request file`,
  );
}

/**
 * One error for text that is not UTF-8: UTF-16 read as UTF-8 is full of NUL characters (and a
 * lenient decoder turns its byte order mark into two U+FFFD). The AWS CLI cannot load such a
 * file, and parsing it would give a cascade of errors that all say the same thing.
 */
function notUtf8Text(text: string): PendingDiagnostic | undefined {
  const nul = text.indexOf('\0');
  const utf16Bom = /^\uFFFD\uFFFD|^\uFFFE/.test(text);
  if (nul < 0 && !utf16Bom) return undefined;
  const looksUtf16 = utf16Bom || nul <= 1 || /^(?:[^\0]\0){2}|^(?:\0[^\0]){2}/.test(text.slice(Math.max(0, nul - 1)));
  const at = utf16Bom ? 0 : nul;
  return {
    start: at,
    end: utf16Bom ? Math.min(2, text.length) : at + 1,
    severity: 'error',
    ruleId: DiagnosticIds.parseError,
    messageId: 'notUtf8',
    message: looksUtf16
      ? 'the file is UTF-16 text, which `aws … --cli-input-json`/`--cli-input-yaml` cannot load: save it as UTF-8'
      : 'the file holds a NUL character, so it is not UTF-8 text and `aws … --cli-input-json`/`--cli-input-yaml` cannot load it: save it as UTF-8 text (write a NUL inside a string as \\u0000)',
  };
}

function refuse(start: number, end: number, messageId: string, message: string): FrontEndResult {
  return { nodes: new Map(), pending: [{ start, end, severity: 'error', ruleId: DiagnosticIds.parseError, messageId, message }] };
}

function internalError(error: unknown): PendingDiagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    start: 0,
    end: 0,
    severity: 'error',
    ruleId: DiagnosticIds.internal,
    messageId: 'internal',
    message: `dsi failed to read this request file (${reason}); this is a bug in dsi: please report it with the file`,
  };
}
