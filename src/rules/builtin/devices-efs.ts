/**
 * Constraints §3.19: PreserveDevices PRESERVE is not supported for Amazon EFS. Whether the service
 * rejects it or ignores it is not documented (§6), so this is a warning.
 */
import { createRule } from '../create-rule.js';
import { contextPointer, ENDS, locationType, optionPointer, overriddenOption } from '../read.js';
import { option } from '../words.js';
import { API_OPTIONS } from '../sources.js';

export const devicesEfs = createRule({
  id: 'devices-efs',
  meta: {
    description: '`devices preserve` (PreserveDevices PRESERVE) is not supported for Amazon EFS locations.',
    severity: 'warning',
    docs: { sources: [API_OPTIONS(19)] },
    messages: {
      efs:
        '{{devices}} is not supported when the {{end}} is Amazon EFS, AWS says (whether the request is rejected or the option ignored is undocumented); write `devices none`',
    },
  },
  check({ payload, context, report }) {
    if (overriddenOption(payload, 'PreserveDevices') !== 'PRESERVE') return;
    const end = ENDS.find((e) => locationType(context, e) === 'EFS');
    if (end === undefined) return;
    const devices = option('PreserveDevices', 'PRESERVE');
    report({
      pointer: optionPointer('PreserveDevices'),
      messageId: 'efs',
      data: { devices, end },
      label: `${devices} is set here`,
      related: [{ pointer: contextPointer(end, 'type'), message: `the ${end} is \`efs\`` }],
      fix: { description: 'write `devices none`', pointer: optionPointer('PreserveDevices'), value: 'NONE' },
    });
  },
});
