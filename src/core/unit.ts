/**
 * The front-end contract: what the `.dsi` compiler and the request-file reader both hand to the
 * check stage. A front end says what its files hold; the check stage judges it.
 */
import type { TaskContext } from './context.js';
import type { Diagnostic } from './diagnostic.js';
import type { PolicyDeclaration } from './policy.js';
import type { Range, SourceLocation } from './range.js';
import type { SourceMap } from './source-map.js';
import type { Suppression } from './suppressions.js';

/** The language of the file a diagnostic annotates: a `.dsi` intent or a JSON/YAML request file. */
export type Dialect = 'dsi' | 'request';

/** As much of a schema issue as a front end needs to skip or reword it (the schema's `SchemaIssue` fits). */
export interface SchemaIssueAt {
  readonly pointer: string;
  readonly messageId: string;
  /** The allowed values, member names, or the missing member (`required`). */
  readonly expected?: readonly string[];
}

/** How a front end speaks about schema issues of its payloads, where its syntax says it better. */
export interface SchemaWording {
  /** Schema issues the front end has already reported in its own words. */
  skip?(issue: SchemaIssueAt): boolean;
  /** The front end's own wording of a schema issue, where it has one (what to write in its syntax). */
  rephrase?(issue: SchemaIssueAt): string | undefined;
}

/** One payload a front end produced: an intent of a `.dsi` file, or the request of a request file. */
export interface PayloadUnit {
  /** The intent's name; absent for a request file. */
  readonly name?: string;
  /** The request as written or compiled; it may not pass the schema. */
  readonly payload: unknown;
  /** Payload JSON Pointer → where the file set it. */
  readonly sourceMap: SourceMap;
  /** What the file says of the task (a `.dsi` `task { }` block); configured context goes under it. */
  readonly context: TaskContext;
  /** Where problems of the whole request point when nothing more precise is known. */
  readonly fallback: SourceLocation;
  /** The language of the file, which rule messages speak. */
  readonly dialect: Dialect;
  /** The range of the intent's name. */
  readonly range?: Range;
  /** The front end's own problems of this payload (a setting it could not emit, a missing task). */
  readonly diagnostics: readonly Diagnostic[];
  /** How the front end rewords or skips schema issues; none for a file written in the API's words. */
  readonly schemaWording?: SchemaWording;
}

// A `policy NAME { … }` declaration a front end found, for the check stage to enforce.
export type { PolicyDeclaration } from './policy.js';

/** What a front end made of one input file and everything it read. */
export interface SourceUnit {
  /** The input file, as the caller named it. */
  readonly file: string;
  readonly payloads: readonly PayloadUnit[];
  /** The front end's problems of the files themselves: syntax, imports, names, values, malformed `dsi-ignore`. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read, by name (the input and what it imports). */
  readonly sources: ReadonlyMap<string, string>;
  /** The `dsi-ignore` comments of those files. */
  readonly suppressions: readonly Suppression[];
  /** The policies the input declares or imports, which the check stage enforces on its payloads. */
  readonly policies: readonly PolicyDeclaration[];
}
