/**
 * Constraints §3.20: ObjectTags matters only between object stores. In Enhanced mode, a location
 * that cannot do object tagging fails the whole execution when ObjectTags is unset or PRESERVE
 * (the default); a file-system end (NFS, SMB, …) makes the option moot.
 */
import type { LocationType } from '../../core/context.js';
import { createRule } from '../create-rule.js';
import { contextPointer, effectiveOption, ENDS, locationType, optionPointer, overriddenOption } from '../read.js';
import { API_OPTIONS, UG_METADATA, UG_MODE } from '../sources.js';

const OBJECT_STORES: readonly LocationType[] = ['S3', 'OBJECT_STORAGE', 'AZURE_BLOB'];

export const objectTagsLocation = createRule({
  id: 'object-tags-location',
  meta: {
    description:
      'In Enhanced mode, an object-store transfer whose store may not support object tags fails at once unless `object-tags none` is set.',
    severity: 'warning',
    docs: { sources: [API_OPTIONS(20), UG_MODE(20), UG_METADATA(20)] },
    messages: {
      mayFail:
        "{{state}} on an Enhanced-mode task between object stores: if the {{end}} ({{location}}) cannot do object tagging, DataSync fails the whole execution at once; if it cannot, {{advice}}",
    },
    needs: ['mode', 'source', 'destination'],
  },
  check({ payload, context, report, words }) {
    if (context.mode !== 'ENHANCED') return;
    const types = ENDS.map((end) => locationType(context, end));
    if (types.some((t) => t === undefined || !OBJECT_STORES.includes(t))) return;
    const tags = effectiveOption(payload, context, 'ObjectTags');
    if (tags !== undefined && tags.value !== 'PRESERVE') return;
    // Amazon S3 supports object tags; the doubt is with other object stores.
    const index = types.findIndex((t) => t !== 'S3');
    if (index < 0) return;
    const end = ENDS[index];
    const location = words.location(types[index]!);
    const preserve = words.option('ObjectTags', 'PRESERVE');
    const state =
      tags === undefined
        ? `${words.optionName('ObjectTags')} is not set (the default is ${words.value('ObjectTags', 'PRESERVE')})`
        : tags.from === 'request'
          ? preserve
          : words.stored('ObjectTags', 'PRESERVE');
    const own = overriddenOption(payload, 'ObjectTags') !== undefined;
    report({
      ...(own ? { pointer: optionPointer('ObjectTags') } : { pointer: contextPointer(end, 'type') }),
      messageId: 'mayFail',
      data: { state, end, location, advice: words.set(['ObjectTags', 'NONE']) },
      ...(own
        ? {
            label: `${preserve} is set here`,
            related: [{ pointer: contextPointer(end, 'type'), message: `the ${end} is ${location}` }],
          }
        : {}),
    });
  },
});
