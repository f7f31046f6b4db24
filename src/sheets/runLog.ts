// The Run log sheet: one row per job run, so an administrator can see what ran, when, and what it found. Only plan
// administrators (and the triggers, which run as one) may write it; a run by anyone else is not logged.
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
  /** A reminder run's emails: sent, not sent because they may not be, queued for the next run, failed. */
  mail?: { sent: number; skipped: number; queued: number; failed: number };
}

/**
 * Returns whether the row was written: not when the person running the job may not edit the Run log (staff
 * running Check the plan), who has seen the outcome on screen; a job must not fail for want of its log line.
 */
export function appendRunLog(spreadsheet: SpreadsheetPort, e: RunLogEntry): boolean {
  return appendLogRows(
    spreadsheet,
    RUN_LOG_SHEET,
    RUN_LOG_HEADERS,
    [
      [
        e.job,
        e.started,
        e.finished,
        e.outcome,
        e.actions,
        e.problems,
        e.details,
        ...(e.mail ? [e.mail.sent, e.mail.skipped, e.mail.queued, e.mail.failed] : []),
      ],
    ],
    { onlyIfEditable: true },
  );
}
