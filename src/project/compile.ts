/**
 * `compile()`: `.dsi` text → one exact StartTaskExecution payload per intent that passes the
 * schema and the rules in force: the `.dsi` front end, then the check stage. Never throws on bad input.
 */
// Orchestration lives in project/, above both front ends and the check stage, so that neither imports the other.
import { DiagnosticIds, hasErrors, type Diagnostic } from '../core/diagnostic.js';
import type { TaskContext } from '../core/context.js';
import type { Payload } from '../core/payload.js';
import { START_OF_FILE, type Range } from '../core/range.js';
import type { SourceMap } from '../core/source-map.js';
import { allDiagnostics, checkUnit } from '../check/index.js';
import type { SuppressionUse } from '../check/suppressions.js';
import { buildIntents } from '../compiler/index.js';
import type { Rule } from '../rules/create-rule.js';
import { checkOptionsOf, type ProjectOptions } from './options.js';
import { givenOptions, givenString, givenText } from '../core/given.js';

/** Options of {@link compile}. */
export interface CompileOptions extends ProjectOptions {
  /** The rules to run; defaults to the built-in rules. `false` runs none (schema only). */
  readonly rules?: readonly Rule<any>[] | false;
}

/** One compiled intent. */
export interface CompiledIntent {
  readonly name: string;
  /**
   * The request, in the model's key order. Absent when `diagnostics` holds an error (a setting
   * that could not be emitted, the schema, or a rule at error severity): dsi hands out no payload
   * that fails the checks in force; the intent and its diagnostics are still listed. Problems of
   * the files (syntax, an unknown value) are in {@link CompileResult.diagnostics} and leave out
   * what they concern, so check `hasErrors(result.diagnostics)` before sending.
   */
  readonly payload?: Payload;
  /** What is known of the task (from the `task { }` block and `options.context`). */
  readonly context: TaskContext;
  /** Problems of this intent: missing settings, schema violations, rules. */
  readonly diagnostics: readonly Diagnostic[];
  /** Payload JSON Pointer → where in the `.dsi` files it was set. */
  readonly sourceMap: SourceMap;
  /** The range of the intent's name. */
  readonly range: Range;
}

/** The result of {@link compile}. */
export interface CompileResult {
  readonly intents: readonly CompiledIntent[];
  /**
   * Every problem, sorted and without repeats: of the files themselves (syntax, imports, names,
   * values, duplicates) and of each intent (which `intents[i].diagnostics` also lists).
   */
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read, by name (the entry and what it imports), for showing source lines. */
  readonly sources: ReadonlyMap<string, string>;
  /** The `dsi-ignore` comments of those files and whether each excused something here. */
  readonly suppressions: readonly SuppressionUse[];
  /** The problems waivers excused, each with its justification (for audit; not in force). */
  readonly suppressed: readonly Diagnostic[];
}

/** Compiles the intents of one `.dsi` file and checks them. Synchronous; never throws on bad input. */
export function compile(source: string, options: CompileOptions = { filename: 'input.dsi' }): CompileResult {
  const given = givenOptions(options);
  const file = givenString(given.filename, 'input.dsi');
  options = { ...given, filename: file };
  source = givenText(source);
  try {
    const unit = buildIntents(source, options);
    const checked = checkUnit(unit, checkOptionsOf(options));
    const intents = checked.payloads.map((p): CompiledIntent => ({
      name: p.unit.name ?? '',
      ...(hasErrors(p.diagnostics) ? {} : { payload: p.unit.payload as Payload }),
      context: p.context,
      diagnostics: p.diagnostics,
      sourceMap: p.unit.sourceMap,
      range: p.unit.range ?? p.unit.fallback.range,
    }));
    return { intents, diagnostics: allDiagnostics(checked), sources: unit.sources, suppressions: checked.suppressions, suppressed: checked.suppressed };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      intents: [],
      diagnostics: [{ file, range: START_OF_FILE, severity: 'error', ruleId: DiagnosticIds.internal, message: `internal error while compiling: ${message}` }],
      sources: new Map([[file, source]]),
      suppressions: [],
      suppressed: [],
    };
  }
}
