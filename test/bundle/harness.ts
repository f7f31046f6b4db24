// Bundle-test harness: a local runtime holding a plan spreadsheet, and dist/Code.js loaded into it with gas-local.
import { loadBundle } from '../../local/bundle';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import { createPlanSpreadsheet, type PlanData } from '../../local/planSpreadsheet';
import { createLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from '../../local/runtime';
import { ACTION_HEADERS, PEOPLE, PEOPLE_HEADERS, type Row, sheet } from '../builders/plan';

export const TODAY = '2010-03-10';

export function planData(actions: Row[], opts: { headers?: string[]; people?: Row[] } = {}): PlanData {
  return {
    actions: sheet(opts.headers ?? ACTION_HEADERS, actions),
    people: sheet(PEOPLE_HEADERS, opts.people ?? PEOPLE),
  };
}

/**
 * The plan opened and set up by its administrator (who so owns the triggers), then any further menu jobs `then` run;
 * the call counts and UI records are cleared, so a test sees only its own.
 */
export function openSetUpPlan(
  data: PlanData,
  opts: Parameters<typeof openPlan>[1] = {},
  then: string[] = [],
) {
  const opened = openPlan(data, opts);
  for (const job of ['setUpOrRepairSpreadsheet', ...then]) {
    const outcome = opened.bundle.run<MenuOutcome<unknown>>(job);
    if (!outcome.ok) throw new Error(`${job}: ${outcome.message}`);
  }
  opened.runtime.spreadsheets.ui.reset();
  opened.runtime.core.resetCounts();
  return opened;
}

export function openPlan(data: PlanData, opts: LocalRuntimeOptions & { spreadsheetTimeZone?: string } = {}) {
  const runtime = createLocalRuntime({ now: `${TODAY}T09:00:00Z`, ...opts });
  createPlanSpreadsheet(runtime, data, opts.spreadsheetTimeZone);
  const bundle = loadBundle(runtime);
  /** A sheet's values as the code left them (uncounted). */
  const values = (name: string) => runtime.spreadsheets.model().sheets.find((s) => s.name === name)?.values;
  return { runtime, bundle, values };
}

/** A sheet's rows as the sheet shows them (display values), each under its header; [] for a missing sheet. */
export function sheetRows(runtime: LocalRuntime, name: string): Record<string, string>[] {
  const [headers, ...rows] = runtime.spreadsheets.model().sheets.find((s) => s.name === name)
    ?.displayValues ?? [[]];
  return rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}
