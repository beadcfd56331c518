/** Usage errors: wrong flags or arguments. They exit 2. */
export class UsageError extends Error {}

export const HELP = `dsi — DataSync Intent compiler and linter

Usage:
  dsi compile PATH... [--intent NAME] [--out DIR] [--import-root DIR]... [--rule ID:off|warn|error]...
  dsi lint PATH... [--format stylish|json|sarif|github] [--max-warnings N] [--quiet]
                   [--rule ID:off|warn|error]... [--fix] [--stdin-filename NAME] [-o FILE]
                   [--resolve-context [--region REGION] [--endpoint-url URL]]
                   [--import-root DIR]... [--no-inline-config]
                   [--report-unused-waivers off|warn|error]
  both also take:  [--config FILE | --no-config-lookup] [--no-plugins] [--print-config FILE]
                   [--max-input-size SIZE]
  dsi --version | --help

PATH is a file or a directory (compile: *.dsi; lint: *.dsi and *.datasync.{json,yaml,yml});
directories skip node_modules, .git and the patterns of .dsiignore. Imports read only .dsi
files inside the project root (a config marked "root": true, else the repository); --import-root
allows another folder. Inputs are read only when they are regular UTF-8 files of at most 1 MiB
(.dsi; raise it with --max-input-size 4MiB) or 8 MiB (request files).
--resolve-context reads each task's mode, options and locations from AWS (DescribeTask,
ListLocations, DescribeLocation*) with the usual AWS credentials; the intent's task block wins.
A line is excused with "# dsi-ignore RULE-ID -- reason" on the line above, or until a day
(UTC) with "# dsi-ignore RULE-ID until YYYY-MM-DD -- reason"; excused problems are listed in the
json (suppressedMessages) and sarif (suppressions) reports. --no-inline-config ignores them all.
Configuration: every dsi.config.{json,yaml,yml} from a file's folder up to the project root
applies (docs/configuration.md): rules, policies, plugins, locked rules, task context.
--config FILE uses that file alone; --print-config FILE shows what is in force for FILE and
where each setting came from; --no-plugins loads no plugin code (for untrusted pull requests).
Exit codes: 0 no errors, 1 errors in the input, 2 usage, configuration or internal error.
Docs: docs/language.md (the language), docs/rules/ (every rule and its AWS source).
`;
