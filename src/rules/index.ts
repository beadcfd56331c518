/**
 * The built-in rules, sorted by id (a meta-test checks that every file in builtin/ is listed here,
 * once, in order).
 */
import type { RuleInfo } from '../core/result.js';
import type { Rule } from './create-rule.js';
import { trustRules } from './engine.js';
import { atimeMtimePair } from './builtin/atime-mtime-pair.js';
import { bandwidthEnhanced } from './builtin/bandwidth-enhanced.js';
import { bandwidthZero } from './builtin/bandwidth-zero.js';
import { devicesEfs } from './builtin/devices-efs.js';
import { filterLeadingSlash } from './builtin/filter-leading-slash.js';
import { filterMaxLength } from './builtin/filter-max-length.js';
import { filterPipeDelimiter } from './builtin/filter-pipe-delimiter.js';
import { filterSingleRule } from './builtin/filter-single-rule.js';
import { includeExcludedByDefault } from './builtin/include-excluded-by-default.js';
import { includeWildcardRightmost } from './builtin/include-wildcard-rightmost.js';
import { logLevelWithoutLogGroup } from './builtin/log-level-without-log-group.js';
import { manifestSourceRequired } from './builtin/manifest-source-required.js';
import { manifestWithFilters } from './builtin/manifest-with-filters.js';
import { objectTagsLocation } from './builtin/object-tags-location.js';
import { pitVerifyEnhanced } from './builtin/pit-verify-enhanced.js';
import { pitVerifyGlacier } from './builtin/pit-verify-glacier.js';
import { removeWithManifest } from './builtin/remove-with-manifest.js';
import { removeWithTransferAll } from './builtin/remove-with-transfer-all.js';
import { reportBucketIsDestination } from './builtin/report-bucket-is-destination.js';
import { reportWithoutDestination } from './builtin/report-without-destination.js';
import { reportWithoutOutput } from './builtin/report-without-output.js';
import { securityDescriptorsLocation } from './builtin/security-descriptors-location.js';
import { storageClassCost } from './builtin/storage-class-cost.js';
import { uidGidUndocumented } from './builtin/uid-gid-undocumented.js';

/** Every built-in rule, sorted by id. */
export const builtinRules: readonly Rule<any>[] = [
  atimeMtimePair,
  bandwidthEnhanced,
  bandwidthZero,
  devicesEfs,
  filterLeadingSlash,
  filterMaxLength,
  filterPipeDelimiter,
  filterSingleRule,
  includeExcludedByDefault,
  includeWildcardRightmost,
  logLevelWithoutLogGroup,
  manifestSourceRequired,
  manifestWithFilters,
  objectTagsLocation,
  pitVerifyEnhanced,
  pitVerifyGlacier,
  removeWithManifest,
  removeWithTransferAll,
  reportBucketIsDestination,
  reportWithoutDestination,
  reportWithoutOutput,
  securityDescriptorsLocation,
  storageClassCost,
  uidGidUndocumented,
];
// dsi's own rules run without the watchdog that stops a looping plugin rule (see runWithinBudget).
trustRules(builtinRules);

/** What formatters need to know of each built-in rule (SARIF rule metadata, help links). */
export function ruleInfo(rules: readonly Rule<any>[] = builtinRules): RuleInfo[] {
  return rules.map((r) => ({ id: r.id, description: r.meta.description, defaultSeverity: r.meta.severity, helpUri: r.meta.docsUrl }));
}

/** The built-in rule with this id, if any. */
export function findRule(id: string): Rule<any> | undefined {
  return builtinRules.find((r) => r.id === id);
}
