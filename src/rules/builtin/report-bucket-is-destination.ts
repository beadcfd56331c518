/**
 * Constraints §3.26: if the report bucket is also the transfer's destination bucket and
 * PreserveDeletedFiles is REMOVE, DataSync deletes earlier reports on every run (they do not exist
 * at the source). AWS recommends a different bucket.
 */
import { createRule } from '../create-rule.js';
import { effectiveOption, optionPointer, stringAt } from '../read.js';
import { bucketOfArn, bucketOfUri, hasReport } from '../report.js';
import { UG_REPORT } from '../sources.js';

const BUCKET_ARN = '/TaskReportConfig/Destination/S3/S3BucketArn';

export const reportBucketIsDestination = createRule({
  id: 'report-bucket-is-destination',
  meta: {
    description: 'Task reports written to the destination bucket are deleted on the next run with `deleted remove`.',
    severity: 'warning',
    docs: { sources: [UG_REPORT(26)] },
    messages: {
      deletesReports:
        'reports go to `{{bucket}}`, the transfer\'s destination bucket, and {{deleted}}: each run deletes the earlier reports, which do not exist at the source; {{advice}}',
    },
    needs: ['destination'],
  },
  check({ payload, context, report, words }) {
    if (!hasReport(payload)) return;
    const arn = stringAt(payload, BUCKET_ARN);
    const uri = context.destination?.uri;
    if (arn === undefined || typeof uri !== 'string') return;
    const bucket = bucketOfArn(arn);
    if (bucket === undefined || bucket !== bucketOfUri(uri)) return;
    const deleted = effectiveOption(payload, context, 'PreserveDeletedFiles');
    if (deleted?.value !== 'REMOVE') return;
    const d = words.option('PreserveDeletedFiles', 'REMOVE');
    const advice = words.pick({
      dsi: 'write the reports to another bucket (`report { to "s3://OTHER-BUCKET/prefix/" }`)',
      request: 'set TaskReportConfig.Destination.S3.S3BucketArn to another bucket',
    });
    report({
      pointer: BUCKET_ARN,
      messageId: 'deletesReports',
      data: { bucket, deleted: deleted.from === 'request' ? `${d} is set` : `${words.stored('PreserveDeletedFiles', 'REMOVE')} applies`, advice },
      ...(deleted.from === 'request'
        ? { label: `the report bucket \`${bucket}\` is set here`, related: [{ pointer: optionPointer('PreserveDeletedFiles'), message: `${d} is set here` }] }
        : {}),
    });
  },
});
