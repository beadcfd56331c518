/**
 * ajv's errors on a configuration, as diagnostics at the config's own key or value with what
 * to write instead. Rule settings are left to the resolver (it knows each rule's options
 * schema), so errors under a rule's value are dropped here.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../core/diagnostic.js';
import { escapeToken, parsePointer } from '../core/json-pointer.js';
import { suggest } from '../core/words.js';
import type { ConfigFile } from './parse.js';

/** A rule's value in `rules` or `overrides[n].rules`: checked by the resolver, not here. */
const RULE_VALUE = /^(?:\/overrides\/\d+)?\/rules\/[^/]+(?:\/|$)/;

const EXAMPLE_TASK_ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';

type Schema = Record<string, any>;

/** Diagnostics for ajv's `errors` on `data` (verbose errors: each carries its schema). */
export function schemaDiagnostics(errors: readonly ErrorObject[], data: unknown, file: Pick<ConfigFile, 'path' | 'rangeOf'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (pointer: string, part: 'key' | 'value', messageId: string, message: string) => {
    const range = file.rangeOf(pointer, part);
    const key = `${range.start.offset}:${range.end.offset}:${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ file: file.path, range, severity: 'error', ruleId: 'config', messageId, message });
  };

  const dropped = new Set<ErrorObject>();
  errors.forEach((e, i) => {
    if (e.keyword !== 'anyOf') return;
    // The failed branches' errors come right before the anyOf's own, at or under its path.
    const branch: ErrorObject[] = [];
    for (let j = i - 1; j >= 0 && under(errors[j].instancePath, e.instancePath); j--) branch.push(errors[j]);
    const specific = branch.filter((b) => b.instancePath !== e.instancePath || !['type', 'anyOf'].includes(b.keyword));
    const value = valueAt(data, e.instancePath);
    if (specific.length > 0 && value !== null && typeof value === 'object') {
      // A container of the right kind with something wrong inside: its own errors say more.
      for (const b of branch) if (b.instancePath === e.instancePath && b.keyword === 'type') dropped.add(b);
      dropped.add(e);
    } else for (const b of branch) dropped.add(b);
  });

  for (const e of errors) {
    if (dropped.has(e) || RULE_VALUE.test(e.instancePath) || (e as { propertyName?: string }).propertyName !== undefined) continue;
    const at = e.instancePath;
    const parent = (e.parentSchema ?? {}) as Schema;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        const allowed = Object.keys(parent.properties ?? {});
        const hint = suggest(key, allowed);
        if (/^(?:\/overrides\/\d+)?\/rules$/.test(at)) {
          add(at + '/' + escapeToken(key), 'key', 'unknownRule',
            `unknown rule \`${key}\`${hint ? `; did you mean \`${hint}\`?` : ';'} Built-in rules are listed at docs/rules; rules of plugins and policies are written \`namespace/rule\``);
        } else {
          add(at + '/' + escapeToken(key), 'key', 'unknownKey',
            `unknown key \`${key}\` in ${where(at)}${hint ? `; did you mean \`${hint}\`?` : ';'} Keys allowed here: ${allowed.filter((k) => k !== '$schema').join(', ')}`);
        }
        break;
      }
      case 'anyOf':
      case 'type': {
        const forms = e.keyword === 'anyOf' ? typeForms(errors, e) : [describe(parent)];
        add(at, 'value', 'wrongType', `${where(at)} must be ${forms.join(' or ')}${example(parent)}`);
        break;
      }
      case 'enum': {
        const allowed = (e.schema as unknown[]).map(String);
        const value = valueAt(data, at);
        const hint = typeof value === 'string' ? suggest(value, allowed) : undefined;
        add(at, 'value', 'unknownValue',
          `unknown value ${JSON.stringify(value)} for ${where(at)}${hint ? `; did you mean \`${hint}\`?` : ';'} Write one of: ${allowed.join(', ')}`);
        break;
      }
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        const property = (parent.properties?.[missing] ?? {}) as Schema;
        add(at, 'key', 'missingKey', `${where(at)} needs \`${missing}\`${property.description ? `: ${lowerFirst(property.description)}` : ''}${example(property)}`);
        break;
      }
      case 'propertyNames': {
        const name = String((e.params as { propertyName: string }).propertyName);
        add(at + '/' + escapeToken(name), 'key', 'notTaskArn', `\`${name}\` is not a task ARN: context is given by task ARN, such as ${EXAMPLE_TASK_ARN}`);
        break;
      }
      case 'minItems':
        add(at, 'value', 'empty', `${where(at)} must list at least ${(e.params as { limit: number }).limit}${example(parent)}`);
        break;
      case 'minLength':
        add(at, 'value', 'empty', `${where(at)} must not be empty`);
        break;
      default:
        add(at, 'value', e.keyword, `${where(at)} ${e.message ?? 'is invalid'}`);
    }
  }
  return out;
}

/** `overrides[0].rules`, `` `rulse` ``: a pointer as users read it. */
export function where(pointer: string): string {
  if (pointer === '') return 'the configuration';
  let out = '';
  for (const token of parsePointer(pointer)) out += /^\d+$/.test(token) ? `[${token}]` : out === '' ? token : `.${token}`;
  return `\`${out}\``;
}

function under(path: string, base: string): boolean {
  return path === base || path.startsWith(base + '/');
}

function valueAt(data: unknown, pointer: string): unknown {
  let v = data;
  for (const t of parsePointer(pointer)) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[t] : undefined;
  return v;
}

/** The forms an anyOf accepts, from the type errors of its branches. */
function typeForms(errors: readonly ErrorObject[], anyOf: ErrorObject): string[] {
  const forms = new Set<string>();
  const i = errors.indexOf(anyOf);
  for (let j = i - 1; j >= 0 && under(errors[j].instancePath, anyOf.instancePath); j--) {
    if (errors[j].instancePath === anyOf.instancePath && errors[j].keyword === 'type') forms.add(describe(errors[j].parentSchema as Schema));
  }
  return forms.size > 0 ? [...forms].reverse() : ['as the schema describes'];
}

function describe(schema: Schema | undefined): string {
  switch (schema?.type) {
    case 'array':
      return schema.items?.type === 'string' ? 'a list of strings' : 'a list';
    case 'object':
      return 'an object';
    case 'boolean':
      return '`true` or `false`';
    case 'string':
      return 'a string';
    case 'integer':
      return 'a whole number';
    default:
      return `a ${schema?.type ?? 'value'}`;
  }
}

function example(schema: Schema | undefined): string {
  const first = schema?.examples?.[0];
  return first === undefined ? '' : `, such as ${JSON.stringify(first)}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');
}
