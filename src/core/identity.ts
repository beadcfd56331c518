/**
 * Which problem a diagnostic is, across edits: its file, its intent (or the request file), its
 * rule and the payload member it is about, never its line or column. Baselines match problems
 * by it, and SARIF's `partialFingerprints` carry it, so moving lines never makes a problem new.
 */
import { cryptoLibrary } from './dependencies.js';
import type { Diagnostic } from './diagnostic.js';

/** The parts of a problem's identity, each as written in a baseline. */
export interface ProblemIdentity {
  /** The file, relative to the working folder, with `/`. */
  readonly file: string;
  /** The intent's name; absent for a request file or a problem of the file itself. */
  readonly intent?: string;
  readonly ruleId: string;
  /** The payload member (JSON Pointer); for a problem of no member, its message id or message stands in. */
  readonly pointer?: string;
  readonly message?: string;
}

/** The identity of `d`, with `file` the path it is shown by (relative, `/`). */
export function identityOf(d: Diagnostic, file: string): ProblemIdentity {
  return {
    file,
    ...(d.intent !== undefined ? { intent: d.intent } : {}),
    ruleId: d.ruleId,
    ...(d.pointer !== undefined ? { pointer: d.pointer } : { message: d.messageId ?? d.message }),
  };
}

/** One string per identity: equal identities, equal keys. */
export function identityKey(id: ProblemIdentity): string {
  return JSON.stringify([id.file, id.intent ?? null, id.ruleId, id.pointer ?? null, id.pointer === undefined ? (id.message ?? null) : null]);
}

/** A short stable hash of an identity (hex), for SARIF's `partialFingerprints`. */
export function identityHash(id: ProblemIdentity): string {
  return cryptoLibrary().createHash('sha256').update(identityKey(id)).digest('hex').slice(0, 32);
}
