/**
 * Running code that is not dsi's own (a plugin's module or rule) under a time limit. `vm`'s
 * timeout is a watchdog thread that stops any JavaScript running inside the call, even an endless
 * loop in a plugin's own module, and no `catch` there can keep it going.
 */
import { createContext, Script } from 'node:vm';

// One context and script for every call, made on the first: a new V8 context costs milliseconds
// of every start, and a run with only dsi's own rules and no plugins never needs one.
let runner: { readonly context: { run: undefined | (() => void) }; readonly script: Script } | undefined;

/**
 * Calls `fn` synchronously, stopping it after `budgetMs`. True when it finished, false when it
 * was stopped; an exception of `fn` is thrown on.
 */
export function runWithinTime(fn: () => void, budgetMs: number): boolean {
  runner ??= { context: createContext({ run: undefined }) as { run: undefined | (() => void) }, script: new Script('run()', { filename: 'dsi-watchdog' }) };
  const { context, script } = runner;
  context.run = fn;
  try {
    script.runInContext(context, { timeout: Math.max(1, Math.round(budgetMs)) });
    return true;
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw e;
    return false;
  } finally {
    context.run = undefined;
  }
}
