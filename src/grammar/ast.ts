/**
 * The typed AST of a `.dsi` file. Every node has a `range`; the compiler and the rules see
 * only these nodes, never tokens. `to-ast.ts` is the only reader of the CST.
 *
 * Where parsing recovered from an error, a node may be missing parts; those parts are
 * `undefined` and a syntax diagnostic has been reported for them.
 *
 * The tree is lossless enough to print the file again (`dsi fmt`): every value keeps its
 * spelling (`raw`), and comments are attached to the nearest statement or declaration
 * (`trivia`), as prettier-java's parser attaches them to its nodes.
 */
import type { Range } from '../core/range.js';
import type { OptionKeyword, ReportSettingKeyword } from '../language/vocabulary.js';

// The keyword types come from the one vocabulary table.
export type { OptionKeyword, ReportSettingKeyword };

/** A `#` or `//` comment, as written (marker included), to the end of its line. */
export interface CommentNode {
  readonly type: 'Comment';
  /** The whole comment, `#` or `//` included, without the line break. */
  readonly text: string;
  /** True when nothing but blanks precedes it on its line. */
  readonly ownLine: boolean;
  /** True when an empty line separates it from what comes before it. */
  readonly blankLineBefore: boolean;
  readonly range: Range;
}

/** The comments attached to a node, and whether an empty line came before it (layout that `dsi fmt` keeps). */
export interface Trivia {
  /** Comments on their own lines just before the node. */
  readonly leading: readonly CommentNode[];
  /** Comments after the node's first token on one of its lines (`verify none  # why`). */
  readonly trailing: readonly CommentNode[];
  /** In a block: comments after its last statement, before its `}`. */
  readonly dangling: readonly CommentNode[];
  /** True when an empty line separates the node (or its first leading comment) from what comes before. */
  readonly blankLineBefore: boolean;
  /** True when an empty line separates the last leading comment from the node (a comment that heads a section). */
  readonly blankLineAfterLeading: boolean;
}

/** A name: a WORD or a STRING (already unescaped). */
export interface NameNode {
  readonly type: 'Name';
  readonly value: string;
  readonly quoted: boolean;
  /** As written: the word, or the string with its quotes and escapes. */
  readonly raw: string;
  readonly range: Range;
}

/** A string literal, unescaped. */
export interface StringNode {
  readonly type: 'String';
  readonly value: string;
  /** As written, quotes and escapes included: `"a\\|b"`. */
  readonly raw: string;
  readonly range: Range;
}

/** A bare word used as a value (`only-files-transferred`, `ENHANCED`), as written. */
export interface WordNode {
  readonly type: 'Word';
  readonly value: string;
  readonly range: Range;
}

/** A size or bandwidth: `100 MiB/s`, `1.5 GB`, `1_048_576`, as written, not yet converted. */
export interface SizeNode {
  readonly type: 'Size';
  /** The number as written, without `_` separators: `1.5`, `1048576`. */
  readonly number: string;
  /** The unit exactly as written (`MiB`, `kB`, `B`), or undefined for a bare integer. */
  readonly unit?: string;
  /** True when written with `/s`. */
  readonly perSecond: boolean;
  /** As written: `1_048_576`, `100MiB/s`. */
  readonly raw: string;
  readonly range: Range;
}

/** An inline JSON value in `set PATH = VALUE`. */
export type JsonValueNode =
  | { readonly type: 'JsonString'; readonly value: string; readonly raw: string; readonly range: Range }
  | { readonly type: 'JsonNumber'; readonly value: number; readonly raw: string; readonly range: Range }
  | { readonly type: 'JsonBoolean'; readonly value: boolean; readonly range: Range }
  | { readonly type: 'JsonNull'; readonly range: Range }
  | { readonly type: 'JsonArray'; readonly items: readonly JsonValueNode[]; readonly range: Range }
  | {
      readonly type: 'JsonObject';
      readonly members: readonly { readonly key: StringNode; readonly value: JsonValueNode }[];
      readonly range: Range;
    };

/** `import "./file.dsi"` */
export interface ImportNode {
  readonly type: 'Import';
  readonly path: StringNode;
  readonly trivia?: Trivia;
  readonly range: Range;
}

/** `intent NAME [extends A, B] { … }` or `template NAME …`. */
export interface DeclarationNode {
  readonly type: 'Intent' | 'Template';
  /** The keyword's range. */
  readonly keywordRange: Range;
  readonly name: NameNode;
  readonly parents: readonly NameNode[];
  readonly body: readonly StatementNode[];
  readonly trivia?: Trivia;
  readonly range: Range;
}

/** What separates the values of a policy clause: `a | b` or `team, cost-center`. */
export type PolicySeparator = '|' | ',';

/** A value in a policy: a word (`remove`, `team`), a string (`"prod"`), or a size or number (`500 MiB/s`, `10`). */
export type PolicyValueNode = WordNode | StringNode | SizeNode;

/**
 * `when SUBJECT [VALUES] [= VALUES]`: one condition of a policy's scope (`when tag env = "prod"`,
 * `when task "arn:…:task/task-*"`, `when mode enhanced`, `when to s3`); the subject and values
 * are checked by the compiler. Several `when` lines must all hold.
 */
export interface WhenNode {
  readonly type: 'When';
  readonly keywordRange: Range;
  /** `tag`, `task`, `mode`, `from` or `to`, as written. */
  readonly subject: WordNode;
  /** The values after the subject, separated by `|` or `,`. */
  readonly values: readonly PolicyValueNode[];
  /** The separators between `values` as written (`|` where absent). */
  readonly separators?: readonly PolicySeparator[];
  /** The values after `=` (`when tag env = "prod" | "staging"`). */
  readonly equals?: readonly PolicyValueNode[];
  /** The separators between `equals` as written. */
  readonly equalsSeparators?: readonly PolicySeparator[];
  readonly trivia?: Trivia;
  readonly range: Range;
}

/** The bound of `limit SUBJECT <= VALUE`. */
export interface PolicyLimitNode {
  /** The comparison as written; only `<=` is valid (checked by the compiler). */
  readonly operator: string;
  readonly operatorRange: Range;
  readonly value: PolicyValueNode;
}

/**
 * `require|forbid|limit SUBJECT [VALUES] [= VALUES] [<= LIMIT]` with any of `as NAME`, `warn`,
 * `because "…"` after it: one rule of the policy.
 */
export interface AssertionNode {
  readonly type: 'Assertion';
  readonly kind: 'require' | 'forbid' | 'limit';
  readonly keywordRange: Range;
  /** The statement asserted on (`verify`, `tag`, `report`, `bandwidth`, …), as written. */
  readonly subject: WordNode;
  /** The values after the subject, separated by `|` or `,`. */
  readonly values: readonly PolicyValueNode[];
  /** The separators between `values` as written (`|` where absent). */
  readonly separators?: readonly PolicySeparator[];
  /** The values after `=` (`require tag env = "prod" | "dev"`). */
  readonly equals?: readonly PolicyValueNode[];
  /** The separators between `equals` as written. */
  readonly equalsSeparators?: readonly PolicySeparator[];
  readonly limit?: PolicyLimitNode;
  /** `as NAME`: the rule id becomes `POLICY/NAME` instead of `POLICY/n`. */
  readonly name?: NameNode;
  /** The range of `warn`, when written: the rule's severity is `warning`. */
  readonly warn?: Range;
  /** `because "…"`: the reason, which ends the rule's message. */
  readonly because?: StringNode;
  readonly trivia?: Trivia;
  readonly range: Range;
}

/** `policy NAME { … }`: its scope (`when`) and its assertions, in source order. */
export interface PolicyNode {
  readonly type: 'Policy';
  readonly name: NameNode;
  readonly when: readonly WhenNode[];
  readonly assertions: readonly AssertionNode[];
  readonly trivia?: Trivia;
  readonly range: Range;
}

export type TopLevelNode = ImportNode | DeclarationNode | PolicyNode;

/** A whole file. */
export interface FileNode {
  readonly type: 'File';
  readonly items: readonly TopLevelNode[];
  readonly trivia?: Trivia;
  readonly range: Range;
}

/** `verify only-files-transferred`, `queueing enabled`, … */
export interface OptionNode {
  readonly type: 'Option';
  readonly keyword: OptionKeyword;
  readonly keywordRange: Range;
  readonly value: WordNode;
  readonly trivia?: Trivia;
  readonly range: Range;
}

/** `bandwidth 100 MiB/s` or `bandwidth unlimited` (value is then a WordNode `unlimited`). */
export interface BandwidthNode {
  readonly type: 'Bandwidth';
  readonly keywordRange: Range;
  readonly value: SizeNode | WordNode;
  readonly trivia?: Trivia;
  readonly range: Range;
}

/** `include "a" "b"` / `exclude "*.tmp"` */
export interface FilterNode {
  readonly type: 'Filter';
  readonly kind: 'include' | 'exclude';
  readonly keywordRange: Range;
  readonly patterns: readonly StringNode[];
  readonly trivia?: Trivia;
  readonly range: Range;
}

/** `task "arn…"` with an optional context block. */
export interface TaskNode {
  readonly type: 'Task';
  readonly keywordRange: Range;
  readonly arn: StringNode;
  /** Undefined when written without a block. */
  readonly context?: readonly ContextNode[];
  readonly trivia?: Trivia;
  readonly range: Range;
}

/** Statements of the task context block (never emitted). */
export type ContextNode =
  | { readonly type: 'ContextMode'; readonly keywordRange: Range; readonly value: WordNode; readonly trivia?: Trivia; readonly range: Range }
  | {
      readonly type: 'ContextLocation';
      readonly end: 'from' | 'to';
      readonly keywordRange: Range;
      readonly location: WordNode;
      readonly storageClass?: WordNode;
      readonly trivia?: Trivia;
      readonly range: Range;
    }
  | { readonly type: 'ContextLogGroup'; readonly keywordRange: Range; readonly value: StringNode; readonly trivia?: Trivia; readonly range: Range };

/** `manifest "s3://bucket/key" [version "v"] role "arn"` */
export interface ManifestNode {
  readonly type: 'Manifest';
  readonly keywordRange: Range;
  readonly address: StringNode;
  readonly version?: StringNode;
  readonly role: StringNode;
  readonly trivia?: Trivia;
  readonly range: Range;
}

/** Statements inside `report { … }`. */
export type ReportStatementNode =
  | { readonly type: 'ReportTo'; readonly keywordRange: Range; readonly value: StringNode; readonly trivia?: Trivia; readonly range: Range }
  | { readonly type: 'ReportRole'; readonly keywordRange: Range; readonly value: StringNode; readonly trivia?: Trivia; readonly range: Range }
  | {
      readonly type: 'ReportSetting';
      /** `output`, `level`, `object-versions`, or an aspect: `transferred`, `verified`, `deleted`, `skipped`. */
      readonly keyword: ReportSettingKeyword;
      readonly keywordRange: Range;
      readonly value: WordNode;
      readonly trivia?: Trivia;
      readonly range: Range;
    };

/** `report { … }` */
export interface ReportNode {
  readonly type: 'Report';
  readonly keywordRange: Range;
  readonly statements: readonly ReportStatementNode[];
  readonly trivia?: Trivia;
  readonly range: Range;
}

/** `tag KEY = "value"` */
export interface TagNode {
  readonly type: 'Tag';
  readonly keywordRange: Range;
  readonly key: NameNode;
  readonly value: StringNode;
  readonly trivia?: Trivia;
  readonly range: Range;
}

/** One segment of a `set` path: a member name or a list index. */
export type SetPathSegment =
  | { readonly type: 'Member'; readonly name: string; readonly range: Range }
  | { readonly type: 'Index'; readonly index: number; readonly range: Range };

/** `set OverrideOptions.TaskQueueing = "ENABLED"` */
export interface SetNode {
  readonly type: 'Set';
  readonly keywordRange: Range;
  readonly path: readonly SetPathSegment[];
  /** The range of the whole path. */
  readonly pathRange: Range;
  readonly value: JsonValueNode;
  readonly trivia?: Trivia;
  readonly range: Range;
}

export type StatementNode =
  | TaskNode
  | OptionNode
  | BandwidthNode
  | FilterNode
  | ManifestNode
  | ReportNode
  | TagNode
  | SetNode;
