/**
 * Constraints §3.30: until the 2025-12-12 model, bandwidth limits were documented as "not
 * applicable" to Enhanced mode; the note is gone now, so a limit may or may not apply.
 */
import { createRule } from '../create-rule.js';
import { contextPointer, numberAt, optionPointer } from '../read.js';
import { MODEL, UG_MODE } from '../sources.js';

export const bandwidthEnhanced = createRule({
  id: 'bandwidth-enhanced',
  meta: {
    description: 'A bandwidth limit on an Enhanced-mode task may not apply: older AWS docs said it does not.',
    severity: 'info',
    docs: { sources: [MODEL(30), UG_MODE(30)] },
    messages: {
      mayNotApply:
        '{{bandwidth}} on an Enhanced-mode task: AWS documented bandwidth limits as not applicable to Enhanced mode until December 2025, and the current docs no longer say; check that the limit takes effect (it may apply only to tasks with an Enhanced-mode agent)',
    },
    needs: ['mode'],
  },
  check({ payload, context, report, words }) {
    const bytes = numberAt(payload, optionPointer('BytesPerSecond'));
    if (context.mode !== 'ENHANCED' || bytes === undefined || bytes === -1) return;
    report({
      pointer: optionPointer('BytesPerSecond'),
      messageId: 'mayNotApply',
      data: { bandwidth: words.option('BytesPerSecond', bytes) },
      label: `${words.option('BytesPerSecond', bytes)} is set here`,
      related: [{ pointer: contextPointer('mode'), message: 'the task is in Enhanced mode' }],
    });
  },
});
