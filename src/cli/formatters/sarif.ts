import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Diagnostic, Severity, TextEdit } from '../../core/diagnostic.js';
import type { Range, SourceLocation } from '../../core/range.js';
import type { RuleInfo } from '../../core/result.js';
import { identityHash, identityOf } from '../../core/identity.js';
import { compareStrings, relativePath, type FileReport } from './common.js';

/**
 * The `partialFingerprints` key: the hash of the problem's identity (file, intent, rule, payload
 * member), never its line, so code scanning tracks a finding across edits that move it.
 */
export const FINGERPRINT_KEY = 'dsiProblemIdentity/v1';

/** The OASIS schema of the standard's final text, as SARIF consumers expect in `$schema`. */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** Where the tool is described: the repository named in package.json. */
export const TOOL_INFORMATION_URI = 'https://github.com/datasync-intent/dsi';
/** The base id every artifact location is relative to. */
export const SRCROOT = '%SRCROOT%';

/** Short descriptions of the parse-level and compile-level ids, which are no rules and so have no RuleInfo. */
const BUILT_IN_IDS: Readonly<Record<string, string>> = {
  syntax: 'The text does not follow the dsi grammar.',
  'unknown-statement': 'A statement that dsi does not know.',
  'unknown-value': 'A value that is not one of the allowed values.',
  'invalid-value': 'A value of the wrong form or out of range.',
  duplicate: 'A setting given more than once.',
  'duplicate-name': 'A name declared more than once.',
  'unknown-name': 'A name that is used but neither declared nor imported.',
  import: 'An import that cannot be read.',
  cycle: 'Imports or templates that extend each other in a cycle.',
  'missing-task': 'An intent that names no task.',
  schema: 'The request does not match the StartTaskExecution request schema of the AWS API.',
  'duplicate-key': 'A key given twice in one object of a request file.',
  parse: 'A request file that is not valid JSON or YAML.',
  internal: 'A check that failed unexpectedly.',
  'dsi-ignore': 'A dsi-ignore comment that is malformed or excuses nothing.',
  limit: 'An input past one of the limits that keep dsi fast on any input (imports, extends, intents, waivers).',
};

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

/** The cwd as a `file://` URI ending in `/`, so relative URIs resolve inside it. */
function folderUri(cwd: string): string {
  const href = pathToFileURL(path.resolve(cwd)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** A location relative to %SRCROOT% (each segment percent-encoded), or an absolute file URI for a file outside the cwd. */
function artifactLocation(file: string, cwd: string): Sarif.ArtifactLocation {
  const relative = relativePath(file, cwd);
  if (relative === '..' || relative.startsWith('../') || path.isAbsolute(relative)) {
    return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  }
  return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(range: Range): Sarif.Region {
  return {
    startLine: range.start.line,
    startColumn: range.start.column,
    endLine: range.end.line,
    // SARIF's endColumn is exclusive, like ours.
    endColumn: range.end.column,
  };
}

function physicalLocation(location: SourceLocation, cwd: string): Sarif.PhysicalLocation {
  return { artifactLocation: artifactLocation(location.file, cwd), region: region(location.range) };
}

/** A fix's edits grouped per file, in file order, as SARIF's artifactChanges. */
function sarifFix(d: Diagnostic, cwd: string): Sarif.Fix | undefined {
  if (!d.fix || d.fix.edits.length === 0) return undefined;
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of d.fix.edits) {
    const key = relativePath(edit.file, cwd);
    byFile.set(key, [...(byFile.get(key) ?? []), edit]);
  }
  const artifactChanges = [...byFile.keys()].sort(compareStrings).map((key) => {
    const edits = byFile.get(key)!;
    return {
      artifactLocation: artifactLocation(edits[0].file, cwd),
      replacements: [...edits]
        .sort((a, b) => a.range.start.offset - b.range.start.offset)
        .map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.text } })),
    };
  });
  return { description: { text: d.fix.description }, artifactChanges };
}

/** The rule metadata for the ids that occur: known rules with their docs, parse-level ids with a description. */
function reportingDescriptors(ids: readonly string[], rules: readonly RuleInfo[]): Sarif.ReportingDescriptor[] {
  const known = new Map(rules.map((rule) => [rule.id, rule]));
  return ids.map((id) => {
    const rule = known.get(id);
    if (rule) {
      return {
        id,
        shortDescription: { text: rule.description },
        ...(rule.helpUri === undefined ? {} : { helpUri: rule.helpUri }),
        defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
      };
    }
    const description = BUILT_IN_IDS[id];
    return description === undefined ? { id } : { id, shortDescription: { text: description } };
  });
}

/**
 * A SARIF 2.1.0 log with one run: rule metadata for every id that occurs, results in file and position
 * order, locations relative to %SRCROOT% (the cwd), the other end of a conflict as a related location.
 * No timestamps or machine-specific data beyond the cwd, so equal input gives byte-equal output.
 */
export function toSarifLog(reports: readonly FileReport[], options: { cwd: string; rules: readonly RuleInfo[]; toolVersion: string }): Sarif.Log {
  const { cwd } = options;
  // Suppressed problems are results too, with `suppressions`, so a code-scanning dashboard can audit them.
  const diagnostics = reports.flatMap((report) => [...report.diagnostics, ...report.suppressed]);
  const ids = [...new Set(diagnostics.map((d) => d.ruleId))].sort(compareStrings);
  const ruleIndex = new Map(ids.map((id, index) => [id, index]));
  // Equal identities (two equal problems of one intent) are told apart by their order, as GitHub's own fingerprints are.
  const occurrences = new Map<string, number>();
  const results: Sarif.Result[] = diagnostics.map((d) => {
    const fix = sarifFix(d, cwd);
    const hash = identityHash(identityOf(d, relativePath(d.file, cwd)));
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    return {
      ruleId: d.ruleId,
      ruleIndex: ruleIndex.get(d.ruleId)!,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: physicalLocation(d, cwd) }],
      partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${occurrence}` },
      ...(d.related && d.related.length > 0
        ? {
            relatedLocations: d.related.map((related, index) => ({
              id: index + 1,
              physicalLocation: physicalLocation(related, cwd),
              message: { text: related.message },
            })),
          }
        : {}),
      ...(fix ? { fixes: [fix] } : {}),
      ...(d.suppressions
        ? {
            suppressions: d.suppressions.map((s) => ({
              kind: s.kind,
              justification: s.justification,
              location: { physicalLocation: physicalLocation(s.location, cwd) },
              ...(s.until ? { properties: { until: s.until } } : {}),
            })),
          }
        : {}),
    };
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dsi',
            version: options.toolVersion,
            informationUri: TOOL_INFORMATION_URI,
            rules: reportingDescriptors(ids, options.rules),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(cwd) } },
        artifacts: reports.map((report) => ({ location: artifactLocation(report.path, cwd) })),
        results,
        // Our columns count UTF-16 code units (SARIF's default, said explicitly for readers).
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

/** The SARIF log as indented JSON with a final newline. */
export function formatSarif(reports: readonly FileReport[], options: { cwd: string; rules: readonly RuleInfo[]; toolVersion: string }): string {
  return `${JSON.stringify(toSarifLog(reports, options), null, 2)}\n`;
}
