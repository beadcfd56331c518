/**
 * YAML request files, read with `yaml` as YAML 1.2 (core schema). `--cli-input-yaml` loads
 * the text with ruamel.yaml's safe loader (aws-cli `awscli/customizations/cliinput.py`),
 * which also defaults to YAML 1.2, so `no` and `on` stay strings in both.
 */
import type {
  Alias,
  Scalar,
  YAMLMap,
  YAMLSeq,
  Document,
  Node as YamlNode,
  ParseOptions,
  DocumentOptions,
  SchemaOptions,
  Pair,
  YAMLError,
} from 'yaml';
import { yamlLibrary } from '../core/dependencies.js';
import { DiagnosticIds } from '../core/diagnostic.js';
import { LineIndex } from '../core/range.js';
import { escapeToken } from '../core/json-pointer.js';
import { MAX_YAML_ALIAS_COUNT } from './limits.js';
import { addSourceNode, forgetSourceNodes, type SourceNode, type SourceNodes } from './source-map.js';
import type { PendingDiagnostic, Span } from './report.js';
import { duplicateKey, emptyFile, longProblem, notAnObject, type FrontEndResult } from './common.js';
import { shapeKind } from '../schema/index.js';

// `yaml` loads on the first YAML file (src/core/dependencies.ts), not when this module does.
const isAlias = (n: unknown): n is Alias => yamlLibrary().isAlias(n);
const isMap = (n: unknown): n is YAMLMap => yamlLibrary().isMap(n);
const isScalar = (n: unknown): n is Scalar => yamlLibrary().isScalar(n);
const isSeq = (n: unknown): n is YAMLSeq => yamlLibrary().isSeq(n);

const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  // Duplicates are reported here, at the later key, with the earlier one related (and yaml's own check is quadratic).
  uniqueKeys: false,
  // Integers past 2^53-1 must be seen before they are rounded.
  intAsBigInt: true,
  prettyErrors: false,
  // Nothing to the console; 'silent' would also drop the multiple-documents error.
  logLevel: 'error',
  merge: false,
  // `!!binary`, `!!timestamp`, `!!set`, `!!omap` and `!!pairs` make values that are not JSON: unresolved, they are errors at the tag.
  resolveKnownTags: false,
};

interface Walk {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly nodes: SourceNodes;
  readonly pending: PendingDiagnostic[];
  /** Collections being walked, to catch an alias to one of them (a value that contains itself). */
  readonly open: Set<unknown>;
  circular: boolean;
  firstAlias?: Span;
}

/** Parses a YAML request; the payload is left out when the text could not be read in full. */
export function parseYamlRequest(text: string): FrontEndResult {
  const nodes: SourceNodes = new Map();
  const pending: PendingDiagnostic[] = [];
  const yaml = yamlLibrary();
  // yaml makes an Error per problem, and thousands of them (a long run of one broken construct)
  // would each capture a stack trace nobody reads: most of the time such a file takes.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let doc: Document.Parsed;
  try {
    doc = yaml.parseDocument(text, OPTIONS);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  if (doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION')) {
    // `yaml` ran out of stack (collections nested past what the depth scan foresaw): what it made of
    // the text depends on the stack left, so one error, at the start of the document, stands for all.
    const at = Math.min(doc.contents?.range?.[0] ?? 0, text.length);
    pending.push({
      start: at,
      end: Math.min(at + 1, text.length),
      severity: 'error',
      ruleId: DiagnosticIds.parseError,
      messageId: 'tooDeep',
      message: 'collections nest too deeply here to be read, and a StartTaskExecution request nests at most 4 objects deep, so the file was not read: check that it is a request file (a `{` without its `}` nests every line after it)',
    });
    return { nodes, pending };
  }
  // One line index for all errors: thousands of errors on one long line must not each scan it.
  const lines = doc.errors.length + doc.warnings.length > 0 ? new LineIndex(text) : undefined;
  for (const e of doc.errors) pending.push(fromYamlError(lines!, e, 'error'));
  for (const w of doc.warnings) pending.push(fromYamlError(lines!, w, w.code === 'TAG_RESOLVE_FAILED' ? 'error' : 'warning'));

  const root = doc.contents;
  if (root === null) {
    if (doc.errors.length === 0) pending.push(emptyFile(text, 'yaml'));
    return { nodes, pending };
  }
  const walk: Walk = { text, doc, nodes, pending, open: new Set(), circular: false };
  visit(walk, root, '', undefined, undefined, undefined, 0);
  const rootNode = nodes.get('')!;
  if (!isMap(root)) {
    // After a syntax error the root may be whatever recovery made of it: say nothing more then.
    if (doc.errors.length === 0) {
      const what = isSeq(root) ? 'sequence' : isScalar(root) ? scalarKind(root.value) : 'alias';
      pending.push(notAnObject(rootNode, 'yaml', what));
    }
    return { nodes, pending };
  }
  // The root's "key" (where file-level problems point): its `{`, or a block mapping's first key.
  const first = rootNode.children[0];
  if (rootNode.flow || !first) rootNode.keyEnd = rootNode.keyStart + 1;
  else {
    rootNode.keyStart = first.keyStart;
    rootNode.keyEnd = first.keyEnd;
  }
  if (doc.errors.length > 0 || walk.circular) return { nodes, pending };
  try {
    const payload: unknown = doc.toJS({
      maxAliasCount: MAX_YAML_ALIAS_COUNT,
      reviver: (_key, value) => (typeof value === 'bigint' ? Number(value) : value),
    });
    return { payload, nodes, pending };
  } catch (error) {
    // yaml throws a ReferenceError when aliases would multiply the document past maxAliasCount.
    if (!(error instanceof ReferenceError)) throw error;
    const at = walk.firstAlias ?? { start: 0, end: 0 };
    pending.push({
      ...at,
      severity: 'error',
      ruleId: DiagnosticIds.parseError,
      messageId: 'aliasCount',
      message: `aliases expand this request too many times (more than ${MAX_YAML_ALIAS_COUNT}); write the values out instead of repeating \`*alias\``,
    });
    return { nodes, pending };
  }
}

/** Records `node` (and what lies under it) under `pointer`; `at` places a missing value. */
function visit(
  w: Walk,
  node: YamlNode | null,
  pointer: string,
  parent: SourceNode | undefined,
  key: string | undefined,
  keySpan: Span | undefined,
  at: number,
): SourceNode {
  const range = node?.range ?? [at, at, at];
  const start = Math.min(range[0], w.text.length);
  const base = {
    pointer,
    start,
    end: trimEnd(w.text, start, Math.min(range[1], w.text.length)),
    keyStart: keySpan?.start ?? start,
    keyEnd: keySpan?.end ?? 0,
    inFlow: parent !== undefined && (parent.flow || parent.inFlow),
    children: [] as SourceNode[],
    parent,
    key,
  };
  if (!keySpan) base.keyEnd = base.end;

  if (isMap(node) || isSeq(node)) {
    const source = addSourceNode(w.nodes, {
      ...base,
      kind: isMap(node) ? 'object' : 'array',
      flow: node.flow === true,
      editable: !node.anchor && !node.tag,
    });
    w.open.add(node);
    if (isMap(node)) visitMembers(w, node.items, source);
    else node.items.forEach((item, i) => visit(w, item as YamlNode | null, `${pointer}/${i}`, source, undefined, undefined, source.end));
    w.open.delete(node);
    // A block collection's range runs on over trailing comments and line breaks: it ends where its last value ends.
    const last = source.children[source.children.length - 1];
    if (!source.flow && last) source.end = Math.max(last.end, last.keyEnd);
    if (!keySpan) source.keyEnd = source.end;
    return source;
  }

  const source = addSourceNode(w.nodes, {
    ...base,
    kind: 'scalar',
    flow: false,
    editable: !(isScalar(node) && (node.anchor || node.tag)),
  });
  if (isAlias(node)) {
    w.firstAlias ??= { start: source.start, end: source.end };
    const target = node.resolve(w.doc);
    if (target && w.open.has(target)) {
      w.circular = true;
      w.pending.push({
        start: source.start,
        end: source.end,
        severity: 'error',
        ruleId: DiagnosticIds.parseError,
        messageId: 'circularAlias',
        message: `\`*${node.source}\` refers to \`&${node.source}\`, which contains it: a request cannot hold a value that contains itself; write the value out`,
      });
    }
  } else if (isScalar(node) && (typeof node.value === 'bigint' || typeof node.value === 'number') && shapeKind(pointer) === 'integer') {
    const value = node.value;
    const problem = longProblem(source, w.text.slice(source.start, source.end), typeof value === 'bigint' ? value : undefined);
    if (problem) w.pending.push(problem);
  }
  return source;
}

function visitMembers(w: Walk, pairs: readonly Pair<unknown, unknown>[], source: SourceNode): void {
  const seen = new Map<string, SourceNode>();
  for (const pair of pairs) {
    const keyNode = pair.key as YamlNode | null;
    const resolved = isAlias(keyNode) ? keyNode.resolve(w.doc) : keyNode;
    if (!isScalar(resolved) || !keyNode?.range) {
      const value = pair.value as YamlNode | null;
      const span = keyNode?.range ?? value?.range ?? [source.start, source.start];
      w.pending.push({
        start: span[0],
        end: trimEnd(w.text, span[0], span[1]),
        severity: 'error',
        ruleId: DiagnosticIds.parseError,
        messageId: 'complexKey',
        message: 'a key must be a plain name such as `TaskArn`, not a mapping, a sequence or nothing',
      });
      continue;
    }
    const name = resolved.value === null ? '' : String(resolved.value);
    const keySpan = { start: keyNode.range[0], end: trimEnd(w.text, keyNode.range[0], keyNode.range[1]) };
    const earlier = seen.get(name);
    // The later member wins, in the payload and so in the source map.
    if (earlier) forgetSourceNodes(w.nodes, earlier);
    const member = visit(w, pair.value as YamlNode | null, `${source.pointer}/${escapeToken(name)}`, source, name, keySpan, keySpan.end);
    if (earlier) w.pending.push(duplicateKey(name, member, earlier, 'yaml'));
    seen.set(name, member);
  }
}

function fromYamlError(lines: LineIndex, e: YAMLError, severity: 'error' | 'warning'): PendingDiagnostic {
  const text = lines.text;
  const start = Math.min(e.pos[0], text.length);
  // An error ends on the line it starts on: where \`yaml\`'s recovery ends a long span depends on
  // how deep its stack may go, which differs from call to call; the start does not.
  let lineEnd = lines.lineStart(lines.position(start).line + 1);
  while (lineEnd > start && (text[lineEnd - 1] === '\n' || text[lineEnd - 1] === '\r')) lineEnd--;
  const end = Math.max(start, Math.min(e.pos[1], lineEnd));
  const base = { start, end, severity, ruleId: DiagnosticIds.parseError, messageId: e.code };
  switch (e.code) {
    case 'MULTIPLE_DOCS':
      return { ...base, message: 'a request file holds one YAML document: remove the `---` line and what follows it, or put each request in a file of its own' };
    case 'TAB_AS_INDENT':
      return { ...base, message: 'a tab used as indentation: YAML indents with spaces only; replace the tab with spaces' };
    case 'TAG_RESOLVE_FAILED':
      return {
        ...base,
        message: `\`${text.slice(start, end)}\` is a tag that makes no JSON value (a request holds only strings, numbers, booleans, null, mappings and sequences, and \`aws … --cli-input-yaml\` sends nothing else); remove the tag and write the plain value`,
      };
    default: {
      const message = e.message.replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase());
      return { ...base, message: `${message} (YAML)` };
    }
  }
}

function scalarKind(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'bigint') return 'number';
  return typeof value;
}

/** `end` moved back over trailing whitespace, not before `start`. */
function trimEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && /\s/.test(text.charAt(e - 1))) e--;
  return Math.max(start, e);
}
