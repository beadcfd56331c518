/**
 * Constraints §3.27: the API marks no TaskReportConfig member as required, but a report without a
 * Destination cannot be delivered (the CloudFormation schema requires it). Whether the service
 * rejects one is undocumented, so this is a warning.
 */
import { createRule } from '../create-rule.js';
import { has, objectAt } from '../read.js';
import { hasReport } from '../report.js';
import { CFN_TASK, MODEL } from '../sources.js';

export const reportWithoutDestination = createRule({
  id: 'report-without-destination',
  meta: {
    description: 'A task report needs a destination (`report { to "s3://…" role "…" }`).',
    severity: 'warning',
    docs: { sources: [MODEL(27), CFN_TASK(27)] },
    messages: {
      missing:
        '{{report}} has no destination, so the report cannot be delivered: {{advice}}',
    },
  },
  check({ payload, report, words }) {
    if (!hasReport(payload) || objectAt(payload, '/TaskReportConfig/Destination/S3') !== undefined) return;
    const at = has(payload, '/TaskReportConfig/Destination') ? '/TaskReportConfig/Destination' : '/TaskReportConfig';
    const advice = words.pick({
      dsi: 'add `to "s3://bucket/prefix/"` and `role "arn:aws:iam::ACCOUNT:role/NAME"` to the block, or write an empty `report { }` to remove the task\'s report configuration',
      request: "add Destination.S3 with S3BucketArn and BucketAccessRoleArn, or send an empty TaskReportConfig to remove the task's report configuration",
    });
    report({ pointer: at, part: 'key', messageId: 'missing', data: { report: words.report, advice } });
  },
});
