// Hand-written declaration of the generated validate-request.cjs (ajv standalone output).
import type { ErrorObject } from 'ajv';

/** The precompiled validator of StartTaskExecutionRequest; after a failed call, `errors` lists every problem. */
export declare const validateRequest: {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
};
