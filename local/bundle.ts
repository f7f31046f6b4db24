// Loads the built dist/Code.js with gas-local into a context whose globals are the local runtime, and calls its
// entry points as Apps Script would: each call one execution, run as a person (a menu click runs as whoever clicked)
// or as a trigger's creator. Also plays a person editing the sheet, which fires the installed on-edit triggers with
// the event object Apps Script passes them.
import * as gas from 'gas-local';
import type { LocalRuntime, RunAs } from './runtime';
import type { TriggerRecord } from './runtime/triggers';

export interface UserEditOptions {
  /** The editor's email; '' when Google withholds it (consumer accounts editing someone else's sheet). */
  user?: string;
}

export interface Bundle {
  /** Names of the top-level functions Apps Script would list (the entry points). */
  entryPoints(): string[];
  /**
   * Runs an entry point as a menu click or the editor's Run button would (one execution, UI available), as the
   * Session's current user: the owner unless a test changed it.
   */
  run<T = unknown>(name: string, ...args: unknown[]): T;
  /**
   * Runs an entry point as `email` clicking it in the menu: the script runs as them (Session's active and effective
   * user), so the spreadsheet's protections apply to them and any trigger it creates is theirs.
   */
  runAs<T = unknown>(email: string, name: string, ...args: unknown[]): T;
  /**
   * Runs an entry point as an installable trigger would: no UI (getUi() throws, as it does in a trigger), as the
   * trigger's creator: the owner of the newest installed trigger for that function (the Session's current user when
   * none is installed).
   */
  trigger<T = unknown>(name: string, event?: unknown): T;
  /**
   * A person types `values` into `a1` on `sheetName` (read as typed input; a multi-row array is a paste; '' clears),
   * then every installed on-edit trigger of the spreadsheet runs with the edit's event object, each as its creator
   * with the editor as Session's active user. The typing is refused, as Sheets refuses it, on cells protected against
   * the editor (the owner when the address is withheld, as the runtime cannot tell who it is). Returns how many
   * trigger handlers ran.
   */
  userEdit(sheetName: string, a1: string, values: unknown[][], opts?: UserEditOptions): number;
}

export function loadBundle(runtime: LocalRuntime, dir = 'dist'): Bundle {
  const context = gas.require(dir, { ...runtime.globals }, { filter: (path) => path.endsWith('/Code.js') });
  const fn = (name: string) => {
    const f = context[name];
    if (typeof f !== 'function') throw new Error(`dist/Code.js has no top-level function ${name}`);
    return f as (...args: unknown[]) => unknown;
  };
  const current = (): RunAs => ({
    effective: runtime.session.effectiveUser(),
    active: runtime.session.activeUser(),
  });
  /** One trigger execution, as `as`. */
  const fire = <T>(name: string, event: unknown, as: RunAs): T => {
    runtime.spreadsheets.setUiAvailable(false);
    try {
      return runtime.executeAs(as, () => fn(name)(event) as T);
    } finally {
      runtime.spreadsheets.setUiAvailable(true);
    }
  };
  const trigger = <T>(name: string, event?: unknown): T => {
    const installed: TriggerRecord | undefined = runtime.triggers
      .list()
      .filter((t) => t.handlerFunction === name)
      .pop();
    return fire(name, event, installed ? { effective: installed.owner } : current());
  };
  return {
    entryPoints: () =>
      Object.keys(context).filter((k) => typeof context[k] === 'function' && !(k in runtime.globals)),
    run: <T>(name: string, ...args: unknown[]) => runtime.execute(() => fn(name)(...args) as T),
    runAs: <T>(email: string, name: string, ...args: unknown[]) =>
      runtime.executeAs({ effective: email }, () => fn(name)(...args) as T),
    trigger,
    userEdit(sheetName, a1, values, opts = {}) {
      const ss = runtime.spreadsheets.active();
      if (!ss) throw new Error('userEdit: no active spreadsheet');
      const editor = opts.user ?? runtime.owner;
      const typing = { effective: editor || runtime.owner, active: editor };
      const { range, oldValue, value } = runtime.withUser(typing, () =>
        runtime.core.uncounted(() => {
          const sheet = ss.getSheetByName(sheetName) as GoogleAppsScript.Spreadsheet.Sheet | null;
          if (!sheet) throw new Error(`userEdit: no sheet named ${sheetName}`);
          const target = sheet.getRange(a1);
          const before = target.getDisplayValues();
          target.setValues(values);
          const single = values.length === 1 && values[0].length === 1;
          return {
            range: target,
            // Apps Script gives value and oldValue only for a single-cell edit, as text; oldValue is absent for a
            // cell that was blank.
            oldValue: single && before[0][0] !== '' ? before[0][0] : undefined,
            value: single ? target.getDisplayValues()[0][0] : undefined,
          };
        }),
      );
      const handlers = runtime.triggers
        .list()
        .filter((t) => t.eventType === 'ON_EDIT' && t.sourceId === runtime.core.uncounted(() => ss.getId()));
      for (const t of handlers) {
        // An installable trigger runs as its creator; Session.getActiveUser is the editor ('' when withheld).
        fire(
          t.handlerFunction,
          {
            authMode: 'FULL',
            range,
            source: ss,
            triggerUid: t.id,
            user: { getEmail: () => editor, getNickname: () => editor.split('@')[0] },
            ...(value === undefined ? {} : { value }),
            ...(oldValue === undefined ? {} : { oldValue }),
          },
          { effective: t.owner, active: editor },
        );
      }
      return handlers.length;
    },
  };
}
