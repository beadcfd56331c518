/**
 * Policies → rules: each assertion of a {@link PolicyDeclaration} becomes one rule, id
 * `POLICY/n` (or `POLICY/NAME` with `as NAME`), that reads the payload and the task context like
 * any rule and reports pointers; the engine places them where the setting was written (through
 * `extends` and imports), with the policy clause as a related location. No front end here: a
 * policy comes as data, from a `.dsi` file or from configuration.
 */
import { pathToFileURL } from 'node:url';
import type { TaskContext } from '../core/context.js';
import { DiagnosticIds, type Diagnostic, type Severity } from '../core/diagnostic.js';
import { getAt } from '../core/json-pointer.js';
import type { PolicyAssertion, PolicyDeclaration, PolicyScope } from '../core/policy.js';
import type { SourceLocation } from '../core/range.js';
import type { PayloadFix } from '../core/source-map.js';
import { createRule, type Rule, type RuleContext } from '../rules/create-rule.js';
import { trustRules } from '../rules/engine.js';
import { filterValues, spanOf, splitPatterns } from '../rules/filters.js';
import { arrayAt, stringAt } from '../rules/read.js';
import { bandwidthValue, type Words } from '../rules/words.js';
import { enumValues } from '../schema/index.js';

export type { PolicyAssertion, PolicyDeclaration, PolicyScope, PolicyTarget } from '../core/policy.js';

/** The docs page of policies: every policy rule links to it. */
export const POLICY_DOCS_URL = 'https://github.com/datasync-intent/dsi/blob/main/docs/policies.md';

/** Message ids of policy rules: a required setting is missing, has a value not allowed, is forbidden, or exceeds a limit (known or maybe). */
export type PolicyMessageId = 'missing' | 'notAllowed' | 'forbidden' | 'overLimit' | 'mayExceed';

// Policy messages are composed in code (they name the policy's own values); the template passes them through.
const MESSAGES: Readonly<Record<PolicyMessageId, string>> = {
  missing: '{{text}}',
  notAllowed: '{{text}}',
  forbidden: '{{text}}',
  overLimit: '{{text}}',
  mayExceed: '{{text}}',
};

/** The result of {@link policyRules}. */
export interface PolicyRules {
  readonly rules: readonly Rule<undefined, PolicyMessageId>[];
  /** Problems of the policies themselves: a name that cannot be a rule id, a name or id given twice. */
  readonly diagnostics: readonly Diagnostic[];
}

// Rule ids are kebab-case namespaces (create-rule.ts): the policy name is the namespace.
const POLICY_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ASSERTION_NAME = /^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$/;

/** One rule per assertion of `policies`; a policy whose name is taken or unusable is left out, with a diagnostic. */
export function policyRules(policies: readonly PolicyDeclaration[]): PolicyRules {
  const rules: Rule<undefined, PolicyMessageId>[] = [];
  const diagnostics: Diagnostic[] = [];
  const problem = (at: SourceLocation, ruleId: string, message: string, related?: SourceLocation): void => {
    diagnostics.push({ ...at, severity: 'error', ruleId, message, ...(related ? { related: [{ ...related, message: 'first declared here' }] } : {}) });
  };
  const byName = new Map<string, PolicyDeclaration>();
  for (const p of policies) {
    const earlier = byName.get(p.name);
    if (earlier) {
      // The same declaration reached twice (a file and its configuration naming it) is one policy.
      if (!sameLocation(earlier.location, p.location)) {
        problem(p.location, DiagnosticIds.duplicateName, `policy \`${p.name}\` is declared twice; rename one (its rules would share the ids \`${p.name}/…\`)`, earlier.location);
      }
      continue;
    }
    if (!POLICY_NAME.test(p.name)) {
      const fixed = p.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
      problem(
        p.location,
        DiagnosticIds.invalidValue,
        `a policy name starts its rule ids (\`NAME/1\`), so it is lower-case letters and digits joined by \`-\`${fixed ? `: write \`${fixed}\`` : ''}`,
      );
      continue;
    }
    byName.set(p.name, p);
    const ids = new Map<string, PolicyAssertion>();
    p.assertions.forEach((a, i) => {
      if (a.name && !ASSERTION_NAME.test(a.name.value)) {
        problem(a.name.location, DiagnosticIds.invalidValue, `\`as ${a.name.value}\` ends a rule id: use letters and digits joined by \`-\` or \`_\``);
        return;
      }
      const id = `${p.name}/${a.name?.value ?? i + 1}`;
      const taken = ids.get(id);
      if (taken) {
        problem(a.name?.location ?? a.location, DiagnosticIds.duplicateName, `rule id \`${id}\` is taken by another assertion of this policy; give this one another name`, taken.name?.location ?? taken.location);
        return;
      }
      ids.set(id, a);
      rules.push(assertionRule(p, a, id));
    });
  }
  // Rules dsi writes itself run without a watchdog (see runWithinBudget).
  trustRules(rules);
  return { rules, diagnostics };
}

function assertionRule(p: PolicyDeclaration, a: PolicyAssertion, id: string): Rule<undefined, PolicyMessageId> {
  const { file, range } = a.location;
  return createRule({
    id,
    meta: {
      description: `policy ${p.name}: ${a.text.replace(/\s+/g, ' ')}`,
      severity: a.severity,
      docs: { sources: [{ label: `${file}:${range.start.line}`, url: `${pathToFileURL(file).href}#L${range.start.line}` }], url: POLICY_DOCS_URL },
      messages: MESSAGES,
    },
    check(ctx) {
      if (p.scope.every((s) => inScope(s, ctx.payload, ctx.context))) judge(p, a, ctx);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Scope

/** True when the condition holds; context that is not known never matches (the policy does not apply). */
function inScope(s: PolicyScope, payload: unknown, context: TaskContext): boolean {
  if (s.kind === 'tag') {
    const tag = tagsOf(payload).find((t) => t.key === s.key);
    return tag !== undefined && (s.values === undefined || s.values.includes(tag.value ?? ''));
  }
  if (s.kind === 'task') {
    const arn = stringAt(payload, '/TaskArn');
    return arn !== undefined && s.globs.some((g) => globToRegExp(g).test(arn));
  }
  if (s.kind === 'mode') return context.mode !== undefined && s.modes.includes(context.mode);
  const type = context[s.end]?.type;
  return type !== undefined && s.types.includes(type);
}

/** `*` any run of characters, `?` one; everything else literal. */
function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 's');
}

interface TagAt {
  readonly key: string;
  readonly value?: string;
  readonly index: number;
}

function tagsOf(payload: unknown): TagAt[] {
  return (arrayAt(payload, '/Tags') ?? []).flatMap((_, index) => {
    const key = stringAt(payload, `/Tags/${index}/Key`);
    const value = stringAt(payload, `/Tags/${index}/Value`);
    return key === undefined ? [] : [{ key, index, ...(value !== undefined ? { value } : {}) }];
  });
}

// ---------------------------------------------------------------------------------------------
// Judging

type Ctx = RuleContext<undefined, PolicyMessageId>;

interface Finding {
  readonly messageId: PolicyMessageId;
  readonly pointer: string;
  readonly text: string;
  readonly part?: 'key' | 'value';
  readonly span?: { readonly start: number; readonly end: number };
  readonly severity?: Severity;
  readonly fix?: PayloadFix;
}

const code = (s: string) => `\`${s}\``;
const or = (items: readonly string[]) => items.join(' or ');

function judge(p: PolicyDeclaration, a: PolicyAssertion, ctx: Ctx): void {
  const verb = a.kind === 'require' ? 'required' : a.kind === 'forbid' ? 'forbidden' : 'limited';
  const because = a.because ? ` — because ${a.because.replace(/^because\s+/i, '')}` : '';
  for (const f of findings(p.name, a, ctx)) {
    ctx.report({
      messageId: f.messageId,
      pointer: f.pointer,
      ...(f.part ? { part: f.part } : {}),
      ...(f.span ? { span: f.span } : {}),
      ...(f.severity ? { severity: f.severity } : {}),
      ...(f.fix ? { fix: f.fix } : {}),
      data: { text: f.text + because },
      related: [{ location: a.location, message: `${verb} by ${p.name}` }],
    });
  }
}

function findings(policy: string, a: PolicyAssertion, ctx: Ctx): Finding[] {
  const t = a.target;
  if (t.kind === 'option') return a.kind === 'limit' ? bandwidthLimit(policy, a.max!, a.severity, ctx) : optionFindings(policy, a, t.member, ctx);
  if (t.kind === 'member') return a.kind === 'limit' ? patternLimit(policy, a.max!, t.member as 'Includes' | 'Excludes', ctx) : memberFindings(policy, a, t.member, ctx);
  return a.kind === 'limit' ? tagLimit(policy, a.max!, ctx) : tagFindings(policy, a, t.keys, ctx);
}

/** How the file names an option, a value of it, and a setting of it. */
function optionWords(w: Words, member: string) {
  const dsi = w.dialect === 'dsi';
  const api = (v: unknown) =>
    typeof v === 'number' && member === 'BytesPerSecond' ? (v === -1 ? '-1 (unlimited)' : `${v} (${bandwidthValue(v)})`) : JSON.stringify(v);
  return {
    dsi,
    name: dsi ? w.optionName(member) : code(`OverrideOptions.${member}`),
    value: (v: string | number) => (dsi ? w.value(member, v) : api(v)),
    setting: (v: unknown) => (dsi && (typeof v === 'string' || typeof v === 'number') ? w.option(member, v) : `${code(`OverrideOptions.${member}`)} is ${api(v)}`),
    /** Advice to write one of the values: "add `verify a` or `verify b`" / "set it to "A" or "B"". */
    toOneOf: (verb: string, values: readonly (string | number)[]) => (dsi ? `${verb} ${or(values.map((v) => w.option(member, v)))}` : `set it to ${or(values.map(api))}`),
  };
}

function optionFindings(policy: string, a: PolicyAssertion, member: string, ctx: Ctx): Finding[] {
  const pointer = `/OverrideOptions/${member}`;
  const o = optionWords(ctx.words, member);
  const actual = getAt(ctx.payload, pointer);
  const listed = (v: unknown) => a.values.length === 0 || a.values.includes(v as string | number);
  const setTo = (v: string | number): PayloadFix => ({ description: `${ctx.words.verb} ${ctx.words.change(member, v)}`, pointer, value: v });
  if (a.kind === 'require') {
    if (actual === undefined) {
      const advice = a.values.length > 0 ? o.toOneOf('add', a.values) : o.dsi ? `add a ${o.name} statement` : 'set it';
      const fix = a.values.length === 1 ? { fix: setTo(a.values[0]) } : {};
      return [{ messageId: 'missing', pointer: '', text: `${o.name} is not set: ${policy} requires it; ${advice}`, ...fix }];
    }
    if (listed(actual)) return [];
    const fix = a.values.length === 1 ? { fix: setTo(a.values[0]) } : {};
    return [{ messageId: 'notAllowed', pointer, text: `${o.setting(actual)}: ${policy} requires ${or(a.values.map(o.value))}`, ...fix }];
  }
  // forbid
  const advice = () => {
    const others = a.values.length > 0 ? (enumValues(pointer) ?? []).filter((l) => !a.values.includes(l)) : [];
    return others.length > 0 && others.length <= 3 ? o.toOneOf('write', others) : o.dsi ? ctx.words.removeOption(member) : 'remove it';
  };
  if (actual !== undefined) return listed(actual) ? [{ messageId: 'forbidden', pointer, text: `${o.setting(actual)}: ${policy} forbids it; ${advice()}` }] : [];
  // Not set: the task's stored setting applies. Judged where known; otherwise the task's default is assumed.
  const stored = (ctx.context.options as Record<string, unknown> | undefined)?.[member];
  if ((typeof stored === 'string' || typeof stored === 'number') && listed(stored)) {
    return [{ messageId: 'forbidden', pointer: '', text: `${ctx.words.stored(member, stored)} applies, as ${o.name} is not set: ${policy} forbids it; ${advice()}` }];
  }
  return [];
}

function bandwidthLimit(policy: string, max: number, severity: Severity, ctx: Ctx): Finding[] {
  const member = 'BytesPerSecond';
  const pointer = `/OverrideOptions/${member}`;
  const o = optionWords(ctx.words, member);
  const over = (v: number) => v === -1 || v > max;
  const most = `${policy} allows at most ${o.value(max)}`;
  const lower = o.dsi ? `write ${code(`bandwidth ${bandwidthValue(max)}`)} or less` : `set it to ${max} or less`;
  const actual = getAt(ctx.payload, pointer);
  if (typeof actual === 'number') return over(actual) ? [{ messageId: 'overLimit', pointer, text: `${o.setting(actual)}: ${most}; ${lower}` }] : [];
  if (actual !== undefined) return []; // the schema reports a value of the wrong type
  const stored = ctx.context.options?.BytesPerSecond;
  if (typeof stored === 'number') {
    return over(stored) ? [{ messageId: 'overLimit', pointer: '', text: `${ctx.words.stored(member, stored)} applies, as ${o.name} is not set: ${most}; ${lower.replace(/^write/, 'add')}` }] : [];
  }
  // The task's own, unknown setting decides; a task's default is unlimited: warn.
  return [
    {
      messageId: 'mayExceed',
      pointer: '',
      severity: severity === 'error' ? 'warning' : severity,
      text: `${o.name} is not set, so the task's own setting applies, which may be unlimited: ${most}; ${lower.replace(/^write/, 'add')}`,
    },
  ];
}

/** How the file names a top-level member, and what to add for it. */
function memberWords(w: Words, member: 'TaskReportConfig' | 'ManifestConfig' | 'Includes' | 'Excludes') {
  if (w.dialect !== 'dsi') return { name: code(member), add: 'add it' };
  if (member === 'TaskReportConfig') return { name: w.report, add: `add a ${code('report { … }')} block` };
  if (member === 'ManifestConfig') return { name: w.manifest, add: `add a ${w.manifest} statement` };
  const name = w.filterList(member);
  return { name, add: `add an ${name} statement` };
}

function memberFindings(policy: string, a: PolicyAssertion, member: 'TaskReportConfig' | 'ManifestConfig' | 'Includes' | 'Excludes', ctx: Ctx): Finding[] {
  const m = memberWords(ctx.words, member);
  const present = getAt(ctx.payload, `/${member}`) !== undefined;
  if (a.kind === 'require') return present ? [] : [{ messageId: 'missing', pointer: '', text: `${m.name} is not set: ${policy} requires it; ${m.add}` }];
  return present ? [{ messageId: 'forbidden', pointer: `/${member}`, part: 'key', text: `${m.name} is set: ${policy} forbids it; remove it` }] : [];
}

function patternLimit(policy: string, max: number, member: 'Includes' | 'Excludes', ctx: Ctx): Finding[] {
  const patterns = filterValues(ctx.payload, member).flatMap((f) => splitPatterns(f.value).map((p) => ({ pointer: f.pointer, span: spanOf(p) })));
  if (patterns.length <= max) return [];
  const first = patterns[max];
  const name = ctx.words.dialect === 'dsi' ? ctx.words.filterList(member) : code(member);
  return [{ messageId: 'overLimit', pointer: first.pointer, span: first.span, text: `${name} has ${patterns.length} patterns: ${policy} allows at most ${max}` }];
}

function tagLimit(policy: string, max: number, ctx: Ctx): Finding[] {
  const count = (arrayAt(ctx.payload, '/Tags') ?? []).length;
  if (count <= max) return [];
  const what = ctx.words.dialect === 'dsi' ? `${count} tags are set` : `${code('Tags')} has ${count} tags`;
  return [{ messageId: 'overLimit', pointer: `/Tags/${max}/Key`, text: `${what}: ${policy} allows at most ${max}` }];
}

function tagFindings(policy: string, a: PolicyAssertion, keys: readonly string[], ctx: Ctx): Finding[] {
  const dsi = ctx.words.dialect === 'dsi';
  const tags = tagsOf(ctx.payload);
  const values = a.values.map(String);
  const keyWord = (k: string) => (/^[A-Za-z][A-Za-z0-9_-]*$/.test(k) ? k : JSON.stringify(k));
  const tagSetting = (t: TagAt) => (dsi ? code(`tag ${keyWord(t.key)} = ${JSON.stringify(t.value ?? '')}`) : `${code('Tags')} ${JSON.stringify(t.key)} is ${JSON.stringify(t.value ?? null)}`);
  const out: Finding[] = [];
  if (a.kind === 'forbid') {
    for (const t of tags) {
      if (!keys.includes(t.key) || (values.length > 0 && !values.includes(t.value ?? ''))) continue;
      out.push({ messageId: 'forbidden', pointer: `/Tags/${t.index}/Key`, text: `${tagSetting(t)}: ${policy} forbids ${values.length > 0 ? 'this value' : 'this tag'}; remove it` });
    }
    return out;
  }
  const missing: string[] = [];
  for (const k of keys) {
    const t = tags.find((x) => x.key === k);
    if (!t) missing.push(k);
    else if (values.length > 0 && !values.includes(t.value ?? '')) {
      out.push({ messageId: 'notAllowed', pointer: `/Tags/${t.index}/Value`, text: `${tagSetting(t)}: ${policy} requires ${or(values.map((v) => JSON.stringify(v)))}` });
    }
  }
  if (missing.length > 0) {
    const value = JSON.stringify(values.length === 1 ? values[0] : '…');
    const one = missing.length === 1;
    const text = dsi
      ? `${one ? 'tag' : 'tags'} ${missing.map((k) => code(k)).join(', ')} ${one ? 'is' : 'are'} not set: ${policy} requires ${one ? 'it' : 'them'}; add ${missing.map((k) => code(`tag ${keyWord(k)} = ${value}`)).join(' and ')}`
      : `${code('Tags')} has no ${one ? 'key' : 'keys'} ${missing.map((k) => JSON.stringify(k)).join(', ')}: ${policy} requires ${one ? 'it' : 'them'}; add ${missing.map((k) => code(`{"Key": ${JSON.stringify(k)}, "Value": ${value}}`)).join(' and ')}`;
    out.unshift({ messageId: 'missing', pointer: '', text });
  }
  return out;
}

function sameLocation(a: SourceLocation, b: SourceLocation): boolean {
  return a.file === b.file && a.range.start.offset === b.range.start.offset;
}
