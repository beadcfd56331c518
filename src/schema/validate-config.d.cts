// Hand-written declaration of the generated validate-config.cjs (ajv standalone output, built with `verbose`).
import type { ErrorObject } from 'ajv';

/** The precompiled validator of dsi.config.json/.yaml; after a failed call, `errors` lists every problem (with `schema` and `parentSchema`). */
export declare const validateConfig: {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
};
