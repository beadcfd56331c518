/**
 * The TextMate grammar (editors/textmate/dsi.tmLanguage.json) as VS Code runs it: vscode-textmate
 * with the oniguruma engine. Expectations on the examples come from the parser's AST, so every
 * keyword, value, string and size of every example is checked, not a hand-picked few.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import { parse } from '../../src/grammar/index.js';
import type { ContextNode, DeclarationNode, FileNode, ReportStatementNode, StatementNode } from '../../src/grammar/ast.js';
import type { Range } from '../../src/core/range.js';
import { repoRoot } from '../helpers.js';

const grammarPath = join(repoRoot, 'editors', 'textmate', 'dsi.tmLanguage.json');
let grammar: IGrammar;

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (scope === 'source.dsi' ? parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null),
  });
  grammar = (await registry.loadGrammar('source.dsi'))!;
});

interface Token {
  readonly line: number; // 1-based
  readonly start: number; // 0-based column
  readonly end: number;
  readonly scopes: readonly string[];
}

function tokenize(text: string): Token[] {
  let state = INITIAL;
  const out: Token[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ line: i + 1, start: t.startIndex, end: t.endIndex, scopes: t.scopes });
    state = r.ruleStack;
  });
  return out;
}

/** Every token that overlaps a span of one line. */
function tokensIn(tokens: readonly Token[], line: number, start: number, end: number): Token[] {
  return tokens.filter((t) => t.line === line && t.start < end && t.end > start && t.start < t.end);
}

type Expectation = { readonly range: Range; readonly scope: string; readonly what: string };

/** What the parser says each part of a file is, and the scope the grammar must give it. */
function expectationsOf(ast: FileNode): Expectation[] {
  const out: Expectation[] = [];
  const at = (range: Range, scope: string, what: string) => out.push({ range, scope, what });
  const string = (range: Range, what: string) => at(range, 'string.quoted.double.dsi', what);
  const context = (c: ContextNode) => {
    at(c.keywordRange, 'keyword.other.statement.dsi', 'context keyword');
    if (c.type === 'ContextMode') at(c.value.range, 'constant.language.value.dsi', 'mode');
    else if (c.type === 'ContextLocation') {
      at(c.location.range, 'constant.language.value.dsi', 'location type');
      if (c.storageClass) at(c.storageClass.range, 'constant.language.value.dsi', 'storage class');
    } else string(c.value.range, 'log group');
  };
  const report = (s: ReportStatementNode) => {
    at(s.keywordRange, 'keyword.other.statement.dsi', 'report keyword');
    if (s.type === 'ReportSetting') at(s.value.range, 'constant.language.value.dsi', 'report value');
    else string(s.value.range, 'report string');
  };
  const statement = (s: StatementNode) => {
    at(s.keywordRange, 'keyword.other.statement.dsi', `${s.type} keyword`);
    switch (s.type) {
      case 'Option':
        return at(s.value.range, 'constant.language.value.dsi', `${s.keyword} value`);
      case 'Bandwidth':
        if (s.value.type === 'Size') {
          at(s.value.range, 'constant.numeric.size.dsi', 'size');
          if (s.value.unit) {
            const end = s.value.range.end;
            const unitLength = s.value.unit.length + (s.value.perSecond ? 2 : 0);
            at({ start: { ...end, offset: end.offset - unitLength, column: end.column - unitLength }, end }, 'keyword.other.unit.dsi', 'unit');
          }
        } else at(s.value.range, 'constant.language.value.dsi', 'unlimited');
        return;
      case 'Task':
        string(s.arn.range, 'task ARN');
        return s.context?.forEach(context);
      case 'Filter':
        return s.patterns.forEach((p) => string(p.range, 'pattern'));
      case 'Manifest':
        string(s.address.range, 'manifest address');
        if (s.version) string(s.version.range, 'manifest version');
        return string(s.role.range, 'manifest role');
      case 'Report':
        return s.statements.forEach(report);
      case 'Tag':
        at(s.key.range, s.key.quoted ? 'string.quoted.double.dsi' : 'variable.other.key.dsi', 'tag key');
        return string(s.value.range, 'tag value');
      case 'Set':
        return at(s.pathRange, 'variable.other.property.dsi', 'set path');
    }
  };
  for (const item of ast.items) {
    if (item.type === 'Import') string(item.path.range, 'import path');
    else if (item.type === 'Policy') {
      at(item.name.range, 'entity.name.type.policy.dsi', 'policy name');
      for (const a of [...item.when, ...item.assertions]) {
        at(a.keywordRange, 'keyword.control.policy.dsi', 'policy keyword');
        at(a.subject.range, 'keyword.other.statement.dsi', 'policy subject');
        for (const v of [...a.values, ...(a.equals ?? [])]) {
          at(v.range, v.type === 'String' ? 'string.quoted.double.dsi' : v.type === 'Size' ? 'constant.numeric.size.dsi' : 'constant.language.value.dsi', 'policy value');
        }
        if (a.type === 'Assertion' && a.because) string(a.because.range, 'because');
      }
    }
    else {
      const d: DeclarationNode = item;
      at(d.keywordRange, 'storage.type.declaration.dsi', 'declaration keyword');
      at(d.name.range, 'entity.name.type.dsi', 'declaration name');
      for (const p of d.parents) at(p.range, 'entity.other.inherited-class.dsi', 'parent name');
      d.body.forEach(statement);
    }
  }
  return out;
}

/** Where each line's comment starts (outside strings), as 0-based columns by 1-based line. */
function commentStarts(text: string): Map<number, number> {
  const out = new Map<number, number>();
  text.split(/\r?\n/).forEach((line, i) => {
    let inString = false;
    for (let c = 0; c < line.length; c++) {
      if (inString) {
        if (line[c] === '\\') c++;
        else if (line[c] === '"') inString = false;
      } else if (line[c] === '"') inString = true;
      else if (line[c] === '#' || line.startsWith('//', c)) {
        out.set(i + 1, c);
        return;
      }
    }
  });
  return out;
}

/** The problems of one text: every expectation whose tokens lack the scope. */
function mismatches(text: string): string[] {
  const { ast, diagnostics } = parse(text, 'x.dsi');
  expect(diagnostics).toEqual([]);
  const tokens = tokenize(text);
  const problems: string[] = [];
  for (const e of expectationsOf(ast)) {
    const { start, end } = e.range;
    expect(start.line).toBe(end.line);
    const found = tokensIn(tokens, start.line, start.column - 1, end.column - 1);
    if (found.length === 0) problems.push(`${e.what} at ${start.line}:${start.column} has no token`);
    for (const t of found) if (!t.scopes.includes(e.scope)) problems.push(`${e.what} at ${start.line}:${start.column} has ${t.scopes.join(' ')}, not ${e.scope}`);
  }
  const lines = text.split(/\r?\n/);
  for (const [line, column] of commentStarts(text)) {
    for (const t of tokensIn(tokens, line, column, lines[line - 1].length)) {
      if (!t.scopes.some((s) => s.startsWith('comment.line.'))) problems.push(`comment at ${line}:${column + 1} has ${t.scopes.join(' ')}`);
    }
    for (const t of tokensIn(tokens, line, 0, column)) {
      if (t.scopes.some((s) => s.startsWith('comment.'))) problems.push(`code before the comment at ${line}:${t.start + 1} is scoped as a comment`);
    }
  }
  return problems;
}

/** The scopes of the token at 1-based `line`, at the first occurrence of `word` on it (after `from`). */
function scopesOf(text: string, line: number, word: string, from = 0): readonly string[] {
  const column = text.split('\n')[line - 1].indexOf(word, from);
  expect(column).toBeGreaterThanOrEqual(0);
  const [t] = tokensIn(tokenize(text), line, column, column + word.length);
  return t.scopes;
}

describe('TextMate grammar', () => {
  const examples = (readdirSync(join(repoRoot, 'examples'), { recursive: true }) as string[]).filter((f) => f.endsWith('.dsi')).sort();

  it.each(examples)('scopes every keyword, value, string, size and comment of examples/%s', (name) => {
    const text = readFileSync(join(repoRoot, 'examples', name), 'utf8');
    expect(expectationsOf(parse(text, name).ast).length).toBeGreaterThan(3);
    expect(mismatches(text)).toEqual([]);
  });

  it('scopes a keyword only where a statement starts: keywords are contextual', () => {
    const text = 'intent log extends verify, "org defaults" {\n  tag verify = "x"; verify none\n}\n';
    expect(mismatches(text)).toEqual([]);
    expect(scopesOf(text, 1, 'log')).toContain('entity.name.type.dsi');
    expect(scopesOf(text, 1, 'verify')).toContain('entity.other.inherited-class.dsi');
    expect(scopesOf(text, 2, 'verify')).toContain('variable.other.key.dsi');
    expect(scopesOf(text, 2, 'verify', 20)).toContain('keyword.other.statement.dsi');
    expect(scopesOf(text, 2, 'none')).toContain('constant.language.value.dsi');
  });

  it('keeps # and // inside strings, and comments after code', () => {
    const text = 'intent a {\n  exclude "#tmp" "//x" // both are patterns\n  atime best-effort; mtime preserve # a pair\n}\n';
    expect(mismatches(text)).toEqual([]);
    expect(scopesOf(text, 2, '#tmp')).toContain('string.quoted.double.dsi');
    expect(scopesOf(text, 2, '// both')).toContain('comment.line.double-slash.dsi');
    expect(scopesOf(text, 3, 'mtime')).toContain('keyword.other.statement.dsi');
    expect(scopesOf(text, 3, 'preserve')).toContain('constant.language.value.dsi');
  });

  it('scopes sizes with their units, numbers, escapes, set paths and JSON values', () => {
    const text =
      'intent a {\n  bandwidth 1_048_576 B/s\n  set OverrideOptions.TaskQueueing = "EN\\u{41}BLED"\n  set TaskReportConfig.Overrides = { "Verified": { "ReportLevel": "ERRORS_ONLY" } }\n  set Includes[0] = [1, true, null]\n}\n';
    expect(mismatches(text)).toEqual([]);
    expect(scopesOf(text, 2, '1_048_576')).toContain('constant.numeric.size.dsi');
    expect(scopesOf(text, 2, 'B/s')).toContain('keyword.other.unit.dsi');
    expect(scopesOf(text, 3, '\\u{41}')).toContain('constant.character.escape.dsi');
    expect(scopesOf(text, 5, 'Includes[0]')).toContain('variable.other.property.dsi');
    expect(scopesOf(text, 5, '1')).toContain('constant.numeric.dsi');
    expect(scopesOf(text, 5, 'true')).toContain('constant.language.json.dsi');
  });

  it('scopes policies: assertion keywords, subjects, values, sizes and modifiers', () => {
    const text = [
      'policy prod-guardrails {',
      '  when tag env = "prod"',
      '  require verify only-files-transferred | point-in-time-consistent as verified warn',
      '  forbid deleted remove because "never"',
      '  limit bandwidth <= 500 MiB/s',
      '}',
    ].join('\n');
    expect(mismatches(text)).toEqual([]);
    expect(scopesOf(text, 3, 'require')).toContain('keyword.control.policy.dsi');
    expect(scopesOf(text, 3, 'verify')).toContain('keyword.other.statement.dsi');
    expect(scopesOf(text, 3, 'point-in-time-consistent')).toContain('constant.language.value.dsi');
    expect(scopesOf(text, 3, 'warn')).toContain('keyword.other.modifier.dsi');
    expect(scopesOf(text, 4, 'because')).toContain('keyword.other.modifier.dsi');
    expect(scopesOf(text, 5, '<=')).toContain('keyword.operator.comparison.dsi');
    expect(scopesOf(text, 5, 'MiB/s')).toContain('keyword.other.unit.dsi');
  });

  it('marks waivers inside comments', () => {
    const text = '# dsi-ignore filter-single-rule until 2027-01-31 -- one list\nintent a { }\n';
    expect(scopesOf(text, 1, 'dsi-ignore')).toEqual(expect.arrayContaining(['comment.line.number-sign.dsi', 'keyword.other.waiver.dsi']));
    expect(scopesOf(text, 1, 'filter-single-rule')).toContain('entity.name.rule.dsi');
    expect(scopesOf(text, 1, '2027-01-31')).toContain('constant.other.date.dsi');
  });

  it('ships the same grammar in the VS Code extension', () => {
    expect(readFileSync(join(repoRoot, 'editors', 'vscode', 'syntaxes', 'dsi.tmLanguage.json'), 'utf8')).toBe(readFileSync(grammarPath, 'utf8'));
  });
});

describe('VS Code extension folder', () => {
  const read = (name: string) => JSON.parse(readFileSync(join(repoRoot, 'editors', 'vscode', name), 'utf8'));

  it('contributes the language with its configuration and the grammar by scope name', () => {
    const manifest = read('package.json');
    const [language] = manifest.contributes.languages;
    expect(language).toMatchObject({ id: 'dsi', extensions: ['.dsi'] });
    expect(manifest.contributes.grammars).toEqual([{ language: 'dsi', scopeName: 'source.dsi', path: './syntaxes/dsi.tmLanguage.json' }]);
    expect(read('syntaxes/dsi.tmLanguage.json').scopeName).toBe('source.dsi');
    const configuration = read(language.configuration);
    expect(configuration.comments.lineComment).toBe('#');
    expect(configuration.brackets).toEqual([['{', '}'], ['[', ']']]);
    // Words as the language has them, so that `only-files-transferred` is one word to the editor.
    expect(new RegExp(`^(?:${configuration.wordPattern})$`).test('only-files-transferred')).toBe(true);
  });

  it('starts `dsi lsp --stdio` from its client', () => {
    const client = readFileSync(join(repoRoot, 'editors', 'vscode', read('package.json').main), 'utf8');
    expect(client).toContain("args: ['lsp', '--stdio']");
  });
});
