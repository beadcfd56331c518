/**
 * The checks every front end shares: the JSON Schema of the request, then the rules. Both speak
 * in payload pointers; the front end's source map turns them into places in the user's file.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { DiagnosticIds } from '../core/diagnostic.js';
import type { TaskContext } from '../core/context.js';
import type { SourceLocation } from '../core/range.js';
import { locate, type SourceMap } from '../core/source-map.js';
import { validatePayload, type SchemaIssue } from '../schema/index.js';
import { runRules, type RuleSetting } from '../rules/engine.js';
import type { Rule } from '../rules/create-rule.js';
import type { Dialect } from '../rules/words.js';

export interface CheckInput {
  readonly file: string;
  readonly payload: unknown;
  readonly context: TaskContext;
  readonly sourceMap: SourceMap;
  /** Where problems of the whole request point when nothing more precise is known. */
  readonly fallback: SourceLocation;
  /** Schema issues the front end has already reported in its own words. */
  readonly skipIssue?: (issue: SchemaIssue) => boolean;
  /** The front end's own wording of a schema issue, where it has one (what to write in its syntax). */
  readonly rephrase?: (issue: SchemaIssue) => string | undefined;
  /** The rules to run (default: the built-in rules); `false` runs only the schema. */
  readonly rules?: readonly Rule<any>[] | false;
  readonly ruleSettings?: Readonly<Record<string, RuleSetting>>;
  /** The language the rules' messages speak: `dsi` (default) for intents, `request` for request files. */
  readonly dialect?: Dialect;
}

/** Rules that restate a schema limit, and the schema message id they restate. */
const RESTATED_BY: Readonly<Record<string, string>> = { 'filter-single-rule': 'max-items', 'filter-max-length': 'max-length' };

/** Schema and rule diagnostics of one payload. */
export function checkPayload(input: CheckInput): Diagnostic[] {
  const { file, sourceMap, fallback } = input;
  const schema: Diagnostic[] = [];
  for (const issue of validatePayload(input.payload)) {
    if (input.skipIssue?.(issue)) continue;
    const loc = locate(sourceMap, issue.pointer, issue.part) ?? fallback;
    const message = input.rephrase?.(issue) ?? issue.message;
    schema.push({ file: loc.file, range: loc.range, severity: 'error', ruleId: DiagnosticIds.schema, messageId: issue.messageId, message });
  }
  if (input.rules === false) return schema;
  const rules = runRules({
    file,
    payload: input.payload,
    context: input.context,
    // The request as a whole maps to the fallback, so rules about it have a place to point.
    sourceMap: {
      get: (p, part) => sourceMap.get(p, part) ?? (p === '' ? fallback : undefined),
      edits: sourceMap.edits && ((f) => sourceMap.edits!(f)),
      getSpan: sourceMap.getSpan && ((p, s, e) => sourceMap.getSpan!(p, s, e)),
    },
    ...(input.rules ? { rules: input.rules } : {}),
    ...(input.ruleSettings ? { settings: input.ruleSettings } : {}),
    ...(input.dialect ? { dialect: input.dialect } : {}),
  });
  // Two rules restate a schema limit (one filter rule, filter length) with more to say and a fix: theirs replaces the schema's.
  const at = (d: Diagnostic) => `${d.file}\0${d.range.start.offset}\0${d.range.end.offset}`;
  const restated = new Set(rules.filter((d) => RESTATED_BY[d.ruleId]).map((d) => `${at(d)}\0${RESTATED_BY[d.ruleId]}`));
  return [...schema.filter((d) => !restated.has(`${at(d)}\0${d.messageId}`)), ...rules];
}
