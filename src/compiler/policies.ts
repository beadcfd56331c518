/**
 * `policy` blocks → {@link PolicyDeclaration}s: statement words become payload members and
 * values become API literals through the same vocabulary and conversions as intents
 * (`OPTION_MEMBERS`, the schema's enums, `emitOption`, `emitBandwidth`). Problems are reported
 * in the language's words, with did-you-mean; an assertion with a problem is left out.
 */
import { LOCATION_TYPES, TASK_MODES, type LocationType, type TaskMode } from '../core/context.js';
import { DiagnosticIds } from '../core/diagnostic.js';
import type { PolicyAssertion, PolicyDeclaration, PolicyScope, PolicyTarget } from '../core/policy.js';
import { suggest } from '../core/words.js';
import type { AssertionNode, OptionKeyword, PolicyNode, PolicyValueNode, WhenNode, WordNode } from '../grammar/ast.js';
import { at, type LowerSink } from './emit/common.js';
import { emitBandwidth, emitOption, OPTION_MEMBERS } from './emit/options.js';
import { matchEnum } from './values.js';
import { BANDWIDTH, DECLARATION_STATEMENTS, FILTER_STATEMENTS } from '../language/vocabulary.js';

/** The statements `require` and `forbid` take, beside the option keywords: the filters and the blocks, by the member each sets. */
const PRESENCE_MEMBERS = Object.fromEntries(
  DECLARATION_STATEMENTS.filter((s) => [...FILTER_STATEMENTS.map((f) => f.keyword), 'manifest', 'report'].includes(s.keyword)).map((s) => [s.keyword, s.pointer!.slice(1)]),
) as Readonly<Record<string, Extract<PolicyTarget, { kind: 'member' }>['member']>>;
const FILTERS: readonly string[] = FILTER_STATEMENTS.map((f) => f.keyword);
/** The statements `limit` takes. */
const LIMITED = [BANDWIDTH.keyword, ...FILTERS, 'tags'] as const;
/** The subjects of `when`. */
const SCOPES = ['tag', 'task', 'mode', 'from', 'to'] as const;

const ASSERTED = [...Object.keys(OPTION_MEMBERS), BANDWIDTH.keyword, ...Object.keys(PRESENCE_MEMBERS), 'tag'];

const code = (s: string) => `\`${s}\``;
const list = (items: readonly string[]) => items.map(code).join(', ');

/** Compiles the policies of one file (`text`, named by `sink.file`). */
export function compilePolicy(node: PolicyNode, text: string, sink: LowerSink): PolicyDeclaration {
  const scope = node.when.map((w) => scopeOf(w, sink)).filter((s) => s !== undefined);
  const assertions = node.assertions.map((a) => assertionOf(a, text, sink)).filter((a) => a !== undefined);
  return { name: node.name.value, location: at(sink.file, node.name.range), scope, assertions };
}

// ---------------------------------------------------------------------------------------------
// `when`

function scopeOf(w: WhenNode, sink: LowerSink): PolicyScope | undefined {
  const subject = w.subject.value;
  const location = at(sink.file, w.range);
  if (!(SCOPES as readonly string[]).includes(subject)) {
    const hint = suggest(subject, SCOPES);
    sink.report(DiagnosticIds.unknownStatement, w.subject.range, `unknown scope \`when ${subject}\`; ${hint ? `did you mean \`${hint}\`?` : `write one of ${list(SCOPES)}`}`);
    return undefined;
  }
  if (subject !== 'tag' && w.equals) {
    sink.report(DiagnosticIds.invalidValue, w.equals[0].range, `only \`when tag KEY = "VALUE"\` takes \`=\`; write \`when ${subject} A | B\``);
    return undefined;
  }
  if (w.values.length === 0) {
    sink.report(DiagnosticIds.invalidValue, w.subject.range, `\`when ${subject}\` needs ${whatWhenTakes(subject)}`);
    return undefined;
  }
  if (subject === 'tag') {
    if (w.values.length > 1) {
      sink.report(DiagnosticIds.invalidValue, w.values[1].range, 'a `when tag` names one key; write one `when tag` line per key (all must hold)');
      return undefined;
    }
    const key = nameOf(w.values[0], sink, 'a tag key');
    const values = w.equals?.map((v) => stringOf(v, sink, 'a tag value'));
    if (key === undefined || values?.some((v) => v === undefined)) return undefined;
    return values ? { kind: 'tag', key, values: values as string[], location } : { kind: 'tag', key, location };
  }
  if (subject === 'task') {
    const globs = w.values.map((v) => stringOf(v, sink, 'a task ARN or glob'));
    if (globs.some((g) => g === undefined)) return undefined;
    return { kind: 'task', globs: globs as string[], location };
  }
  if (subject === 'mode') {
    const modes = w.values.map((v) => enumOf(v, TASK_MODES, 'task mode', sink));
    if (modes.some((m) => m === undefined)) return undefined;
    return { kind: 'mode', modes: modes as TaskMode[], location };
  }
  const types = w.values.map((v) => enumOf(v, LOCATION_TYPES, 'location type', sink));
  if (types.some((t) => t === undefined)) return undefined;
  return { kind: 'location', end: subject === 'from' ? 'source' : 'destination', types: types as LocationType[], location };
}

function whatWhenTakes(subject: string): string {
  if (subject === 'tag') return 'a tag key: `when tag env` or `when tag env = "prod"`';
  if (subject === 'task') return 'a task ARN or glob in double quotes: `when task "arn:aws:datasync:*:*:task/task-*"`';
  if (subject === 'mode') return 'a task mode: `when mode enhanced`';
  return `a location type: \`when ${subject} s3\``;
}

// ---------------------------------------------------------------------------------------------
// Assertions

function assertionOf(a: AssertionNode, text: string, sink: LowerSink): PolicyAssertion | undefined {
  const target = targetOf(a, sink);
  if (!target) return undefined;
  const checked = a.kind === 'limit' ? limitOf(a, target, sink) : valuesOf(a, target, sink);
  if (!checked) return undefined;
  return {
    kind: a.kind,
    target,
    ...checked,
    ...(a.name ? { name: { value: a.name.value, location: at(sink.file, a.name.range) } } : {}),
    severity: a.warn ? 'warning' : 'error',
    ...(a.because ? { because: a.because.value } : {}),
    text: text.slice(a.range.start.offset, a.range.end.offset),
    location: at(sink.file, a.range),
  };
}

function targetOf(a: AssertionNode, sink: LowerSink): PolicyTarget | undefined {
  const subject = a.subject.value;
  if (a.kind === 'limit') {
    const word = subject === 'tag' ? 'tags' : subject;
    if (word === BANDWIDTH.keyword) return { kind: 'option', member: BANDWIDTH.member };
    if (FILTERS.includes(word)) return { kind: 'member', member: PRESENCE_MEMBERS[word] };
    if (word === 'tags') return { kind: 'tags', keys: [] };
    return unknownSubject(a.subject, LIMITED, 'limit', sink);
  }
  if (Object.hasOwn(OPTION_MEMBERS, subject)) return { kind: 'option', member: OPTION_MEMBERS[subject as OptionKeyword] };
  if (subject === BANDWIDTH.keyword) return { kind: 'option', member: BANDWIDTH.member };
  if (Object.hasOwn(PRESENCE_MEMBERS, subject)) return { kind: 'member', member: PRESENCE_MEMBERS[subject] };
  if (subject === 'tag' || subject === 'tags') {
    const keys = a.values.map((v) => nameOf(v, sink, 'a tag key'));
    if (keys.length === 0) {
      sink.report(DiagnosticIds.invalidValue, a.subject.range, `\`${a.kind} tag\` needs the keys: \`${a.kind} tag team, cost-center\``);
      return undefined;
    }
    return keys.some((k) => k === undefined) ? undefined : { kind: 'tags', keys: keys as string[] };
  }
  return unknownSubject(a.subject, ASSERTED, a.kind, sink);
}

function unknownSubject(subject: WordNode, valid: readonly string[], kind: string, sink: LowerSink): undefined {
  const hint = suggest(subject.value, valid);
  const advice = hint ? `did you mean \`${hint}\`?` : `\`${kind}\` takes ${list(valid)}`;
  sink.report(DiagnosticIds.unknownStatement, subject.range, `unknown statement \`${subject.value}\` after \`${kind}\`; ${advice}`);
  return undefined;
}

/** The values of `require`/`forbid`, in the API's terms; undefined after a problem. */
function valuesOf(a: AssertionNode, target: PolicyTarget, sink: LowerSink): Pick<PolicyAssertion, 'values'> | undefined {
  if (a.limit) {
    sink.report(DiagnosticIds.invalidValue, a.limit.operatorRange, `only \`limit\` takes \`${a.limit.operator}\`; write \`limit ${a.subject.value} ${a.limit.operator} …\``);
    return undefined;
  }
  if (target.kind !== 'tags' && a.equals) {
    sink.report(DiagnosticIds.invalidValue, a.equals[0].range, `only \`${a.kind} tag KEY = "VALUE"\` takes \`=\`; write \`${a.kind} ${a.subject.value} A | B\``);
    return undefined;
  }
  if (target.kind === 'tags') {
    const values = (a.equals ?? []).map((v) => stringOf(v, sink, 'a tag value'));
    return values.some((v) => v === undefined) ? undefined : { values: values as string[] };
  }
  if (target.kind === 'member') {
    if (a.values.length > 0) {
      sink.report(DiagnosticIds.invalidValue, a.values[0].range, `\`${a.kind} ${a.subject.value}\` takes no values: it asks whether the statement is there`);
      return undefined;
    }
    return { values: [] };
  }
  const values = a.values.map((v) => optionValue(target.member, a.subject.value, v, sink));
  return values.some((v) => v === undefined) ? undefined : { values: values as (string | number)[] };
}

/** One value of an option, converted exactly as the statement's own value would be. */
function optionValue(member: string, keyword: string, v: PolicyValueNode, sink: LowerSink): string | number | undefined {
  const writes = (s: ReturnType<typeof emitOption>) => (s?.kind === 'write' ? (s.writes[0]?.value as string | number | undefined) : undefined);
  if (member === BANDWIDTH.member) {
    if (v.type === 'String') return notAString(v, 'a rate such as `100 MiB/s`, or `unlimited`', sink);
    return writes(emitBandwidth({ type: 'Bandwidth', keywordRange: v.range, value: v, range: v.range }, sink));
  }
  if (v.type !== 'Word') return notAWord(v, keyword, sink);
  return writes(emitOption({ type: 'Option', keyword: keyword as OptionKeyword, keywordRange: v.range, value: v, range: v.range }, sink));
}

/** The bound of `limit`, in bytes per second or a count. */
function limitOf(a: AssertionNode, target: PolicyTarget, sink: LowerSink): Pick<PolicyAssertion, 'values' | 'max'> | undefined {
  const example = target.kind === 'option' ? '500 MiB/s' : '10';
  if (a.values.length > 0 || a.equals) {
    sink.report(DiagnosticIds.invalidValue, (a.values[0] ?? a.equals![0]).range, `write \`limit ${a.subject.value} <= ${example}\``);
    return undefined;
  }
  if (!a.limit) {
    sink.report(DiagnosticIds.invalidValue, a.subject.range, `\`limit ${a.subject.value}\` needs a bound: write \`limit ${a.subject.value} <= ${example}\``);
    return undefined;
  }
  if (a.limit.operator !== '<=') {
    sink.report(DiagnosticIds.invalidValue, a.limit.operatorRange, `a limit is written with \`<=\` (at most): write \`limit ${a.subject.value} <= ${example}\``);
    return undefined;
  }
  const v = a.limit.value;
  if (target.kind === 'option') {
    const max = optionValue(BANDWIDTH.member, BANDWIDTH.keyword, v, sink);
    if (max === -1) {
      sink.report(DiagnosticIds.invalidValue, v.range, '`unlimited` is no limit; write a rate such as `500 MiB/s`, or remove this assertion');
      return undefined;
    }
    return max === undefined ? undefined : { values: [], max: max as number };
  }
  if (v.type !== 'Size' || v.unit !== undefined || !/^\d+$/.test(v.number)) {
    sink.report(DiagnosticIds.invalidValue, v.range, `\`limit ${a.subject.value}\` counts ${target.kind === 'tags' ? 'tags' : 'patterns'}: write a whole number such as \`10\``);
    return undefined;
  }
  return { values: [], max: Number(v.number) };
}

// ---------------------------------------------------------------------------------------------
// Values

function enumOf(v: PolicyValueNode, literals: readonly string[], what: string, sink: LowerSink): string | undefined {
  if (v.type !== 'Word') return notAWord(v, what, sink);
  const m = matchEnum(v.value, literals, what);
  if (!m.ok) sink.report(DiagnosticIds.unknownValue, v.range, m.message);
  return m.ok ? m.value : undefined;
}

/** A tag key: a word or a string, as in `tag KEY = …`. */
function nameOf(v: PolicyValueNode, sink: LowerSink, what: string): string | undefined {
  if (v.type === 'Size') return notAWord(v, what, sink);
  return v.value;
}

function stringOf(v: PolicyValueNode, sink: LowerSink, what: string): string | undefined {
  if (v.type === 'String') return v.value;
  const written = v.type === 'Word' ? v.value : v.number + (v.unit ? ` ${v.unit}` : '');
  sink.report(DiagnosticIds.invalidValue, v.range, `expected ${what} in double quotes, found \`${written}\`; write \`"${written}"\``);
  return undefined;
}

function notAWord(v: PolicyValueNode, what: string, sink: LowerSink): undefined {
  sink.report(DiagnosticIds.invalidValue, v.range, `expected a value of ${what.includes(' ') ? what : `\`${what}\``} as a bare word, found ${describe(v)}`);
  return undefined;
}

function notAString(v: PolicyValueNode, what: string, sink: LowerSink): undefined {
  sink.report(DiagnosticIds.invalidValue, v.range, `expected ${what}, found ${describe(v)}`);
  return undefined;
}

function describe(v: PolicyValueNode): string {
  return v.type === 'String' ? `the string ${JSON.stringify(v.value)}` : v.type === 'Size' ? `\`${v.number}${v.unit ? ` ${v.unit}` : ''}\`` : `\`${v.value}\``;
}
