import { reportWithoutOutput } from '../../../src/rules/builtin/report-without-output.js';
import { report, ruleTester, TASK_ARN } from '../helpers.js';

const { OutputType: _, ...noOutput } = report();

ruleTester.run(reportWithoutOutput, {
  valid: [
    { payload: { TaskArn: TASK_ARN, TaskReportConfig: report() } },
    { name: 'an empty report removes the configuration', payload: { TaskArn: TASK_ARN, TaskReportConfig: {} } },
  ],
  invalid: [
    {
      payload: { TaskArn: TASK_ARN, TaskReportConfig: noOutput },
      errors: [
        {
          messageId: 'missing',
          pointer: '/TaskReportConfig',
          severity: 'warning',
          messageIncludes:
            '`report` has no output type: the API leaves OutputType optional but AWS CloudFormation requires it, and what the service does without it is undocumented; add `output standard` (every file) or `output summary-only` to the block',
        },
      ],
    },
    {
      dialect: 'request',
      payload: { TaskArn: TASK_ARN, TaskReportConfig: noOutput },
      errors: [{ messageId: 'missing', pointer: '/TaskReportConfig', messageIncludes: 'TaskReportConfig has no output type: the API leaves OutputType optional but AWS CloudFormation requires it, and what the service does without it is undocumented; set TaskReportConfig.OutputType to STANDARD (every file) or SUMMARY_ONLY' }],
    },
  ],
});
