// The Run log sheet: one row per job run, so an administrator can see what ran, when, and what it found.
import { RUN_LOG_HEADERS, RUN_LOG_SHEET } from '../domain/layout';
import type { SpreadsheetPort } from '../gas/ports';
import { appendLogRows } from './logSheet';

export interface RunLogEntry {
  job: string;
  started: Date;
  finished: Date;
  outcome: 'ok' | 'skipped' | 'failed';
  actions: number;
  problems: number;
  details: string;
}

export function appendRunLog(spreadsheet: SpreadsheetPort, e: RunLogEntry): void {
  appendLogRows(spreadsheet, RUN_LOG_SHEET, RUN_LOG_HEADERS, [
    [e.job, e.started, e.finished, e.outcome, e.actions, e.problems, e.details],
  ]);
}
