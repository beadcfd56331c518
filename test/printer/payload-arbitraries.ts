/**
 * fast-check arbitraries of StartTaskExecution requests derived from the generated JSON Schema:
 * every shape from its `$defs` (optional members present or not, so structures are partial),
 * with a few shapes widened where the schema's own patterns would rarely reach the interesting
 * cases: bucket ARNs in the task's partition (and access points), Unicode in filter patterns
 * and in tags' whitespace, values that only `set` can write.
 */
import fc from 'fast-check';
import schema from '../../src/schema/start-task-execution-request.schema.json' with { type: 'json' };
import { validatePayload } from '../../src/schema/index.js';

interface Def {
  type?: string;
  enum?: string[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: { $ref: string };
  properties?: Record<string, { $ref: string }>;
  required?: string[];
}

const defs = (schema as unknown as { $defs: Record<string, Def>; $ref: string }).$defs;
const refName = (ref: string) => ref.replace('#/$defs/', '');

const bucketName = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,20}[a-z0-9]$/);
/** Text with letters from any script, no NUL. */
const unicodeText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => !s.includes('\u0000'));
const pattern = unicodeText.filter((s) => !s.includes('|') && !s.includes('\\'));

/** Shapes whose schema pattern alone would seldom give the cases worth testing. */
const WIDER: Record<string, fc.Arbitrary<unknown>> = {
  TaskArn: fc.oneof(
    { weight: 3, arbitrary: fc.stringMatching(/^[0-9a-f]{17}$/).map((h) => `arn:aws:datasync:us-east-1:111122223333:task/task-${h}`) },
    { weight: 1, arbitrary: fc.stringMatching(new RegExp(defs.TaskArn.pattern!)) },
  ),
  S3BucketArn: fc.oneof(
    { weight: 3, arbitrary: bucketName.map((b) => `arn:aws:s3:::${b}`) },
    { weight: 1, arbitrary: fc.stringMatching(new RegExp(defs.S3BucketArn.pattern!)) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,20}$/).map((n) => `arn:aws:s3:us-east-1:111122223333:accesspoint/${n}`) },
  ),
  FilterValue: fc.oneof(
    // Patterns joined as the compiler joins them; an escaped pipe inside one.
    fc.array(fc.oneof(pattern, pattern.map((p) => `${p}\\|x`)), { minLength: 1, maxLength: 3 }).map((ps) => ps.join('|')),
    // Anything the schema allows: empty parts, trailing backslashes, only `set` writes those.
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => !s.includes('\u0000')),
  ),
  BytesPerSecond: fc.oneof(
    fc.constant(-1),
    fc.nat({ max: 4096 }),
    fc.tuple(fc.integer({ min: 1, max: 4000 }), fc.constantFrom(1, 1000, 1024, 1000 ** 2, 1024 ** 2, 1024 ** 3)).map(([n, f]) => n * f),
    fc.maxSafeNat(),
  ),
};

function arbitrary(name: string): fc.Arbitrary<unknown> {
  if (WIDER[name]) return WIDER[name];
  const d = defs[name];
  if (d.enum) return fc.constantFrom(...d.enum);
  switch (d.type) {
    case 'object': {
      const members = Object.fromEntries(Object.entries(d.properties ?? {}).map(([k, v]) => [k, fc.constant(null).chain(() => arbitrary(refName(v.$ref)))]));
      return fc.record(members, { requiredKeys: d.required ?? [] });
    }
    case 'array':
      return fc.array(arbitrary(refName(d.items!.$ref)), { minLength: d.minItems ?? 0, maxLength: Math.min(d.maxItems ?? 3, 3) });
    case 'integer':
      return fc.integer({ min: d.minimum ?? -(2 ** 31), max: d.maximum ?? Number.MAX_SAFE_INTEGER });
    default: {
      const text = d.pattern ? fc.stringMatching(new RegExp(d.pattern, 'u')) : fc.string({ maxLength: 30 });
      return text.filter((s) => s.length >= (d.minLength ?? 0) && s.length <= (d.maxLength ?? Infinity));
    }
  }
}

/** A request that the schema accepts. */
export const schemaValidRequest = arbitrary(refName((schema as unknown as { $ref: string }).$ref)).filter((p) => validatePayload(p).length === 0) as fc.Arbitrary<Record<string, unknown>>;
