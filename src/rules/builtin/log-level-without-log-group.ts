/**
 * Constraints §3.21: a Basic-mode task delivers BASIC or TRANSFER logs only to its own CloudWatch
 * log group (CloudWatchLogGroupArn, set by CreateTask/UpdateTask). Whether the service rejects a
 * LogLevel without one is undocumented, so this is a warning.
 */
import { createRule } from '../create-rule.js';
import { contextPointer, optionPointer, overriddenOption } from '../read.js';
import { API_OPTIONS, MODEL, UG_LOGGING } from '../sources.js';

export const logLevelWithoutLogGroup = createRule({
  id: 'log-level-without-log-group',
  meta: {
    description: 'On a Basic-mode task, `log basic` or `log transfer` needs the task to have a CloudWatch log group.',
    severity: 'warning',
    docs: { sources: [API_OPTIONS(21), UG_LOGGING(21), MODEL(21)] },
    messages: {
      noLogGroup:
        '{{log}} on a Basic-mode task with no known CloudWatch log group: DataSync delivers these logs only to the task\'s log group (CloudWatchLogGroupArn, set with UpdateTask); {{advice}}',
    },
    needs: ['mode'],
  },
  check({ payload, context, report, words }) {
    const level = overriddenOption(payload, 'LogLevel');
    if (context.mode !== 'BASIC' || (level !== 'BASIC' && level !== 'TRANSFER')) return;
    if (typeof context.logGroup === 'string' && context.logGroup !== '') return;
    const log = words.option('LogLevel', level);
    const giveOne = words.pick({ dsi: 'give the task one and write `log-group "arn:aws:logs:…"` in the task block', request: 'give the task one' });
    const advice = `${giveOne}, or ${words.set(['LogLevel', 'OFF'])}`;
    report({
      pointer: optionPointer('LogLevel'),
      messageId: 'noLogGroup',
      data: { log, advice },
      label: `${log} is set here`,
      related: [{ pointer: contextPointer('mode'), message: 'the task is in Basic mode' }],
    });
  },
});
