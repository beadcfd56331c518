/**
 * The one command table: every command, its options and examples. Argument parsing, each
 * `dsi COMMAND --help`, the global help and docs/cli.md (scripts/generate-cli-docs.mjs) are all
 * made from it, so they cannot disagree.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { suggest } from '../core/words.js';
import { UsageError } from './usage.js';

/** One option of a command. */
export interface OptionSpec {
  /** The long name, without `--`. */
  readonly name: string;
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** May be given more than once (each value is kept). */
  readonly multiple?: boolean;
  /** The value's placeholder in help (`NAME`, `FILE`). */
  readonly value?: string;
  readonly description: string;
  readonly default?: string;
}

/** One example in help: the command line and what it does. */
export interface Example {
  readonly command: string;
  readonly says: string;
}

/** One command of the table. */
export interface CommandSpec {
  readonly name: string;
  /** One line: what the command does. */
  readonly summary: string;
  /** The arguments after the options in the usage line (`PATH...`). */
  readonly args: string;
  /** Paragraphs after the usage line. */
  readonly details: readonly string[];
  readonly options: readonly OptionSpec[];
  readonly examples: readonly Example[];
}

const INPUT_OPTIONS = [
  { name: 'stdin', type: 'boolean', description: 'Read one input from standard input (so does the path `-`); name it with --stdin-filename.' },
  { name: 'stdin-filename', type: 'string', value: 'NAME', description: 'The name standard input is checked as; its ending picks the language (.dsi, .json, .yaml, .yml). Default `<stdin>.dsi`.' },
  { name: 'import-root', type: 'string', multiple: true, value: 'DIR', description: 'A folder besides the project root that imports may read.' },
  { name: 'max-input-size', type: 'string', value: 'SIZE', description: 'The largest .dsi file read, inputs and imports (default 1MiB; e.g. 4MiB). Request files may always be 8 MiB, the largest valid request escaped three times over.' },
  { name: 'no-ignore', type: 'boolean', description: 'Read files that .dsiignore files or --ignore-pattern exclude.' },
  { name: 'ignore-pattern', type: 'string', multiple: true, value: 'PATTERN', description: 'Skip files matching PATTERN too (gitignore syntax, relative to the working folder).' },
] as const satisfies readonly OptionSpec[];

const CONFIG_OPTIONS = [
  { name: 'config', type: 'string', value: 'FILE', description: 'Use this configuration file alone instead of looking up dsi.config.{json,yaml,yml} files.' },
  { name: 'no-config-lookup', type: 'boolean', description: 'Read no configuration file.' },
  { name: 'no-plugins', type: 'boolean', description: 'Load no plugin code (for untrusted pull requests); rules of plugins do not run.' },
] as const satisfies readonly OptionSpec[];

const PRINT_CONFIG = { name: 'print-config', type: 'string', value: 'FILE', description: 'Print the configuration in force for FILE, and where each setting came from, instead of checking anything.' } as const satisfies OptionSpec;

const RULE_OPTION = { name: 'rule', type: 'string', multiple: true, value: 'ID:LEVEL', description: 'Set a rule to off, warn or error, over the configuration.' } as const satisfies OptionSpec;

/** The commands, in the order help lists them. */
export const COMMANDS = [
  {
    name: 'lint',
    summary: 'Check intents and request files: syntax, the API schema, every rule and policy.',
    args: 'PATH...',
    details: [
      'PATH is a file, a folder (walked for `*.dsi` and `*.datasync.{json,yaml,yml}`) or a glob pattern in quotes. Folders skip `node_modules`, `.git` and what `.dsiignore` files exclude; a file named here that an ignore file excludes is skipped with a warning.',
      'Given files, dsi also checks every .dsi file of the repository that imports one of them, directly or through other files, and says which file broke through which import: a hook that passes only the changed template still catches the intents it breaks. With --fix, the files checked this way are fixed too.',
      'A line is excused with `# dsi-ignore RULE-ID -- reason` on the line above, or until a day (UTC) with `# dsi-ignore RULE-ID until YYYY-MM-DD -- reason`.',
    ],
    options: [
      { name: 'format', short: 'f', type: 'string', value: 'FORMAT', default: 'stylish', description: 'stylish, json (ESLint\'s shape), sarif (2.1.0, for code scanning) or github (workflow annotations; writes a step summary when GITHUB_STEP_SUMMARY is set).' },
      { name: 'output-file', short: 'o', type: 'string', value: 'FILE', description: 'Write the report to FILE (whole or not at all) instead of standard output.' },
      { name: 'max-warnings', type: 'string', value: 'N', description: 'Exit 1 when there are more than N warnings.' },
      { name: 'quiet', type: 'boolean', description: 'Report errors only.' },
      RULE_OPTION,
      { name: 'fix', type: 'boolean', description: 'Apply the fixes (of .dsi and request files) and write the files back; fixes that conflict are not applied and are reported.' },
      { name: 'no-dependents', type: 'boolean', description: 'Check only the files given, not also the files of the repository that import them.' },
      { name: 'fix-dry-run', type: 'boolean', description: 'Apply the fixes in memory only: the report shows what --fix would leave (the json format carries each fixed text as `output`).' },
      { name: 'baseline', type: 'string', value: 'FILE', description: 'Report only problems that FILE does not list (made by --write-baseline).' },
      { name: 'write-baseline', type: 'string', value: 'FILE', description: 'Record every problem found in FILE (problems are matched by file, intent, rule and payload member, never by line).' },
      { name: 'resolve-context', type: 'boolean', description: 'Read each task\'s mode, options and locations from AWS (DescribeTask, ListLocations, `DescribeLocation*`).' },
      { name: 'region', type: 'string', value: 'REGION', description: 'The AWS Region for --resolve-context (default: the task ARN\'s).' },
      { name: 'endpoint-url', type: 'string', value: 'URL', description: 'The DataSync endpoint for --resolve-context.' },
      { name: 'no-inline-config', type: 'boolean', description: 'Ignore every dsi-ignore waiver.' },
      { name: 'report-unused-waivers', type: 'string', value: 'LEVEL', description: 'How waivers that excuse nothing are reported: off, warn (default) or error.' },
      { name: 'stats', type: 'boolean', description: 'Also print on standard error the work done (characters read, tokens lexed, rules called, source-map look-ups, waivers examined…) and the time of each stage.' },
      ...INPUT_OPTIONS,
      ...CONFIG_OPTIONS,
      PRINT_CONFIG,
    ],
    examples: [
      { command: 'dsi lint intents/ requests/', says: 'Check every intent and request file under the two folders.' },
      { command: "dsi lint 'intents/**/*.dsi' --format sarif -o dsi.sarif", says: 'Check the files a pattern matches and write a SARIF report.' },
      { command: 'dsi lint --baseline .dsi-baseline.json intents/', says: 'Report only problems that are not in the baseline.' },
      { command: 'cat nightly.dsi | dsi lint -', says: 'Check standard input as a .dsi intent.' },
    ],
  },
  {
    name: 'compile',
    summary: 'Compile .dsi intents into StartTaskExecution request JSON.',
    args: 'PATH...',
    details: [
      'PATH is a .dsi file, a folder (walked for `*.dsi`) or a glob pattern in quotes. The payloads are printed as one JSON object by intent name, or only the payload of --intent. Nothing is printed or written when any input has an error; problems go to standard error.',
    ],
    options: [
      { name: 'intent', type: 'string', value: 'NAME', description: 'Print only this intent\'s payload (ready for `aws datasync start-task-execution --cli-input-json`).' },
      { name: 'out', type: 'string', value: 'DIR', description: 'Write DIR/NAME.json for each intent instead, all or none; a file that already holds its request is left untouched.' },
      RULE_OPTION,
      ...INPUT_OPTIONS,
      ...CONFIG_OPTIONS,
      PRINT_CONFIG,
    ],
    examples: [
      { command: 'dsi compile nightly.dsi --intent nightly-archive', says: 'Print one intent\'s payload.' },
      { command: 'dsi compile intents/ --out build/requests', says: 'Write one request file per intent.' },
    ],
  },
  {
    name: 'start',
    summary: 'Lint and compile one intent (or request file), then start the task execution through AWS.',
    args: 'FILE',
    details: [
      'FILE is a .dsi file or a request file (.json, .yaml, .yml). The input is checked as `dsi lint` checks it, and nothing is sent when it has an error. The request goes to DataSync StartTaskExecution with the usual AWS credentials, and the TaskExecutionArn is printed.',
      'StartTaskExecution has no idempotency token, so dsi retries only when AWS throttles the call, never after a 5xx or a lost connection: a retry could start a second run.',
    ],
    options: [
      { name: 'intent', type: 'string', value: 'NAME', description: 'The intent to start, when FILE declares more than one.' },
      { name: 'dry-run', type: 'boolean', description: 'Print the exact request instead of sending it.' },
      { name: 'region', type: 'string', value: 'REGION', description: 'The AWS Region (default: the task ARN\'s).' },
      { name: 'profile', type: 'string', value: 'PROFILE', description: 'A profile of the shared AWS config files.' },
      { name: 'endpoint', type: 'string', value: 'URL', description: 'The DataSync endpoint (a VPC endpoint, a test server).' },
      { name: 'import-root', type: 'string', multiple: true, value: 'DIR', description: 'A folder besides the project root that imports may read.' },
  { name: 'max-input-size', type: 'string', value: 'SIZE', description: 'The largest .dsi file read, inputs and imports (default 1MiB; e.g. 4MiB). Request files may always be 8 MiB, the largest valid request escaped three times over.' },
      ...CONFIG_OPTIONS,
    ],
    examples: [
      { command: 'dsi start nightly.dsi --dry-run', says: 'Print the request that would be sent.' },
      { command: 'dsi start nightly.dsi --intent nightly-archive --profile prod', says: 'Start one intent with a named profile.' },
    ],
  },
  {
    name: 'fmt',
    summary: 'Rewrite .dsi files in the canonical layout, comments kept.',
    args: 'PATH... | -',
    details: [
      'PATH is a .dsi file, a folder (walked for `*.dsi`) or a glob pattern in quotes; `-` formats standard input to standard output. Each file is rewritten whole through a temporary file; a file with syntax errors is reported and left as it is. Formatting never changes what a file compiles to.',
    ],
    options: [{ name: 'check', type: 'boolean', description: 'Write nothing; list the files that would change and exit 1 if any would.' }],
    examples: [
      { command: 'dsi fmt intents/', says: 'Format every intent file under the folder in place.' },
      { command: 'dsi fmt --check .', says: 'In CI: fail when a file is not formatted.' },
    ],
  },
  {
    name: 'lsp',
    summary: 'Run the language server for editors over standard input and output.',
    args: '',
    details: ['Editors start it themselves (see docs/editors.md): diagnostics as you type from the same checks and configuration as `dsi lint`, hover with the AWS documentation, completion, navigation, formatting and quick fixes.'],
    options: [
      { name: 'stdio', type: 'boolean', description: 'Speak LSP over standard input and output (the only transport; editors pass it).' },
      { name: 'clientProcessId', type: 'string', value: 'PID', description: 'The editor\'s process id: the server exits when it does.' },
    ],
    examples: [{ command: 'dsi lsp --stdio', says: 'What an editor runs.' }],
  },
  {
    name: 'decompile',
    summary: 'Turn a request file back into a readable .dsi intent, printed on standard output.',
    args: 'REQUEST',
    details: [
      'REQUEST is a request file (.json, .yaml or .yml, as `aws datasync start-task-execution --cli-input-json` takes it). Each part becomes its statement (sizes in the largest exact unit, `s3://` forms where the ARN allows); `set` is used only for what no statement says. The task context configured for its task ARN becomes the `task { }` block. Compiling the result gives the same request.',
    ],
    options: [{ name: 'name', type: 'string', value: 'NAME', description: 'The intent\'s name (default: the file name without its endings).' }],
    examples: [{ command: 'dsi decompile requests/nightly.datasync.json > intents/nightly.dsi', says: 'Convert a request you already have.' }],
  },
  {
    name: 'explain',
    summary: 'Print a rule\'s documentation, its AWS source included.',
    args: 'RULE-ID',
    details: ['RULE-ID is a rule id as diagnostics show it (`bandwidth-zero`).'],
    options: [],
    examples: [{ command: 'dsi explain remove-with-transfer-all', says: 'Why `deleted remove` needs `transfer changed`, with the AWS page.' }],
  },
] as const satisfies readonly CommandSpec[];

/** Options every command takes. */
export const GLOBAL_OPTIONS = [
  { name: 'help', short: 'h', type: 'boolean', description: 'Print help (`dsi COMMAND --help`: that command\'s).' },
  { name: 'version', short: 'v', type: 'boolean', description: 'Print the version.' },
  { name: 'color', type: 'boolean', description: 'Color the output even when it is not a terminal.' },
  { name: 'no-color', type: 'boolean', description: 'Never color the output (so do NO_COLOR and FORCE_COLOR=0).' },
] as const satisfies readonly OptionSpec[];
/** The global options, seen as any option. */
const GLOBAL_SPECS: readonly OptionSpec[] = GLOBAL_OPTIONS;

const EXIT_CODES = 'Exit codes: 0 no errors, 1 errors in the input (a missing path and a folder or pattern with no file alike), 2 usage, configuration or internal error.';

/** A command's name. */
export type CommandName = (typeof COMMANDS)[number]['name'];

/** The value of an option as parsed: `true` or absent for a flag, a list for `multiple`, else the string (or its default). */
type OptionValue<O> = O extends { readonly type: 'boolean' }
  ? boolean | undefined
  : O extends { readonly multiple: true }
    ? string[]
    : O extends { readonly default: string }
      ? string
      : string | undefined;

/** The parsed values of a command's options and the global ones, by long name, typed by the table. */
export type CommandValues<S extends CommandSpec> = {
  readonly [O in S['options'][number] | (typeof GLOBAL_OPTIONS)[number] as O['name']]: OptionValue<O>;
};

/** Parsed arguments: option values as the table types them, and the other arguments in order. */
export interface ParsedArgs<S extends CommandSpec = CommandSpec> {
  readonly values: CommandValues<S>;
  readonly positionals: string[];
}

/** The command named `name`, or a usage error with a did-you-mean. */
export function findCommand<N extends CommandName>(name: N): Extract<(typeof COMMANDS)[number], { readonly name: N }>;
export function findCommand(name: string): CommandSpec;
export function findCommand(name: string): CommandSpec {
  const found = (COMMANDS as readonly CommandSpec[]).find((c) => c.name === name);
  if (found) return found;
  const names = COMMANDS.map((c) => c.name);
  const hint = suggest(name, names);
  throw new UsageError(`unknown command \`${name}\`` + (hint ? `; did you mean \`${hint}\`?` : `; commands: ${names.join(', ')}`));
}

/** The option of `spec` (or a global one) by its long or short name. */
function optionNamed(spec: CommandSpec, flag: string): OptionSpec | undefined {
  const all = [...spec.options, ...GLOBAL_SPECS];
  return flag.startsWith('--') ? all.find((o) => o.name === flag.slice(2)) : all.find((o) => o.short === flag.slice(1));
}

/**
 * Parses a command's arguments by its table entry. Unknown options get a did-you-mean and a
 * pointer to the command's help; Node's own parse errors are reworded.
 */
export function parseCommandArgs<S extends CommandSpec>(spec: S, args: readonly string[]): ParsedArgs<S> {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
    const flag = arg.startsWith('--') ? arg.split('=')[0] : arg.slice(0, 2);
    const option = optionNamed(spec, flag);
    if (!option) {
      const names = [...spec.options, ...GLOBAL_SPECS].map((o) => `--${o.name}`);
      const hint = arg.startsWith('--') ? suggest(flag, names) : undefined;
      throw new UsageError(`unknown option \`${flag}\` for dsi ${spec.name}` + (hint ? `; did you mean \`${hint}\`?` : ''));
    }
    if (option.type === 'string' && !arg.includes('=') && !(arg.startsWith('-') && !arg.startsWith('--') && arg.length > 2)) {
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new UsageError(`--${option.name} needs a value (${option.value ?? 'VALUE'})`);
      }
      i++;
    }
  }
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const o of [...spec.options, ...GLOBAL_SPECS]) {
    options[o.name] = {
      type: o.type,
      ...(o.short ? { short: o.short } : {}),
      ...(o.multiple ? { multiple: true } : {}),
      ...(o.default !== undefined ? { default: o.default } : o.multiple ? { default: [] } : {}),
    };
  }
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: values as CommandValues<S>, positionals };
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.code?.startsWith('ERR_PARSE_ARGS')) {
      const m = /'(-[^' ]+)/.exec(err.message);
      const option = m ? optionNamed(spec, m[1].replace(/^(--[^=]+)=.*$/, '$1')) : undefined;
      if (option?.type === 'boolean') throw new UsageError(`--${option.name} takes no value`);
      throw new UsageError(err.message.replace(/\.$/, ''));
    }
    throw e;
  }
}

/** Wraps text to `width` columns after an indent. */
function wrap(text: string, indent: number, width = 100): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && indent + line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : ' '.repeat(indent) + l)).join('\n');
}

/** `-f, --format FORMAT` */
export function optionSignature(o: OptionSpec): string {
  return `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.value ? ` ${o.value}` : ''}${o.multiple ? '...' : ''}`;
}

function optionLines(options: readonly OptionSpec[]): string {
  const width = Math.max(...options.map((o) => optionSignature(o).length)) + 4;
  return options.map((o) => `  ${optionSignature(o).padEnd(width)}${wrap(o.description + (o.default ? ` Default: ${o.default}.` : ''), width + 2)}`).join('\n');
}

/** `dsi COMMAND --help`: usage, details, every option, examples. */
export function commandHelp(spec: CommandSpec): string {
  const parts = [
    `dsi ${spec.name} — ${spec.summary}`,
    `Usage: dsi ${spec.name} [options] ${spec.args}`,
    ...spec.details.map((d) => wrap(d, 0)),
    ...(spec.options.length ? [`Options:\n${optionLines(spec.options)}`] : []),
    `Global options:\n${optionLines(GLOBAL_SPECS)}`,
    `Examples:\n${spec.examples.map((e) => `  ${e.command}\n      ${wrap(e.says, 6)}`).join('\n')}`,
    wrap(EXIT_CODES, 0),
  ];
  return `${parts.join('\n\n')}\n`;
}

/** `dsi --help`: the commands and where to read more. */
export function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 4;
  const parts = [
    'dsi — DataSync Intent compiler and linter',
    'Usage: dsi COMMAND [options] [ARGS]',
    `Commands:\n${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${wrap(c.summary, width + 2)}`).join('\n')}`,
    `Global options:\n${optionLines(GLOBAL_SPECS)}`,
    wrap('Run `dsi COMMAND --help` for a command\'s options and examples. Docs: docs/cli.md (every command), docs/language.md, docs/rules/, docs/ci.md, docs/editors.md.', 0),
    wrap(EXIT_CODES, 0),
  ];
  return `${parts.join('\n\n')}\n`;
}

/** docs/cli.md: the table as Markdown. */
export function cliMarkdown(): string {
  const table = (options: readonly OptionSpec[]) =>
    `| Option | What it does |\n| --- | --- |\n${options.map((o) => `| \`${optionSignature(o)}\` | ${(o.description + (o.default ? ` Default: \`${o.default}\`.` : '')).replaceAll('|', '\\|')} |`).join('\n')}`;
  const sections = COMMANDS.map((c) =>
    [
      `## dsi ${c.name}`,
      c.summary,
      '```sh\n' + `dsi ${c.name} [options] ${c.args}` + '\n```',
      ...c.details,
      ...(c.options.length ? [table(c.options)] : []),
      `Examples:\n\n\`\`\`sh\n${c.examples.map((e) => `${e.command}\n# ${e.says}`).join('\n')}\n\`\`\``,
    ].join('\n\n'),
  );
  return [
    '<!-- Generated by scripts/generate-cli-docs.mjs from src/cli/command.ts; do not edit by hand. -->',
    '# The `dsi` command line',
    'Run `npx dsi COMMAND --help` for the same text in the terminal.',
    `Commands: ${COMMANDS.map((c) => `[\`${c.name}\`](#dsi-${c.name})`).join(', ')}.`,
    ...sections,
    `## Global options\n\n${table(GLOBAL_SPECS)}`,
    `## Exit codes\n\n${EXIT_CODES.replace('Exit codes: ', '')}`,
  ].join('\n\n') + '\n';
}
