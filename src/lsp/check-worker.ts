/**
 * Checks run in a worker thread, so that a request (hover, completion) never waits behind the
 * check of a large file: the main thread keeps answering while the worker parses, compiles and
 * lints. The worker holds its own project (configuration, caches); it gets the texts to check
 * (the file and the open buffers it imports) with each request.
 *
 * The worker runs this same module (from the bin's bundle, or from the library's build): started
 * with `workerData.dsiLspCheck`, its top level serves checks instead of exporting.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../core/diagnostic.js';
import { createProject, type Project } from '../project/project.js';

/** What the worker needs to create its project. */
export interface CheckWorkerOptions {
  readonly root: string;
  readonly importRoots: readonly string[];
  /** `false`: configuration may not load plugins (`--no-plugins`). */
  readonly plugins: boolean;
}

type Request = { readonly id: number; readonly path: string; readonly texts: readonly (readonly [string, string])[] } | { readonly reset: true };
type Response = { readonly id: number; readonly diagnostics?: readonly Diagnostic[]; readonly error?: string };

/** Checks files as `dsi lint` does (configuration prepared per file); the problems of the run. */
export interface Linter {
  lint(path: string, texts: ReadonlyMap<string, string>): Promise<readonly Diagnostic[]>;
  /** Forgets the configuration (a config file changed). */
  reset(): void;
  dispose(): void;
}

/** Lints in this thread: for the worker itself, and where no worker can start. */
export function createLinter(options: CheckWorkerOptions): Linter {
  let project: Project | undefined;
  return {
    async lint(path, texts) {
      project ??= createProject({ cwd: options.root, importRoots: options.importRoots, ...(options.plugins ? {} : { plugins: false }) });
      const current = project;
      // The configuration in force for each file (config files, plugins, policy files), as `dsi lint` has it.
      await current.prepare(texts.keys());
      return current.lint({ files: [path], texts, problems: [] }).diagnostics;
    },
    reset: () => {
      project = undefined;
    },
    dispose: () => {},
  };
}

/** Lints in a worker thread; falls back to this thread (and says why) if the worker cannot run. */
export function createWorkerLinter(options: CheckWorkerOptions, log: (message: string) => void): Linter {
  let worker: Worker | undefined;
  let fallback: Linter | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: (d: readonly Diagnostic[]) => void; reject: (e: Error) => void }>();
  const fail = (why: string) => {
    log(`dsi: checks run in the server's own thread: ${why}`);
    worker = undefined;
    fallback ??= createLinter(options);
    for (const p of pending.values()) p.reject(new Error(why));
    pending.clear();
  };
  try {
    worker = new Worker(new URL(import.meta.url), { workerData: { dsiLspCheck: options } });
    worker.unref();
    worker.on('message', (m: Response) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.diagnostics ?? []);
    });
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', (code) => {
      if (worker) fail(`the check worker exited (${code})`);
    });
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  return {
    lint(path, texts) {
      if (!worker) return (fallback ??= createLinter(options)).lint(path, texts);
      const id = ++next;
      const request: Request = { id, path, texts: [...texts] };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage(request);
      });
    },
    reset() {
      fallback?.reset();
      worker?.postMessage({ reset: true } satisfies Request);
    },
    dispose() {
      const w = worker;
      worker = undefined;
      void w?.terminate();
    },
  };
}

/** The worker's side: one check at a time, in the order asked. */
function serve(options: CheckWorkerOptions): void {
  const linter = createLinter(options);
  let queue = Promise.resolve();
  parentPort!.on('message', (m: Request) => {
    if ('reset' in m) {
      queue = queue.then(() => linter.reset());
      return;
    }
    queue = queue.then(async () => {
      try {
        parentPort!.postMessage({ id: m.id, diagnostics: await linter.lint(m.path, new Map(m.texts)) } satisfies Response);
      } catch (e) {
        parentPort!.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies Response);
      }
    });
  });
}

const started = workerData as { dsiLspCheck?: CheckWorkerOptions } | null;
if (!isMainThread && started?.dsiLspCheck) serve(started.dsiLspCheck);
