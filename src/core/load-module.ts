/**
 * `import()` of a module outside the bundle (a plugin, the AWS SDK, the language server). The
 * `dsi` executable runs its bundle from a V8 code cache, and on Node 20 code run that way cannot
 * call `import()` itself; the executable's loader provides `__dsiImport`, which imports as a
 * CommonJS file beside the bundle would. Elsewhere (the library, tests) this is plain `import()`.
 */
export function loadModule<T>(specifier: string): Promise<T> {
  const host = (globalThis as { __dsiImport?: (specifier: string) => Promise<unknown> }).__dsiImport;
  return (host ? host(specifier) : import(specifier)) as Promise<T>;
}
