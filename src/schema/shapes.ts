/**
 * Lookup tables over the generated JSON Schema: which model shape sits at a JSON Pointer
 * into a request, its members in model order, its enum values and constraints. Built once
 * at module load from the schema's `$defs` (a few dozen entries).
 */
import schemaJson from './start-task-execution-request.schema.json' with { type: 'json' };

/** What kind of value a shape holds. */
export type ShapeKind = 'object' | 'array' | 'string' | 'integer' | 'enum' | 'boolean';

/** One model shape, as the schema describes it. */
export interface Shape {
  /** The Smithy shape name (`Options`, `TagValue`, …). */
  readonly name: string;
  readonly kind: ShapeKind;
  /** Structure members in model order (the canonical key order). */
  readonly members?: readonly string[];
  /** Structure member → its shape name. */
  readonly memberShapes?: ReadonlyMap<string, string>;
  readonly required?: readonly string[];
  /** List item shape name. */
  readonly item?: string;
  readonly enum?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
}

interface JsonSchemaDef {
  type?: string;
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: { $ref: string };
  properties?: Record<string, { $ref: string }>;
  required?: string[];
}

const REF_PREFIX = '#/$defs/';

function refTarget(ref: string): string {
  if (!ref.startsWith(REF_PREFIX)) throw new Error(`unexpected $ref ${ref} in the generated schema`);
  return ref.slice(REF_PREFIX.length);
}

function toShape(name: string, def: JsonSchemaDef): Shape {
  const kind: ShapeKind = def.enum
    ? 'enum'
    : def.type === 'object' || def.type === 'array' || def.type === 'string' || def.type === 'integer' || def.type === 'boolean'
      ? def.type
      : 'string';
  const properties = Object.entries(def.properties ?? {});
  return Object.freeze({
    name,
    kind,
    ...(def.properties && {
      members: Object.freeze(properties.map(([k]) => k)),
      memberShapes: new Map(properties.map(([k, v]) => [k, refTarget(v.$ref)])),
      required: Object.freeze([...(def.required ?? [])]),
    }),
    ...(def.items && { item: refTarget(def.items.$ref) }),
    ...(def.enum && { enum: Object.freeze([...def.enum]) }),
    ...(def.minLength !== undefined && { minLength: def.minLength }),
    ...(def.maxLength !== undefined && { maxLength: def.maxLength }),
    ...(def.pattern !== undefined && { pattern: def.pattern }),
    ...(def.minimum !== undefined && { minimum: def.minimum }),
    ...(def.maximum !== undefined && { maximum: def.maximum }),
    ...(def.minItems !== undefined && { minItems: def.minItems }),
    ...(def.maxItems !== undefined && { maxItems: def.maxItems }),
  });
}

const document = schemaJson as unknown as { $ref: string; $defs: Record<string, JsonSchemaDef> };

const SHAPES: ReadonlyMap<string, Shape> = new Map(
  Object.entries(document.$defs).map(([name, def]) => [name, toShape(name, def)]),
);

/** The shape of the whole request (`StartTaskExecutionRequest`). */
export const ROOT_SHAPE: Shape = shapeNamed(refTarget(document.$ref))!;

/** A shape by its model name. */
export function shapeNamed(name: string | undefined): Shape | undefined {
  return name === undefined ? undefined : SHAPES.get(name);
}

const INDEX = /^(0|[1-9][0-9]*)$/;

/** The shape one step below `shape`: a member of a structure, or an item (numeric token) of a list. */
export function childShape(shape: Shape | undefined, token: string): Shape | undefined {
  if (shape?.kind === 'object') return shapeNamed(shape.memberShapes?.get(token));
  if (shape?.kind === 'array' && INDEX.test(token)) return shapeNamed(shape.item);
  return undefined;
}

/** The shape at pointer tokens below the request root, or undefined where the model has none. */
export function shapeAtTokens(tokens: readonly string[]): Shape | undefined {
  let shape: Shape | undefined = ROOT_SHAPE;
  for (const token of tokens) {
    shape = childShape(shape, token);
    if (!shape) return undefined;
  }
  return shape;
}
