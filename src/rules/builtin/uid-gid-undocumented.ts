/**
 * Constraints §3.22: only INT_VALUE and NONE of Uid and Gid are documented; NAME and BOTH pass the
 * model but have no documented behaviour.
 */
import { createRule } from '../create-rule.js';
import { optionPointer, overriddenOption } from '../read.js';
import { API_OPTIONS, UG_META_COPIED } from '../sources.js';

export const uidGidUndocumented = createRule({
  id: 'uid-gid-undocumented',
  meta: {
    description: '`uid`/`gid` `name` and `both` are accepted by the API but their behaviour is undocumented.',
    severity: 'warning',
    docs: { sources: [API_OPTIONS(22), UG_META_COPIED(22)] },
    messages: {
      undocumented:
        '{{setting}} is accepted by the API, but AWS documents only {{intValue}} (keep numeric IDs) and {{none}} (ignore them); {{advice}} unless you have checked what {{value}} does',
    },
  },
  check({ payload, report, words }) {
    for (const member of ['Uid', 'Gid'] as const) {
      const value = overriddenOption(payload, member);
      if (value !== 'NAME' && value !== 'BOTH') continue;
      report({
        pointer: optionPointer(member),
        messageId: 'undocumented',
        data: {
          setting: words.option(member, value),
          intValue: words.value(member, 'INT_VALUE'),
          none: words.value(member, 'NONE'),
          advice: words.set([member, 'INT_VALUE'], [member, 'NONE']),
          value: words.value(member, value),
        },
      });
    }
  },
});
