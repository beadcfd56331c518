import { reportWithoutDestination } from '../../../src/rules/builtin/report-without-destination.js';
import { report, ruleTester, TASK_ARN } from '../helpers.js';

ruleTester.run(reportWithoutDestination, {
  valid: [
    { payload: { TaskArn: TASK_ARN, TaskReportConfig: report() } },
    { name: 'an empty report removes the configuration', payload: { TaskArn: TASK_ARN, TaskReportConfig: {} } },
  ],
  invalid: [
    {
      payload: { TaskArn: TASK_ARN, TaskReportConfig: { OutputType: 'STANDARD' } },
      errors: [
        {
          messageId: 'missing',
          pointer: '/TaskReportConfig',
          severity: 'warning',
          messageIncludes:
            '`report` has no destination, so the report cannot be delivered: add `to "s3://bucket/prefix/"` and `role "arn:aws:iam::ACCOUNT:role/NAME"` to the block, or write an empty `report { }` to remove the task\'s report configuration',
        },
      ],
    },
    {
      dialect: 'request',
      payload: { TaskArn: TASK_ARN, TaskReportConfig: { OutputType: 'STANDARD' } },
      errors: [
        {
          messageId: 'missing',
          pointer: '/TaskReportConfig',
          messageIncludes:
            "TaskReportConfig has no destination, so the report cannot be delivered: add Destination.S3 with S3BucketArn and BucketAccessRoleArn, or send an empty TaskReportConfig to remove the task's report configuration",
        },
      ],
    },
    { payload: { TaskArn: TASK_ARN, TaskReportConfig: { Destination: {}, OutputType: 'STANDARD' } }, errors: [{ messageId: 'missing', pointer: '/TaskReportConfig/Destination' }] },
  ],
});
