/**
 * Constraints §3.1: Atime and Mtime are coupled; only (BEST_EFFORT, PRESERVE) and (NONE, NONE)
 * are legal, judged on the merged view of the task's stored options and the overrides.
 */
import { createRule } from '../create-rule.js';
import { effectiveOption, optionPointer, overriddenOption } from '../read.js';
import { API_OPTIONS } from '../sources.js';

/** The partner each value needs, both ways (API-Options). */
const PARTNER: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Atime: { BEST_EFFORT: 'PRESERVE', NONE: 'NONE' },
  Mtime: { PRESERVE: 'BEST_EFFORT', NONE: 'NONE' },
};
/** AWS's defaults when neither the task nor the request sets them. */
const DEFAULT: Readonly<Record<string, string>> = { Atime: 'BEST_EFFORT', Mtime: 'PRESERVE' };
const OTHER = { Atime: 'Mtime', Mtime: 'Atime' } as const;

export const atimeMtimePair = createRule({
  id: 'atime-mtime-pair',
  meta: {
    description: 'Atime and Mtime must form a legal pair: `atime best-effort` with `mtime preserve`, or `atime none` with `mtime none`.',
    severity: 'error',
    docs: { sources: [API_OPTIONS(1)] },
    messages: {
      conflict: '{{set}} cannot be used with {{other}}: {{atime}} and {{mtime}} go in pairs, {{pairs}}; {{advice}}',
      conflictWithTask: "{{set}} needs {{needed}}, but the task's stored {{otherMember}} is {{stored}}: {{atime}} and {{mtime}} go in pairs; also {{advice}}",
      partnerUnknown:
        "{{set}} is valid only with {{needed}}; the task's stored {{otherMember}} completes the pair and is not known here (AWS's default is {{default}}, which {{verdict}}); {{advice}} too, so the pair does not depend on the task",
    },
  },
  check({ payload, context, report, words }) {
    const names = { atime: words.optionName('Atime'), mtime: words.optionName('Mtime') };
    const atime = overriddenOption(payload, 'Atime');
    const mtime = overriddenOption(payload, 'Mtime');
    const legal = (a: string, m: string) => PARTNER.Atime[a] === m;
    const known = (member: 'Atime' | 'Mtime', v: string | undefined): v is string => v !== undefined && Object.hasOwn(PARTNER[member], v);

    if (known('Atime', atime) && known('Mtime', mtime)) {
      if (legal(atime, mtime)) return;
      report({
        pointer: optionPointer('Atime'),
        messageId: 'conflict',
        data: {
          ...names,
          set: words.option('Atime', atime),
          other: words.option('Mtime', mtime),
          pairs: `${words.option('Atime', 'BEST_EFFORT')} with ${words.option('Mtime', 'PRESERVE')} or ${words.option('Atime', 'NONE')} with ${words.option('Mtime', 'NONE')}`,
          advice: words.set(['Atime', PARTNER.Mtime[mtime]], ['Mtime', PARTNER.Atime[atime]]),
        },
        label: `${words.option('Atime', atime)} is set here`,
        related: [{ pointer: optionPointer('Mtime'), message: `${words.option('Mtime', mtime)} is set here` }],
        // Mtime decides what later runs see as changed; Atime is only best-effort, so the fix follows Mtime.
        fix: { description: words.set(['Atime', PARTNER.Mtime[mtime]]), pointer: optionPointer('Atime'), value: PARTNER.Mtime[mtime] },
      });
      return;
    }
    // At most one of the pair is overridden: the task's stored value (or AWS's default) completes it.
    for (const member of ['Atime', 'Mtime'] as const) {
      const own = member === 'Atime' ? atime : mtime;
      const otherMember = OTHER[member];
      if (!known(member, own) || overriddenOption(payload, otherMember) !== undefined) continue;
      const needed = PARTNER[member][own];
      const advice = words.set([otherMember, needed]);
      const fix = { description: advice, pointer: optionPointer(otherMember), value: needed };
      const common = {
        ...names,
        set: words.option(member, own),
        needed: words.option(otherMember, needed),
        otherMember: words.optionName(otherMember),
        advice,
      };
      const stored = effectiveOption(payload, context, otherMember);
      if (stored !== undefined) {
        if (stored.value === needed) continue;
        report({ pointer: optionPointer(member), messageId: 'conflictWithTask', data: { ...common, stored: words.value(otherMember, stored.value) }, fix });
      } else {
        const fallback = DEFAULT[otherMember];
        report({
          pointer: optionPointer(member),
          messageId: 'partnerUnknown',
          severity: 'warning',
          data: { ...common, default: words.value(otherMember, fallback), verdict: fallback === needed ? 'would pair with it' : 'would be rejected' },
          fix,
        });
      }
    }
  },
});
