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
        '{{report}} has no output type: the API leaves OutputType optional but AWS CloudFormation requires it, and what the service does without it is undocumented; {{advice}}',
    },
  },
  check({ payload, report, words }) {
    if (!hasReport(payload) || has(payload, '/TaskReportConfig/OutputType')) return;
    const advice = words.pick({
      dsi: 'add `output standard` (every file) or `output summary-only` to the block',
      request: 'set TaskReportConfig.OutputType to STANDARD (every file) or SUMMARY_ONLY',
    });
    report({ pointer: '/TaskReportConfig', part: 'key', messageId: 'missing', data: { report: words.report, advice } });
  },
});
