/**
 * CST → AST: the only reader of the CST. Plain functions, one per CST node kind.
 *
 * A statement that parsing left incomplete (a syntax problem has been reported for it) is
 * dropped, so that every AST node is whole. Lexical values are checked here, where their
 * offsets are known: string escapes, unclosed strings, list indexes.
 */
import type { IToken } from 'chevrotain';
import type { LineIndex, Range } from '../core/range.js';
import type * as A from './ast.js';
import type * as C from './cst.js';
import type { ParseProblem } from './parser.js';
import { NonAsciiWord } from './tokens.js';
import { countWork } from '../core/work.js';

/** Receives the problems that building the AST finds. */
export type ReportProblem = (problem: ParseProblem) => void;

interface Builder {
  readonly lines: LineIndex;
  readonly report: ReportProblem;
}

/** Builds the FileNode of `cst`; `lines` indexes the parsed text. */
export function toAst(cst: C.FileCstNode, lines: LineIndex, report: ReportProblem): A.FileNode {
  const b: Builder = { lines, report };
  const c = cst.children;
  const items: A.TopLevelNode[] = [
    ...(c.importStatement ?? []).map((n) => importNode(b, n)),
    ...(c.intent ?? []).map((n) => declaration(b, n, 'Intent')),
    ...(c.template ?? []).map((n) => declaration(b, n, 'Template')),
    ...(c.policy ?? []).map((n) => policyNode(b, n)),
  ].filter((n): n is A.TopLevelNode => n !== undefined);
  return { type: 'File', items: inSourceOrder(items), range: lines.range(0, lines.text.length) };
}

// ---------------------------------------------------------------------------------------------
// Positions: chevrotain's end offsets are inclusive; this is the one place that converts them.

/** A token that really is in the text (not one inserted by error recovery). */
function real(token: IToken | undefined): token is IToken {
  return token !== undefined && Number.isFinite(token.startOffset) && Number.isFinite(token.endOffset) && !token.isInsertedInRecovery;
}

function tokenRange(b: Builder, token: IToken): Range {
  return b.lines.range(token.startOffset, token.endOffset! + 1);
}

/** From the start of `first` to the end of `last` (both inclusive in chevrotain's terms). */
function span(b: Builder, first: IToken, last: IToken | undefined): Range {
  return b.lines.range(first.startOffset, (real(last) ? last.endOffset! : first.endOffset!) + 1);
}

/** The range of a CST node from its location, or from `fallback` where recovery left it unknown. */
function nodeRange(b: Builder, node: { location?: { startOffset: number; endOffset?: number } }, fallback: IToken): Range {
  const l = node.location;
  if (l && Number.isFinite(l.startOffset) && Number.isFinite(l.endOffset)) return b.lines.range(l.startOffset, l.endOffset! + 1);
  return tokenRange(b, fallback);
}

function inSourceOrder<T extends { range: Range }>(nodes: T[]): T[] {
  return nodes.sort((x, y) => x.range.start.offset - y.range.start.offset);
}

function first<T>(list: readonly T[] | undefined): T | undefined {
  return list?.[0];
}

function problem(b: Builder, start: number, end: number, message: string): void {
  b.report({ ruleId: 'syntax', message, start, end });
}

// ---------------------------------------------------------------------------------------------
// Literals

/** The value of a string token; reports bad escapes (at the escape) and an unclosed string. */
function stringValue(b: Builder, token: IToken): string {
  const text = token.image;
  const closed = text.length >= 2 && text.endsWith('"') && !isEscaped(text, text.length - 1);
  if (!closed) problem(b, token.startOffset, token.startOffset + text.length, 'string is not closed on this line; add `"`');
  const body = text.slice(1, closed ? -1 : undefined);
  // Most strings have no escape: their value is their text.
  if (!body.includes('\\')) return body;
  const base = token.startOffset + 1;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) {
      // A lone `\` at the end of an unclosed string: the unclosed string is the problem reported.
      out += ch;
      continue;
    }
    if (next === '"' || next === '\\') out += next;
    else if (next === 'n') out += '\n';
    else if (next === 't') out += '\t';
    else if (next === 'u') {
      const m = /^u\{([0-9A-Fa-f]{1,6})\}/.exec(body.slice(i + 1));
      const written = m ? `\\${m[0]}` : `\\${/^u(?:\{[^}"\s]*\}?)?/.exec(body.slice(i + 1))![0]}`;
      const code = m ? parseInt(m[1], 16) : NaN;
      if (!m) {
        problem(b, base + i, base + i + written.length, `malformed escape \`${written}\`; write \`\\u{\` with 1 to 6 hex digits and \`}\`, such as \`\\u{1F600}\``);
        out += written;
      } else if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        problem(b, base + i, base + i + written.length, `escape \`${written}\` is not a Unicode character; use a code point up to 10FFFF, outside D800–DFFF`);
        out += written;
      } else out += String.fromCodePoint(code);
      i += written.length - 1;
      continue;
    } else {
      const escape = `\\${String.fromCodePoint(body.codePointAt(i + 1)!)}`;
      problem(b, base + i, base + i + escape.length, `unknown escape \`${escape}\`; write \`\\\\\` for a backslash`);
      out += escape;
      i += escape.length - 1;
      continue;
    }
    i++;
  }
  return out;
}

/** True when the character at `index` is preceded by an odd number of backslashes. */
function isEscaped(text: string, index: number): boolean {
  let n = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

function stringNode(b: Builder, token: IToken | undefined): A.StringNode | undefined {
  if (!real(token)) return undefined;
  return { type: 'String', value: stringValue(b, token), raw: token.image, range: tokenRange(b, token) };
}

function wordNode(b: Builder, token: IToken | undefined): A.WordNode | undefined {
  if (!real(token)) return undefined;
  asciiWord(b, token);
  return { type: 'Word', value: token.image, range: tokenRange(b, token) };
}

/** Bare words are ASCII; one with other letters is reported once and read on as written. */
function asciiWord(b: Builder, token: IToken): void {
  if (token.tokenType !== NonAsciiWord) return;
  problem(
    b,
    token.startOffset,
    token.endOffset! + 1,
    `a bare word is ASCII letters, digits, \`_\` and \`-\`; write it in double quotes: \`${JSON.stringify(token.image)}\``,
  );
}

function nameNode(b: Builder, token: IToken | undefined): A.NameNode | undefined {
  if (!real(token)) return undefined;
  asciiWord(b, token);
  const quoted = token.image.startsWith('"');
  return { type: 'Name', value: quoted ? stringValue(b, token) : token.image, quoted, raw: token.image, range: tokenRange(b, token) };
}

const sizePattern = /^(\d[\d_]*(?:\.\d+)?)[ \t]*([A-Za-z]+)(\/s)?$/;

/** `100 MiB/s`, `1_048_576` or a word (`unlimited`), as written; a signed or exponent number is reported. */
function bandwidthValue(b: Builder, token: IToken | undefined): A.SizeNode | A.WordNode | undefined {
  if (!real(token)) return undefined;
  const range = tokenRange(b, token);
  if (/^[A-Za-z]/.test(token.image)) return wordNode(b, token);
  const size = sizePattern.exec(token.image);
  if (size) return { type: 'Size', number: size[1].replace(/_/g, ''), unit: size[2], perSecond: size[3] !== undefined, raw: token.image, range };
  if (/^\d[\d_]*(?:\.\d+)?$/.test(token.image)) return { type: 'Size', number: token.image.replace(/_/g, ''), perSecond: false, raw: token.image, range };
  problem(b, token.startOffset, token.endOffset! + 1, `expected a rate such as \`100 MiB/s\` after \`bandwidth\`, found \`${token.image}\`; a size is a number of 0 or more`);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Top level

function importNode(b: Builder, n: C.ImportStatementCstNode): A.ImportNode | undefined {
  const keyword = n.children.Import[0];
  const path = stringNode(b, first(n.children.StringLike));
  countWork('syntaxNodes');
  if (!path) return undefined;
  return { type: 'Import', path, range: span(b, keyword, first(n.children.StringLike)) };
}

function declaration(b: Builder, n: C.IntentCstNode | C.TemplateCstNode, type: 'Intent' | 'Template'): A.DeclarationNode | undefined {
  const c = n.children;
  const keyword = 'Intent' in c ? c.Intent[0] : c.Template[0];
  const name = nameNode(b, first(c.Name));
  const parents = (first(c.extendsClause)?.children.Name ?? []).map((t) => nameNode(b, t)).filter((p) => p !== undefined);
  const body = first(c.declarationBody);
  const statements = body ? declarationStatements(b, body) : [];
  countWork('syntaxNodes', 1 + parents.length + statements.length);
  if (!name) return undefined;
  return { type, keywordRange: tokenRange(b, keyword), name, parents, body: statements, range: nodeRange(b, n, keyword) };
}

function policyNode(b: Builder, n: C.PolicyCstNode): A.PolicyNode | undefined {
  const c = n.children;
  const keyword = c.Policy[0];
  const name = nameNode(b, first(c.Name));
  const when = (c.whenClause ?? []).map((w) => whenNode(b, w)).filter((w) => w !== undefined);
  const assertions = (c.assertion ?? []).map((a) => assertionNode(b, a)).filter((a) => a !== undefined);
  countWork('syntaxNodes', 1 + when.length + assertions.length);
  if (!name) return undefined;
  return { type: 'Policy', name, when: inSourceOrder(when), assertions: inSourceOrder(assertions), range: nodeRange(b, n, keyword) };
}

function whenNode(b: Builder, n: C.WhenClauseCstNode): A.WhenNode | undefined {
  const c = n.children;
  const keyword = c.When[0];
  const subject = wordNode(b, first(c.Word));
  const [values, equals, separators] = operandLists(b, c.policyOperands, c.Equals);
  if (!subject || values === undefined || equals === null) return undefined;
  const node = { type: 'When' as const, keywordRange: tokenRange(b, keyword), subject, values, ...separators, range: nodeRange(b, n, keyword) };
  return equals ? { ...node, equals } : node;
}

function assertionNode(b: Builder, n: C.AssertionCstNode): A.AssertionNode | undefined {
  const c = n.children;
  const keyword = first(c.Require) ?? first(c.Forbid) ?? first(c.Limit);
  const subject = wordNode(b, first(c.Word));
  const [values, equals, separators] = operandLists(b, c.policyOperands, c.Equals);
  if (!real(keyword) || !subject || values === undefined || equals === null) return undefined;
  const operator = first(c.Comparison);
  let limit: A.PolicyLimitNode | undefined;
  if (operator) {
    const value = operandNode(b, first(c.Operand));
    if (!real(operator) || !value) return undefined;
    limit = { operator: operator.image, operatorRange: tokenRange(b, operator), value };
  }
  let name: A.NameNode | undefined;
  let warn: Range | undefined;
  let because: A.StringNode | undefined;
  for (const m of c.assertionModifier ?? []) {
    const mc = m.children;
    const modifier = first(mc.As) ?? first(mc.Warn) ?? first(mc.Because);
    if (!real(modifier)) continue;
    const once = (earlier: { range: Range } | Range | undefined): boolean => {
      if (earlier === undefined) return true;
      problem(b, modifier.startOffset, modifier.endOffset! + 1, `\`${modifier.image}\` is given twice in this assertion; keep one`);
      return false;
    };
    if (mc.As) {
      const given = nameNode(b, first(mc.Name));
      if (!given) return undefined;
      if (once(name)) name = given;
    } else if (mc.Because) {
      const reason = stringNode(b, first(mc.StringLike));
      if (!reason) return undefined;
      if (once(because)) because = reason;
    } else if (once(warn)) warn = tokenRange(b, modifier);
  }
  return {
    type: 'Assertion',
    kind: keyword.image as A.AssertionNode['kind'],
    keywordRange: tokenRange(b, keyword),
    subject,
    values,
    ...separators,
    ...(equals ? { equals } : {}),
    ...(limit ? { limit } : {}),
    ...(name ? { name } : {}),
    ...(warn ? { warn } : {}),
    ...(because ? { because } : {}),
    range: nodeRange(b, n, keyword),
  };
}

/** The separators of both value lists as written, where any is a `,` (`|` is what the printer writes by default). */
interface Separators {
  readonly separators?: A.PolicySeparator[];
  readonly equalsSeparators?: A.PolicySeparator[];
}

function separatorsOf(l: C.PolicyOperandsCstNode | undefined): A.PolicySeparator[] {
  const tokens = [...(l?.children.Pipe ?? []), ...(l?.children.Comma ?? [])].sort((x, y) => x.startOffset - y.startOffset);
  return tokens.map((t) => t.image as A.PolicySeparator);
}

/**
 * The value lists before and after `=`: `[values, equals, separators]`, where a list that parsing
 * left incomplete is `undefined` (before) or `null` (after `=`), and no `=` leaves `equals` undefined.
 */
function operandLists(
  b: Builder,
  lists: readonly C.PolicyOperandsCstNode[] | undefined,
  equalsToken: readonly IToken[] | undefined,
): [A.PolicyValueNode[] | undefined, A.PolicyValueNode[] | undefined | null, Separators] {
  const all = lists ?? [];
  const equalsAt = first(equalsToken);
  const before = all.filter((l) => !equalsAt || (l.location?.startOffset ?? 0) < equalsAt.startOffset);
  const after = all.filter((l) => !before.includes(l));
  const read = (l: C.PolicyOperandsCstNode | undefined): A.PolicyValueNode[] | undefined => {
    if (!l) return [];
    const tokens = l.children.Operand ?? [];
    const nodes = tokens.map((t) => operandNode(b, t));
    // A separator without its value was reported: the list is incomplete.
    const separators = (l.children.Pipe ?? []).length + (l.children.Comma ?? []).length;
    if (nodes.some((v) => v === undefined) || nodes.length !== separators + 1) return undefined;
    return nodes as A.PolicyValueNode[];
  };
  const values = read(before[0]);
  const separators = separatorsOf(before[0]);
  const equalsSeparators = separatorsOf(after[0]);
  const written: Separators = {
    ...(separators.includes(',') ? { separators } : {}),
    ...(equalsSeparators.includes(',') ? { equalsSeparators } : {}),
  };
  if (!equalsAt) return [values, undefined, written];
  const equals = real(equalsAt) && after[0] ? read(after[0]) : undefined;
  return [values, equals ?? null, written];
}

/** One value of a policy: a string, a word, or a size or number as written. */
function operandNode(b: Builder, token: IToken | undefined): A.PolicyValueNode | undefined {
  if (!real(token)) return undefined;
  if (token.image.startsWith('"')) return stringNode(b, token);
  if (/^[A-Za-z]/.test(token.image) || token.tokenType === NonAsciiWord) return wordNode(b, token);
  const range = tokenRange(b, token);
  const size = sizePattern.exec(token.image);
  if (size) return { type: 'Size', number: size[1].replace(/_/g, ''), unit: size[2], perSecond: size[3] !== undefined, raw: token.image, range };
  if (/^\d[\d_]*(?:\.\d+)?$/.test(token.image)) return { type: 'Size', number: token.image.replace(/_/g, ''), perSecond: false, raw: token.image, range };
  problem(b, token.startOffset, token.endOffset! + 1, `expected a number of 0 or more such as \`10\` or \`500 MiB/s\`, found \`${token.image}\``);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Statements of an intent or template

function declarationStatements(b: Builder, body: C.DeclarationBodyCstNode): A.StatementNode[] {
  const c = body.children;
  // One array filled kind by kind (the order problems are found in), then put in source order.
  const all: A.StatementNode[] = [];
  const add = (s: A.StatementNode | undefined) => {
    if (s !== undefined) all.push(s);
  };
  if (c.taskStatement) for (const n of c.taskStatement) add(taskNode(b, n));
  if (c.optionStatement) for (const n of c.optionStatement) add(optionNode(b, n));
  if (c.bandwidthStatement) for (const n of c.bandwidthStatement) add(bandwidthNode(b, n));
  if (c.filterStatement) for (const n of c.filterStatement) add(filterNode(b, n));
  if (c.manifestStatement) for (const n of c.manifestStatement) add(manifestNode(b, n));
  if (c.reportBlock) for (const n of c.reportBlock) add(reportNode(b, n));
  if (c.tagStatement) for (const n of c.tagStatement) add(tagNode(b, n));
  if (c.setStatement) for (const n of c.setStatement) add(setNode(b, n));
  return inSourceOrder(all);
}

function taskNode(b: Builder, n: C.TaskStatementCstNode): A.TaskNode | undefined {
  const keyword = n.children.Task[0];
  const arn = stringNode(b, first(n.children.StringLike));
  if (!arn) return undefined;
  const block = first(n.children.taskContext);
  const keywordRange = tokenRange(b, keyword);
  const range = nodeRange(b, n, keyword);
  return block ? { type: 'Task', keywordRange, arn, range, context: contextNodes(b, block) } : { type: 'Task', keywordRange, arn, range };
}

function contextNodes(b: Builder, block: C.TaskContextCstNode): A.ContextNode[] {
  const c = block.children;
  const all: (A.ContextNode | undefined)[] = [
    ...(c.modeStatement ?? []).map((n): A.ContextNode | undefined => {
      const keyword = n.children.Mode[0];
      const value = wordNode(b, first(n.children.Word));
      return value && { type: 'ContextMode', keywordRange: tokenRange(b, keyword), value, range: nodeRange(b, n, keyword) };
    }),
    ...(c.locationStatement ?? []).map((n): A.ContextNode | undefined => {
      const keyword = first(n.children.From) ?? first(n.children.To);
      const [location, storageClass] = (n.children.Word ?? []).map((t) => wordNode(b, t));
      if (!real(keyword) || !location) return undefined;
      // `storage-class` without its value was reported; the location stands without it.
      const node = {
        type: 'ContextLocation' as const,
        end: n.children.From ? ('from' as const) : ('to' as const),
        keywordRange: tokenRange(b, keyword),
        location,
        range: nodeRange(b, n, keyword),
      };
      return storageClass ? Object.assign(node, { storageClass }) : node;
    }),
    ...(c.logGroupStatement ?? []).map((n): A.ContextNode | undefined => {
      const keyword = n.children.LogGroup[0];
      const value = stringNode(b, first(n.children.StringLike));
      return value && { type: 'ContextLogGroup', keywordRange: tokenRange(b, keyword), value, range: nodeRange(b, n, keyword) };
    }),
  ];
  return inSourceOrder(all.filter((s) => s !== undefined));
}

function optionNode(b: Builder, n: C.OptionStatementCstNode): A.OptionNode | undefined {
  const keyword = n.children.OptionKeyword[0];
  const value = wordNode(b, first(n.children.Word));
  if (!value) return undefined;
  return {
    type: 'Option',
    keyword: keyword.image as A.OptionKeyword,
    keywordRange: tokenRange(b, keyword),
    value,
    range: nodeRange(b, n, keyword),
  };
}

function bandwidthNode(b: Builder, n: C.BandwidthStatementCstNode): A.BandwidthNode | undefined {
  const keyword = n.children.Bandwidth[0];
  const value = bandwidthValue(b, first(n.children.SizeValue));
  if (!value) return undefined;
  return { type: 'Bandwidth', keywordRange: tokenRange(b, keyword), value, range: nodeRange(b, n, keyword) };
}

function filterNode(b: Builder, n: C.FilterStatementCstNode): A.FilterNode | undefined {
  const keyword = first(n.children.Include) ?? first(n.children.Exclude);
  const patterns = (n.children.StringLike ?? []).map((t) => stringNode(b, t)).filter((p) => p !== undefined);
  countWork('syntaxNodes', patterns.length);
  if (!real(keyword) || patterns.length === 0) return undefined;
  return {
    type: 'Filter',
    kind: n.children.Include ? 'include' : 'exclude',
    keywordRange: tokenRange(b, keyword),
    patterns,
    range: nodeRange(b, n, keyword),
  };
}

function manifestNode(b: Builder, n: C.ManifestStatementCstNode): A.ManifestNode | undefined {
  const keyword = n.children.Manifest[0];
  const strings = n.children.StringLike ?? [];
  const versionKeyword = first(n.children.Version);
  const roleKeyword = first(n.children.Role);
  const after = (k: IToken | undefined) => (real(k) ? strings.find((s) => s.startOffset > k.startOffset) : undefined);
  const address = stringNode(b, strings[0]);
  const version = versionKeyword ? stringNode(b, after(versionKeyword)) : undefined;
  const role = stringNode(b, after(roleKeyword));
  if (!address || !role || (versionKeyword && !version)) return undefined;
  const node = { type: 'Manifest' as const, keywordRange: tokenRange(b, keyword), address, role, range: nodeRange(b, n, keyword) };
  return version ? Object.assign(node, { version }) : node;
}

function reportNode(b: Builder, n: C.ReportBlockCstNode): A.ReportNode | undefined {
  const keyword = n.children.Report[0];
  const c = n.children;
  const all: (A.ReportStatementNode | undefined)[] = [
    ...(c.reportTo ?? []).map((s): A.ReportStatementNode | undefined => {
      const value = stringNode(b, first(s.children.StringLike));
      const k = s.children.To[0];
      return value && { type: 'ReportTo', keywordRange: tokenRange(b, k), value, range: nodeRange(b, s, k) };
    }),
    ...(c.reportRole ?? []).map((s): A.ReportStatementNode | undefined => {
      const value = stringNode(b, first(s.children.StringLike));
      const k = s.children.Role[0];
      return value && { type: 'ReportRole', keywordRange: tokenRange(b, k), value, range: nodeRange(b, s, k) };
    }),
    ...(c.reportSetting ?? []).map((s): A.ReportStatementNode | undefined => {
      const value = wordNode(b, first(s.children.Word));
      const k = s.children.ReportSettingKeyword[0];
      const keyword = k.image as Extract<A.ReportStatementNode, { type: 'ReportSetting' }>['keyword'];
      return value && { type: 'ReportSetting', keyword, keywordRange: tokenRange(b, k), value, range: nodeRange(b, s, k) };
    }),
  ];
  // A report whose `{` is missing has had its problem reported; its statements still count.
  return { type: 'Report', keywordRange: tokenRange(b, keyword), statements: inSourceOrder(all.filter((s) => s !== undefined)), range: nodeRange(b, n, keyword) };
}

function tagNode(b: Builder, n: C.TagStatementCstNode): A.TagNode | undefined {
  const keyword = n.children.Tag[0];
  const key = nameNode(b, first(n.children.Name));
  const value = stringNode(b, first(n.children.StringLike));
  if (!key || !value) return undefined;
  return { type: 'Tag', keywordRange: tokenRange(b, keyword), key, value, range: nodeRange(b, n, keyword) };
}

// ---------------------------------------------------------------------------------------------
// `set`

function setNode(b: Builder, n: C.SetStatementCstNode): A.SetNode | undefined {
  const keyword = n.children.Set[0];
  const pathCst = first(n.children.setPath);
  const json = first(n.children.jsonValue);
  if (!pathCst || !json || !real(first(n.children.Equals))) return undefined;
  const path = setPath(b, pathCst);
  const value = jsonValue(b, json);
  if (!path || !value) return undefined;
  return {
    type: 'Set',
    keywordRange: tokenRange(b, keyword),
    path,
    pathRange: nodeRange(b, pathCst, pathCst.children.Word[0]),
    value,
    range: nodeRange(b, n, keyword),
  };
}

function setPath(b: Builder, n: C.SetPathCstNode): A.SetPathSegment[] | undefined {
  const c = n.children;
  const members = (c.Word ?? []).filter(real).map((t): A.SetPathSegment => ({ type: 'Member', name: t.image, range: tokenRange(b, t) }));
  const indexes: (A.SetPathSegment | undefined)[] = (c.setPathIndex ?? []).map((s) => {
    const number = first(s.children.NumberLiteral);
    if (!real(number) || !real(first(s.children.RBracket))) return undefined;
    const range = nodeRange(b, s, number);
    if (!/^\d[\d_]*$/.test(number.image)) {
      problem(b, number.startOffset, number.endOffset! + 1, `a list index is a whole number of 0 or more, such as \`[0]\`; found \`${number.image}\``);
      return undefined;
    }
    return { type: 'Index', index: Number(number.image.replace(/_/g, '')), range };
  });
  countWork('syntaxNodes', members.length + indexes.length);
  // A dot without its member name was reported: the path is incomplete.
  if ((c.Dot ?? []).length !== members.length - 1 || indexes.some((i) => i === undefined)) return undefined;
  return inSourceOrder([...members, ...(indexes as A.SetPathSegment[])]);
}

function jsonValue(b: Builder, n: C.JsonValueCstNode): A.JsonValueNode | undefined {
  countWork('syntaxNodes');
  const c = n.children;
  const string = first(c.StringLike);
  if (real(string)) return { type: 'JsonString', value: stringValue(b, string), raw: string.image, range: tokenRange(b, string) };
  const number = first(c.NumberLiteral);
  if (real(number)) {
    return { type: 'JsonNumber', value: Number(number.image.replace(/_/g, '')), raw: number.image, range: tokenRange(b, number) };
  }
  const literal = first(c.True) ?? first(c.False);
  if (real(literal)) return { type: 'JsonBoolean', value: literal.image === 'true', range: tokenRange(b, literal) };
  const nul = first(c.Null);
  if (real(nul)) return { type: 'JsonNull', range: tokenRange(b, nul) };
  const array = first(c.jsonArray);
  if (array) {
    const items = (array.children.jsonValue ?? []).map((v) => jsonValue(b, v));
    if (items.some((i) => i === undefined) || !real(first(array.children.RBracket))) return undefined;
    return { type: 'JsonArray', items: items as A.JsonValueNode[], range: nodeRange(b, array, array.children.LBracket[0]) };
  }
  const object = first(c.jsonObject);
  if (object) {
    const members = (object.children.jsonMember ?? []).map((m) => {
      const keyToken = first(m.children.StringLike) ?? first(m.children.Word);
      const valueCst = first(m.children.jsonValue);
      if (!real(keyToken) || !valueCst || !real(first(m.children.Colon))) return undefined;
      const value = jsonValue(b, valueCst);
      const key: A.StringNode = {
        type: 'String',
        value: keyToken.image.startsWith('"') ? stringValue(b, keyToken) : keyToken.image,
        raw: keyToken.image,
        range: tokenRange(b, keyToken),
      };
      return value && { key, value };
    });
    if (members.some((m) => m === undefined) || !real(first(object.children.RCurly))) return undefined;
    return { type: 'JsonObject', members: members as { key: A.StringNode; value: A.JsonValueNode }[], range: nodeRange(b, object, object.children.LCurly[0]) };
  }
  return undefined;
}
