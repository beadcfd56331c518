/**
 * Constraints §3.18: SecurityDescriptorCopyFlags is used only between SMB and FSx for Windows
 * File Server (or two FSx for Windows locations; the permission notes add FSx for ONTAP over SMB).
 * Elsewhere it has no effect.
 */
import type { LocationType } from '../../core/context.js';
import { createRule } from '../create-rule.js';
import { contextPointer, ENDS, locationType, optionPointer, overriddenOption } from '../read.js';
import { API_OPTIONS, UG_METADATA } from '../sources.js';

const WINDOWS_LIKE: readonly LocationType[] = ['SMB', 'FSX_WINDOWS', 'FSX_ONTAP'];

export const securityDescriptorsLocation = createRule({
  id: 'security-descriptors-location',
  meta: {
    description: '`security-descriptors` (SecurityDescriptorCopyFlags) has effect only between SMB and FSx for Windows File Server locations.',
    severity: 'warning',
    docs: { sources: [API_OPTIONS(18), UG_METADATA(18)] },
    messages: {
      noEffect:
        '{{flags}} has no effect when the {{end}} is {{location}}: DataSync copies security descriptors only between SMB and FSx for Windows File Server locations (or FSx for ONTAP over SMB); {{advice}}',
    },
  },
  check({ payload, context, report, words }) {
    const flags = overriddenOption(payload, 'SecurityDescriptorCopyFlags');
    if (flags === undefined || flags === 'NONE') return;
    for (const end of ENDS) {
      const type = locationType(context, end);
      if (type === undefined || WINDOWS_LIKE.includes(type)) continue;
      const setting = words.option('SecurityDescriptorCopyFlags', flags);
      const location = words.location(type);
      report({
        pointer: optionPointer('SecurityDescriptorCopyFlags'),
        messageId: 'noEffect',
        data: { flags: setting, end, location, advice: words.removeOption('SecurityDescriptorCopyFlags') },
        label: `${setting} is set here`,
        related: [{ pointer: contextPointer(end, 'type'), message: `the ${end} is ${location}` }],
        fix: {
          description: words.pick({ dsi: 'remove the security-descriptors override', request: words.removeOption('SecurityDescriptorCopyFlags') }),
          pointer: optionPointer('SecurityDescriptorCopyFlags'),
          remove: true,
        },
      });
      return;
    }
  },
});
