/** Usage errors: wrong flags or arguments. They exit 2. */
export class UsageError extends Error {}

export const HELP = `dsi — DataSync Intent compiler and linter

Usage:
  dsi compile PATH... [--intent NAME] [--out DIR] [--import-root DIR]...
  dsi lint PATH... [--format stylish|json|sarif|github] [--max-warnings N] [--quiet]
                   [--rule ID:off|warn|error]... [--fix | --fix-dry-run] [--stdin-filename NAME] [-o FILE]
                   [--resolve-context [--region REGION] [--endpoint-url URL]]
                   [--import-root DIR]... [--no-inline-config]
                   [--report-unused-waivers off|warn|error]
  dsi fmt [--check] PATH... | dsi fmt -
  dsi decompile REQUEST.json|yaml [--name NAME]
  dsi --version | --help

PATH is a file or a directory (compile: *.dsi; lint: *.dsi and *.datasync.{json,yaml,yml});
directories skip node_modules, .git and the patterns of .dsiignore. Imports read only .dsi
files inside the project root (a config marked "root": true, else the repository); --import-root
allows another folder. Inputs are read only when they are regular files of at most 4 MiB.
--resolve-context reads each task's mode, options and locations from AWS (DescribeTask,
ListLocations, DescribeLocation*) with the usual AWS credentials; the intent's task block wins.
A line is excused with "# dsi-ignore RULE-ID -- reason" on the line above, or until a day
(UTC) with "# dsi-ignore RULE-ID until YYYY-MM-DD -- reason"; excused problems are listed in the
json (suppressedMessages) and sarif (suppressions) reports. --no-inline-config ignores them all.
fmt rewrites .dsi files in the canonical layout, keeping comments (\`-\`: stdin to stdout); a file
with syntax errors is reported and left alone; --check writes nothing and lists the files that
would change (exit 1). decompile prints a request file as an intent (statements where the
language has them, \`set\` for the rest; the configured task context as the task block).
Exit codes: 0 no errors, 1 errors in the input, 2 usage or internal error.
Docs: docs/language.md (the language), docs/rules/ (every rule and its AWS source).
`;
