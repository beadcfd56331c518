/** `report { … }` → `TaskReportConfig`. */
import type { ReportNode, ReportStatementNode } from '../../grammar/ast.js';
import { DiagnosticIds } from '../../core/diagnostic.js';
import { enumValues } from '../../schema/index.js';
import { REPORT_SETTINGS } from '../../language/vocabulary.js';
import { matchEnum } from '../values.js';
import { bucketArn, parseS3Address } from '../../language/s3.js';
import type { Setting, Write } from '../settings.js';
import { origin, type LowerSink } from './common.js';
import { MAP_ONLY } from './set.js';

/** Report statement keyword → the `TaskReportConfig` member it sets. */
const SETTING_POINTERS: Readonly<Record<string, string>> = Object.fromEntries(REPORT_SETTINGS.map((s) => [s.keyword, s.pointer]));

const S3 = '/TaskReportConfig/Destination/S3';

function slotOf(s: ReportStatementNode): string {
  return s.type === 'ReportTo' ? 'to' : s.type === 'ReportRole' ? 'role' : s.keyword;
}

export function emitReport(node: ReportNode, sink: LowerSink): Setting {
  const f = sink.file;
  const head = origin(f, node.range, node.keywordRange, node.range, 'report');
  const writes: Write[] = [{ pointer: '/TaskReportConfig', value: {}, origin: head }];
  const seen = new Map<string, ReportStatementNode>();
  for (const s of node.statements) {
    const slot = slotOf(s);
    const earlier = seen.get(slot);
    if (earlier) {
      sink.report(DiagnosticIds.duplicate, s.value.range, `\`${slot}\` is given twice in this report block; keep one`, 'error', [
        { file: f, range: earlier.value.range, message: 'first given here' },
      ]);
      continue;
    }
    seen.set(slot, s);
    const o = origin(f, s.range, s.value.range, s.value.range, slot);
    if (s.type === 'ReportTo') {
      const address = parseS3Address(s.value.value);
      if (!address.ok) {
        sink.report(DiagnosticIds.invalidValue, s.value.range, address.message);
        // Where the bucket was meant to come from: the schema's "missing bucket" is then not said twice.
        writes.push({ pointer: `${S3}/S3BucketArn`, value: MAP_ONLY, origin: o });
        continue;
      }
      const { bucket, key } = address.value;
      const subdirectory = key.replace(/^\/+/, '');
      if (subdirectory !== '') writes.push({ pointer: `${S3}/Subdirectory`, value: subdirectory, origin: o });
      writes.push({ pointer: `${S3}/S3BucketArn`, value: (env: { partition: string }) => bucketArn(env.partition, bucket), origin: o });
    } else if (s.type === 'ReportRole') {
      writes.push({ pointer: `${S3}/BucketAccessRoleArn`, value: s.value.value, origin: o });
    } else {
      const pointer = SETTING_POINTERS[s.keyword];
      const m = matchEnum(s.value.value, enumValues(pointer) ?? [], 'report value', {}, `\`${s.keyword}\``);
      if (!m.ok) sink.report(DiagnosticIds.unknownValue, s.value.range, m.message);
      else writes.push({ pointer, value: m.value, origin: o });
    }
  }
  return { kind: 'write', key: '/TaskReportConfig', origin: head, writes };
}
