/** Reading `ManifestConfig` for the manifest rules. */
import { objectAt, stringAt } from './read.js';

/** True when the request configures a manifest (an empty `ManifestConfig` removes one instead). */
export function hasManifest(payload: unknown): boolean {
  const m = objectAt(payload, '/ManifestConfig');
  return m !== undefined && Object.keys(m).length > 0;
}

/** Where a manifest is best shown: its object path when there is one, else the member's key. */
export function manifestAnchor(payload: unknown): { pointer: string; part: 'key' | 'value' } {
  const path = '/ManifestConfig/Source/S3/ManifestObjectPath';
  return stringAt(payload, path) !== undefined ? { pointer: path, part: 'value' } : { pointer: '/ManifestConfig', part: 'key' };
}
