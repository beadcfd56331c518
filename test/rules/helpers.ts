/** Payload builders for rule tests. */
import { describe, it } from 'vitest';
import { RuleTester } from '../../src/testing.js';

export const TASK_ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
export const ROLE_ARN = 'arn:aws:iam::111122223333:role/datasync';

/** A request that overrides these options. */
export function withOptions(options: Record<string, unknown>, rest: Record<string, unknown> = {}) {
  return { TaskArn: TASK_ARN, OverrideOptions: options, ...rest };
}

/** A request with one include and/or exclude filter value. */
export function withFilters(filters: { include?: string; exclude?: string }, rest: Record<string, unknown> = {}) {
  return {
    TaskArn: TASK_ARN,
    ...(filters.include !== undefined ? { Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: filters.include }] } : {}),
    ...(filters.exclude !== undefined ? { Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: filters.exclude }] } : {}),
    ...rest,
  };
}

export const MANIFEST = {
  Action: 'TRANSFER',
  Format: 'CSV',
  Source: { S3: { ManifestObjectPath: 'lists/today.csv', BucketAccessRoleArn: ROLE_ARN, S3BucketArn: 'arn:aws:s3:::acme-manifests' } },
};

export function report(bucket = 'acme-reports', extra: Record<string, unknown> = {}) {
  return {
    Destination: { S3: { Subdirectory: 'reports/', S3BucketArn: `arn:aws:s3:::${bucket}`, BucketAccessRoleArn: ROLE_ARN } },
    OutputType: 'STANDARD',
    ...extra,
  };
}

/** The tester, wired to vitest. */
export const ruleTester = new RuleTester({ describe, it });
