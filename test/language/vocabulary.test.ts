/**
 * The words of the language are defined once (src/language/vocabulary.ts): every `OverrideOptions`
 * member and enum value of the model is in the table, and the tokens, the parser's statement
 * lists, the lowering and the rule words are derived from it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenMatcher } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/project/compile.js';
import { OptionKeyword, ReportSettingKeyword, StatementKeyword } from '../../src/grammar/tokens.js';
import { dsiLexer } from '../../src/grammar/lexer.js';
import { blockKeywords } from '../../src/grammar/parser.js';
import { OPTION_MEMBERS } from '../../src/compiler/emit/options.js';
import { wordsFor } from '../../src/rules/words.js';
import { enumValues, memberNames, shapeKind } from '../../src/schema/index.js';
import {
  BLOCK_KEYWORDS,
  DECLARATION_STATEMENTS,
  ENUM_OPTIONS,
  KEYWORDS,
  OPTION_STATEMENTS,
  optionValues,
  REPORT_SETTINGS,
} from '../../src/language/vocabulary.js';
import { repoRoot } from '../helpers.js';

const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';

describe('the vocabulary table', () => {
  it('has one row per OverrideOptions member of the model, and no row the model lacks', () => {
    const members = memberNames('/OverrideOptions') ?? [];
    expect(members.length).toBeGreaterThan(10);
    expect(OPTION_STATEMENTS.map((o) => o.member).sort()).toEqual([...members].sort());
    expect(new Set(OPTION_STATEMENTS.map((o) => o.keyword)).size).toBe(OPTION_STATEMENTS.length);
  });

  it('enum rows take the model enum values; the rate row an integer', () => {
    for (const o of OPTION_STATEMENTS) {
      if (o.value === 'enum') expect(optionValues(o.member), o.member).toEqual(enumValues(`/OverrideOptions/${o.member}`));
      else expect(shapeKind(`/OverrideOptions/${o.member}`)).toBe('integer');
    }
    for (const s of REPORT_SETTINGS) expect(enumValues(s.pointer), s.pointer).toBeDefined();
    for (const s of DECLARATION_STATEMENTS) if (s.pointer) expect(shapeKind(s.pointer), s.pointer).toBeDefined();
  });
});

describe('derived from the table', () => {
  it('the lexer: each keyword is one token with the categories of its rows', () => {
    for (const k of KEYWORDS) {
      const { tokens } = dsiLexer().tokenize(k.word);
      expect(tokens.map((t) => t.image), k.word).toEqual([k.word]);
      expect(tokens[0].tokenType.name).toBe(k.name);
      expect(tokenMatcher(tokens[0], OptionKeyword)).toBe(ENUM_OPTIONS.some((o) => o.keyword === k.word));
      expect(tokenMatcher(tokens[0], ReportSettingKeyword)).toBe(REPORT_SETTINGS.some((s) => s.keyword === k.word));
      expect(tokenMatcher(tokens[0], StatementKeyword)).toBe(Object.values(BLOCK_KEYWORDS).some((ws) => ws.includes(k.word)));
    }
  });

  it('the parser statement lists and the lowering table', () => {
    expect(blockKeywords).toBe(BLOCK_KEYWORDS);
    expect(Object.entries(OPTION_MEMBERS)).toEqual(ENUM_OPTIONS.map((o) => [o.keyword, o.member]));
  });

  it('every option value compiles, written as the table spells it, to its API value; and rule messages spell it back', () => {
    const words = wordsFor('dsi');
    for (const o of ENUM_OPTIONS) {
      for (const value of optionValues(o.member)) {
        const spelled = `${o.keyword} ${value.toLowerCase().replace(/_/g, '-')}`;
        const { intents, diagnostics } = compile(`intent x {\n  task "${TASK}"\n  ${spelled}\n}\n`, { filename: 'v.dsi', rules: [] });
        expect(diagnostics.filter((d) => d.severity === 'error'), spelled).toEqual([]);
        expect((intents[0].payload as unknown as { OverrideOptions: Record<string, unknown> }).OverrideOptions).toEqual({ [o.member]: value });
        expect(words.option(o.member, value)).toBe(`\`${spelled}\``);
      }
    }
  });
});

describe('where the words are written', () => {
  const files = ['src', 'test'].flatMap((dir) =>
    readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('vocabulary.test.ts'))
      .map((f) => join(dir, f)),
  );
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  /** A keyword ↔ member or keyword ↔ values table written outside the vocabulary: `verify: 'VerifyMode'`, `VerifyMode: 'verify'`, `verify: ['POINT_IN_TIME_CONSISTENT', …]`. */
  const tables = OPTION_STATEMENTS.map((o) => {
    const kw = escape(o.keyword);
    const values = optionValues(o.member).map(escape).join('|') || '\0';
    return { o, re: new RegExp(`(['"]?)${kw}\\1\\s*:\\s*(?:['"]${o.member}['"]|\\[\\s*['"](?:${values})['"])|${o.member}['"]?\\s*:\\s*['"]${kw}['"]`) };
  });

  it('the check finds such a table (it would have found the five copies there were)', () => {
    const find = (text: string) => tables.filter((t) => t.re.test(text)).map((t) => t.o.keyword);
    expect(find("const M = { verify: 'VerifyMode', 'object-tags': 'ObjectTags' }")).toEqual(['verify', 'object-tags']);
    expect(find("const K = { LogLevel: 'log' }; const V = { atime: ['BEST_EFFORT', 'NONE'] }")).toEqual(['atime', 'log']);
  });

  it('no file but the vocabulary pairs an option keyword with its member or its values', () => {
    const found = files.flatMap((f) => {
      const text = readFileSync(join(repoRoot, f), 'utf8');
      return tables.filter((t) => t.re.test(text)).map((t) => `${f}: ${t.o.keyword}`);
    });
    expect(files.length).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });
});
