// A plugin rule: tasks may run only in the organisation's own AWS accounts. Plugins are loaded
// only because a config names them (never because an intent says so); `dsi --no-plugins` skips them.
import { createRule } from 'datasync-intent';

export const rules = [
  createRule({
    id: 'acme/allowed-accounts',
    meta: {
      description: 'The task belongs to one of the accounts the organisation runs DataSync in.',
      severity: 'error',
      docs: { sources: [] },
      messages: { account: 'the task is in account {{account}}, which is not one of ours ({{allowed}}); use a task in an allowed account' },
      schema: {
        type: 'object',
        properties: { accounts: { type: 'array', items: { type: 'string', pattern: '^[0-9]{12}$' }, minItems: 1 } },
        required: ['accounts'],
        additionalProperties: false,
      },
      defaultOptions: { accounts: [] },
    },
    check({ payload, options, report }) {
      const arn = typeof payload.TaskArn === 'string' ? payload.TaskArn : undefined;
      const account = arn?.split(':')[4];
      if (account === undefined || options.accounts.includes(account)) return;
      report({ pointer: '/TaskArn', messageId: 'account', data: { account, allowed: options.accounts.join(', ') } });
    },
  }),
];
