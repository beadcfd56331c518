import { reportBucketIsDestination } from '../../../src/rules/builtin/report-bucket-is-destination.js';
import { report, ruleTester, withOptions } from '../helpers.js';

const ARN = '/TaskReportConfig/Destination/S3/S3BucketArn';
const toBucket = { destination: { type: 'S3', uri: 's3://acme-data/archive/' } } as const;

ruleTester.run(reportBucketIsDestination, {
  valid: [
    { name: 'destination unknown: silent', payload: withOptions({ PreserveDeletedFiles: 'REMOVE' }, { TaskReportConfig: report('acme-data') }) },
    { name: 'another bucket', payload: withOptions({ PreserveDeletedFiles: 'REMOVE' }, { TaskReportConfig: report('acme-reports') }), context: toBucket },
    { name: 'deleted files kept', payload: withOptions({ PreserveDeletedFiles: 'PRESERVE' }, { TaskReportConfig: report('acme-data') }), context: toBucket },
    { name: 'PreserveDeletedFiles unknown (default PRESERVE)', payload: withOptions({}, { TaskReportConfig: report('acme-data') }), context: toBucket },
    { name: 'a bucket whose name starts the same', payload: withOptions({ PreserveDeletedFiles: 'REMOVE' }, { TaskReportConfig: report('acme-data-reports') }), context: toBucket },
  ],
  invalid: [
    {
      payload: withOptions({ PreserveDeletedFiles: 'REMOVE' }, { TaskReportConfig: report('acme-data') }),
      context: toBucket,
      errors: [{ messageId: 'deletesReports', pointer: ARN, severity: 'warning', related: ['/OverrideOptions/PreserveDeletedFiles'], messageIncludes: 'reports go to `acme-data`, the transfer\'s destination bucket, and `deleted remove` is set:' }],
    },
    {
      name: 'REMOVE stored on the task',
      payload: withOptions({}, { TaskReportConfig: report('acme-data') }),
      context: { ...toBucket, options: { PreserveDeletedFiles: 'REMOVE' } },
      errors: [{ messageId: 'deletesReports', pointer: ARN, related: [], messageIncludes: "and the task's stored `deleted remove` applies: each run deletes the earlier reports, which do not exist at the source; write the reports to another bucket (`report { to \"s3://OTHER-BUCKET/prefix/\" }`)" }],
    },
    {
      dialect: 'request',
      payload: withOptions({}, { TaskReportConfig: report('acme-data') }),
      context: { ...toBucket, options: { PreserveDeletedFiles: 'REMOVE' } },
      errors: [
        {
          messageId: 'deletesReports',
          pointer: ARN,
          messageIncludes:
            "reports go to `acme-data`, the transfer's destination bucket, and the task's stored PreserveDeletedFiles REMOVE applies: each run deletes the earlier reports, which do not exist at the source; set TaskReportConfig.Destination.S3.S3BucketArn to another bucket",
        },
      ],
    },
  ],
});
