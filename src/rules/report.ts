/** Reading `TaskReportConfig` for the report rules. */
import { objectAt } from './read.js';

/** True when the request configures a task report (an empty `TaskReportConfig` removes one instead). */
export function hasReport(payload: unknown): boolean {
  const r = objectAt(payload, '/TaskReportConfig');
  return r !== undefined && Object.keys(r).length > 0;
}

/** The bucket name of a plain bucket ARN (`arn:aws:s3:::bucket`); undefined for access points and others. */
export function bucketOfArn(arn: string): string | undefined {
  return /^arn:[a-z-]+:s3:::([^/:]+)$/.exec(arn)?.[1];
}

/** The bucket of an `s3://bucket/prefix/` URI. */
export function bucketOfUri(uri: string): string | undefined {
  return /^s3:\/\/([^/]+)/i.exec(uri)?.[1];
}
