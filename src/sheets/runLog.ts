// The Run log sheet: one row per job run, so an administrator can see what ran, when, and what it found.
import type { SpreadsheetPort } from '../gas/ports';
import { asCellText } from '../domain/values';

export const RUN_LOG_SHEET = 'Run log';
export const RUN_LOG_HEADERS = ['Job', 'Started', 'Finished', 'Outcome', 'Actions', 'Problems', 'Details'];

export interface RunLogEntry {
  job: string;
  started: Date;
  finished: Date;
  outcome: 'ok' | 'skipped' | 'failed';
  actions: number;
  problems: number;
  details: string;
}

export function appendRunLog(spreadsheet: SpreadsheetPort, entry: RunLogEntry): void {
  let sheet = spreadsheet.getSheetByName(RUN_LOG_SHEET);
  if (!sheet) {
    sheet = spreadsheet.insertSheet(RUN_LOG_SHEET);
    sheet.getRange(1, 1, 1, RUN_LOG_HEADERS.length).setValues([RUN_LOG_HEADERS]);
    sheet.setFrozenRows(1);
  }
  sheet.appendRow([
    entry.job,
    entry.started,
    entry.finished,
    entry.outcome,
    entry.actions,
    entry.problems,
    asCellText(entry.details),
  ]);
}
