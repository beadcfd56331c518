/**
 * Completion: statements valid at the cursor (not those a block already has), values of the
 * statement in their `.dsi` spelling, units after a number, template and intent names in scope
 * after `extends`, member names in `set` paths; in request files, member names and enum values.
 * The cursor's context comes from the lexer's tokens before it, so that half-written text works.
 */
import { dirname, relative, sep } from 'node:path';
import { findNodeAtLocation, getLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { kebab } from '../core/words.js';
import { dsiLexer } from '../grammar/lexer.js';
import { jsonDepthOverflow } from '../requests/limits.js';
import { enumValues, memberNames } from '../schema/index.js';
import { awsDocOf, dottedPath } from './hover.js';
import { offsetAt } from './convert.js';
import { namesInScope } from './names.js';
import type { OpenFile, Workspace } from './workspace.js';
import {
  BANDWIDTH_KEYWORD,
  contextValues,
  DECLARATION_STATEMENTS,
  optionPointer,
  POLICY_STATEMENTS,
  POLICY_SUBJECTS,
  REPORT_STATEMENTS,
  reportSettingPointer,
  SIZE_UNITS,
  STORAGE_CLASS_ALIASES,
  STORAGE_CLASSES,
  TASK_STATEMENTS,
  TOP_LEVEL,
  type StatementWord,
} from './words.js';

type Block = 'top' | 'declaration' | 'report' | 'task' | 'policy' | 'json';

/** What is before the cursor: the block it is in, the words of its statement so far, and the word being typed. */
interface CursorContext {
  readonly block: Block;
  /** First words of the statements the block has so far. */
  readonly given: readonly string[];
  /** The tokens of the statement the cursor is in, before the word being typed. */
  readonly words: readonly string[];
  /** The word being typed (replaced by the completion). */
  readonly prefix: string;
  readonly prefixStart: number;
}

export function completions(workspace: Workspace, file: OpenFile, position: Position): CompletionItem[] {
  const offset = offsetAt(file.lines, position);
  if (!file.isDsi) return /\.json$/i.test(file.path) ? jsonCompletions(file, offset) : yamlCompletions(file, offset);
  const imported = importPathItems(workspace, file, offset, position);
  if (imported) return imported;
  const context = cursorContext(file.text, offset, position.line + 1);
  if (!context) return [];
  const range = { start: file.lines.position(context.prefixStart), end: file.lines.position(offset) };
  const lspRange = { start: { line: range.start.line - 1, character: range.start.column - 1 }, end: position };
  return itemsFor(workspace, file, context).map((item) => ({ ...item, textEdit: { range: lspRange, newText: item.insertText ?? item.label } }));
}

/** Inside `import "…`: the workspace's other `.dsi` files, relative to this one. */
function importPathItems(workspace: Workspace, file: OpenFile, offset: number, position: Position): CompletionItem[] | undefined {
  const { line, column } = file.lines.position(offset);
  const written = /^[ \t]*import[ \t]+"([^"\\]*)$/.exec(file.lines.lineText(line).slice(0, column - 1));
  if (!written) return undefined;
  const range = { start: { line: position.line, character: position.character - written[1].length }, end: position };
  return [...workspace.dsiFiles().keys()]
    .filter((p) => p !== file.path)
    .map((p) => relative(dirname(file.path), p).split(sep).join('/'))
    .map((p) => (p.startsWith('.') ? p : `./${p}`))
    .sort()
    .map((label) => ({ label, kind: CompletionItemKind.File, textEdit: { range, newText: label } }));
}

function cursorContext(text: string, offset: number, line: number): CursorContext | undefined {
  // (lastIndexOf reads a negative position as 0, so the first line is its own case.)
  const lineStart = offset === 0 ? 0 : Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  if (insideCommentOrString(text.slice(lineStart, offset))) return undefined;
  let prefix = /[A-Za-z0-9_.-]*$/.exec(text.slice(lineStart, offset))![0].replace(/^.*\./, '');
  // `100Mi`: the number stays, the unit being typed is replaced.
  const number = /^\d+(?:_\d+)*/.exec(prefix)?.[0] ?? '';
  prefix = prefix.slice(number.length);
  const prefixStart = offset - prefix.length;
  const stack: { block: Block; given: string[] }[] = [{ block: 'top', given: [] }];
  let words: string[] = [];
  let lastLine = 0;
  for (const t of dsiLexer().tokenize(text.slice(0, prefixStart)).tokens) {
    const top = stack[stack.length - 1];
    if (t.image === '{') {
      stack.push({ block: blockOf(words), given: [] });
      words = [];
    } else if (t.image === '}') {
      if (stack.length > 1) stack.pop();
      words = [];
    } else if (t.image === ';') words = [];
    else {
      // A new line starts a new statement (a `manifest`'s `role` on the next line reads as its own statement).
      if (words.length > 0 && t.startLine !== lastLine && top.block !== 'json') words = [];
      if (words.length === 0) top.given.push(t.image);
      words.push(t.image);
    }
    lastLine = t.startLine ?? lastLine;
  }
  if (lastLine !== line) words = [];
  const top = stack[stack.length - 1];
  // The statement being written is not "given" yet.
  const given = words.length > 0 ? top.given.slice(0, -1) : top.given;
  return { block: top.block, given, words, prefix, prefixStart };
}

function blockOf(header: readonly string[]): Block {
  switch (header[0]) {
    case 'intent':
    case 'template':
      return 'declaration';
    case 'policy':
      return 'policy';
    case 'task':
      return 'task';
    case 'report':
      return 'report';
    default:
      return 'json';
  }
}

/** Whether the end of a line's text is inside a comment or an unclosed string. */
function insideCommentOrString(line: string): boolean {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '#' || (c === '/' && line[i + 1] === '/')) return true;
  }
  return inString;
}

const keywordItem = (keyword: string, pointer?: string): CompletionItem => {
  const doc = pointer ? awsDocOf(pointer) : undefined;
  return {
    label: keyword,
    kind: CompletionItemKind.Keyword,
    ...(pointer && !pointer.startsWith('/@') && pointer !== '' ? { detail: dottedPath(pointer) } : {}),
    ...(doc ? { documentation: { kind: 'markdown', value: doc.doc } } : {}),
  };
};

/** The values of the member at `pointer` in `.dsi` spelling, with the AWS documentation of each. */
function valueItems(pointer: string, literals: readonly string[] = enumValues(pointer) ?? []): CompletionItem[] {
  const doc = awsDocOf(pointer);
  return literals.map((literal) => {
    const text = doc?.values?.[literal];
    return {
      label: kebab(literal),
      kind: CompletionItemKind.EnumMember,
      detail: pointer.startsWith('/@') ? literal : `${dottedPath(pointer)}: ${literal}`,
      ...(text ? { documentation: { kind: 'markdown', value: text } } : {}),
    };
  });
}

function unitItems(perSecond: boolean): CompletionItem[] {
  return SIZE_UNITS.map((u, i) => ({ label: perSecond ? `${u}/s` : u, kind: CompletionItemKind.Unit, sortText: String(i).padStart(2, '0') }));
}

const isNumber = (word: string | undefined) => word !== undefined && /^\d+(?:_\d+)*(?:\.\d+)?$/.test(word);

function itemsFor(workspace: Workspace, file: OpenFile, c: CursorContext): CompletionItem[] {
  const { words, block } = c;
  const first = words[0];
  const last = words[words.length - 1];
  // `100 Mi|`, `100Mi|` or `100 |`: units after a number.
  if (isNumber(last)) {
    const rate = first === BANDWIDTH_KEYWORD || (first === 'limit' && words[1] === BANDWIDTH_KEYWORD);
    return rate || first === 'limit' ? unitItems(rate) : [];
  }
  if (words.length === 0) {
    const statements: Record<Block, readonly StatementWord[]> = {
      top: TOP_LEVEL,
      declaration: DECLARATION_STATEMENTS,
      report: REPORT_STATEMENTS,
      task: TASK_STATEMENTS,
      policy: POLICY_STATEMENTS,
      json: [],
    };
    return statements[block].filter((s) => s.many || !c.given.includes(s.keyword)).map((s) => keywordItem(s.keyword, s.pointer));
  }
  if (block === 'top' && (first === 'intent' || first === 'template')) {
    if (last === 'extends' || last === ',') return nameItems(workspace, file, words[1]);
    return words.length === 2 ? [keywordItem('extends')] : [];
  }
  if (block === 'declaration') {
    const option = optionPointer(first);
    if (words.length === 1 && option) return valueItems(option);
    if (words.length === 1 && first === BANDWIDTH_KEYWORD) return [{ label: 'unlimited', kind: CompletionItemKind.EnumMember, detail: 'OverrideOptions.BytesPerSecond: -1' }];
    if (first === 'set' && !words.includes('=')) return setPathItems(words.slice(1).join(''));
    if (first === 'manifest' && words.length >= 2 && last.startsWith('"')) {
      return ['version', 'role'].filter((k) => !words.includes(k)).map((k) => keywordItem(k));
    }
  }
  const setting = reportSettingPointer(first);
  if (block === 'report' && words.length === 1 && setting) return valueItems(setting);
  if (block === 'task') {
    const values = contextValues(first);
    const pointer = TASK_STATEMENTS.find((s) => s.keyword === first)?.pointer;
    if (words.length === 1 && values && pointer) return valueItems(pointer, values);
    if (words.length === 2 && first === 'to') return [keywordItem('storage-class', '/@context/storageClass')];
    if (last === 'storage-class') {
      const aliases = Object.entries(STORAGE_CLASS_ALIASES).map(([label, detail]) => ({ label, kind: CompletionItemKind.EnumMember, detail }));
      return [...valueItems('/@context/destination/storageClass', STORAGE_CLASSES), ...aliases];
    }
  }
  if (block === 'policy') {
    if (words.length === 1 && Object.hasOwn(POLICY_SUBJECTS, first)) return POLICY_SUBJECTS[first].map((k) => keywordItem(k));
    const subject = words[1];
    const asserted = optionPointer(subject);
    if ((first === 'require' || first === 'forbid') && asserted && (words.length === 2 || last === '|' || last === ',')) return valueItems(asserted);
    const scoped = contextValues(subject);
    if (first === 'when' && scoped && (words.length === 2 || last === '|' || last === ',')) return valueItems(TASK_STATEMENTS.find((s) => s.keyword === subject)!.pointer!, scoped);
  }
  return [];
}

function nameItems(workspace: Workspace, file: OpenFile, own: string | undefined): CompletionItem[] {
  const seen = new Set<string>();
  return namesInScope(workspace.resolution(file)).flatMap(({ decl, file: where }) => {
    const name = decl.name.value;
    if (name === own || seen.has(name) || name === '') return [];
    seen.add(name);
    return [
      {
        label: name,
        kind: decl.type === 'Intent' ? CompletionItemKind.Class : CompletionItemKind.Interface,
        detail: `${decl.type.toLowerCase()} in ${where.file === file.path ? 'this file' : relative(workspace.root, where.file)}`,
        ...(/^[A-Za-z][A-Za-z0-9_-]*$/.test(name) ? {} : { insertText: JSON.stringify(name) }),
      },
    ];
  });
}

/** Member names after a `set` path's last dot (`OverrideOptions.` → the Options members). */
function setPathItems(written: string): CompletionItem[] {
  const segments = written.split('.');
  segments.pop(); // the segment being typed
  let pointer = '';
  for (const s of segments) {
    const m = /^([A-Za-z][A-Za-z0-9_-]*)((?:\[\d+\])*)$/.exec(s);
    if (!m) return [];
    pointer += `/${m[1]}` + [...m[2].matchAll(/\[(\d+)\]/g)].map((i) => `/${i[1]}`).join('');
  }
  return memberItems(pointer, []);
}

function memberItems(pointer: string, present: readonly string[], quote = false): CompletionItem[] {
  return (memberNames(pointer) ?? [])
    .filter((m) => !present.includes(m))
    .map((m, i) => {
      const doc = awsDocOf(`${pointer}/${m}`);
      return {
        label: m,
        kind: CompletionItemKind.Property,
        sortText: String(i).padStart(3, '0'),
        detail: doc?.shape,
        ...(doc ? { documentation: { kind: 'markdown' as const, value: doc.doc } } : {}),
        ...(quote ? { insertText: JSON.stringify(m) } : {}),
      };
    });
}

/** JSON request files: member names at a key, enum literals at a value. */
function jsonCompletions(file: OpenFile, offset: number): CompletionItem[] {
  // Too deep a text is not parsed, as the checks refuse it.
  if (jsonDepthOverflow(file.text) >= 0) return [];
  const location = getLocation(file.text, offset);
  const tokens = location.path.map(String);
  const node = location.previousNode;
  const range = node && node.type === 'string' ? file.lines.range(node.offset, node.offset + node.length) : file.lines.range(offset, offset);
  const edit = (items: CompletionItem[]) =>
    items.map((i) => ({ ...i, textEdit: { range: { start: { line: range.start.line - 1, character: range.start.column - 1 }, end: { line: range.end.line - 1, character: range.end.column - 1 } }, newText: i.insertText ?? i.label } }));
  if (location.isAtPropertyKey) {
    const parent = tokens.slice(0, -1);
    const tree = parseTree(file.text);
    const object: JsonNode | undefined = tree && (parent.length ? findNodeAtLocation(tree, parent) : tree);
    const present = object?.type === 'object' ? (object.children ?? []).map((p) => String(p.children?.[0]?.value)) : [];
    return edit(memberItems(parent.map((t) => `/${t}`).join(''), present, true));
  }
  if (tokens.length === 0) return [];
  const pointer = tokens.map((t) => `/${t}`).join('');
  return edit(requestValueItems(pointer, true));
}

/** Enum literals of a request member, as the API writes them. */
function requestValueItems(pointer: string, quote: boolean): CompletionItem[] {
  const doc = awsDocOf(pointer);
  return (enumValues(pointer) ?? []).map((literal) => ({
    label: literal,
    kind: CompletionItemKind.EnumMember,
    ...(quote ? { insertText: JSON.stringify(literal) } : {}),
    ...(doc?.values?.[literal] ? { documentation: { kind: 'markdown' as const, value: doc.values[literal] } } : {}),
  }));
}

/** YAML request files: the path from the indentation of the lines above; member names at a key, literals after `Key: `. */
function yamlCompletions(file: OpenFile, offset: number): CompletionItem[] {
  const { line, column } = file.lines.position(offset);
  const before = file.lines.lineText(line).slice(0, column - 1);
  const at = /^(\s*)(-\s+)?([A-Za-z]*)(:\s*)?([A-Za-z_]*)$/.exec(before);
  if (!at) return [];
  let indent = at[1].length + (at[2]?.length ?? 0);
  const path: string[] = [];
  if (at[2]) path.unshift('0');
  for (let l = line - 1; l >= 1 && indent > 0; l--) {
    const m = /^(\s*)(-\s+)?([A-Za-z][A-Za-z0-9]*):/.exec(file.lines.lineText(l)) ?? /^(\s*)(-)\s*$/.exec(file.lines.lineText(l));
    if (!m) continue;
    const own = m[1].length + (m[2] ? m[2].length : 0);
    if (own >= indent) {
      // A list item's first key sits at the item's own indentation.
      if (m[2] && m[1].length < indent) {
        path.unshift('0');
        indent = m[1].length;
      }
      continue;
    }
    if (m[3]) path.unshift(m[3]);
    if (m[2]) path.unshift('0');
    indent = m[1].length;
  }
  const pointer = path.map((t) => `/${t}`).join('');
  if (at[4]) return requestValueItems(`${pointer}/${at[3]}`, false);
  const present: string[] = [];
  return memberItems(pointer, present).map((i) => ({ ...i, insertText: `${i.label}: ` }));
}
