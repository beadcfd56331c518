/**
 * Constraints §3.10: VerifyMode POINT_IN_TIME_CONSISTENT is not supported for Enhanced-mode tasks,
 * which verify only transferred data (default ONLY_FILES_TRANSFERRED).
 */
import { createRule } from '../create-rule.js';
import { contextPointer, optionPointer, overriddenOption } from '../read.js';
import { API_OPTIONS, UG_MODE, UG_VERIFY } from '../sources.js';

export const pitVerifyEnhanced = createRule({
  id: 'pit-verify-enhanced',
  meta: {
    description: '`verify point-in-time-consistent` is not supported for Enhanced-mode tasks.',
    severity: 'error',
    docs: { sources: [API_OPTIONS(10), UG_VERIFY(10), UG_MODE(10)] },
    messages: {
      enhanced:
        '{{verify}} is not supported for an Enhanced-mode task, which verifies only what it transfers: {{advice}}',
    },
    needs: ['mode'],
  },
  check({ payload, context, report, words }) {
    if (context.mode !== 'ENHANCED' || overriddenOption(payload, 'VerifyMode') !== 'POINT_IN_TIME_CONSISTENT') return;
    const verify = words.option('VerifyMode', 'POINT_IN_TIME_CONSISTENT');
    report({
      pointer: optionPointer('VerifyMode'),
      messageId: 'enhanced',
      data: { verify, advice: words.set(['VerifyMode', 'ONLY_FILES_TRANSFERRED'], ['VerifyMode', 'NONE']) },
      label: `${verify} is set here`,
      related: [{ pointer: contextPointer('mode'), message: 'the task is in Enhanced mode' }],
      fix: { description: words.set(['VerifyMode', 'ONLY_FILES_TRANSFERRED']), pointer: optionPointer('VerifyMode'), value: 'ONLY_FILES_TRANSFERRED' },
    });
  },
});
