import { describe, expect, it } from 'vitest';
import { bandwidthValue, dsiOption, wordsFor } from '../../src/rules/words.js';

const dsi = wordsFor('dsi');
const request = wordsFor('request');

describe('words', () => {
  it('defaults to the .dsi dialect', () => {
    expect(wordsFor()).toBe(dsi);
    expect([dsi.dialect, request.dialect]).toEqual(['dsi', 'request']);
  });

  it('name an option with its value as each file sets it', () => {
    expect([dsi.option('SecurityDescriptorCopyFlags', 'OWNER_DACL_SACL'), request.option('SecurityDescriptorCopyFlags', 'OWNER_DACL_SACL')]).toEqual([
      '`security-descriptors owner-dacl-sacl`',
      'SecurityDescriptorCopyFlags OWNER_DACL_SACL',
    ]);
    expect([dsi.optionName('PreserveDeletedFiles'), dsi.value('Atime', 'BEST_EFFORT')]).toEqual(['`deleted`', '`best-effort`']);
    expect([request.optionName('PreserveDeletedFiles'), request.value('Atime', 'BEST_EFFORT')]).toEqual(['PreserveDeletedFiles', 'BEST_EFFORT']);
    expect([dsi.stored('TransferMode', 'ALL'), request.stored('TransferMode', 'ALL')]).toEqual([
      "the task's stored `transfer all`",
      "the task's stored TransferMode ALL",
    ]);
  });

  it('write bandwidth as the language does: unlimited, or the largest unit that divides the rate', () => {
    expect([-1, 0, 1048576, 100 * 1024 ** 2, 5_000_000, 1000, 1500, 3 * 1024 ** 4].map(bandwidthValue)).toEqual([
      'unlimited',
      '0 B/s',
      '1 MiB/s',
      '100 MiB/s',
      '5 MB/s',
      '1 kB/s',
      '1500 B/s',
      '3 TiB/s',
    ]);
    expect(dsiOption('BytesPerSecond', 2048)).toBe('bandwidth 2 KiB/s');
    expect(request.option('BytesPerSecond', 2048)).toBe('BytesPerSecond 2048');
  });

  it('phrase advice as what to write or what to set, one member named once', () => {
    expect(dsi.set(['Atime', 'NONE'], ['Mtime', 'NONE'])).toBe('write `atime none` or `mtime none`');
    expect(request.set(['Atime', 'NONE'], ['Mtime', 'NONE'])).toBe('set Atime to NONE or Mtime to NONE');
    expect(dsi.set(['VerifyMode', 'ONLY_FILES_TRANSFERRED'], ['VerifyMode', 'NONE'])).toBe('write `verify only-files-transferred` or `verify none`');
    expect(request.set(['VerifyMode', 'ONLY_FILES_TRANSFERRED'], ['VerifyMode', 'NONE'])).toBe('set VerifyMode to ONLY_FILES_TRANSFERRED or NONE');
    expect(`${request.verb} ${request.change('Mtime', 'NONE')}`).toBe('set Mtime to NONE');
    expect(`${dsi.verb} ${dsi.change('Mtime', 'NONE')}`).toBe('write `mtime none`');
    expect([dsi.removeOption('ObjectTags'), request.removeOption('ObjectTags')]).toEqual(['remove the `object-tags` statement', 'remove ObjectTags from OverrideOptions']);
  });

  it('name filters, blocks, members and context', () => {
    expect([dsi.filterList('Excludes'), request.filterList('Excludes')]).toEqual(['`exclude`', 'Excludes']);
    // A .dsi string doubles the backslash that the payload's Value holds once.
    expect([dsi.escaped('|'), request.escaped('|')]).toEqual(['`\\\\|`', '`\\|`']);
    expect([dsi.manifest, dsi.report, request.manifest, request.report]).toEqual(['`manifest`', '`report`', 'ManifestConfig', 'TaskReportConfig']);
    expect([dsi.member('ManifestConfig.Source'), request.member('ManifestConfig.Source')]).toEqual(['`ManifestConfig.Source`', 'ManifestConfig.Source']);
    expect([dsi.location('FSX_WINDOWS'), request.location('FSX_WINDOWS')]).toEqual(['`fsx-windows`', 'FSX_WINDOWS']);
    expect([dsi.storageClass('GLACIER_INSTANT_RETRIEVAL'), request.storageClass('GLACIER_INSTANT_RETRIEVAL')]).toEqual([
      '`glacier-instant-retrieval`',
      'GLACIER_INSTANT_RETRIEVAL',
    ]);
    expect([dsi.pick({ dsi: 'a', request: 'b' }), request.pick({ dsi: 'a', request: 'b' })]).toEqual(['a', 'b']);
  });
});
