/** Shared by the policy tests: the policy of LANGUAGE.md and one way to show diagnostics. */
import type { Diagnostic } from '../../src/core/diagnostic.js';

/** The example of LANGUAGE.md, "Policies", as written there. */
export const GUARDRAILS = `policy prod-guardrails {
  when tag env = "prod"                       # scope; without it, every intent
  require verify only-files-transferred | point-in-time-consistent
  require tag team, cost-center
  require report
  forbid deleted remove        because "production data is never deleted by sync"
  limit bandwidth <= 500 MiB/s
}
`;

/** `file:line:col severity ruleId: message [related file:line:col message]` of each diagnostic. */
export const show = (ds: readonly Diagnostic[]) =>
  ds.map(
    (d) =>
      `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.ruleId}: ${d.message}` +
      (d.related ?? []).map((r) => ` [${r.file}:${r.range.start.line}:${r.range.start.column} ${r.message}]`).join(''),
  );
