/**
 * The parser's lookahead, built cheaply. The grammar needs one token of lookahead
 * (`maxLookahead: 1`), and for one token chevrotain's LL(k) strategy decides by FIRST sets: an
 * `OPTION`/`MANY` is entered when the next token can start it, an `OR` takes the first
 * alternative the next token can start (or one that can be empty). Its general path machinery
 * costs about a sixth of a cold `dsi lint one.dsi`, mostly in expanding token categories; here
 * FIRST sets are computed once per rule and turned into tables by token type. The decisions are
 * the same: test/grammar/lookahead.test.ts compares them with chevrotain's for every production,
 * every token type and every set of gates. Validation (run by the tests) stays chevrotain's own.
 */
import {
  Alternation,
  LLkLookaheadStrategy,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Rule,
  Terminal,
  type ILookaheadStrategy,
  type ILookaheadValidationError,
  type IOrAlt,
  type IProduction,
  type IToken,
  type OptionalProductionType,
  type TokenType,
} from 'chevrotain';

/** The tokens a sequence of productions can start with, and whether it can be empty. */
interface First {
  readonly tokens: Set<TokenType>;
  readonly empty: boolean;
}

/** What the lookahead functions read of the parser: the next token. */
interface Lookahead {
  LA(i: number): IToken;
}

/** LL(1) lookahead by FIRST-set tables; anything else is left to chevrotain's LL(k). */
export class FirstSetLookahead implements ILookaheadStrategy {
  private readonly llk: ILookaheadStrategy;
  private readonly firstOfRule = new Map<Rule, First>();
  private readonly productions = new Map<Rule, Map<string, IProduction>>();

  constructor() {
    this.llk = new LLkLookaheadStrategy({ maxLookahead: 1 });
  }

  validate(options: { rules: Rule[]; tokenTypes: TokenType[]; grammarName: string }): ILookaheadValidationError[] {
    return this.llk.validate(options);
  }

  buildLookaheadForAlternation(options: {
    prodOccurrence: number;
    rule: Rule;
    maxLookahead: number;
    hasPredicates: boolean;
    dynamicTokensEnabled: boolean;
  }): (orAlts?: IOrAlt<any>[] | undefined) => number | undefined {
    const or = this.production(options.rule, 'Alternation', options.prodOccurrence);
    if (options.maxLookahead !== 1 || options.dynamicTokensEnabled || !(or instanceof Alternation)) return this.llk.buildLookaheadForAlternation(options);
    const alternatives = or.definition.map((alt) => this.firstOfSequence(definitionOf(alt)));
    if (options.hasPredicates) {
      const tables = alternatives.map((alt) => tableOf(alt.tokens));
      return function (this: Lookahead, orAlts) {
        const next = this.LA(1).tokenTypeIdx;
        for (let t = 0; t < alternatives.length; t++) {
          const gate = orAlts?.[t]?.GATE;
          if (gate !== undefined && gate.call(this) === false) continue;
          if (alternatives[t].empty || tables[t][next] === true) return t;
        }
        return undefined;
      };
    }
    // The first alternative that can start with a token wins it; one that can be empty takes every token left.
    const choice: (number | undefined)[] = [];
    let otherwise: number | undefined;
    for (let t = 0; t < alternatives.length && otherwise === undefined; t++) {
      for (const idx of indicesOf(alternatives[t].tokens)) choice[idx] ??= t;
      if (alternatives[t].empty) otherwise = t;
    }
    return function (this: Lookahead) {
      return choice[this.LA(1).tokenTypeIdx] ?? otherwise;
    };
  }

  buildLookaheadForOptional(options: {
    prodOccurrence: number;
    prodType: OptionalProductionType;
    rule: Rule;
    maxLookahead: number;
    dynamicTokensEnabled: boolean;
  }): () => boolean {
    const prod = this.production(options.rule, options.prodType, options.prodOccurrence);
    if (options.maxLookahead !== 1 || options.dynamicTokensEnabled || prod === undefined) return this.llk.buildLookaheadForOptional(options);
    const inside = this.firstOfSequence(definitionOf(prod));
    if (inside.empty) return () => true;
    const table = tableOf(inside.tokens);
    return function (this: Lookahead) {
      return table[this.LA(1).tokenTypeIdx] === true;
    };
  }

  /**
   * chevrotain's re-sync follow sets, which only its error recovery reads: for each call of a
   * rule (`callee`, occurrence, `_~IN~_`, caller), the tokens that can come right after the call
   * inside the caller, repetitions of enclosing loops included, the caller's own followers not.
   * chevrotain computes them all when the parser is built (a twentieth of a cold `dsi lint
   * one.dsi`); the parser asks for them on its first recovery instead. Same sets as chevrotain's:
   * test/grammar/lookahead.test.ts compares them.
   */
  resyncFollows(rules: readonly Rule[]): Record<string, TokenType[]> {
    const follows: Record<string, TokenType[]> = {};
    for (const rule of rules) {
      const walk = (prods: readonly IProduction[], after: readonly IProduction[]): void => {
        prods.forEach((p, i) => {
          const rest = [...prods.slice(i + 1), ...after];
          if (p instanceof NonTerminal) follows[`${p.referencedRule.name}${p.idx}${IN}${rule.name}`] = [...this.firstOfSequence(rest).tokens];
          else if (p instanceof Terminal) return;
          else if (p instanceof Alternation) for (const alt of p.definition) walk(definitionOf(alt), rest);
          else if (p instanceof Repetition || p instanceof RepetitionMandatory) walk(definitionOf(p), [new Option({ definition: definitionOf(p) }), ...rest]);
          else if (p instanceof RepetitionWithSeparator || p instanceof RepetitionMandatoryWithSeparator) {
            walk(definitionOf(p), [new Option({ definition: [new Terminal({ terminalType: p.separator }), ...definitionOf(p)] }), ...rest]);
          } else walk(definitionOf(p), rest);
        });
      };
      walk(rule.definition, []);
    }
    return follows;
  }

  /** The production of a type and occurrence in a rule (chevrotain numbers them per rule and type). */
  private production(rule: Rule, type: string, occurrence: number): IProduction | undefined {
    let index = this.productions.get(rule);
    if (!index) {
      index = new Map();
      const visit = (prods: readonly IProduction[]) => {
        for (const p of prods) {
          const name = productionType(p);
          if (name) index!.set(`${name}:${(p as Option).idx}`, p);
          if (!(p instanceof Terminal) && !(p instanceof NonTerminal)) visit(definitionOf(p));
        }
      };
      visit(rule.definition);
      this.productions.set(rule, index);
    }
    return index.get(`${type}:${occurrence}`);
  }

  private firstOfSequence(prods: readonly IProduction[]): First {
    const tokens = new Set<TokenType>();
    for (const p of prods) if (!this.addFirst(p, tokens)) return { tokens, empty: false };
    return { tokens, empty: true };
  }

  /** Adds the tokens `p` can start with; true when `p` can be empty. */
  private addFirst(p: IProduction, into: Set<TokenType>): boolean {
    if (p instanceof Terminal) {
      into.add(p.terminalType);
      return false;
    }
    if (p instanceof NonTerminal) {
      // The grammar has no left recursion (chevrotain's validation, run by the tests), so this ends.
      let first = this.firstOfRule.get(p.referencedRule);
      if (!first) this.firstOfRule.set(p.referencedRule, (first = this.firstOfSequence(p.referencedRule.definition)));
      for (const t of first.tokens) into.add(t);
      return first.empty;
    }
    if (p instanceof Alternation) {
      let empty = false;
      for (const alt of p.definition) {
        const first = this.firstOfSequence(definitionOf(alt));
        for (const t of first.tokens) into.add(t);
        empty ||= first.empty;
      }
      return empty;
    }
    const inside = this.firstOfSequence(definitionOf(p));
    for (const t of inside.tokens) into.add(t);
    // Optional productions can be skipped; mandatory repetitions and plain groups only when their inside can.
    return p instanceof Option || p instanceof Repetition || p instanceof RepetitionWithSeparator || inside.empty;
  }
}

/** How chevrotain joins a rule call's name and occurrence to its caller's name in a follow key. */
const IN = '_~IN~_';

/** The productions inside `p` (none for a terminal; a non-terminal's are its rule's, never walked here). */
function definitionOf(p: IProduction): IProduction[] {
  return (p as unknown as { definition?: IProduction[] }).definition ?? [];
}

function productionType(p: IProduction): string | undefined {
  if (p instanceof Option) return 'Option';
  if (p instanceof Repetition) return 'Repetition';
  if (p instanceof RepetitionMandatory) return 'RepetitionMandatory';
  if (p instanceof RepetitionMandatoryWithSeparator) return 'RepetitionMandatoryWithSeparator';
  if (p instanceof RepetitionWithSeparator) return 'RepetitionWithSeparator';
  if (p instanceof Alternation) return 'Alternation';
  return undefined;
}

/** The token type indices a set of token types matches: each type, and every type in its categories. */
function indicesOf(tokens: Iterable<TokenType>): number[] {
  const out: number[] = [];
  for (const t of tokens) out.push(t.tokenTypeIdx!, ...(t.categoryMatches ?? []));
  return out;
}

function tableOf(tokens: Iterable<TokenType>): boolean[] {
  const table: boolean[] = [];
  for (const idx of indicesOf(tokens)) table[idx] = true;
  return table;
}
