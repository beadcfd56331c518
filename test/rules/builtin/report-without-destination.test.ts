import { reportWithoutDestination } from '../../../src/rules/builtin/report-without-destination.js';
import { report, ruleTester, TASK_ARN } from '../helpers.js';

ruleTester.run(reportWithoutDestination, {
  valid: [
    { payload: { TaskArn: TASK_ARN, TaskReportConfig: report() } },
    { name: 'an empty report removes the configuration', payload: { TaskArn: TASK_ARN, TaskReportConfig: {} } },
  ],
  invalid: [
    { payload: { TaskArn: TASK_ARN, TaskReportConfig: { OutputType: 'STANDARD' } }, errors: [{ messageId: 'missing', pointer: '/TaskReportConfig', severity: 'warning' }] },
    { payload: { TaskArn: TASK_ARN, TaskReportConfig: { Destination: {}, OutputType: 'STANDARD' } }, errors: [{ messageId: 'missing', pointer: '/TaskReportConfig/Destination' }] },
  ],
});
