/**
 * Constraints §3.23: overwrites and deletes in S3 Standard-IA, One Zone-IA, Glacier Instant
 * Retrieval, Glacier Flexible Retrieval and Glacier Deep Archive can cost extra (minimum storage
 * duration and retrieval charges).
 */
import { createRule } from '../create-rule.js';
import { contextPointer, optionPointer, overriddenOption } from '../read.js';
import { UG_S3 } from '../sources.js';

const COSTLY_CLASSES: Readonly<Record<string, string>> = {
  STANDARD_IA: 'S3 Standard-IA',
  ONEZONE_IA: 'S3 One Zone-IA',
  GLACIER_INSTANT_RETRIEVAL: 'S3 Glacier Instant Retrieval',
  GLACIER: 'S3 Glacier Flexible Retrieval',
  DEEP_ARCHIVE: 'S3 Glacier Deep Archive',
};

export const storageClassCost = createRule({
  id: 'storage-class-cost',
  meta: {
    description: 'Deleting or overwriting objects in an infrequent-access or Glacier storage class can cost extra.',
    severity: 'warning',
    docs: { sources: [UG_S3(23)] },
    messages: {
      remove:
        '{{setting}} deletes objects in {{className}}, where deleting an object before its minimum storage duration is charged as if it were kept; {{advice}} unless the cost is intended',
      overwrite:
        '{{setting}} rewrites changed objects in {{className}}, where replacing an object early costs extra (minimum storage duration and retrieval charges); {{advice}} unless the cost is intended',
    },
    needs: ['destination'],
  },
  check({ payload, context, report, words }) {
    const storageClass = context.destination?.storageClass;
    if (storageClass === undefined || !Object.hasOwn(COSTLY_CLASSES, storageClass)) return;
    const className = COSTLY_CLASSES[storageClass];
    const related = [
      {
        pointer: contextPointer('destination', 'storageClass'),
        message: `the destination's storage class is ${words.storageClass(storageClass)}`,
      },
    ];
    for (const [member, value, messageId, instead] of [
      ['PreserveDeletedFiles', 'REMOVE', 'remove', 'PRESERVE'],
      ['OverwriteMode', 'ALWAYS', 'overwrite', 'NEVER'],
    ] as const) {
      if (overriddenOption(payload, member) !== value) continue;
      const setting = words.option(member, value);
      const advice = words.set([member, instead]);
      report({ pointer: optionPointer(member), messageId, data: { setting, className, advice }, label: `${setting} is set here`, related });
    }
  },
});
