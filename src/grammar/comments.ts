/**
 * Comments kept: the lexer puts them in their own group, and this module attaches each one to
 * the nearest statement or declaration, as prettier-java's java-parser attaches comments to its
 * nodes by offset. A comment on its own line leads the next node of its block; a comment after
 * code on a line trails the node that ends on that line; a comment after a block's last
 * statement dangles in that block. `dsi fmt` prints them back where they belong.
 */
import type { IToken } from 'chevrotain';
import type { LineIndex, Range } from '../core/range.js';
import type * as A from './ast.js';

/** The comment tokens of a text as nodes, in source order. */
export function commentNodes(tokens: readonly IToken[], lines: LineIndex): A.CommentNode[] {
  const text = lines.text;
  return tokens.map((t) => {
    const start = t.startOffset;
    let i = start - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\f' || text[i] === '\v' || text[i] === '\ufeff')) i--;
    const ownLine = i < 0 || text[i] === '\n' || text[i] === '\r';
    return { type: 'Comment', text: t.image, ownLine, blankLineBefore: blankLineBefore(text, start), range: lines.range(start, start + t.image.length) };
  });
}

/** True when an empty line lies between `offset` and the text before it (beyond blanks). */
export function blankLineBefore(text: string, offset: number): boolean {
  let breaks = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n') breaks++;
    else if (c === '\r') {
      if (text[i + 1] !== '\n') breaks++;
    } else if (c !== ' ' && c !== '\t' && c !== '\f' && c !== '\v') return breaks >= 2;
  }
  return false;
}

/** Any node that can carry trivia. */
type Attachable = A.TopLevelNode | A.StatementNode | A.ContextNode | A.ReportStatementNode | A.WhenNode | A.AssertionNode | A.FileNode;

interface Building {
  leading: A.CommentNode[];
  trailing: A.CommentNode[];
  dangling: A.CommentNode[];
}

/** The statements of a block node, in source order; a node without a block has none. */
export function childrenOf(node: Attachable): readonly Attachable[] | undefined {
  switch (node.type) {
    case 'File':
      return node.items;
    case 'Intent':
    case 'Template':
      return node.body;
    case 'Task':
      return node.context;
    case 'Report':
      return node.statements;
    case 'Policy':
      return [...node.when, ...node.assertions].sort((x, y) => x.range.start.offset - y.range.start.offset);
    default:
      return undefined;
  }
}

/** The index of the first node that starts at or after `offset` (`nodes.length` if none): a binary search. */
function firstStartingAtOrAfter(nodes: readonly { readonly range: Range }[], offset: number): number {
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid].range.start.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const within = (c: A.CommentNode, r: Range) => c.range.start.offset >= r.start.offset && c.range.end.offset <= r.end.offset;

/** Attaches `comments` to the nodes of `file` (setting each node's `trivia`), and records blank lines before nodes. */
export function attachComments(file: A.FileNode, comments: readonly A.CommentNode[], text: string): void {
  const building = new Map<Attachable, Building>();
  const of = (n: Attachable): Building => building.get(n) ?? building.set(n, { leading: [], trailing: [], dangling: [] }).get(n)!;

  const place = (owner: Attachable, list: readonly A.CommentNode[]): void => {
    const children = childrenOf(owner) ?? [];
    const inside = new Map<Attachable, A.CommentNode[]>();
    for (const c of list) {
      // The children are in source order: the last one starting before the comment may hold it or precede it.
      const i = firstStartingAtOrAfter(children, c.range.start.offset);
      const before = children[i - 1];
      if (before && within(c, before.range)) {
        if (childrenOf(before) !== undefined) (inside.get(before) ?? inside.set(before, []).get(before)!).push(c);
        // Inside a statement of one line or a few (`manifest "…" # note` before `role …`): it trails that statement.
        else of(before).trailing.push(c);
        continue;
      }
      const next = children[i];
      if (!c.ownLine && before && before.range.end.line === c.range.start.line) of(before).trailing.push(c);
      else if (next) of(next).leading.push(c);
      else of(owner).dangling.push(c);
    }
    for (const [container, nested] of inside) place(container, nested);
  };
  place(file, comments);

  const visit = (node: Attachable): void => {
    const b = building.get(node);
    const first = b?.leading[0]?.range.start.offset ?? node.range.start.offset;
    const blank = node.type !== 'File' && blankLineBefore(text, first);
    if (b || blank) {
      const afterLeading = (b?.leading.length ?? 0) > 0 && blankLineBefore(text, node.range.start.offset);
      const trivia: A.Trivia = {
        leading: b?.leading ?? [],
        trailing: b?.trailing ?? [],
        dangling: b?.dangling ?? [],
        blankLineBefore: blank,
        blankLineAfterLeading: afterLeading,
      };
      (node as { trivia?: A.Trivia }).trivia = trivia;
    }
    for (const child of childrenOf(node) ?? []) visit(child);
  };
  visit(file);
}
