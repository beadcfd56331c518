/**
 * The rule API, in the shape of ESLint / typescript-eslint rules: a rule reads a payload and
 * its task context, and reports JSON Pointers with message ids; the engine places them in files.
 */
import type { ContextKey, TaskContext } from '../core/context.js';
import type { Severity } from '../core/diagnostic.js';
import type { Payload } from '../core/payload.js';
import type { SourceLocation } from '../core/range.js';
import type { PayloadFix, SourcePart } from '../core/source-map.js';
import type { Words } from './words.js';

/**
 * Another place that takes part in a reported problem: a payload member (the other end of a
 * conflict), or a place in any file (the policy clause a payload breaks).
 */
export type RelatedReport = RelatedPointer | RelatedLocation;

/** A related place in the payload, which the front end's source map places. */
export interface RelatedPointer {
  /** A payload pointer, or a `/@context/…` pointer (`/@context/mode`, `/@context/destination/storageClass`). */
  readonly pointer: string;
  readonly part?: SourcePart;
  /** What this place contributes, in the file's words (`ctx.words`), e.g. "`transfer all` is set here". */
  readonly message: string;
}

/** A related place given as a file and range, such as a clause of a policy file; it explains, so the diagnostic never moves there. */
export interface RelatedLocation {
  readonly location: SourceLocation;
  /** What this place contributes, e.g. "the policy `prod-guardrails` requires this here". */
  readonly message: string;
}

/** One problem a rule found; `M` are the rule's message ids. */
export interface RuleReport<M extends string = string> {
  /** Where: a payload pointer (or a `/@context/…` pointer); the engine maps it to a file range. */
  readonly pointer: string;
  readonly part?: SourcePart;
  /**
   * A part of the string value at `pointer` (UTF-16 offsets, end exclusive), such as one pattern
   * of a filter Value: where the front end can tell, the diagnostic points at just that part.
   */
  readonly span?: { readonly start: number; readonly end: number };
  /** A key of the rule's `meta.messages`; a misspelt id fails to type-check. */
  readonly messageId: M;
  /** Values for the message template's `{{name}}` placeholders. */
  readonly data?: Readonly<Record<string, string | number>>;
  /** A payload change that solves the problem, where one obvious edit exists. */
  readonly fix?: PayloadFix;
  /** The other places involved; the engine moves the diagnostic to the latest of all of them. */
  readonly related?: readonly RelatedReport[];
  /**
   * What `pointer`'s place contributes, shown when the engine moves the diagnostic to a related
   * place that comes later in the source and makes this one a related location.
   */
  readonly label?: string;
  /** Overrides `meta.severity` for this report (e.g. a warning where context is missing). */
  readonly severity?: Severity;
}

/** What a rule's `check` sees; `O` is its options, `M` its message ids. */
export interface RuleContext<O, M extends string = string> {
  /** The request; it may not have passed the schema, so read it defensively (see `rules/read.ts`). */
  readonly payload: Readonly<Payload>;
  /** What is known of the task; every member may be missing. */
  readonly context: TaskContext;
  /** The rule's options: the configured ones over `meta.defaultOptions`. */
  readonly options: O;
  /**
   * How to name things in messages, labels and fix descriptions: in `.dsi` words for an intent
   * ("write `atime none`"), in the API's words for a JSON/YAML request file ("set Atime to NONE").
   */
  readonly words: Words;
  report(report: RuleReport<M>): void;
}

/** A link to the AWS documentation a rule derives from. */
export interface RuleSource {
  /** Short label as the constraints reference uses it, e.g. `API-Options §3.1`. */
  readonly label: string;
  readonly url: string;
}

/** What a rule says about itself; `O` is its options, `M` its message ids. */
export interface RuleMeta<O, M extends string = string> {
  /** One sentence: what the rule checks. */
  readonly description: string;
  /** The default severity of its reports. */
  readonly severity: Severity;
  readonly docs: {
    /** The AWS sources the rule comes from. */
    readonly sources: readonly RuleSource[];
    /** The rule's docs page; defaults to the built-in docs page of its id. */
    readonly url?: string;
  };
  /**
   * Message templates by message id, with `{{name}}` placeholders. Whatever names a setting or
   * advises a change comes in through data rendered with `ctx.words`, so that one template reads
   * well in both dialects.
   */
  readonly messages: Readonly<Record<M, string>>;
  /** JSON Schema of the options: configured options are validated against it before the rule runs. */
  readonly schema?: object;
  readonly defaultOptions?: O;
  /**
   * The schema message id (`max-items`, `max-length`) this rule restates with more to say and
   * a fix: where both report at one place, the check stage keeps only the rule's diagnostic.
   */
  readonly restates?: string;
  /** Context members the rule cannot do without; the engine skips it unless all are known. */
  readonly needs?: readonly ContextKey[];
}

/** A rule as the engine runs it. */
export interface Rule<O = unknown, M extends string = string> {
  readonly id: string;
  readonly meta: RuleMeta<O, M> & { readonly docsUrl: string };
  check(ctx: RuleContext<O, M>): void;
}

const DOCS_BASE = 'https://github.com/datasync-intent/dsi/blob/main/docs/rules/';

/** The docs page of a built-in rule. */
export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

// Kebab-case words, optionally namespaced (`plugin/rule`, `prod-guardrails/1`).
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*)*$/;

/**
 * Defines a rule: checks its id and messages, and adds its docs link. `M` is inferred from
 * `meta.messages`, so `report({ messageId })` accepts only those ids.
 */
export function createRule<O = undefined, M extends string = string>(def: {
  id: string;
  meta: RuleMeta<O, M>;
  check(ctx: RuleContext<O, NoInfer<M>>): void;
}): Rule<O, M> {
  // A malformed definition is a programming error in a rule module, found when it loads.
  if (!RULE_ID.test(def.id)) throw new Error(`rule id \`${def.id}\` must be kebab-case words, optionally namespaced with \`/\``);
  if (Object.keys(def.meta.messages).length === 0) throw new Error(`rule \`${def.id}\` has no messages`);
  return {
    id: def.id,
    meta: { ...def.meta, docsUrl: def.meta.docs.url ?? ruleDocsUrl(def.id) },
    check: def.check,
  };
}

/** Fills `{{name}}` placeholders; an unknown placeholder stays as written, so tests notice it. */
export function fillMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  // The same matches as a global replace of PLACEHOLDER, found from each `{{` with a sticky regex:
  // a replacer callback per match was a third of placing a report.
  let out = '';
  let done = 0;
  for (let at = template.indexOf('{{'); at !== -1; ) {
    PLACEHOLDER.lastIndex = at;
    const m = PLACEHOLDER.exec(template);
    if (m === null) {
      at = template.indexOf('{{', at + 1);
      continue;
    }
    out += template.slice(done, at) + (Object.hasOwn(data, m[1]) ? String(data[m[1]]) : m[0]);
    done = PLACEHOLDER.lastIndex;
    at = template.indexOf('{{', done);
  }
  return done === 0 ? template : out + template.slice(done);
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/y;
