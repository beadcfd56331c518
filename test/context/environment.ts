/** Shared set-up for tests that run the real SDK against the loopback DataSync: nothing may reach the network. */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { vi } from 'vitest';

/** Fake static credentials: explicit, so the SDK never looks for others (IMDS, SSO, …). */
export const credentials = { accessKeyId: 'AKIDFIXTURE0000000001', secretAccessKey: 'fixture/secret+KEY0000000000000000000000' };

/** Keeps the SDK off the instance metadata service and away from the host's AWS config files. */
export function isolateAwsEnvironment(): void {
  const missing = join(tmpdir(), 'dsi-test-no-such-aws-config');
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  vi.stubEnv('AWS_CONFIG_FILE', missing);
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', missing);
  vi.stubEnv('AWS_PROFILE', undefined);
  vi.stubEnv('AWS_REGION', undefined);
  vi.stubEnv('AWS_DEFAULT_REGION', undefined);
  vi.stubEnv('AWS_ENDPOINT_URL', undefined);
  vi.stubEnv('AWS_ENDPOINT_URL_DATASYNC', undefined);
}

/** A location ARN of the model's pattern (`loc-` and 17 of [0-9a-z]). */
export function locationArn(region: string, n: number): string {
  return `arn:aws:datasync:${region}:111122223333:location/loc-${n.toString(16).padStart(17, '0')}`;
}
