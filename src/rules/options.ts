/**
 * Rule options from configuration, checked against each rule's `meta.schema` with ajv before
 * the rule runs. ajv is loaded, and a schema compiled, only when some rule is given options:
 * a run without options (every CLI run today) pays nothing at start-up.
 */
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Rule } from './create-rule.js';

/** The `ruleId` of the diagnostic that says a rule's configured options are invalid. */
export const INVALID_RULE_OPTIONS = 'invalid-rule-options';

interface OptionsValidator {
  compile(schema: object): ValidateFunction;
  errorsText(errors: ErrorObject[] | null | undefined, options: { dataVar: string }): string;
}

let validator: OptionsValidator | undefined;
// One compiled validator per schema object, as ajv's docs advise (compiling is the costly part).
const compiled = new WeakMap<object, ValidateFunction>();

/** What is wrong with `options` for `rule`, in a sentence naming the rule; undefined when they are valid or none are given. */
export function ruleOptionsProblem(rule: Rule<any, string>, options: unknown): string | undefined {
  if (options === undefined) return undefined;
  const schema = rule.meta.schema;
  if (schema === undefined) return `rule \`${rule.id}\` takes no options, but was given ${JSON.stringify(options)}`;
  let validate: ValidateFunction | undefined;
  try {
    validate = compiled.get(schema);
    if (!validate) {
      validator ??= loadAjv();
      validate = validator.compile(schema);
      compiled.set(schema, validate);
    }
  } catch (e) {
    return `rule \`${rule.id}\` has an invalid options schema: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (validate(options)) return undefined;
  return `rule \`${rule.id}\` was given invalid options: ${validator!.errorsText(validate.errors, { dataVar: 'options' })}`;
}

function loadAjv(): OptionsValidator {
  // A synchronous load on first use keeps ajv's compiler out of start-up (the bin bundle leaves this require to Node).
  const ajvModule = createRequire(import.meta.url)('ajv') as { default: new (options: object) => OptionsValidator };
  // Unknown keywords in a rule's schema are errors; type and tuple hints would only log to the console.
  return new ajvModule.default({ allErrors: true, strictTypes: false, strictTuples: false });
}
