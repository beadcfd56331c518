import { reportWithoutOutput } from '../../../src/rules/builtin/report-without-output.js';
import { report, ruleTester, TASK_ARN } from '../helpers.js';

const { OutputType: _, ...noOutput } = report();

ruleTester.run(reportWithoutOutput, {
  valid: [
    { payload: { TaskArn: TASK_ARN, TaskReportConfig: report() } },
    { name: 'an empty report removes the configuration', payload: { TaskArn: TASK_ARN, TaskReportConfig: {} } },
  ],
  invalid: [{ payload: { TaskArn: TASK_ARN, TaskReportConfig: noOutput }, errors: [{ messageId: 'missing', pointer: '/TaskReportConfig', severity: 'warning' }] }],
});
