import { describe, expect, it } from 'vitest';
import { Alternation, EOF, Lexer, LLkLookaheadStrategy, NonTerminal, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator, Terminal, type IProduction, type IToken, type OptionalProductionType, type Rule, type TokenType } from 'chevrotain';
import { FirstSetLookahead } from '../../src/grammar/lookahead.js';
import { DsiParser } from '../../src/grammar/parser.js';
import { allTokens } from '../../src/grammar/tokens.js';

/** Every OPTION/MANY/… and OR of a rule, with its type as chevrotain names it. */
function productionsOf(rule: Rule): { type: OptionalProductionType | 'Alternation'; prod: IProduction & { idx: number } }[] {
  const out: { type: OptionalProductionType | 'Alternation'; prod: IProduction & { idx: number } }[] = [];
  const visit = (prods: readonly IProduction[]) => {
    for (const p of prods) {
      const type =
        p instanceof Option ? 'Option'
        : p instanceof Repetition ? 'Repetition'
        : p instanceof RepetitionMandatory ? 'RepetitionMandatory'
        : p instanceof RepetitionMandatoryWithSeparator ? 'RepetitionMandatoryWithSeparator'
        : p instanceof RepetitionWithSeparator ? 'RepetitionWithSeparator'
        : p instanceof Alternation ? 'Alternation'
        : undefined;
      if (type) out.push({ type, prod: p as IProduction & { idx: number } });
      if (!(p instanceof Terminal) && !(p instanceof NonTerminal)) visit((p as unknown as { definition: IProduction[] }).definition);
    }
  };
  visit(rule.definition);
  return out;
}

/** A parser stand-in whose next token is of type `type`. */
function at(type: TokenType): { LA: () => IToken; LA_FAST: () => IToken } {
  const token = { image: 'x', startOffset: 0, tokenType: type, tokenTypeIdx: type.tokenTypeIdx! } as IToken;
  return { LA: () => token, LA_FAST: () => token };
}

describe("the parser's lookahead", () => {
  // Built by a parser, so that token types carry their categories as at run time.
  const parser = new DsiParser({ validate: true });
  const rules = Object.values(parser.getGAstProductions());
  const types = [...allTokens, EOF];
  const ours = new FirstSetLookahead();
  const chevrotains = new LLkLookaheadStrategy({ maxLookahead: 1 });

  it('decides as chevrotain’s LL(1) does, for every production, next token and set of gates', () => {
    let decisions = 0;
    for (const rule of rules) {
      for (const { type, prod } of productionsOf(rule)) {
        const where = `${rule.name}: ${type} #${prod.idx}`;
        if (type === 'Alternation') {
          const or = prod as unknown as Alternation;
          const options = { prodOccurrence: prod.idx, rule, maxLookahead: 1, hasPredicates: (or as Alternation & { hasPredicates?: boolean }).hasPredicates ?? false, dynamicTokensEnabled: false };
          const mine = ours.buildLookaheadForAlternation(options);
          const theirs = chevrotains.buildLookaheadForAlternation(options);
          const n = or.definition.length;
          // Every combination of open and closed gates (only OR alternatives with a GATE read theirs).
          for (let mask = 0; mask < (options.hasPredicates ? 1 << n : 1); mask++) {
            const alts = Array.from({ length: n }, (_, i) => ({ ALT: () => undefined, GATE: () => (mask & (1 << i)) === 0 }));
            for (const t of types) {
              expect(mine.call(at(t), alts), `${where}, next ${t.name}, gates ${mask}`).toBe(theirs.call(at(t), alts));
              decisions++;
            }
          }
        } else {
          const options = { prodOccurrence: prod.idx, prodType: type, rule, maxLookahead: 1, dynamicTokensEnabled: false };
          const mine = ours.buildLookaheadForOptional(options);
          const theirs = chevrotains.buildLookaheadForOptional(options);
          for (const t of types) {
            expect(mine.call(at(t)), `${where}, next ${t.name}`).toBe(theirs.call(at(t)));
            decisions++;
          }
        }
      }
    }
    // The grammar has dozens of decisions, each over every token type.
    expect(decisions).toBeGreaterThan(40 * types.length);
  });

  it("gives chevrotain's re-sync follow sets, made on the first recovery instead of at start", () => {
    type Follows = Record<string, TokenType[]>;
    const theirs = (parser as unknown as { resyncFollows: Follows }).resyncFollows;
    const shared = new DsiParser();
    const mine = (shared as unknown as { resyncFollows: Follows }).resyncFollows;
    const names = (f: Follows) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, [...new Set(v.map((t) => t.name))].sort()]));
    // Dozens of rule calls, each with its set.
    expect(Object.keys(theirs).length).toBeGreaterThan(30);
    expect(names(mine)).toEqual(names(theirs));
    // And the parser that reads them recovers as chevrotain's does: the same CST and errors on broken text.
    const broken = 'intent a { set X = [1, }\nintent b {\n  task "arn" {\n    mode basic\n  verify\n}\nintent c { include "/x" | }\ntemplate t { set Y = {"a": [ }';
    const lexed = new Lexer(allTokens, { positionTracking: 'full' }).tokenize(broken);
    const run = (p: DsiParser) => {
      p.input = lexed.tokens;
      const cst = p.file();
      return { cst: JSON.stringify(cst, (k, v) => (k === 'tokenType' ? v.name : v)), errors: p.errors.map((e) => e.message), problems: p.problems };
    };
    const recovered = run(new DsiParser());
    expect(recovered.errors.length).toBeGreaterThan(0);
    expect(recovered).toEqual(run(new DsiParser({ validate: true })));
  });
});
