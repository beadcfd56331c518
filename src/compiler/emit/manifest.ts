/** `manifest "s3://bucket/key" [version "v"] role "arn"` → `ManifestConfig` (Action TRANSFER, Format CSV). */
import type { ManifestNode } from '../../grammar/ast.js';
import { DiagnosticIds } from '../../core/diagnostic.js';
import { bucketArn, parseS3Address } from '../../language/s3.js';
import type { Setting, Write } from '../settings.js';
import { origin, type LowerSink } from './common.js';

export function emitManifest(node: ManifestNode, sink: LowerSink): Setting | undefined {
  const address = parseS3Address(node.address.value);
  if (!address.ok) {
    sink.report(DiagnosticIds.invalidValue, node.address.range, address.message);
    return undefined;
  }
  const { bucket, key } = address.value;
  const objectPath = key.replace(/^\/+/, '');
  if (objectPath === '' || objectPath.endsWith('/')) {
    sink.report(
      DiagnosticIds.invalidValue,
      node.address.range,
      `a manifest address names the manifest object: write "s3://${bucket}/path/to/manifest.csv"`,
    );
    return undefined;
  }
  const f = sink.file;
  const head = origin(f, node.range, node.keywordRange, node.range, 'manifest');
  const at = origin(f, node.range, node.address.range);
  const s3 = '/ManifestConfig/Source/S3';
  const writes: Write[] = [
    { pointer: '/ManifestConfig', value: { Action: 'TRANSFER', Format: 'CSV' }, origin: head },
    { pointer: `${s3}/ManifestObjectPath`, value: objectPath, origin: at },
    { pointer: `${s3}/BucketAccessRoleArn`, value: node.role.value, origin: origin(f, node.range, node.role.range) },
    { pointer: `${s3}/S3BucketArn`, value: (env: { partition: string }) => bucketArn(env.partition, bucket), origin: at },
  ];
  if (node.version) {
    writes.push({ pointer: `${s3}/ManifestObjectVersionId`, value: node.version.value, origin: origin(f, node.range, node.version.range) });
  }
  return { kind: 'write', key: '/ManifestConfig', origin: head, writes };
}
