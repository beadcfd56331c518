/** Usage errors: wrong flags or arguments. They exit 2. */
export class UsageError extends Error {}

export const HELP = `dsi — DataSync Intent compiler and linter

Usage:
  dsi compile PATH... [--intent NAME] [--out DIR]
  dsi lint PATH... [--format stylish|json|sarif|github] [--max-warnings N] [--quiet]
                   [--rule ID:off|warn|error]... [--fix] [--resolve-context]
                   [--stdin-filename NAME] [-o FILE]
  dsi --version | --help

PATH is a file or a directory (compile: *.dsi; lint: *.dsi and *.datasync.{json,yaml,yml}).
Exit codes: 0 no errors, 1 errors in the input, 2 usage or internal error.
`;
