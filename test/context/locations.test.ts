import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCATION_TYPES } from '../../src/core/context.js';
import {
  DESCRIBE_LOCATION_TYPES,
  describeKindOfUri,
  describeKindsToTry,
  locationUriScheme,
} from '../../src/context/locations.js';
import { DESCRIBE_LOCATION_KINDS } from '../fixtures/datasync-server.js';

// `../shared` beside the clone, as CI has it (test/helpers.ts is not imported: it loads the whole compiler).
const modelPath = join(fileURLToPath(new URL('../../../shared/reference/', import.meta.url)), 'datasync-2018-11-09.json');

describe('location kinds', () => {
  it('cover every location type once', () => {
    expect(Object.values(DESCRIBE_LOCATION_TYPES).sort()).toEqual([...LOCATION_TYPES].sort());
  });

  it.runIf(existsSync(modelPath))('are exactly the DescribeLocation* operations of the model', () => {
    const shapes = JSON.parse(readFileSync(modelPath, 'utf8')).shapes as Record<string, { type: string }>;
    const ops = Object.entries(shapes)
      .filter(([id, s]) => s.type === 'operation' && id.startsWith('com.amazonaws.datasync#DescribeLocation'))
      .map(([id]) => id.slice('com.amazonaws.datasync#DescribeLocation'.length))
      .sort();
    expect(Object.keys(DESCRIBE_LOCATION_TYPES).sort()).toEqual(ops);
    expect([...DESCRIBE_LOCATION_KINDS].sort()).toEqual(ops);
  });
});

describe('describeKindOfUri', () => {
  it.each([
    ['s3://acme/prefix/', 'S3'],
    ['nfs://10.0.0.5/exports/', 'Nfs'],
    ['smb://fileserver.example.com/share/', 'Smb'],
    ['hdfs://namenode:8020/data/', 'Hdfs'],
    ['efs://us-east-2.fs-abcd1234/', 'Efs'],
    ['fsxz://us-west-2.fs-1234567890abcdef02/fsx/folderA/folder', 'FsxOpenZfs'],
    ['S3://Upper/', 'S3'],
  ])('%s → %s', (uri, kind) => {
    expect(describeKindOfUri(uri)).toBe(kind);
  });

  it.each(['fsxw://us-east-1.fs-0/share/', 'object-storage://host/bucket/', 'no-scheme', '', 'constructor://x/'])(
    'leaves %j to trying',
    (uri) => {
      expect(describeKindOfUri(uri)).toBeUndefined();
    },
  );

  it('reads the scheme only before ://', () => {
    expect(locationUriScheme('s3:/x')).toBeUndefined();
    expect(locationUriScheme('fsxn-nfs://svm/vol/')).toBe('fsxn-nfs');
  });
});

describe('describeKindsToTry', () => {
  const all = Object.keys(DESCRIBE_LOCATION_TYPES);
  it.each([
    [undefined, 'S3'],
    ['fsxw://us-east-1.fs-0/share/', 'FsxWindows'],
    ['azure-blob://account/container/', 'ObjectStorage'],
    ['nfs://host/export/', 'S3'],
  ])('%s starts with %s and tries every kind once', (uri, first) => {
    const order = describeKindsToTry(uri);
    expect(order[0]).toBe(first);
    expect([...order].sort()).toEqual([...all].sort());
  });
});
