import type { LocationType } from '../core/context.js';

/** The `<Kind>` of each `DescribeLocation<Kind>` operation of the model, with the location type it describes. */
export const DESCRIBE_LOCATION_TYPES = {
  S3: 'S3',
  Nfs: 'NFS',
  Smb: 'SMB',
  Efs: 'EFS',
  FsxWindows: 'FSX_WINDOWS',
  FsxLustre: 'FSX_LUSTRE',
  FsxOntap: 'FSX_ONTAP',
  FsxOpenZfs: 'FSX_OPENZFS',
  ObjectStorage: 'OBJECT_STORAGE',
  AzureBlob: 'AZURE_BLOB',
  Hdfs: 'HDFS',
} as const satisfies Record<string, LocationType>;
export type DescribeLocationKind = keyof typeof DESCRIBE_LOCATION_TYPES;

/**
 * LocationUri schemes whose type the model states: its LocationUri pattern
 * `^(efs|nfs|s3|smb|hdfs|fsx[a-z0-9-]+)://…` names five outright, and the DescribeLocationFsxOpenZfs
 * docs give the example `fsxz://…`. The other `fsx…` schemes (and object storage and Azure Blob,
 * whose URIs the pattern does not cover) are not spelled out, so their type is found by trying
 * the DescribeLocation* calls.
 */
const SCHEME_TYPES: Readonly<Record<string, DescribeLocationKind>> = {
  s3: 'S3',
  nfs: 'Nfs',
  smb: 'Smb',
  hdfs: 'Hdfs',
  efs: 'Efs',
  fsxz: 'FsxOpenZfs',
};

/** The scheme of a LocationUri (`s3` of `s3://bucket/prefix/`), lower-cased; undefined if it has none. */
export function locationUriScheme(uri: string): string | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(uri);
  return m ? m[1].toLowerCase() : undefined;
}

/** The DescribeLocation* kind a LocationUri's scheme names, where the model says which; else undefined. */
export function describeKindOfUri(uri: string): DescribeLocationKind | undefined {
  const scheme = locationUriScheme(uri);
  return scheme !== undefined && Object.hasOwn(SCHEME_TYPES, scheme) ? SCHEME_TYPES[scheme] : undefined;
}

/** The order in which to try DescribeLocation* calls on a location of unknown type, likeliest first. */
export function describeKindsToTry(uri?: string): DescribeLocationKind[] {
  const all = Object.keys(DESCRIBE_LOCATION_TYPES) as DescribeLocationKind[];
  const scheme = uri === undefined ? undefined : locationUriScheme(uri);
  // An `fsx…` scheme is one of the FSx kinds; a scheme outside the model's pattern is likeliest
  // object storage or Azure Blob, the two kinds the pattern does not cover.
  const first: DescribeLocationKind[] = scheme?.startsWith('fsx')
    ? ['FsxWindows', 'FsxLustre', 'FsxOntap', 'FsxOpenZfs']
    : scheme !== undefined && !/^(efs|nfs|s3|smb|hdfs)$/.test(scheme)
      ? ['ObjectStorage', 'AzureBlob']
      : [];
  return [...first, ...all.filter((k) => !first.includes(k))];
}
