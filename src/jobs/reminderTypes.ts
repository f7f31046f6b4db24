// What a reminder run reports: the emails it sent, and its counts for the Run log (DESIGN 2.6).
import type { IsoDate } from '../domain/dates';
import type { ReminderKind } from '../domain/reminders';

/** The reminder jobs, as the Run log names them. */
export const WEEKLY_REMINDERS_JOB = 'Weekly reminders';
export const DAILY_REMINDERS_JOB = 'Daily reminders';
export const CONTINUED_REMINDERS_JOB = 'Reminders (continued)';

/** An email a run sent, in the order it was sent. `alert` is the administrator's one alert of a run. */
export interface SentEmail {
  kind: ReminderKind | 'alert';
  /** The addresses it actually went to (the test-mode address when redirected). */
  to: string[];
  cc: string[];
  subject: string;
  /** The codes of the actions it lists. */
  actions: string[];
}

export interface ReminderRunResult {
  job: string;
  today: IsoDate;
  /** skipped: the lock was held by another run and nothing was sent. */
  outcome: 'ok' | 'skipped' | 'failed';
  sent: SentEmail[];
  /** Reminders not sent because the ledger already holds them (SENT, or PENDING from a crash). */
  alreadySent: number;
  /** Addresses not emailed because they may not be (outside Allowed email domains, invalid, no address). */
  skipped: number;
  /** Left QUEUED for the next run: the mail quota ran short, or the time budget ran out. */
  queued: number;
  failed: number;
  /** Plain-English problems, as the Run log's Details gives them. */
  problems: string[];
  /** A continuation trigger was scheduled to carry on after the time budget ran out. */
  continues: boolean;
}
