/**
 * Constraints §3.19: PreserveDevices PRESERVE is not supported for Amazon EFS. Whether the service
 * rejects it or ignores it is not documented (§6), so this is a warning.
 */
import { createRule } from '../create-rule.js';
import { contextPointer, ENDS, locationType, optionPointer, overriddenOption } from '../read.js';
import { API_OPTIONS } from '../sources.js';

export const devicesEfs = createRule({
  id: 'devices-efs',
  meta: {
    description: '`devices preserve` (PreserveDevices PRESERVE) is not supported for Amazon EFS locations.',
    severity: 'warning',
    docs: { sources: [API_OPTIONS(19)] },
    messages: {
      efs:
        '{{devices}} is not supported when the {{end}} is Amazon EFS, AWS says (whether the request is rejected or the option ignored is undocumented); {{advice}}',
    },
  },
  check({ payload, context, report, words }) {
    if (overriddenOption(payload, 'PreserveDevices') !== 'PRESERVE') return;
    const end = ENDS.find((e) => locationType(context, e) === 'EFS');
    if (end === undefined) return;
    const devices = words.option('PreserveDevices', 'PRESERVE');
    const advice = words.set(['PreserveDevices', 'NONE']);
    report({
      pointer: optionPointer('PreserveDevices'),
      messageId: 'efs',
      data: { devices, end, advice },
      label: `${devices} is set here`,
      related: [{ pointer: contextPointer(end, 'type'), message: `the ${end} is ${words.location('EFS')}` }],
      fix: { description: advice, pointer: optionPointer('PreserveDevices'), value: 'NONE' },
    });
  },
});
