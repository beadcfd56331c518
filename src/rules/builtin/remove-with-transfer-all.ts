/**
 * Constraints §3.2: PreserveDeletedFiles REMOVE cannot be combined with TransferMode ALL (with
 * ALL, DataSync does not scan the destination, so it cannot know what to delete).
 */
import { createRule } from '../create-rule.js';
import { effectiveOption, optionPointer } from '../read.js';
import { API_OPTIONS, UG_METADATA } from '../sources.js';

export const removeWithTransferAll = createRule({
  id: 'remove-with-transfer-all',
  meta: {
    description: '`deleted remove` (PreserveDeletedFiles REMOVE) cannot be used with `transfer all` (TransferMode ALL).',
    severity: 'error',
    docs: { sources: [API_OPTIONS(2), UG_METADATA(2)] },
    messages: {
      conflict:
        '{{deleted}} cannot be used with {{transfer}}: with {{transfer}} DataSync does not scan the destination, so it cannot tell what to delete; {{advice}}',
      conflictWithTask:
        '{{own}} cannot be used with {{stored}}: with {{transfer}} DataSync does not scan the destination, so it cannot tell what to delete; {{advice}}',
    },
  },
  check({ payload, context, report, words }) {
    const deleted = effectiveOption(payload, context, 'PreserveDeletedFiles');
    const transfer = effectiveOption(payload, context, 'TransferMode');
    if (deleted?.value !== 'REMOVE' || transfer?.value !== 'ALL') return;
    // Both stored on the task: the request does not cause it, so it is not this file's problem.
    if (deleted.from === 'task' && transfer.from === 'task') return;
    const d = words.option('PreserveDeletedFiles', 'REMOVE');
    const t = words.option('TransferMode', 'ALL');
    const changed = words.change('TransferMode', 'CHANGED');
    const preserve = words.change('PreserveDeletedFiles', 'PRESERVE');
    if (deleted.from === 'request' && transfer.from === 'request') {
      report({
        pointer: optionPointer('PreserveDeletedFiles'),
        messageId: 'conflict',
        data: { deleted: d, transfer: t, advice: words.set(['TransferMode', 'CHANGED'], ['PreserveDeletedFiles', 'PRESERVE']) },
        label: `${d} is set here`,
        related: [{ pointer: optionPointer('TransferMode'), message: `${t} is set here` }],
      });
      return;
    }
    const ownIsDeleted = deleted.from === 'request';
    report({
      pointer: optionPointer(ownIsDeleted ? 'PreserveDeletedFiles' : 'TransferMode'),
      messageId: 'conflictWithTask',
      data: {
        own: ownIsDeleted ? d : t,
        stored: ownIsDeleted ? words.stored('TransferMode', 'ALL') : words.stored('PreserveDeletedFiles', 'REMOVE'),
        transfer: t,
        advice: `${words.verb} ${ownIsDeleted ? `${changed} too, or ${preserve}` : `${preserve} too, or ${changed}`}`,
      },
    });
  },
});
