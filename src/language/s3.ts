/**
 * How the language writes S3 buckets: `s3://bucket/key` addresses, which become bucket ARNs in
 * the partition of the task (and back, for the decompiler).
 */
/** The partition of an ARN (`aws`, `aws-cn`, …), or undefined when it is not an ARN. */
export function partitionOf(arn: string | undefined): string | undefined {
  const m = /^arn:([a-z][a-z0-9-]*):/.exec(arn ?? '');
  return m ? m[1] : undefined;
}

/** An `s3://bucket/key` address, split. */
export interface S3Address {
  readonly bucket: string;
  /** The key part without the leading `/`, verbatim; '' when there is none. */
  readonly key: string;
}

/** Splits `s3://bucket/key`; the bucket is checked later by the schema through its ARN. */
export function parseS3Address(text: string): { ok: true; value: S3Address } | { ok: false; message: string } {
  const m = /^s3:\/\/([^/]*)(?:\/(.*))?$/s.exec(text);
  if (!m && /^s3:\/\//i.test(text)) return { ok: false, message: `write the scheme in lower case: "s3://${text.slice(5)}"` };
  if (!m) {
    const hint = /^[sS]3:/.test(text) || /^arn:/.test(text) ? ' (an ARN can be given with `set`)' : '';
    return { ok: false, message: `expected an S3 address like "s3://bucket/prefix/", found "${text}"${hint}` };
  }
  if (m[1] === '') return { ok: false, message: `the S3 address "${text}" has no bucket; write "s3://bucket/prefix/"` };
  return { ok: true, value: { bucket: m[1], key: m[2] ?? '' } };
}

/** The ARN of a bucket in a partition: `arn:aws-cn:s3:::bucket`. */
export function bucketArn(partition: string, bucket: string): string {
  return `arn:${partition}:s3:::${bucket}`;
}

/**
 * The `s3://` address that the compiler turns into `bucketArn` in `partition` with `key`, or
 * undefined when none does (an access point, another partition, a key the compiler would not
 * keep as it is).
 */
export function s3AddressOf(arn: string, partition: string, key = ''): string | undefined {
  const prefix = `arn:${partition}:s3:::`;
  if (!arn.startsWith(prefix)) return undefined;
  const bucket = arn.slice(prefix.length);
  if (bucket === '' || bucket.includes('/') || key.startsWith('/')) return undefined;
  return `s3://${bucket}${key === '' ? '' : `/${key}`}`;
}
