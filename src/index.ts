/**
 * dsi — the DataSync Intent language. Compile `.dsi` transfer intents into exact AWS DataSync
 * `StartTaskExecution` requests, and lint intents and hand-written request files.
 *
 * @packageDocumentation
 */

/** Compiles the intents of one `.dsi` file into payloads that pass the checks, with diagnostics and source maps. */
export { compile } from './project/compile.js';
export type { CompileOptions, CompileResult, CompiledIntent } from './project/compile.js';
export type { ProjectOptions } from './project/options.js';
export { createCompileCache } from './compiler/index.js';
export type { CompileCache, ReadFile } from './compiler/index.js';
export type { Suppression, SuppressionUse, WaiverOptions } from './check/suppressions.js';

/** Reading inputs safely: imports confined to the project root, only regular files within the size limit. */
export { createImportReader, findProjectRoot } from './files/roots.js';
export type { ImportReaderOptions } from './files/roots.js';
export { MAX_INPUT_BYTES } from './files/read.js';
export { writeFilesAtomically, OutputError } from './files/write.js';
export type { WriteResult, OutputFile, WriteOptions } from './files/write.js';

/** Lints one `.dsi`, `.json`, `.yaml` or `.yml` input with the schema and every rule. */
export { lint, isLintable, isInternal, reportUnusedSuppressions } from './project/lint.js';
export type { LintOptions, LintResult, WaiverJudging } from './project/lint.js';
/** What `lint({ stats: true })` and `dsi lint --stats` report: the work each stage did, and its time. */
export { WORK_KINDS, WORK_STAGES } from './core/work.js';
export type { WorkStats, WorkCounts, WorkKind, WorkStage } from './core/work.js';
/** The orchestrator of a run over many files, and the configuration in force for each. */
export { createProject } from './project/project.js';
export type { CreateProjectOptions, Project, InputSet, InputKind, LintRun, CompileRun } from './project/project.js';
export type { Dependent } from './project/dependents.js';
export type { IgnoreOptions } from './files/inputs.js';
export { configure, createSettings, isConfigProblem } from './project/settings.js';
export type { FileSettings, Settings, SettingsOptions } from './project/settings.js';
export { configFor, checkRuleIds, createConfigCache, describeConfig, isLocked, CONFIG_FILE_NAMES, CONFIG_RULE_ID, PRESETS } from './config/index.js';
export type { ResolvedConfig, ConfigOptions, ConfigCache, ConfigLocation, ConfiguredTaskContext, PluginEntry, RuleEntry } from './config/index.js';
export { loadPlugins, PLUGIN_LOAD_BUDGET_MS, PLUGIN_RULE_ID } from './project/plugins.js';
export type { PluginSpec, LoadedPlugins, LoadPluginsOptions } from './project/plugins.js';

/** Parses `.dsi` text into a typed AST (no resolution, no compilation). */
export { parse } from './grammar/index.js';
export type { ParseOptions, ParseResult, SyntaxToken } from './grammar/index.js';
export type * from './grammar/ast.js';

/** The words of the language in one table: statement keywords, payload members, blocks and units. */
export { OPTION_STATEMENTS, DECLARATION_STATEMENTS, REPORT_SETTINGS, BLOCK_KEYWORDS, SIZE_UNITS } from './language/vocabulary.js';
export type { OptionStatement, BlockKind, SizeUnit } from './language/vocabulary.js';

/** The one printer of `.dsi` text: `dsi fmt` and `dsi decompile` as functions. */
export { formatText } from './printer/format.js';
export type { FormatResult } from './printer/format.js';
export { decompile } from './printer/decompile.js';
export type { DecompileOptions, DecompileResult } from './printer/decompile.js';
export { printFile } from './printer/print.js';

/** The fix loop of `dsi lint --fix`: fixes merged where rules fix one place, re-checked pass after pass, never a new error. */
export { applyFixes, applyEdits, MAX_FIX_PASSES } from './project/fix.js';
export type { CheckedFile, FixOutcome, Relint } from './project/fix.js';

/** Reads a JSON or YAML request file into a payload and a source map. */
export { parseRequest, requestFormatOf } from './requests/index.js';
export type { ParsedRequest, RequestFormat } from './requests/index.js';

/** Checks a payload against the JSON Schema generated from the official DataSync model. */
export { validatePayload } from './schema/index.js';
export type { SchemaIssue, SchemaMessageId } from './schema/index.js';

/** The rule engine and the built-in rules, for running and writing rules. */
export { createRule } from './rules/create-rule.js';
export type { Rule, RuleMeta, RuleContext, RuleReport, RelatedReport, RelatedPointer, RelatedLocation, RuleSource } from './rules/create-rule.js';
export { runRules, RULE_TIME_BUDGET_MS } from './rules/engine.js';
export { INVALID_RULE_OPTIONS } from './rules/options.js';
export type { RunRulesInput, RuleSetting } from './rules/engine.js';
export type { Dialect, OptionChange, Words } from './rules/words.js';
export { builtinRules, findRule, ruleInfo } from './rules/index.js';

/** Organisation policies: `policy` blocks read from a `.dsi` file, and turned into one rule per assertion. */
export { loadPolicyFile } from './compiler/index.js';
export type { BuildOptions, LoadedPolicies } from './compiler/index.js';
export { policyRules, POLICY_DOCS_URL } from './policy/index.js';
export type { PolicyRules, PolicyMessageId } from './policy/index.js';
export type { PolicyDeclaration, PolicyAssertion, PolicyScope, PolicyTarget } from './core/policy.js';

/** Task context from AWS (`DescribeTask`, `DescribeLocation*`), loading the SDK only when called. */
export { resolveTaskContext } from './context/aws.js';
/** Starts a task execution through the real SDK after checking the request against the API schema; retries only throttling. */
export { sendStartTaskExecution } from './aws/start.js';
export type { StartResult } from './aws/start.js';
export type { AwsContextOptions, ResolvedContext } from './context/aws.js';

export type { Diagnostic, DiagnosticSuppression, Severity, Fix, TextEdit, RelatedInformation } from './core/diagnostic.js';
/** True when any of the diagnostics is an error: what blocks a payload. */
export { hasErrors } from './core/diagnostic.js';
export type { Position, Range, SourceLocation } from './core/range.js';
export type { SourceMap, SourcePart, PayloadFix } from './core/source-map.js';
export { LOCATION_TYPES, S3_STORAGE_CLASSES, TASK_MODES } from './core/context.js';
export type { TaskContext, TaskMode, LocationContext, LocationType, S3StorageClass, ContextKey } from './core/context.js';
export type { Payload } from './core/payload.js';
export type { FileResult, RuleInfo } from './core/result.js';
