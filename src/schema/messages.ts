/**
 * Turns ajv's errors into one plain-words issue per problem, each pointing at the member
 * (or the unknown key) at fault. The wording uses the member's name and says what to write.
 */
import type { ErrorObject } from 'ajv';
import { suggest } from '../core/words.js';
import { escapeToken, getAt, parsePointer } from '../core/json-pointer.js';
import { shapeAtTokens, shapeNamed, type Shape } from './shapes.js';

/**
 * Message ids of schema issues:
 * - `type`: the value has the wrong JSON type (a string where an integer belongs, …).
 * - `enum`: a value outside the member's enum; suggests the nearest allowed value.
 * - `pattern`: a string the model's pattern rejects; names the offending characters where it can.
 * - `min-length` / `max-length`: a string too short / too long, counted in code points.
 * - `min-items` / `max-items`: a list with too few / too many items.
 * - `minimum` / `maximum`: a number out of the model's range.
 * - `required`: a required member is missing (pointer: the object that lacks it; part `key`).
 * - `unknown-member`: a member the model does not know (pointer: that key; part `key`); suggests the nearest.
 * - `no-match`: a value matches none of a schema's alternatives (`anyOf`/`oneOf`; not in today's schema).
 * - `other`: any other schema keyword, with ajv's own wording (not in today's schema).
 */
export type SchemaMessageId =
  | 'type'
  | 'enum'
  | 'pattern'
  | 'min-length'
  | 'max-length'
  | 'min-items'
  | 'max-items'
  | 'minimum'
  | 'maximum'
  | 'required'
  | 'unknown-member'
  | 'no-match'
  | 'other';

/** One problem the schema found in a payload. */
export interface SchemaIssue {
  /** JSON Pointer of the member at fault (for `unknown-member` the unknown key; for `required` the object missing it). */
  pointer: string;
  /** Whether the issue is about the member's key or its value (what a source map should point at). */
  part: 'key' | 'value';
  messageId: SchemaMessageId;
  /** What is wrong and what to write instead, in plain words. */
  message: string;
  /** The allowed values (`enum`, `type` of an enum member), member names (`unknown-member`), or the missing member (`required`). */
  expected?: readonly string[];
  /** The nearest allowed value or member name, when one is close (`enum`, `unknown-member`). */
  suggestion?: string;
}

const INDEX = /^(0|[1-9][0-9]*)$/;

/** Examples that tell a person what to write, by shape. */
const EXAMPLES: Readonly<Record<string, string>> = {
  TaskArn: 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0',
  IamRoleArn: 'arn:aws:iam::111122223333:role/datasync-role',
  S3BucketArn: 'arn:aws:s3:::amzn-s3-demo-bucket',
  S3Subdirectory: 'manifests/manifest.csv',
  TagKey: 'team',
};

/** Character rules of the single-character-class patterns, by shape: what is allowed, or what to do. */
const CHARACTER_RULES: Readonly<Record<string, { allowed?: string; instead?: string; empty?: string }>> = {
  TagKey: { allowed: 'letters a–z, digits, spaces and + = . _ : / -' },
  TagValue: {
    allowed: 'letters a–z, digits, spaces and + = . _ : @ / -',
    empty: 'leave out Value for a tag without a value, or write at least one character',
  },
  S3Subdirectory: { allowed: 'letters a–z, digits, spaces and _ - + . / ( )' },
  FilterType: { allowed: 'capital letters A–Z, digits and _' },
  FilterValue: { instead: 'remove it', empty: 'write at least one pattern, or leave out the filter rule' },
  S3ObjectVersionId: { instead: 'write the version ID on one line' },
};

/** Converts ajv's errors for `payload` into deduplicated issues, in ajv's (schema) order. */
export function issuesFromErrors(errors: readonly ErrorObject[], payload: unknown): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const error of dropNoise(errors, payload)) {
    const issue = toIssue(error, payload);
    const key = [issue.messageId, issue.pointer, issue.part, issue.message].join('\0');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}

/** Drops errors that repeat another's point: sub-errors of anyOf/oneOf, and twins on one value. */
function dropNoise(errors: readonly ErrorObject[], payload: unknown): ErrorObject[] {
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const kept = errors.filter((e) => !combinators.some((c) => c !== e && e.schemaPath.startsWith(c.schemaPath + '/')));
  const keywordsAt = new Map<string, Set<string>>();
  for (const e of kept) {
    if (!keywordsAt.has(e.instancePath)) keywordsAt.set(e.instancePath, new Set());
    keywordsAt.get(e.instancePath)!.add(e.keyword);
  }
  return kept.filter((e) => {
    const here = keywordsAt.get(e.instancePath)!;
    // A value of the wrong type: every other complaint about it follows from that.
    if (here.has('type') && e.keyword !== 'type') return false;
    // The enum message lists the allowed values; its pattern/length twins add nothing.
    if (here.has('enum') && (e.keyword === 'pattern' || e.keyword === 'minLength' || e.keyword === 'maxLength')) return false;
    // An empty string fails both minLength and a `+` pattern: "must not be empty" says it all.
    if (e.keyword === 'pattern' && here.has('minLength') && getAt(payload, e.instancePath) === '') return false;
    return true;
  });
}

function toIssue(error: ErrorObject, payload: unknown): SchemaIssue {
  const tokens = parsePointer(error.instancePath);
  const shape = shapeAtTokens(tokens);
  const value = getAt(payload, error.instancePath);
  const subject = subjectOf(tokens, shape);
  const params = error.params as Record<string, unknown>;
  const at = error.instancePath;
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownMember(tokens, shape, String(params.additionalProperty));
    case 'required':
      return missingMember(tokens, shape, String(params.missingProperty));
    case 'type':
      return typeIssue(at, subject, shape, value, String(params.type));
    case 'enum':
      return enumIssue(at, subject, shape, value, (params.allowedValues as string[] | undefined) ?? []);
    case 'pattern':
      return { pointer: at, part: 'value', messageId: 'pattern', message: patternMessage(subject, shape, value, String(params.pattern)) };
    case 'minLength':
    case 'maxLength':
      return lengthIssue(at, subject, error.keyword, value, Number(params.limit));
    case 'minItems':
    case 'maxItems':
      return itemsIssue(at, subject, shape, error.keyword, value, Number(params.limit));
    case 'minimum':
    case 'maximum':
      return rangeIssue(at, subject, shape, error.keyword, value, Number(params.limit));
    case 'anyOf':
    case 'oneOf':
      return { pointer: at, part: 'value', messageId: 'no-match', message: `${subject} ${describeValue(value)} matches none of the forms DataSync allows here` };
    default:
      return { pointer: at, part: 'value', messageId: 'other', message: `${subject} ${error.message ?? `fails the schema keyword ${error.keyword}`}` };
  }
}

function unknownMember(tokens: readonly string[], shape: Shape | undefined, key: string): SchemaIssue {
  const members = shape?.members ?? [];
  const suggestion = suggest(key, members);
  const where = `unknown member ${JSON.stringify(key)} in ${containerLabel(tokens)}`;
  return {
    pointer: tokensToPointer([...tokens, key]),
    part: 'key',
    messageId: 'unknown-member',
    message: suggestion
      ? `${where}; did you mean ${JSON.stringify(suggestion)}?`
      : `${where}; allowed members: ${members.join(', ')}`,
    expected: members,
    ...(suggestion !== undefined && { suggestion }),
  };
}

function missingMember(tokens: readonly string[], shape: Shape | undefined, member: string): SchemaIssue {
  const memberShape = shapeNamed(shape?.memberShapes?.get(member));
  let add = 'add it';
  const example = memberShape && EXAMPLES[memberShape.name];
  if (example) add = `add it, e.g. ${JSON.stringify(member)}: ${JSON.stringify(example)}`;
  else if (memberShape?.kind === 'object' && memberShape.required && memberShape.required.length > 0) {
    add = `add it: an object with ${memberShape.required.join(', ')}`;
  }
  return {
    pointer: tokensToPointer(tokens),
    part: 'key',
    messageId: 'required',
    message: `missing required member ${JSON.stringify(member)} in ${containerLabel(tokens)}; ${add}`,
    expected: [member],
  };
}

const TYPE_PHRASES: Readonly<Record<string, string>> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  object: 'an object',
  array: 'a list',
  boolean: 'true or false',
  null: 'null',
};

function typeIssue(at: string, subject: string, shape: Shape | undefined, value: unknown, type: string): SchemaIssue {
  const want = TYPE_PHRASES[type] ?? type;
  let message: string;
  if (shape?.kind === 'enum' && shape.enum) {
    message = `${subject} must be a string: one of ${shape.enum.join(', ')}; got ${describeValue(value)}`;
  } else {
    message = `${subject} must be ${want}, got ${describeValue(value)}`;
    if (type === 'integer' && typeof value === 'string' && /^-?[0-9]+$/.test(value.trim())) message += '; write the number without quotes';
  }
  return {
    pointer: at,
    part: 'value',
    messageId: 'type',
    message,
    ...(shape?.kind === 'enum' && shape.enum && { expected: shape.enum }),
  };
}

function enumIssue(at: string, subject: string, shape: Shape | undefined, value: unknown, allowedParam: readonly string[]): SchemaIssue {
  const allowed = shape?.enum ?? allowedParam;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const suggestion = suggest(text, allowed);
  const head = `unknown value ${JSON.stringify(text)} for ${subject}`;
  return {
    pointer: at,
    part: 'value',
    messageId: 'enum',
    message: suggestion
      ? `${head}; did you mean ${JSON.stringify(suggestion)}? Allowed: ${allowed.join(', ')}`
      : `${head}; allowed: ${allowed.join(', ')}`,
    expected: allowed,
    ...(suggestion !== undefined && { suggestion }),
  };
}

function lengthIssue(at: string, subject: string, keyword: 'minLength' | 'maxLength', value: unknown, limit: number): SchemaIssue {
  const length = typeof value === 'string' ? [...value].length : 0;
  if (keyword === 'minLength') {
    return {
      pointer: at,
      part: 'value',
      messageId: 'min-length',
      message:
        length === 0 && limit === 1
          ? `${subject} must not be empty; write at least one character`
          : `${subject} is ${plural(length, 'character')} long; DataSync requires at least ${limit}`,
    };
  }
  return {
    pointer: at,
    part: 'value',
    messageId: 'max-length',
    message: `${subject} is ${plural(length, 'character')} long (counted in Unicode code points); DataSync allows at most ${limit}, so remove ${length - limit}`,
  };
}

/** What one item of a list is called, by list shape. */
const ITEM_NOUNS: Readonly<Record<string, string>> = { FilterList: 'filter rule', InputTagList: 'tag' };

function itemsIssue(
  at: string,
  subject: string,
  shape: Shape | undefined,
  keyword: 'minItems' | 'maxItems',
  value: unknown,
  limit: number,
): SchemaIssue {
  const count = Array.isArray(value) ? value.length : 0;
  const noun = ITEM_NOUNS[shape?.name ?? ''] ?? 'item';
  if (keyword === 'minItems') {
    return { pointer: at, part: 'value', messageId: 'min-items', message: `${subject} needs at least ${plural(limit, noun)}, got ${count}` };
  }
  const advice =
    shape?.name === 'FilterList' ? 'join patterns with | in one Value' : `remove ${plural(count - limit, noun)}`;
  return {
    // A list over its limit points at the first item past the limit.
    pointer: `${at}/${limit}`,
    part: 'value',
    messageId: 'max-items',
    message: `${subject} holds at most ${plural(limit, noun)}, got ${count}; ${advice}`,
  };
}

function rangeIssue(
  at: string,
  subject: string,
  shape: Shape | undefined,
  keyword: 'minimum' | 'maximum',
  value: unknown,
  limit: number,
): SchemaIssue {
  // -1 is how DataSync spells "no bandwidth limit".
  const limitText =
    shape?.name === 'BytesPerSecond' && keyword === 'minimum' && limit === -1 ? '-1 (unlimited)' : limit >= 2 ** 63 ? '9223372036854775807 (the largest 64-bit number)' : String(limit);
  return {
    pointer: at,
    part: 'value',
    messageId: keyword,
    message: `${subject} must be ${limitText} or ${keyword === 'minimum' ? 'more' : 'less'}, got ${String(value)}`,
  };
}

/** The plain-words message of a pattern failure: per known shape, else the offending characters or the pattern. */
function patternMessage(subject: string, shape: Shape | undefined, value: unknown, pattern: string): string {
  const text = typeof value === 'string' ? value : String(value);
  const q = quote(text);
  switch (shape?.name) {
    case 'TaskArn':
      return `${subject} ${q} is not a task ARN; expected a task ARN like ${EXAMPLES.TaskArn}`;
    case 'IamRoleArn':
      return `${subject} ${q} is not an IAM role ARN; expected one like ${EXAMPLES.IamRoleArn}`;
    case 'S3BucketArn': {
      const uri = /^s3:\/\/([^/]+)/.exec(text);
      if (uri) return `${subject} ${q} is an S3 URI, not a bucket ARN; write the bucket's ARN, like arn:aws:s3:::${uri[1]}`;
      return `${subject} ${q} is not an S3 bucket ARN; expected one like ${EXAMPLES.S3BucketArn}, or an S3 access point ARN`;
    }
  }
  const single = singleAtomPattern(pattern);
  if (single) {
    const rules = CHARACTER_RULES[shape?.name ?? ''] ?? {};
    if (text === '' && single.quantifier === '+') {
      return `${subject} is empty, which DataSync does not allow; ${rules.empty ?? 'write at least one character, or leave it out'}`;
    }
    const atom = new RegExp(`^${single.atom}$`, 'u');
    const offending = [...new Set([...text].filter((c) => !atom.test(c)))];
    if (offending.length > 0) {
      const what = offending.length === 1 ? 'a character' : 'characters';
      const instead = rules.allowed ? `allowed are ${rules.allowed}` : (rules.instead ?? `each character must match ${single.atom}`);
      return `${subject} ${q} has ${what} that DataSync does not allow: ${offending.map(showChar).join(' ')}; ${instead}`;
    }
  }
  return `${subject} ${q} does not match the pattern DataSync requires: ${pattern}`;
}

/** Splits `^[class]+$`, `^[class]*$`, `^.+$` into its one atom and quantifier; undefined for other patterns. */
function singleAtomPattern(pattern: string): { atom: string; quantifier: '*' | '+' } | undefined {
  const m = /^\^(\[(?:\\.|[^\\\]])*\]|\.)([*+])\$$/.exec(pattern);
  return m ? { atom: m[1], quantifier: m[2] as '*' | '+' } : undefined;
}

/** A character as a person can read it: invisible ones by code point. */
function showChar(c: string): string {
  const hex = 'U+' + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  if (c === '\0') return `NUL (${hex})`;
  if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') return `line break (${hex})`;
  return c !== ' ' && /[\p{C}\p{Z}]/u.test(c) ? hex : c;
}

/** A string in double quotes, shortened to 60 code points. */
function quote(text: string): string {
  const cps = [...text];
  return cps.length <= 60 ? JSON.stringify(text) : JSON.stringify(cps.slice(0, 57).join('')).slice(0, -1) + '…"';
}

/** A value's JSON type, with the value itself where short. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return `string ${quote(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  return typeof value;
}

/** How a member is named in messages: tags and filters in words, list items with their index, else the member name. */
function subjectOf(tokens: readonly string[], shape: Shape | undefined): string {
  if (tokens.length === 0) return 'the request';
  if (shape?.name === 'TagKey') return 'tag key';
  if (shape?.name === 'TagValue') return 'tag value';
  if (shape?.name === 'FilterValue') return 'filter value';
  const last = tokens[tokens.length - 1];
  if (INDEX.test(last) && tokens.length >= 2) return `${tokens[tokens.length - 2]}[${last}]`;
  return last;
}

/** The dotted path of an object, as `set` writes it (`TaskReportConfig.Destination.S3`, `Tags[0]`). */
function containerLabel(tokens: readonly string[]): string {
  if (tokens.length === 0) return 'the request';
  let label = '';
  for (const t of tokens) label += INDEX.test(t) ? `[${t}]` : label === '' ? t : `.${t}`;
  return label;
}

function tokensToPointer(tokens: readonly string[]): string {
  return tokens.map((t) => '/' + escapeToken(t)).join('');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
