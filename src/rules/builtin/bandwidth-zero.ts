/**
 * Constraints §3.8: BytesPerSecond has minimum −1 (no limit); 0 passes the model, but what it
 * means is undocumented.
 */
import { createRule } from '../create-rule.js';
import { numberAt, optionPointer } from '../read.js';
import { MODEL, UG_BW } from '../sources.js';

export const bandwidthZero = createRule({
  id: 'bandwidth-zero',
  meta: {
    description: '`bandwidth` (BytesPerSecond) 0 is accepted by the API, but what it does is undocumented.',
    severity: 'warning',
    docs: { sources: [MODEL(8), UG_BW(8)] },
    messages: {
      zero:
        '{{bandwidth}} has no documented meaning: it might stall the transfer or be taken as no limit; {{advice}}',
    },
  },
  check({ payload, report, words }) {
    if (numberAt(payload, optionPointer('BytesPerSecond')) !== 0) return;
    const advice = words.pick({
      dsi: 'write `bandwidth unlimited` for no limit, or a rate such as `bandwidth 100 MiB/s`',
      request: 'set BytesPerSecond to -1 for no limit, or to a rate in bytes per second such as 104857600 (100 MiB/s)',
    });
    report({ pointer: optionPointer('BytesPerSecond'), messageId: 'zero', data: { bandwidth: words.option('BytesPerSecond', 0), advice } });
  },
});
