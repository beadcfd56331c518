/**
 * Constraints §3.27: OutputType is optional in the API but required by the CloudFormation schema;
 * whether the service accepts a report without it is undocumented, so this is a warning.
 */
import { createRule } from '../create-rule.js';
import { has } from '../read.js';
import { hasReport } from '../report.js';
import { CFN_TASK, MODEL } from '../sources.js';

export const reportWithoutOutput = createRule({
  id: 'report-without-output',
  meta: {
    description: 'A task report should say its output type (`output standard` or `output summary-only`).',
    severity: 'warning',
    docs: { sources: [MODEL(27), CFN_TASK(27)] },
    messages: {
      missing:
        '`report` (TaskReportConfig) has no output type: the API leaves OutputType optional but AWS CloudFormation requires it, and what the service does without it is undocumented; add `output standard` (every file) or `output summary-only` (OutputType STANDARD or SUMMARY_ONLY)',
    },
  },
  check({ payload, report }) {
    if (hasReport(payload) && !has(payload, '/TaskReportConfig/OutputType')) report({ pointer: '/TaskReportConfig', part: 'key', messageId: 'missing' });
  },
});
