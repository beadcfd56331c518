/**
 * The `.dsi` parser: one chevrotain CstParser class and one shared instance, built once at load.
 *
 * Error handling. A value that a statement needs (`verify <word>`, `include <string>`) is read
 * with `value()`, which records a plain-words problem ("expected a string after `include`,
 * found `}`") and leaves the statement incomplete rather than throwing; `to-ast.ts` then drops
 * the incomplete statement. A statement that starts with anything but a keyword of its block is
 * an unknown statement: one problem, then the parser skips to the next line, `;` or `}` of the
 * same block (a `{ … }` on the way is skipped whole). A problem on a line silences unknown-
 * statement reports for the rest of that line: those are leftovers of the same mistake.
 * Chevrotain's own recovery (`recoveryEnabled`) still handles punctuation inside `set` values;
 * its messages come from `errorMessageProvider` below.
 */
import {
  CstParser,
  EOF,
  tokenMatcher,
  type CstNode,
  type IOrAlt,
  type IParserErrorMessageProvider,
  type IToken,
  type ParserMethod,
  type TokenType,
} from 'chevrotain';
import { suggest } from '../core/words.js';
import { BLOCK_KEYWORDS, TOP_LEVEL, type BlockKind } from '../language/vocabulary.js';
import * as T from './tokens.js';
import { FirstSetLookahead } from './lookahead.js';

/** How deep a `set` value may nest; a real request nests at most six levels. */
export const MAX_JSON_DEPTH = 64;

export type { BlockKind };

/** The words that start a statement in each block, for did-you-mean suggestions (from the vocabulary table). */
export const blockKeywords = BLOCK_KEYWORDS;

const blockNames: Readonly<Record<BlockKind, string>> = {
  file: 'at the top level of a file',
  declaration: 'in an intent or template',
  task: 'in the block of `task`',
  report: 'in `report { }`',
  policy: 'in a policy',
};

/** Where a keyword that is out of place does belong. */
const homeOf: Readonly<Record<Exclude<BlockKind, 'file'>, string>> = {
  declaration: 'an intent or template',
  task: 'the block after `task "…"`',
  report: '`report { }`',
  policy: 'a `policy { }` block',
};

/** A problem found while parsing, in offsets (end exclusive); `index.ts` turns it into a Diagnostic. */
export interface ParseProblem {
  readonly ruleId: 'syntax' | 'unknown-statement';
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** How a token reads in a message: its text in backquotes, shortened; or "the end of the file". */
export function describeToken(token: IToken | undefined): string {
  if (!token || token.tokenType === EOF) return 'the end of the file';
  const image = token.image.length > 40 ? `${token.image.slice(0, 39)}…` : token.image;
  return `\`${image}\``;
}

function label(tokType: TokenType): string {
  return tokType.LABEL ?? tokType.name;
}

function orList(items: readonly string[]): string {
  const unique = [...new globalThis.Set(items)];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** "`import`, `intent`, `template` or `policy`". */
function topLevelWords(): string {
  return orList(TOP_LEVEL.map((k) => `\`${k}\``));
}

function after(previous: IToken | undefined): string {
  return previous && previous.tokenType !== EOF && previous.image ? ` after ${describeToken(previous)}` : '';
}

/** Chevrotain's errors in plain words, naming what was expected by its token label. */
const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual, previous, ruleName }) => {
    // Inside a JSON list or object, a missing closer may as well be a missing comma.
    const what =
      ruleName === 'jsonArray' && expected === T.RBracket
        ? '`,` or `]`'
        : ruleName === 'jsonObject' && expected === T.RCurly
          ? '`,` or `}`'
          : label(expected);
    return `expected ${what}${after(previous)}, found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage: ({ firstRedundant }) =>
    `unexpected ${describeToken(firstRedundant)}; expected ${topLevelWords()}`,
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual, previous, ruleName }) => {
    const what =
      ruleName === 'jsonValue'
        ? 'a JSON value (a string, a number, `true`, `false`, `null`, `[` or `{`)'
        : orList(expectedPathsPerAlt.flatMap((alt) => alt.map((path) => label(path[0]))));
    return `expected ${what}${after(previous)}, found ${describeToken(actual[0])}`;
  },
  buildEarlyExitMessage: ({ expectedIterationPaths, actual, previous }) =>
    `expected ${orList(expectedIterationPaths.map((path) => label(path[0])))}${after(previous)}, found ${describeToken(actual[0])}`,
};

/** The `.dsi` grammar. Use the shared `dsiParser`; set `input`, call `file()`, read `problems` and `errors`. */
export class DsiParser extends CstParser {
  /** Problems found by this grammar's own checks during the last parse. */
  problems: ParseProblem[] = [];
  /** The line where the last problem was found: unknown statements there are leftovers, not reported. */
  private quietLine = -1;
  /** How many of chevrotain's `errors` have been noted into `quietLine`. */
  private errorsNoted = 0;
  /** The `=` of the latest `set`: leftovers of a broken JSON value after it are skipped bracket by bracket. */
  private lastSetEquals: IToken | undefined;
  /**
   * Each `OR`'s alternatives, built on its first call and reused: chevrotain's documented
   * performance technique, sparing a fresh array of closures per decision (a lot of garbage in a
   * file of thousands of statements). The closures read only `this`, never a call's locals.
   */
  private readonly alternatives: Partial<Record<string, IOrAlt<unknown>[]>> = {};

  /**
   * `validate: false` skips chevrotain's checks of the grammar's definition (ambiguities, left
   * recursion): they cost a fifth of a cold start and cannot fail at run time, so the shared
   * parser skips them and test/grammar/parser-validations.test.ts runs them.
   */
  constructor(options: { readonly validate?: boolean } = {}) {
    const lookaheadStrategy = new FirstSetLookahead();
    super(T.allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: 'onlyOffset',
      maxLookahead: 1,
      lookaheadStrategy,
      errorMessageProvider,
      skipValidations: options.validate !== true,
    });
    if (options.validate === true) {
      this.performSelfAnalysis();
      return;
    }
    // chevrotain computes the re-sync follow sets in performSelfAnalysis when recovery is on,
    // though only a recovery reads them: most files have no syntax error. Analysed with recovery
    // off (recovery's own functions are installed by the constructor already), and the sets are
    // made on first read (the checking parser above keeps chevrotain's own, which the tests compare).
    const internals = this as unknown as { recoveryEnabled: boolean; resyncFollows: Record<string, TokenType[]> };
    internals.recoveryEnabled = false;
    this.performSelfAnalysis();
    internals.recoveryEnabled = true;
    let follows: Record<string, TokenType[]> | undefined;
    Object.defineProperty(this, 'resyncFollows', {
      get: () => (follows ??= lookaheadStrategy.resyncFollows(Object.values(this.getGAstProductions()))),
      configurable: true,
    });
  }

  override reset(): void {
    super.reset();
    this.problems = [];
    this.quietLine = -1;
    this.errorsNoted = 0;
    this.lastSetEquals = undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Top level

  /** A whole file → FileNode.items, in source order. */
  file = this.RULE('file', () => {
    this.MANY(() => {
      this.OR((this.alternatives.file ??= [
        { ALT: () => this.SUBRULE(this.importStatement) },
        { ALT: () => this.SUBRULE(this.intent) },
        { ALT: () => this.SUBRULE(this.template) },
        { ALT: () => this.SUBRULE(this.policy) },
        { ALT: () => this.separator() },
        {
          ALT: () => {
            const brace = this.CONSUME(T.RCurly);
            this.ACTION(() => this.problemAt(brace, 'syntax', 'unexpected `}`: no block is open here; remove it'));
          },
        },
        // Anything else; the alternatives above win because OR takes the first that matches.
        { ALT: () => this.SUBRULE(this.unknownStatement, { ARGS: ['file'] }), IGNORE_AMBIGUITIES: true },
      ]));
    });
  });

  /** `import "./file.dsi"` → ImportNode (resolved by the compiler). */
  importStatement = this.RULE('importStatement', () => {
    this.CONSUME(T.Import);
    this.value(1, T.StringLike, 'a path in double quotes');
  });

  /** `intent NAME [extends A, B] { … }` → DeclarationNode (type Intent), compiled to one request. */
  intent = this.RULE('intent', () => {
    this.CONSUME(T.Intent);
    this.value(1, T.Name, 'a name for the intent');
    this.OPTION(() => this.SUBRULE(this.extendsClause));
    this.SUBRULE(this.declarationBody);
  });

  /** `template NAME [extends A, B] { … }` → DeclarationNode (type Template), only ever a parent. */
  template = this.RULE('template', () => {
    this.CONSUME(T.Template);
    this.value(1, T.Name, 'a name for the template');
    this.OPTION(() => this.SUBRULE(this.extendsClause));
    this.SUBRULE(this.declarationBody);
  });

  /** `extends A, B` → DeclarationNode.parents. */
  extendsClause = this.RULE('extendsClause', () => {
    this.CONSUME(T.Extends);
    this.value(1, T.Name, 'the name of a template or intent');
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.value(2, T.Name, 'the name of a template or intent');
    });
  });

  /** `{ statement* }` of an intent or template → DeclarationNode.body. */
  declarationBody = this.RULE('declarationBody', () => {
    const open = this.value(1, T.LCurly, '`{`');
    this.MANY({
      // A top-level keyword means the `}` was forgotten: end the block there, not at the end of the file.
      GATE: () => !this.atTopLevelKeyword(),
      DEF: () => {
        this.OR((this.alternatives.declarationBody ??= [
          { ALT: () => this.SUBRULE(this.taskStatement) },
          { ALT: () => this.SUBRULE(this.optionStatement) },
          { ALT: () => this.SUBRULE(this.bandwidthStatement) },
          { ALT: () => this.SUBRULE(this.filterStatement) },
          { ALT: () => this.SUBRULE(this.manifestStatement) },
          { ALT: () => this.SUBRULE(this.reportBlock) },
          { ALT: () => this.SUBRULE(this.tagStatement) },
          { ALT: () => this.SUBRULE(this.setStatement) },
          { ALT: () => this.separator() },
          { ALT: () => this.SUBRULE(this.unknownStatement, { ARGS: ['declaration'] }), IGNORE_AMBIGUITIES: true },
        ]));
      },
    });
    this.close(2, open, 'this intent or template');
  });

  /** `policy NAME { when …; require …; forbid …; limit … }` → PolicyNode, compiled to one rule per assertion. */
  policy = this.RULE('policy', () => {
    this.CONSUME(T.Policy);
    this.value(1, T.Name, 'a name for the policy');
    const open = this.value(2, T.LCurly, '`{`');
    this.MANY({
      GATE: () => !this.atTopLevelKeyword(),
      DEF: () => {
        this.OR((this.alternatives.policy ??= [
          { ALT: () => this.SUBRULE(this.whenClause) },
          { ALT: () => this.SUBRULE(this.assertion) },
          { ALT: () => this.separator() },
          { ALT: () => this.SUBRULE(this.unknownStatement, { ARGS: ['policy'] }), IGNORE_AMBIGUITIES: true },
        ]));
      },
    });
    this.close(3, open, 'this policy');
  });

  /** `when tag env = "prod"`, `when task "arn…*"`, `when mode enhanced`, `when to s3` → PolicyNode.when (the scope). */
  whenClause = this.RULE('whenClause', () => {
    this.CONSUME(T.When);
    const subject = this.value(1, T.Word, 'what the policy applies to: `tag`, `task`, `mode`, `from` or `to`');
    if (!subject) return;
    this.OPTION({ GATE: () => this.atOperand(), DEF: () => this.SUBRULE(this.policyOperands) });
    this.OPTION2(() => {
      this.CONSUME(T.Equals);
      this.SUBRULE2(this.policyOperands);
    });
  });

  /**
   * `require verify a | b`, `forbid deleted remove`, `limit bandwidth <= 500 MiB/s`, each with
   * `as NAME`, `warn`, `because "…"` in any order → PolicyNode.assertions, one rule each.
   */
  assertion = this.RULE('assertion', () => {
    this.OR((this.alternatives.assertion ??= [{ ALT: () => this.CONSUME(T.Require) }, { ALT: () => this.CONSUME(T.Forbid) }, { ALT: () => this.CONSUME(T.Limit) }]));
    const subject = this.value(1, T.Word, 'a statement such as `verify`, `tag` or `bandwidth`');
    if (!subject) return;
    this.OPTION({ GATE: () => this.atOperand(), DEF: () => this.SUBRULE(this.policyOperands) });
    this.OPTION2(() => {
      this.CONSUME(T.Equals);
      this.SUBRULE2(this.policyOperands);
    });
    this.OPTION3(() => {
      this.CONSUME(T.Comparison);
      this.operand(3, 'a limit such as `500 MiB/s` or `10`');
    });
    this.MANY(() => this.SUBRULE(this.assertionModifier));
  });

  /** `a | b` or `team, cost-center`: the values an assertion allows, forbids or scopes by. */
  policyOperands = this.RULE('policyOperands', () => {
    this.operand(1, 'a value');
    this.MANY({
      GATE: () => tokenMatcher(this.LA(1), T.Pipe) || tokenMatcher(this.LA(1), T.Comma),
      DEF: () => {
        this.OR((this.alternatives.policyOperands ??= [{ ALT: () => this.CONSUME(T.Pipe) }, { ALT: () => this.CONSUME(T.Comma) }]));
        this.operand(2, 'a value');
      },
    });
  });

  /** `as NAME` (the rule id's last part), `warn` (severity warning), `because "…"` (in the message). */
  assertionModifier = this.RULE('assertionModifier', () => {
    this.OR((this.alternatives.assertionModifier ??= [
      {
        ALT: () => {
          this.CONSUME(T.As);
          this.value(1, T.Name, 'a name for this assertion (its rule id becomes `POLICY/NAME`)');
        },
      },
      { ALT: () => this.CONSUME(T.Warn) },
      {
        ALT: () => {
          this.CONSUME(T.Because);
          this.value(2, T.StringLike, 'the reason in double quotes');
        },
      },
    ]));
  });

  // -------------------------------------------------------------------------------------------
  // Statements of an intent or template

  /** `task "arn" [{ context }]` → TaskArn, and the task context (never emitted). */
  taskStatement = this.RULE('taskStatement', () => {
    this.CONSUME(T.Task);
    this.value(1, T.StringLike, 'the task ARN in double quotes');
    this.OPTION(() => this.SUBRULE(this.taskContext));
  });

  /** `{ mode …; from …; to … [storage-class …]; log-group "…" }` → TaskNode.context. */
  taskContext = this.RULE('taskContext', () => {
    const open = this.CONSUME(T.LCurly);
    this.MANY({
      GATE: () => !this.atTopLevelKeyword(),
      DEF: () => {
        this.OR((this.alternatives.taskContext ??= [
          { ALT: () => this.SUBRULE(this.modeStatement) },
          { ALT: () => this.SUBRULE(this.locationStatement) },
          { ALT: () => this.SUBRULE(this.logGroupStatement) },
          { ALT: () => this.separator() },
          { ALT: () => this.SUBRULE(this.unknownStatement, { ARGS: ['task'] }), IGNORE_AMBIGUITIES: true },
        ]));
      },
    });
    this.close(1, open, 'the block of `task`');
  });

  /** `mode basic|enhanced` → the task's mode (context). */
  modeStatement = this.RULE('modeStatement', () => {
    this.CONSUME(T.Mode);
    this.value(1, T.Word, 'a task mode (`basic` or `enhanced`)');
  });

  /** `from nfs` / `to s3 [storage-class deep-archive]` → the task's locations (context). */
  locationStatement = this.RULE('locationStatement', () => {
    this.OR((this.alternatives.locationStatement ??= [{ ALT: () => this.CONSUME(T.From) }, { ALT: () => this.CONSUME(T.To) }]));
    const location = this.value(1, T.Word, 'a location type such as `s3` or `nfs`');
    if (location) {
      this.OPTION(() => {
        this.CONSUME(T.StorageClass);
        this.value(2, T.Word, 'an S3 storage class such as `deep-archive`');
      });
    }
  });

  /** `log-group "name"` → the task's CloudWatch log group (context). */
  logGroupStatement = this.RULE('logGroupStatement', () => {
    this.CONSUME(T.LogGroup);
    this.value(1, T.StringLike, 'a log group in double quotes');
  });

  /** `verify none`, `transfer changed`, … → one member of OverrideOptions, chosen by the keyword. */
  optionStatement = this.RULE('optionStatement', () => {
    this.CONSUME(T.OptionKeyword);
    this.value(1, T.Word, 'a value');
  });

  /** `bandwidth 100 MiB/s` or `bandwidth unlimited` → OverrideOptions.BytesPerSecond. */
  bandwidthStatement = this.RULE('bandwidthStatement', () => {
    this.CONSUME(T.Bandwidth);
    this.value(1, T.SizeValue, 'a rate such as `100 MiB/s`, or `unlimited`');
  });

  /** `include "a" "b"` / `exclude "*.tmp"` → Includes / Excludes. */
  filterStatement = this.RULE('filterStatement', () => {
    this.OR((this.alternatives.filterStatement ??= [{ ALT: () => this.CONSUME(T.Include) }, { ALT: () => this.CONSUME(T.Exclude) }]));
    const first = this.value(1, T.StringLike, 'a pattern in double quotes');
    if (first) this.MANY(() => this.CONSUME(T.StringLike));
  });

  /** `manifest "s3://bucket/key" [version "v"] role "arn"` → ManifestConfig. */
  manifestStatement = this.RULE('manifestStatement', () => {
    this.CONSUME(T.Manifest);
    const address = this.value(1, T.StringLike, 'the manifest address in double quotes (`"s3://bucket/key"`)');
    if (!address) return;
    this.OPTION(() => {
      this.CONSUME(T.Version);
      this.value(2, T.StringLike, 'the manifest object version in double quotes');
    });
    const role = this.value(3, T.Role, '`role` and the ARN of a role that can read the manifest');
    if (role) this.value(4, T.StringLike, 'a role ARN in double quotes');
  });

  /** `report { … }` → TaskReportConfig. */
  reportBlock = this.RULE('reportBlock', () => {
    this.CONSUME(T.Report);
    const open = this.value(1, T.LCurly, '`{`');
    this.MANY({
      GATE: () => !this.atTopLevelKeyword(),
      DEF: () => {
        this.OR((this.alternatives.reportBlock ??= [
          { ALT: () => this.SUBRULE(this.reportTo) },
          { ALT: () => this.SUBRULE(this.reportRole) },
          { ALT: () => this.SUBRULE(this.reportSetting) },
          { ALT: () => this.separator() },
          { ALT: () => this.SUBRULE(this.unknownStatement, { ARGS: ['report'] }), IGNORE_AMBIGUITIES: true },
        ]));
      },
    });
    this.close(2, open, '`report`');
  });

  /** `to "s3://bucket/prefix/"` → TaskReportConfig.Destination.S3 (S3BucketArn, Subdirectory). */
  reportTo = this.RULE('reportTo', () => {
    this.CONSUME(T.To);
    this.value(1, T.StringLike, 'the report address in double quotes (`"s3://bucket/prefix/"`)');
  });

  /** `role "arn"` → TaskReportConfig.Destination.S3.BucketAccessRoleArn. */
  reportRole = this.RULE('reportRole', () => {
    this.CONSUME(T.Role);
    this.value(1, T.StringLike, 'a role ARN in double quotes');
  });

  /** `output …`, `level …`, `object-versions …`, `verified …` → OutputType, ReportLevel, ObjectVersionIds, Overrides. */
  reportSetting = this.RULE('reportSetting', () => {
    this.CONSUME(T.ReportSettingKeyword);
    this.value(1, T.Word, 'a value');
  });

  /** `tag KEY = "value"` → Tags. */
  tagStatement = this.RULE('tagStatement', () => {
    this.CONSUME(T.Tag);
    const key = this.value(1, T.Name, 'a tag key (a word or a string)');
    if (!key) return;
    const equals = this.value(2, T.Equals, '`=`');
    if (equals) this.value(3, T.StringLike, 'the tag value in double quotes');
  });

  /** `set Path.To[0].Field = <JSON>` → the payload at that path (the escape hatch). */
  setStatement = this.RULE('setStatement', () => {
    this.CONSUME(T.SetKeyword);
    const path = this.OPTION(() => this.SUBRULE(this.setPath));
    if (path === undefined) {
      this.ACTION(() => this.expected('a payload path such as `OverrideOptions.VerifyMode`'));
      return;
    }
    const equals = this.value(1, T.Equals, '`=`');
    if (!equals) return;
    this.ACTION(() => (this.lastSetEquals = equals));
    // Deep nesting would exhaust the recursive descent: refuse it before descending.
    if (this.ACTION(() => this.skipDeepJson())) return;
    const json = this.OPTION2(() => this.SUBRULE(this.jsonValue));
    if (json === undefined) this.ACTION(() => this.expected('a JSON value (a string, a number, `true`, `false`, `null`, `[` or `{`)'));
  });

  /** `OverrideOptions.VerifyMode`, `Includes[0].Value` → SetNode.path. */
  setPath = this.RULE('setPath', () => {
    this.CONSUME(T.Word);
    this.MANY(() => {
      this.OR((this.alternatives.setPath ??= [
        {
          ALT: () => {
            this.CONSUME(T.Dot);
            this.value(1, T.Word, 'a member name');
          },
        },
        { ALT: () => this.SUBRULE(this.setPathIndex) },
      ]));
    });
  });

  /** `[0]` in a set path → a list index. */
  setPathIndex = this.RULE('setPathIndex', () => {
    this.CONSUME(T.LBracket);
    const index = this.value(1, T.NumberLiteral, 'a list index such as `0`');
    if (index) this.value(2, T.RBracket, '`]`');
  });

  // -------------------------------------------------------------------------------------------
  // Inline JSON of `set` values. Object keys are strings, or (a convenience, as in HCL) bare
  // words; numbers may use `_` separators like the language's integers.

  /** Any JSON value → JsonValueNode. */
  jsonValue = this.RULE('jsonValue', () => {
    this.OR((this.alternatives.jsonValue ??= [
      { ALT: () => this.CONSUME(T.StringLike) },
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.Null) },
      { ALT: () => this.SUBRULE(this.jsonArray) },
      { ALT: () => this.SUBRULE(this.jsonObject) },
    ]));
  });

  /** `[ value, … ]` */
  jsonArray = this.RULE('jsonArray', () => {
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.jsonValue);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.jsonValue);
      });
    });
    this.CONSUME(T.RBracket);
  });

  /** `{ "Key": value, … }` */
  jsonObject = this.RULE('jsonObject', () => {
    this.CONSUME(T.LCurly);
    this.OPTION(() => {
      this.SUBRULE(this.jsonMember);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.jsonMember);
      });
    });
    this.CONSUME(T.RCurly);
  });

  /** `"Key": value` */
  jsonMember = this.RULE('jsonMember', () => {
    this.OR((this.alternatives.jsonMember ??= [{ ALT: () => this.CONSUME(T.StringLike) }, { ALT: () => this.CONSUME(T.Word) }]));
    this.CONSUME(T.Colon);
    this.SUBRULE(this.jsonValue);
  });

  // -------------------------------------------------------------------------------------------
  // Recovery

  /** A statement that starts with anything but a keyword of its block: reported once, skipped to the next line, `;` or `}`. */
  // CstParser's typings allow no rule arguments, though chevrotain passes them: hence the cast.
  unknownStatement = this.RULE('unknownStatement', ((block: BlockKind) => {
    const first = this.CONSUME(T.AnyButRCurly);
    this.ACTION(() => {
      this.noteErrors();
      // Leftovers of a JSON value that recovery gave up on: skip the rest of the value first.
      const valueEnd = this.brokenValueEnd(first);
      if (valueEnd !== undefined) {
        while (this.LA(1).tokenType !== EOF && this.LA(1).startOffset <= valueEnd) this.SKIP_TOKEN();
        if (tokenMatcher(this.LA(1), T.Semicolon) || this.LA(1).startLine! > this.LA(0).endLine!) return;
      } else if (first.startLine !== this.quietLine) this.reportUnknown(first, block);
      this.skipStatement(first);
    });
  }) as () => void) as unknown as ParserMethod<[BlockKind], CstNode>;

  // -------------------------------------------------------------------------------------------
  // Helpers (not rules)

  /** `;` between statements: also ends the silence after a problem on this line. */
  private separator(): void {
    this.CONSUME(T.Semicolon);
    this.ACTION(() => {
      this.noteErrors();
      this.quietLine = -1;
    });
  }

  /**
   * Reads a token of `tokType` that a statement needs, or records "expected WHAT after X,
   * found Y" and returns undefined. A statement keyword on a later line is never taken as a
   * value: `verify` alone on a line must not swallow the next statement (but `role` on the line
   * after `manifest "…"` continues it).
   */
  private value(idx: number, tokType: TokenType, what: string): IToken | undefined {
    // The option's gate and body read what they need from these fields, so that one pair of
    // closures serves every value (they run before `option` returns, and never nest).
    this.valueIdx = idx;
    this.valueType = tokType;
    this.valueToken = undefined;
    this.option(idx, this.valueOption);
    const token = this.valueToken as IToken | undefined;
    this.valueToken = undefined;
    if (token === undefined) this.ACTION(() => this.expected(what));
    return token;
  }

  private valueIdx = 0;
  private valueType: TokenType = T.Word;
  private valueToken: IToken | undefined;
  private readonly valueOption = {
    // The statement's own sub-keyword (`role` of `manifest`) may start the next line.
    GATE: () => this.valueMayBe(this.LA(1)) || this.LA(1).tokenType === this.valueType,
    DEF: () => {
      this.valueToken = this.consume(this.valueIdx, this.valueType);
    },
  };

  /** Reads one value of a policy assertion, or records what was expected; a modifier (`warn`) is never a value. */
  private operand(idx: number, what: string): IToken | undefined {
    let token: IToken | undefined;
    this.option(idx + 10, {
      GATE: () => this.atOperand(),
      DEF: () => {
        token = this.consume(idx + 10, T.Operand);
      },
    });
    if (token === undefined) this.ACTION(() => this.expected(what));
    return token;
  }

  /** True when the next token can be a value of an assertion on this statement. */
  private atOperand(): boolean {
    const next = this.LA(1);
    return tokenMatcher(next, T.Operand) && !tokenMatcher(next, T.AssertionModifier) && this.valueMayBe(next);
  }

  private valueMayBe(next: IToken): boolean {
    return !(tokenMatcher(next, T.StatementKeyword) && next.startLine! > this.LA(0).endLine!);
  }

  /** Consumes the `}` that closes a block opened by `open`, or reports the unclosed `{`. */
  private close(idx: number, open: IToken | undefined, owner: string): void {
    let closed = false;
    this.option(idx, () => {
      this.consume(idx, T.RCurly);
      closed = true;
    });
    // A block whose `{` was missing already has its problem: do not report its end too.
    if (!closed && open) {
      this.ACTION(() => {
        const next = this.LA(1);
        const where = next.tokenType === EOF ? 'before the end of the file' : `before ${describeToken(next)} on line ${next.startLine}`;
        this.problemAt(open, 'syntax', `the \`{\` of ${owner} is not closed; add \`}\` ${where}`);
      });
    }
  }

  /**
   * Records "expected WHAT after PREVIOUS, found NEXT" at the next token; or at the previous
   * one when the file ends or the next line starts a statement of its own (which then parses).
   */
  private expected(what: string): void {
    const previous = this.LA(0);
    const next = this.LA(1);
    const lineEnded = next.tokenType !== EOF && next.startLine! > previous.endLine! && tokenMatcher(next, T.StatementKeyword);
    if (next.tokenType === EOF || lineEnded) {
      this.problemAt(previous, 'syntax', `expected ${what}${after(previous)}, found ${lineEnded ? 'the end of the line' : 'the end of the file'}`);
      return;
    }
    const hint = tokenMatcher(next, T.Word) && /double quotes/.test(what) ? `; write \`"${next.image}"\`` : '';
    this.problemAt(next, 'syntax', `expected ${what}${after(previous)}, found ${describeToken(next)}${hint}`);
  }

  private reportUnknown(first: IToken, block: BlockKind): void {
    if (!tokenMatcher(first, T.Word)) {
      const expected =
        block === 'file' ? topLevelWords() : `a statement such as \`${blockKeywords[block][block === 'declaration' ? 2 : block === 'policy' ? 1 : 0]}\``;
      this.problemAt(first, 'syntax', `unexpected ${describeToken(first)} ${blockNames[block]}; expected ${expected}`);
      return;
    }
    const word = first.image;
    const valid = blockKeywords[block];
    const home = (Object.keys(homeOf) as (keyof typeof homeOf)[]).filter((b) => b !== block && blockKeywords[b].includes(word));
    let advice: string;
    if (block === 'policy' && blockKeywords.declaration.includes(word)) {
      // A policy asserts statements rather than making them.
      advice = `a policy asserts statements: write \`require ${word} …\`, \`forbid ${word} …\` or \`limit ${word} <= …\``;
    } else if (home.length > 0) {
      advice = `\`${word}\` is written in ${home.map((b) => homeOf[b]).join(' or ')}`;
    } else {
      const suggestion = suggest(word, valid);
      advice = suggestion ? `did you mean \`${suggestion}\`?` : `expected one of ${valid.map((k) => `\`${k}\``).join(', ')}`;
    }
    const noun = block === 'file' ? 'declaration' : 'statement';
    this.problemAt(first, 'unknown-statement', `unknown ${noun} \`${word}\` ${blockNames[block]}; ${advice}`);
  }

  /** Skips what follows `first` up to the next line, `;` or `}` of the same block; a `{ … }` on the way goes whole. */
  private skipStatement(first: IToken): void {
    let line = first.endLine!;
    if (tokenMatcher(first, T.LCurly)) line = this.skipBraces();
    for (;;) {
      const next = this.LA(1);
      if (next.tokenType === EOF || next.tokenType === T.RCurly || next.tokenType === T.Semicolon || next.startLine! > line) return;
      this.SKIP_TOKEN();
      line = tokenMatcher(next, T.LCurly) ? this.skipBraces() : next.endLine!;
    }
  }

  /**
   * When the JSON value ahead nests deeper than {@link MAX_JSON_DEPTH}, reports it at the first
   * bracket too deep, skips the whole value and returns true.
   */
  private skipDeepJson(): boolean {
    let depth = 0;
    let tooDeep: IToken | undefined;
    for (let i = 1; ; i++) {
      const t = this.LA(i);
      if (t.tokenType === EOF) break;
      if (t.tokenType === T.LCurly || t.tokenType === T.LBracket) {
        depth++;
        if (depth > MAX_JSON_DEPTH) {
          tooDeep = t;
          break;
        }
      } else if (t.tokenType === T.RCurly || t.tokenType === T.RBracket) depth--;
      if (depth <= 0) break;
    }
    if (!tooDeep) return false;
    this.problemAt(tooDeep, 'syntax', `this value nests deeper than ${MAX_JSON_DEPTH} levels; no request needs that many, so it was not read`);
    depth = 0;
    do {
      const t = this.LA(1);
      if (t.tokenType === T.LCurly || t.tokenType === T.LBracket) depth++;
      else if (t.tokenType === T.RCurly || t.tokenType === T.RBracket) depth--;
      this.SKIP_TOKEN();
    } while (depth > 0 && this.LA(1).tokenType !== EOF);
    this.lastSetEquals = undefined;
    return true;
  }

  /** After a `{`: skips up to and including its `}` (or to the end of the file); returns the last line skipped. */
  private skipBraces(): number {
    let depth = 1;
    while (depth > 0 && this.LA(1).tokenType !== EOF) {
      const t = this.LA(1);
      if (t.tokenType === T.LCurly) depth++;
      else if (t.tokenType === T.RCurly) depth--;
      this.SKIP_TOKEN();
    }
    return this.LA(0).endLine ?? 0;
  }

  /**
   * When `first` lies inside the JSON value of the latest `set` and that value had an error,
   * the offset where the value ends: its brackets balance, or a statement keyword starts a line.
   */
  private brokenValueEnd(first: IToken): number | undefined {
    const equals = this.lastSetEquals;
    if (!equals || this.errors.length === 0 || first.startOffset <= equals.startOffset) return undefined;
    const tokens = this.input;
    let i = tokens.indexOf(equals) + 1;
    if (i === 0 || i >= tokens.length) return undefined;
    let depth = 0;
    let end = tokens[i].endOffset!;
    for (; i < tokens.length; i++) {
      const t = tokens[i];
      const startsLine = t.startLine! > tokens[i - 1].endLine!;
      if (startsLine && tokenMatcher(t, T.StatementKeyword) && !tokenMatcher(tokens[i + 1] ?? t, T.Colon)) break;
      end = t.endOffset!;
      if (tokenMatcher(t, T.LCurly) || tokenMatcher(t, T.LBracket)) depth++;
      else if (t.tokenType === T.RCurly || t.tokenType === T.RBracket) depth--;
      if (depth <= 0) break;
    }
    if (first.startOffset > end) return undefined;
    this.lastSetEquals = undefined;
    return end;
  }

  private atTopLevelKeyword(): boolean {
    const t = this.LA(1);
    return t.tokenType === T.Intent || t.tokenType === T.Template || t.tokenType === T.Import || t.tokenType === T.Policy;
  }

  private problemAt(token: IToken, ruleId: ParseProblem['ruleId'], message: string): void {
    this.problems.push({ ruleId, message, start: token.startOffset, end: token.endOffset! + 1 });
    this.quietLine = token.startLine!;
  }

  /** Makes the lines of chevrotain's latest errors quiet too. */
  private noteErrors(): void {
    for (; this.errorsNoted < this.errors.length; this.errorsNoted++) {
      const token = this.errors[this.errorsNoted].token;
      if (token.tokenType !== EOF && Number.isFinite(token.startLine)) this.quietLine = token.startLine!;
    }
  }
}

let parser: DsiParser | undefined;

/**
 * The one parser. Building it runs chevrotain's grammar analysis (a third of a cold start), so it
 * is built once, on the first parse: commands that read no `.dsi` file never pay for it.
 */
export function dsiParser(): DsiParser {
  return (parser ??= new DsiParser({ validate: false }));
}
