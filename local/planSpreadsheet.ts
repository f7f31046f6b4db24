// Makes the plan spreadsheet in the local runtime from sheet data (CSV rows or a generated plan), uncounted.
import type { LocalRuntime } from './runtime';

export interface PlanData {
  actions: unknown[][];
  people?: unknown[][];
  lists?: unknown[][];
  settings?: unknown[][];
}

export const PLAN_SPREADSHEET_NAME = 'Corporate Improvement Plan';

/**
 * A bound spreadsheet holding the given sheets, as an administrator would have it before the script first runs:
 * Actions first, then People, Lists and Settings where given. Values are loaded as typed. Call counts are reset
 * afterwards, so they measure only what the bundle does.
 */
export function createPlanSpreadsheet(runtime: LocalRuntime, data: PlanData, timeZone = 'Europe/London') {
  const store = runtime.spreadsheets;
  const ss = store.create(PLAN_SPREADSHEET_NAME, timeZone);
  store.setActive(ss);
  const sheets: [string, unknown[][] | undefined][] = [
    ['Actions', data.actions],
    ['People', data.people],
    ['Lists', data.lists],
    ['Settings', data.settings],
  ];
  for (const [name, rows] of sheets) if (rows) store.load(name, rows, ss);
  ss.deleteSheet(ss.getSheetByName('Sheet1') as NonNullable<ReturnType<typeof ss.getSheetByName>>);
  runtime.core.resetCounts();
  return ss;
}
