import { describe, it, expect } from 'vitest';
import { enumValues, memberNames, shapeKind } from '../../src/schema/index.js';

describe('enumValues', () => {
  it('gives the enum of a member at a pointer, through lists and nested structures', () => {
    expect(enumValues('/OverrideOptions/VerifyMode')).toEqual(['POINT_IN_TIME_CONSISTENT', 'ONLY_FILES_TRANSFERRED', 'NONE']);
    expect(enumValues('/Includes/0/FilterType')).toEqual(['SIMPLE_PATTERN']);
    expect(enumValues('/TaskReportConfig/Overrides/Verified/ReportLevel')).toEqual(['ERRORS_ONLY', 'SUCCESSES_AND_ERRORS']);
    expect(enumValues('/OverrideOptions/SecurityDescriptorCopyFlags')).toEqual(['NONE', 'OWNER_DACL', 'OWNER_DACL_SACL']);
  });

  it('is undefined for non-enums and for places the model lacks', () => {
    expect(enumValues('/OverrideOptions/BytesPerSecond')).toBeUndefined();
    expect(enumValues('/OverrideOptions/Nope')).toBeUndefined();
    expect(enumValues('/Includes/x/FilterType')).toBeUndefined();
    expect(enumValues('/Includes/01/FilterType')).toBeUndefined();
  });
});

describe('memberNames', () => {
  it('lists members in model order', () => {
    expect(memberNames('')).toEqual(['TaskArn', 'OverrideOptions', 'Includes', 'Excludes', 'ManifestConfig', 'TaskReportConfig', 'Tags']);
    expect(memberNames('/OverrideOptions')).toEqual([
      'VerifyMode', 'OverwriteMode', 'Atime', 'Mtime', 'Uid', 'Gid', 'PreserveDeletedFiles', 'PreserveDevices',
      'PosixPermissions', 'BytesPerSecond', 'TaskQueueing', 'LogLevel', 'TransferMode', 'SecurityDescriptorCopyFlags', 'ObjectTags',
    ]);
    expect(memberNames('/ManifestConfig/Source/S3')).toEqual(['ManifestObjectPath', 'BucketAccessRoleArn', 'S3BucketArn', 'ManifestObjectVersionId']);
    expect(memberNames('/Tags/3')).toEqual(['Key', 'Value']);
  });

  it('is undefined for non-structures', () => {
    expect(memberNames('/Tags')).toBeUndefined();
    expect(memberNames('/TaskArn')).toBeUndefined();
    expect(memberNames('/Unknown')).toBeUndefined();
  });
});

describe('shapeKind', () => {
  it('names the kind of value at a pointer', () => {
    expect(shapeKind('')).toBe('object');
    expect(shapeKind('/TaskArn')).toBe('string');
    expect(shapeKind('/Includes')).toBe('array');
    expect(shapeKind('/Includes/0')).toBe('object');
    expect(shapeKind('/Includes/0/FilterType')).toBe('enum');
    expect(shapeKind('/OverrideOptions/BytesPerSecond')).toBe('integer');
    expect(shapeKind('/TaskArn/x')).toBeUndefined();
    expect(shapeKind('/Includes/-')).toBeUndefined();
  });
});
