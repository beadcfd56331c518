/**
 * Hover: what a statement, value or `set` path sets in the request, with the AWS documentation
 * of that member (and of the value) from the service model; on a name in `extends`, the payload
 * that parent gives.
 */
import { relative } from 'node:path';
import { getLocation } from 'jsonc-parser';
import type { Hover, Position } from 'vscode-languageserver';
import { emitPayload } from '../compiler/emit/index.js';
import { DsiSourceMap } from '../compiler/source-map.js';
import { parsePointer } from '../core/json-pointer.js';
import { kebab } from '../core/words.js';
import type { DeclarationNode, SetNode } from '../grammar/ast.js';
import { enumValues } from '../schema/index.js';
import { AWS_DOCS, type AwsDoc } from './aws-docs.js';
import { offsetAt, toLspRange } from './convert.js';
import { lookUp } from './names.js';
import { declarationAt, parentNameAt, pointerAt, touches } from './syntax.js';
import type { OpenFile, Workspace } from './workspace.js';

export function hover(workspace: Workspace, file: OpenFile, position: Position): Hover | null {
  const offset = offsetAt(file.lines, position);
  if (!file.isDsi) return requestHover(file, offset);
  const { ast } = workspace.syntax(file);
  const parent = parentNameAt(ast, offset);
  if (parent) return parentHover(workspace, file, parent.name.value, parent.name.range);
  const decl = declarationAt(ast, offset);
  if (!decl) return null;
  const set = setPathAt(decl, offset);
  if (set) return memberHover(set.pointer, undefined, set.range, 'set');
  const at = pointerAt(decl, file.path, offset);
  if (!at) return null;
  const keyword = at.origin.keyword;
  return memberHover(at.pointer, at.part === 'value' ? file.text.slice(at.range.start.offset, at.range.end.offset) : undefined, at.range, keyword);
}

/** The pointer a `set` path names up to the segment under the cursor. */
function setPathAt(decl: DeclarationNode, offset: number): { pointer: string; range: SetNode['pathRange'] } | undefined {
  const node = decl.body.find((s): s is SetNode => s.type === 'Set' && touches(s.pathRange, offset));
  if (!node) return undefined;
  const upTo = node.path.findIndex((s) => touches(s.range, offset));
  if (upTo < 0) return undefined;
  const segments = node.path.slice(0, upTo + 1);
  return { pointer: segments.map((s) => '/' + (s.type === 'Member' ? s.name : String(s.index))).join(''), range: segments[segments.length - 1].range };
}

/** The documentation entry of a pointer: list items as `*`, task context by what it describes. */
export function awsDocOf(pointer: string): AwsDoc | undefined {
  const context = /^\/@context\/(?:source|destination)\/(storageClass)$/.exec(pointer);
  const key = context ? `/@context/${context[1]}` : parsePointer(pointer).map((t) => '/' + (/^\d+$/.test(t) ? '*' : t)).join('');
  return Object.hasOwn(AWS_DOCS, key) ? AWS_DOCS[key] : undefined;
}

/** `OverrideOptions.VerifyMode`, `Includes[0].Value`: a pointer as `set` writes it. */
export function dottedPath(pointer: string): string {
  return parsePointer(pointer)
    .map((t, i) => (/^\d+$/.test(t) ? `[${t}]` : i === 0 ? t : `.${t}`))
    .join('');
}

function memberHover(pointer: string, written: string | undefined, range: SetNode['pathRange'], keyword?: string): Hover | null {
  const doc = awsDocOf(pointer);
  const context = pointer.startsWith('/@context/');
  const lines: string[] = [];
  const what = keyword ? `\`${keyword}\`` : 'this';
  if (context) lines.push(`${what} describes the task (context for rules; never sent to AWS)${doc ? ` — the task's \`${doc.shape}\`` : ''}`);
  else lines.push(`${what} sets \`${dottedPath(pointer)}\`${doc ? ` (\`${doc.shape}\`)` : ''}`);
  const literals = context ? (doc?.values ? Object.keys(doc.values) : []) : (enumValues(pointer) ?? []);
  const literal = written === undefined ? undefined : literals.find((l) => kebab(l) === kebab(written));
  if (literal) lines.push(`\`${kebab(literal)}\` is \`${literal}\` in the request`);
  else if (literals.length > 0 && written === undefined) lines.push(`Values: ${literals.map((l) => `\`${kebab(l)}\``).join(', ')}`);
  const text = literal && doc?.values?.[literal] ? doc.values[literal] : doc?.doc;
  if (text) lines.push('---', text);
  if (!doc && !literal && lines.length === 1 && context) return null;
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: toLspRange(range) };
}

/** The payload that the template or intent named in `extends` gives. */
function parentHover(workspace: Workspace, file: OpenFile, name: string, range: SetNode['pathRange']): Hover | null {
  const resolution = workspace.resolution(file);
  const found = lookUp(resolution, name);
  if (!found) return { contents: { kind: 'markdown', value: `\`${name}\` is not declared in this file or in a file it imports` }, range: toLspRange(range) };
  const texts = new Map([...resolution.files.values()].map((f) => [f.file, f.text] as const));
  const { payload } = emitPayload(resolution.effective(found), new DsiSourceMap(texts));
  const kind = found.decl.type === 'Intent' ? 'intent' : 'template';
  const where = found.file === resolution.entry ? 'this file' : relative(workspace.root, found.file.file);
  const value = [`${kind} \`${name}\` (${where}) gives what extends it:`, '```json', JSON.stringify(payload, null, 2), '```'].join('\n');
  return { contents: { kind: 'markdown', value }, range: toLspRange(range) };
}

/** Hover in a JSON request file: the member under the cursor. */
function requestHover(file: OpenFile, offset: number): Hover | null {
  if (!/\.json$/i.test(file.path)) return null;
  const location = getLocation(file.text, offset);
  const node = location.previousNode;
  if (!node || location.path.length === 0) return null;
  const pointer = location.path.map((t) => '/' + String(t)).join('');
  const written = !location.isAtPropertyKey && node.type === 'string' ? String(node.value) : undefined;
  return memberHover(pointer, written, file.lines.range(node.offset, node.offset + node.length));
}
