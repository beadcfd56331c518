/**
 * Constraints §3.11: VerifyMode POINT_IN_TIME_CONSISTENT cannot be used when the destination S3
 * storage class is Glacier Flexible Retrieval or Glacier Deep Archive (it would read back every object).
 */
import { createRule } from '../create-rule.js';
import { contextPointer, optionPointer, overriddenOption } from '../read.js';
import { API_OPTIONS, UG_S3, UG_VERIFY } from '../sources.js';

const ARCHIVE_CLASSES: Readonly<Record<string, string>> = {
  GLACIER: 'S3 Glacier Flexible Retrieval',
  DEEP_ARCHIVE: 'S3 Glacier Deep Archive',
};

export const pitVerifyGlacier = createRule({
  id: 'pit-verify-glacier',
  meta: {
    description: '`verify point-in-time-consistent` cannot be used with a Glacier Flexible Retrieval or Deep Archive destination.',
    severity: 'error',
    docs: { sources: [API_OPTIONS(11), UG_S3(11), UG_VERIFY(11)] },
    messages: {
      archive:
        '{{verify}} cannot be used when the destination storage class is {{className}}: it would have to read back every destination object; {{advice}}',
    },
    needs: ['destination'],
  },
  check({ payload, context, report, words }) {
    const storageClass = context.destination?.storageClass;
    if (storageClass === undefined || !Object.hasOwn(ARCHIVE_CLASSES, storageClass)) return;
    if (overriddenOption(payload, 'VerifyMode') !== 'POINT_IN_TIME_CONSISTENT') return;
    const verify = words.option('VerifyMode', 'POINT_IN_TIME_CONSISTENT');
    const advice = words.set(['VerifyMode', 'ONLY_FILES_TRANSFERRED']);
    report({
      pointer: optionPointer('VerifyMode'),
      messageId: 'archive',
      data: { verify, className: ARCHIVE_CLASSES[storageClass], advice },
      label: `${verify} is set here`,
      related: [
        {
          pointer: contextPointer('destination', 'storageClass'),
          message: `the destination's storage class is ${words.storageClass(storageClass)}`,
        },
      ],
      fix: { description: advice, pointer: optionPointer('VerifyMode'), value: 'ONLY_FILES_TRANSFERRED' },
    });
  },
});
