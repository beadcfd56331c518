import { logLevelWithoutLogGroup } from '../../../src/rules/builtin/log-level-without-log-group.js';
import { ruleTester, withOptions } from '../helpers.js';

const L = '/OverrideOptions/LogLevel';

ruleTester.run(logLevelWithoutLogGroup, {
  valid: [
    { name: 'mode unknown: silent', payload: withOptions({ LogLevel: 'TRANSFER' }) },
    { payload: withOptions({ LogLevel: 'TRANSFER' }), context: { mode: 'BASIC', logGroup: 'arn:aws:logs:us-east-1:111122223333:log-group:datasync:*' } },
    { name: 'Enhanced mode logs to /aws/datasync', payload: withOptions({ LogLevel: 'BASIC' }), context: { mode: 'ENHANCED' } },
    { payload: withOptions({ LogLevel: 'OFF' }), context: { mode: 'BASIC' } },
  ],
  invalid: [
    {
      payload: withOptions({ LogLevel: 'TRANSFER' }),
      context: { mode: 'BASIC' },
      errors: [{ messageId: 'noLogGroup', pointer: L, severity: 'warning', related: ['/@context/mode'], messageIncludes: '`log transfer` on a Basic-mode task' }],
    },
    {
      name: 'the advice in each dialect',
      payload: withOptions({ LogLevel: 'BASIC' }),
      context: { mode: 'BASIC' },
      errors: [{ messageId: 'noLogGroup', pointer: L, messageIncludes: 'give the task one and write `log-group "arn:aws:logs:…"` in the task block, or write `log off`' }],
    },
    {
      dialect: 'request',
      payload: withOptions({ LogLevel: 'BASIC' }),
      context: { mode: 'BASIC' },
      errors: [
        {
          messageId: 'noLogGroup',
          pointer: L,
          messageIncludes:
            "LogLevel BASIC on a Basic-mode task with no known CloudWatch log group: DataSync delivers these logs only to the task's log group (CloudWatchLogGroupArn, set with UpdateTask); give the task one, or set LogLevel to OFF",
        },
      ],
    },
    { payload: withOptions({ LogLevel: 'BASIC' }), context: { mode: 'BASIC', logGroup: '' }, errors: [{ messageId: 'noLogGroup', pointer: L }] },
  ],
});
