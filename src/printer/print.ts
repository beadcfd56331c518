/**
 * The one printer of `.dsi` text: an AST (parsed, with its comments attached, or built by the
 * decompiler or a fix) → text in the canonical layout. `dsi fmt`, `dsi decompile` and fixes
 * that add or replace a statement all print through here.
 *
 * The layout: one statement per line, blocks indented by two spaces, one empty line between
 * declarations, empty lines between statements kept (at most one), `;` dropped. Values keep
 * their spelling (`raw`); a size is written `NUMBER UNIT` with one space; a `manifest` longer
 * than {@link MAX_WIDTH} continues with `role` on the next line. Comments stay with the
 * node they are attached to: leading ones on their own lines above it, a trailing one after it
 * on its line, dangling ones before the `}` of their block.
 */
import type * as A from '../grammar/ast.js';
import { BANDWIDTH } from '../language/vocabulary.js';

/** The indent of one block level. */
export const INDENT = '  ';

/** The width past which a `manifest` statement continues `role` on the next line. */
export const MAX_WIDTH = 100;

/** Prints a whole file: canonical layout, every comment kept; ends with one line break (an empty file stays empty). */
export function printFile(file: A.FileNode): string {
  const out: string[] = [];
  file.items.forEach((item, i) => {
    // Declarations are set apart by one empty line; consecutive imports keep theirs.
    const apart = i > 0 && (item.type !== 'Import' || file.items[i - 1].type !== 'Import' || item.trivia?.blankLineBefore === true);
    emitNode(out, item, '', i > 0, apart);
  });
  const dangling = file.trivia?.dangling ?? [];
  dangling.forEach((c, i) => {
    if (out.length > 0 && (i > 0 ? c.blankLineBefore : true)) out.push('');
    out.push(comment(c));
  });
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/** Prints one statement of a declaration (and its block, if it has one) at `indent`, without trivia: the text a fix inserts. */
export function printStatement(node: A.StatementNode, indent = ''): string {
  const out: string[] = [];
  emitBody(out, node, indent);
  return out.join('\n');
}

/** The value of an option or `bandwidth` statement as written: `only-files-transferred`, `100 MiB/s`. */
export function printValue(node: A.OptionNode | A.BandwidthNode): string {
  return node.type === 'Option' ? node.value.value : valueText(node.value);
}

/** A node that has a line (or a block) of its own. */
type LineNode = A.TopLevelNode | A.StatementNode | A.ContextNode | A.ReportStatementNode | A.WhenNode | A.AssertionNode;

/**
 * Emits `node` with its comments. `notFirst`: something precedes it in its block; `apart`: an
 * empty line must precede it (else one is kept where the source had one).
 */
function emitNode(out: string[], node: LineNode, indent: string, notFirst: boolean, apart = false): void {
  const t = node.trivia;
  const leading = t?.leading ?? [];
  if (notFirst && (apart || t?.blankLineBefore)) out.push('');
  leading.forEach((c, i) => {
    if (i > 0 && c.blankLineBefore) out.push('');
    out.push(indent + comment(c));
  });
  // A comment that heads a section keeps the empty line under it.
  if (t?.blankLineAfterLeading) out.push('');
  emitBody(out, node, indent);
  const trailing = t?.trailing ?? [];
  if (trailing.length > 0) {
    out[out.length - 1] += ` ${comment(trailing[0])}`;
    // A comment ends its line: any further ones (from inside a statement that spanned lines) follow on lines of their own.
    for (const c of trailing.slice(1)) out.push(indent + comment(c));
  }
}

function emitBody(out: string[], node: LineNode, indent: string): void {
  switch (node.type) {
    case 'Import':
      out.push(`${indent}import ${node.path.raw}`);
      return;
    case 'Intent':
    case 'Template': {
      const parents = node.parents.length > 0 ? ` extends ${node.parents.map((p) => p.raw).join(', ')}` : '';
      emitBlock(out, `${indent}${node.type === 'Intent' ? 'intent' : 'template'} ${node.name.raw}${parents}`, node.body, node.trivia, indent);
      return;
    }
    case 'Policy': {
      const clauses = [...node.when, ...node.assertions].sort((x, y) => x.range.start.offset - y.range.start.offset);
      emitBlock(out, `${indent}policy ${node.name.raw}`, clauses, node.trivia, indent);
      return;
    }
    case 'Task':
      if (node.context === undefined) out.push(`${indent}task ${node.arn.raw}`);
      else emitBlock(out, `${indent}task ${node.arn.raw}`, node.context, node.trivia, indent);
      return;
    case 'Report':
      emitBlock(out, `${indent}report`, node.statements, node.trivia, indent);
      return;
    case 'Manifest': {
      // The one statement long enough to wrap: `role` continues it on the next line.
      const head = `${indent}manifest ${node.address.raw}${node.version ? ` version ${node.version.raw}` : ''}`;
      const role = `role ${node.role.raw}`;
      if (head.length + role.length + 1 <= MAX_WIDTH) out.push(`${head} ${role}`);
      else out.push(head, `${indent}${INDENT}${role}`);
      return;
    }
    default:
      out.push(indent + lineOf(node));
  }
}

/** `HEAD {`, the statements one level in, `}`; `HEAD {}` when the block is empty. */
function emitBlock(out: string[], head: string, children: readonly LineNode[], trivia: A.Trivia | undefined, indent: string): void {
  const dangling = trivia?.dangling ?? [];
  if (children.length === 0 && dangling.length === 0) {
    out.push(`${head} {}`);
    return;
  }
  out.push(`${head} {`);
  const inner = indent + INDENT;
  children.forEach((child, i) => emitNode(out, child, inner, i > 0));
  dangling.forEach((c, i) => {
    if ((children.length > 0 || i > 0) && c.blankLineBefore) out.push('');
    out.push(inner + comment(c));
  });
  out.push(`${indent}}`);
}

/** A comment as written, without the blanks that ended its line. */
function comment(c: A.CommentNode): string {
  return c.text.trimEnd();
}

/** The one line of a statement that has no block. */
function lineOf(node: Exclude<LineNode, A.ImportNode | A.DeclarationNode | A.PolicyNode | A.ReportNode | A.TaskNode | A.ManifestNode>): string {
  switch (node.type) {
    case 'Option':
      return `${node.keyword} ${node.value.value}`;
    case 'Bandwidth':
      return `${BANDWIDTH.keyword} ${valueText(node.value)}`;
    case 'Filter':
      return `${node.kind} ${node.patterns.map((p) => p.raw).join(' ')}`;
    case 'Tag':
      return `tag ${node.key.raw} = ${node.value.raw}`;
    case 'Set':
      return `set ${pathText(node.path)} = ${jsonText(node.value)}`;
    case 'ContextMode':
      return `mode ${node.value.value}`;
    case 'ContextLocation':
      return `${node.end} ${node.location.value}${node.storageClass ? ` storage-class ${node.storageClass.value}` : ''}`;
    case 'ContextLogGroup':
      return `log-group ${node.value.raw}`;
    case 'ReportTo':
      return `to ${node.value.raw}`;
    case 'ReportRole':
      return `role ${node.value.raw}`;
    case 'ReportSetting':
      return `${node.keyword} ${node.value.value}`;
    case 'When':
      return `when ${node.subject.value}${clauseValues(node)}`;
    case 'Assertion': {
      const limit = node.limit ? ` ${node.limit.operator} ${valueText(node.limit.value)}` : '';
      const modifiers = [node.name ? ` as ${node.name.raw}` : '', node.warn ? ' warn' : '', node.because ? ` because ${node.because.raw}` : ''].join('');
      return `${node.kind} ${node.subject.value}${clauseValues(node)}${limit}${modifiers}`;
    }
  }
}

/** ` a | b = "x", "y"`: the values of a `when` or an assertion with their separators as written. */
function clauseValues(node: A.WhenNode | A.AssertionNode): string {
  const list = (values: readonly A.PolicyValueNode[], separators: readonly A.PolicySeparator[] | undefined) =>
    values.map((v, i) => (i === 0 ? '' : (separators?.[i - 1] ?? '|') === ',' ? ', ' : ' | ') + valueText(v)).join('');
  const values = node.values.length > 0 ? ` ${list(node.values, node.separators)}` : '';
  const equals = node.equals ? ` = ${list(node.equals, node.equalsSeparators)}` : '';
  return values + equals;
}

/** A word as written, a string as written, or a size as `NUMBER UNIT[/s]` (its digits as written, `_` included). */
function valueText(v: A.PolicyValueNode): string {
  if (v.type === 'Word') return v.value;
  if (v.type === 'String') return v.raw;
  const m = /^(\d[\d_]*(?:\.\d+)?)/.exec(v.raw ?? '');
  const number = m ? m[1] : v.number;
  return v.unit === undefined ? number : `${number} ${v.unit}${v.perSecond ? '/s' : ''}`;
}

/** `OverrideOptions.VerifyMode`, `Includes[0].Value`. */
function pathText(path: readonly A.SetPathSegment[]): string {
  return path.map((s, i) => (s.type === 'Index' ? `[${s.index}]` : `${i > 0 ? '.' : ''}${s.name}`)).join('');
}

/** Inline JSON on one line, each string and number as written. */
export function jsonText(v: A.JsonValueNode): string {
  switch (v.type) {
    case 'JsonString':
      return v.raw;
    case 'JsonNumber':
      return v.raw;
    case 'JsonBoolean':
      return String(v.value);
    case 'JsonNull':
      return 'null';
    case 'JsonArray':
      return `[${v.items.map(jsonText).join(', ')}]`;
    case 'JsonObject':
      return v.members.length === 0 ? '{}' : `{ ${v.members.map((m) => `${m.key.raw}: ${jsonText(m.value)}`).join(', ')} }`;
  }
}
