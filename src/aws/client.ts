/**
 * The DataSync client, through the real SDK. `@aws-sdk/client-datasync` is imported only when a
 * call is really made (a dynamic import): the CLI bundle leaves it out, and nothing else pays
 * for loading it.
 */
import { loadModule } from '../core/load-module.js';
import type { DataSyncClient } from '@aws-sdk/client-datasync';

/** How to reach DataSync; everything is optional and falls back to the SDK's own chain. */
export interface AwsContextOptions {
  /** Default: the region of the task ARN. */
  region?: string;
  /** Endpoint URL, e.g. a VPC endpoint or a test server. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** A profile of the shared AWS config files. */
  profile?: string;
  /** An existing `DataSyncClient` to use instead of a new one (for tests and embedding); its own settings then apply. */
  client?: unknown;
}

/** The SDK module's type. */
export type Sdk = typeof import('@aws-sdk/client-datasync');

const ARN_REGION = /^arn:(?:aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):datasync:([a-z\-0-9]+):[0-9]{12}:/;

let sdkPromise: Promise<Sdk> | undefined;
/** Loads the SDK once, on first use. */
export const loadSdk = (): Promise<Sdk> => (sdkPromise ??= loadModule<Sdk>('@aws-sdk/client-datasync'));

/** A client, the SDK it came from, and how to end it. */
export interface Session {
  sdk: Sdk;
  client: DataSyncClient;
  /** Removes any secret of the given credentials from a message (SDK messages should hold none; this makes sure). */
  redact: (message: string) => string;
  close: () => void;
}

/** Which failures the client retries. */
export type RetryPolicy = 'sdk-default' | 'throttling-only';

/** Attempts in all (the first and the retries) under `throttling-only`. */
export const THROTTLING_MAX_ATTEMPTS = 5;
/** The first retry's delay under `throttling-only`, doubled each time, with jitter. */
export const THROTTLING_BASE_DELAY_MS = 200;
const THROTTLING_MAX_DELAY_MS = 20_000;

/**
 * A retry strategy (the SDK's `RetryStrategyV2`) that retries only a throttling answer: an error
 * the service sent back with a 4xx status that says it throttled the call, so the call was
 * refused and did nothing. A 5xx, a timeout or a reset connection may come after the call took
 * effect; for a call without an idempotency token, retrying it could do it twice.
 */
export function throttlingOnlyRetryStrategy(maxAttempts = THROTTLING_MAX_ATTEMPTS, baseDelayMs = THROTTLING_BASE_DELAY_MS) {
  const token = (retries: number, delay: number) => ({ getRetryCount: () => retries, getRetryDelay: () => delay });
  return {
    mode: 'standard',
    acquireInitialRetryToken: async (_scope: string) => token(0, 0),
    refreshRetryTokenForRetry: async (
      previous: { getRetryCount(): number },
      info: { errorType: string; error?: unknown; retryAfterHint?: Date },
    ) => {
      const status = httpStatus(info.error);
      const retries = previous.getRetryCount() + 1;
      if (info.errorType !== 'THROTTLING' || status === undefined || status >= 500 || retries >= maxAttempts) {
        throw new Error('not retried'); // the SDK then throws the call's own error
      }
      const ceiling = Math.min(THROTTLING_MAX_DELAY_MS, baseDelayMs * 2 ** (retries - 1));
      const hinted = info.retryAfterHint ? Math.max(0, info.retryAfterHint.getTime() - Date.now()) : 0;
      return token(retries, Math.min(THROTTLING_MAX_DELAY_MS, Math.max(hinted, ceiling / 2 + Math.random() * (ceiling / 2))));
    },
    recordSuccess: (_token: unknown) => {},
  };
}

/** Loads the SDK and gets a client: the one given, or a new one that `close` destroys. */
export async function openSession(arn: string, options: AwsContextOptions, retry: RetryPolicy = 'sdk-default'): Promise<Session | { error: string }> {
  let sdk: Sdk;
  try {
    sdk = await loadSdk();
  } catch (e) {
    return { error: `@aws-sdk/client-datasync could not be loaded (${(e as Error).message}); install it next to dsi` };
  }
  const secrets = [options.credentials?.secretAccessKey, options.credentials?.sessionToken].filter(
    (s): s is string => typeof s === 'string' && s.length >= 4,
  );
  const redact = (message: string) => secrets.reduce((m, s) => m.split(s).join('****'), message);

  if (options.client !== undefined) {
    if (!options.client || typeof (options.client as { send?: unknown }).send !== 'function') {
      return { error: 'the client given is not a DataSyncClient (it has no send method)' };
    }
    return { sdk, client: options.client as DataSyncClient, redact, close: () => {} };
  }
  const region = options.region ?? ARN_REGION.exec(arn)?.[1];
  try {
    const client = new sdk.DataSyncClient({
      ...(region !== undefined ? { region } : {}),
      ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
      ...(options.credentials !== undefined ? { credentials: { ...options.credentials } } : {}),
      ...(options.profile !== undefined ? { profile: options.profile } : {}),
      ...(retry === 'throttling-only' ? { retryStrategy: throttlingOnlyRetryStrategy(), maxAttempts: THROTTLING_MAX_ATTEMPTS } : {}),
    });
    return { sdk, client, redact, close: () => client.destroy() };
  } catch (e) {
    return { error: `the DataSync client could not be set up: ${redact(describeError(e))}` };
  }
}

/** `Name: message` of an SDK error (plus the HTTP status where there was an answer), on one line. */
export function describeError(e: unknown): string {
  if (e instanceof Error) {
    const status = httpStatus(e);
    const name = e.name && e.name !== 'Error' ? `${e.name}: ` : '';
    const code = (e as { code?: unknown }).code;
    const message = e.message || (typeof code === 'string' ? code : '(no message)');
    return `${name}${message}${status !== undefined ? ` (HTTP ${status})` : ''}`.replace(/\s*\r?\n\s*/g, ' ');
  }
  return String(e);
}

/** The HTTP status of the answer an SDK error came from; undefined when there was no answer. */
export function httpStatus(e: unknown): number | undefined {
  const status = (e as { $metadata?: { httpStatusCode?: unknown } } | undefined)?.$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}
