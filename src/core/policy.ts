/**
 * Policies as data: what a `policy` block (or a configuration file) says, in the API's terms
 * (payload members, API literals, bytes), with the place of every clause. A front end makes
 * them; `src/policy/` turns them into rules. Nothing here knows the grammar.
 */
import type { LocationType, TaskMode } from './context.js';
import type { Severity } from './diagnostic.js';
import type { SourceLocation } from './range.js';

/** One condition of a policy's scope; every condition of a policy must hold for it to apply. */
export type PolicyScope =
  /** `when tag KEY [= V1 | V2]`: the request has the tag (with one of the values). */
  | { readonly kind: 'tag'; readonly key: string; readonly values?: readonly string[]; readonly location: SourceLocation }
  /** `when task "GLOB" | …`: `TaskArn` matches one of the globs (`*` any run of characters, `?` one). */
  | { readonly kind: 'task'; readonly globs: readonly string[]; readonly location: SourceLocation }
  /** `when mode enhanced`: the task's mode is known and one of these. */
  | { readonly kind: 'mode'; readonly modes: readonly TaskMode[]; readonly location: SourceLocation }
  /** `when from nfs` / `when to s3`: that end's location type is known and one of these. */
  | { readonly kind: 'location'; readonly end: 'source' | 'destination'; readonly types: readonly LocationType[]; readonly location: SourceLocation };

/** What an assertion is about. */
export type PolicyTarget =
  /** A member of `OverrideOptions` (`VerifyMode`, … `BytesPerSecond`); values are API literals or numbers. */
  | { readonly kind: 'option'; readonly member: string }
  /** A top-level member that is there or not: a report, a manifest, filters. */
  | { readonly kind: 'member'; readonly member: 'TaskReportConfig' | 'ManifestConfig' | 'Includes' | 'Excludes' }
  /** Tags by key (`require tag team, cost-center`); `keys` is empty for `limit tags`. */
  | { readonly kind: 'tags'; readonly keys: readonly string[] };

/** One assertion of a policy: one rule. */
export interface PolicyAssertion {
  /** `require`: the target is set (to one of `values`); `forbid`: it is not (not to one of `values`); `limit`: at most `max`. */
  readonly kind: 'require' | 'forbid' | 'limit';
  readonly target: PolicyTarget;
  /** Allowed (`require`) or forbidden (`forbid`) values; empty for any value. Tag values for a `tags` target. */
  readonly values: readonly (string | number)[];
  /** The bound of `limit`: bytes per second, or a count of patterns or tags. */
  readonly max?: number;
  /** `as NAME`: the rule id's last part instead of the assertion's number. */
  readonly name?: { readonly value: string; readonly location: SourceLocation };
  readonly severity: Severity;
  /** `because "…"`: ends the message. */
  readonly because?: string;
  /** The clause as written, for the rule's description. */
  readonly text: string;
  /** Where the clause is written: the related location of every diagnostic it causes. */
  readonly location: SourceLocation;
}

/** A policy: a name, a scope and assertions; what `SourceUnit.policies` and configuration hold. */
export interface PolicyDeclaration {
  readonly name: string;
  /** Where the name is written. */
  readonly location: SourceLocation;
  /** All must hold; empty: every request. */
  readonly scope: readonly PolicyScope[];
  /** In source order; the n-th is rule `NAME/n`, unless it has its own name. */
  readonly assertions: readonly PolicyAssertion[];
}
