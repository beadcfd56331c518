/**
 * Lowers one declaration block into settings keyed by payload pointer, reporting unknown values
 * and duplicate statements. Each declaration is lowered once, whether or not it is compiled.
 */
import type { DeclarationNode, FilterNode, StatementNode, TagNode } from '../grammar/ast.js';
import { DiagnosticIds } from '../core/diagnostic.js';
import type { Range } from '../core/range.js';
import { ancestorsNearestFirst, type Setting } from './settings.js';
import { countWork } from '../core/work.js';
import type { LowerSink } from './emit/common.js';
import { emitBandwidth, emitOption, OPTION_MEMBERS } from './emit/options.js';
import { emitFilters } from './emit/filters.js';
import { emitTask } from './emit/task.js';
import { emitManifest } from './emit/manifest.js';
import { emitReport } from './emit/report.js';
import { emitTags } from './emit/tags.js';
import { emitSet, MAX_SET_PATH_SEGMENTS, setPathTooLong, setPointer } from './emit/set.js';

/** How a statement is named in messages: `verify`, `set OverrideOptions.VerifyMode`. */
function describe(s: StatementNode): string {
  switch (s.type) {
    case 'Option':
      return `\`${s.keyword}\``;
    case 'Set':
      return `\`set ${s.path.map((p) => (p.type === 'Member' ? p.name : `[${p.index}]`)).join('.').replace(/\.\[/g, '[')}\``;
    case 'Filter':
      return `\`${s.kind}\``;
    default:
      return `\`${s.type.toLowerCase()}\``;
  }
}

/** Where a duplicate of this statement is reported: its name, key or path, else its value. */
function pointOf(s: StatementNode): Range {
  switch (s.type) {
    case 'Option':
    case 'Bandwidth':
      return s.value.range;
    case 'Task':
      return s.arn.range;
    case 'Manifest':
      return s.address.range;
    case 'Set':
      return s.pathRange;
    case 'Tag':
      return s.key.range;
    case 'Filter':
      return s.patterns[0]?.range ?? s.keywordRange;
    case 'Report':
      return s.keywordRange;
  }
}

/** The payload pointer a statement owns, before lowering (for duplicate detection). */
function keyOf(s: StatementNode): string | undefined {
  switch (s.type) {
    case 'Option':
      return `/OverrideOptions/${OPTION_MEMBERS[s.keyword]}`;
    case 'Set':
      return s.path.length > 0 && s.path.length <= MAX_SET_PATH_SEGMENTS ? setPointer(s) : undefined;
    case 'Task':
      return '/TaskArn';
    case 'Bandwidth':
      return '/OverrideOptions/BytesPerSecond';
    case 'Filter':
      return s.kind === 'include' ? '/Includes' : '/Excludes';
    case 'Manifest':
      return '/ManifestConfig';
    case 'Report':
      return '/TaskReportConfig';
    case 'Tag':
      return '/Tags';
  }
}

const NO_OWNERS: readonly never[] = [];

/** Lowers `decl`'s statements; duplicates and overlapping `set`s in one block are errors at the later one. */
export function lowerDeclaration(decl: DeclarationNode, sink: LowerSink): Map<string, Setting> {
  // First pass: which statements own which pointer, so that conflicts are found before lowering.
  type Owner = { key: string; node: StatementNode; index: number };
  // The first owner of each key by statement type, and the first owner strictly below each
  // ancestor: a clash is the earliest owner that clashes, so these lookups find it without a
  // search of all owners (thousands of `tag`s in one block share the key /Tags).
  const firstAt = new Map<string, Owner[]>();
  const firstBelow = new Map<string, Owner>();
  const kept: StatementNode[] = [];
  for (const s of decl.body) {
    if (s.type === 'Set' && s.path.length > MAX_SET_PATH_SEGMENTS) {
      sink.report(DiagnosticIds.limit, s.pathRange, setPathTooLong(s));
      continue;
    }
    const key = keyOf(s);
    if (key === undefined) continue;
    // Several include/exclude/tag statements in one block add up (tag keys are checked by emitTags).
    const clashes = (o: Owner) => !(o.key === key && (s.type === 'Filter' || s.type === 'Tag') && o.node.type === s.type);
    // Owners at the key or above it, and the first owner below it (which always clashes); the
    // earliest that clashes (owners are distinct, so the order of the search does not matter).
    const ancestors = ancestorsNearestFirst(key);
    let compared = 0;
    let clash: Owner | undefined;
    const consider = (o: Owner) => {
      compared++;
      if (clashes(o) && (!clash || o.index < clash.index)) clash = o;
    };
    for (const k of ancestors) for (const o of firstAt.get(k) ?? NO_OWNERS) consider(o);
    for (const o of firstAt.get(key) ?? NO_OWNERS) consider(o);
    const below = firstBelow.get(key);
    if (below) consider(below);
    // Statements compared for a clash count as settings handled (the linear-work test watches them).
    countWork('settingsMerged', compared);
    if (clash) {
      const same = clash.node.type === s.type && clash.key === key;
      sink.report(
        DiagnosticIds.duplicate,
        pointOf(s),
        same
          ? `${describe(s)} is given twice in this block; keep one`
          : `${describe(s)} sets the same field as ${describe(clash.node)} (line ${clash.node.range.start.line}) in this block; keep one`,
        'error',
        [{ file: sink.file, range: pointOf(clash.node), message: 'first given here' }],
      );
      continue;
    }
    const owner = { key, node: s, index: kept.length };
    const at = firstAt.get(key) ?? firstAt.set(key, []).get(key)!;
    if (!at.some((o) => o.node.type === s.type)) at.push(owner);
    // From the nearest ancestor up, stopping at one that already has an earlier owner below it.
    for (const a of ancestors) {
      if (firstBelow.has(a)) break;
      firstBelow.set(a, owner);
    }
    kept.push(s);
  }

  const settings = new Map<string, Setting>();
  const filters: Record<'include' | 'exclude', FilterNode[]> = { include: [], exclude: [] };
  const tags: TagNode[] = [];
  const order: (StatementNode | 'include' | 'exclude' | 'tags')[] = [];
  for (const s of kept) {
    if (s.type === 'Filter') {
      if (filters[s.kind].length === 0) order.push(s.kind);
      filters[s.kind].push(s);
    } else if (s.type === 'Tag') {
      if (tags.length === 0) order.push('tags');
      tags.push(s);
    } else order.push(s);
  }
  for (const item of order) {
    let setting: Setting | undefined;
    if (item === 'include' || item === 'exclude') setting = emitFilters(filters[item], sink);
    else if (item === 'tags') setting = emitTags(tags, sink);
    else setting = lowerStatement(item, sink);
    if (setting) settings.set(setting.key, setting);
  }
  return settings;
}

function lowerStatement(s: StatementNode, sink: LowerSink): Setting | undefined {
  switch (s.type) {
    case 'Option':
      return emitOption(s, sink);
    case 'Bandwidth':
      return emitBandwidth(s, sink);
    case 'Task':
      return emitTask(s, sink);
    case 'Manifest':
      return emitManifest(s, sink);
    case 'Report':
      return emitReport(s, sink);
    case 'Set':
      return emitSet(s, sink);
    default:
      return undefined;
  }
}
