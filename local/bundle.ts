// Loads the built dist/Code.js with gas-local into a context whose globals are the local runtime, and calls its
// entry points as Apps Script would: each call one execution.
import * as gas from 'gas-local';
import type { LocalRuntime } from './runtime';

export interface Bundle {
  /** Names of the top-level functions Apps Script would list (the entry points). */
  entryPoints(): string[];
  /** Runs an entry point as a menu click or the editor's Run button would (one execution, UI available). */
  run<T = unknown>(name: string, ...args: unknown[]): T;
  /** Runs an entry point as an installable trigger would: no UI (getUi() throws, as it does in a trigger). */
  trigger<T = unknown>(name: string, event?: unknown): T;
}

export function loadBundle(runtime: LocalRuntime, dir = 'dist'): Bundle {
  const context = gas.require(dir, { ...runtime.globals }, { filter: (path) => path.endsWith('/Code.js') });
  const fn = (name: string) => {
    const f = context[name];
    if (typeof f !== 'function') throw new Error(`dist/Code.js has no top-level function ${name}`);
    return f as (...args: unknown[]) => unknown;
  };
  return {
    entryPoints: () =>
      Object.keys(context).filter((k) => typeof context[k] === 'function' && !(k in runtime.globals)),
    run: <T>(name: string, ...args: unknown[]) => runtime.execute(() => fn(name)(...args) as T),
    trigger: <T>(name: string, event?: unknown) => {
      runtime.spreadsheets.setUiAvailable(false);
      try {
        return runtime.execute(() => fn(name)(event) as T);
      } finally {
        runtime.spreadsheets.setUiAvailable(true);
      }
    },
  };
}
