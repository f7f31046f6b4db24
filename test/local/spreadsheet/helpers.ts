// Shared set-up for the SpreadsheetApp tests: a fresh runtime at a fixed "now" with its globals typed as the real
// services, and (for most tests) a bound spreadsheet "Plan" with its first sheet.
import { RuntimeCore } from '../../../local/runtime/core';
import { type CreateOptions, createSpreadsheetApp } from '../../../local/runtime/spreadsheet';

/** A runtime bound to no spreadsheet yet (the first one a test creates becomes the bound one). */
export function setupApp() {
  const core = new RuntimeCore('2010-03-10T12:00:00Z');
  const { SpreadsheetApp, Charts, store } = createSpreadsheetApp(core);
  return {
    core,
    store,
    app: SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    charts: Charts as unknown as GoogleAppsScript.Charts.Charts,
  };
}

/** As setupApp, with the spreadsheet "Plan" created (and so bound) and its first sheet at hand. */
export function setupSheet(timeZone = 'Europe/London', options: CreateOptions = {}) {
  const env = setupApp();
  env.store.create('Plan', timeZone, options);
  const ss = env.app.getActiveSpreadsheet();
  return { ...env, ss, sheet: ss.getSheets()[0] };
}
