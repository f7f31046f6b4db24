// The health check's reads, each made once: every sheet's header row (the plan sheets and the Run log whole), the
// trigger records and the current user's triggers, the staff saves waiting, the email quota. Reads only, and takes no
// script lock.
import { ACTIONS_SHEET } from '../domain/actions';
import {
  checkHealth,
  type HealthCheckItem,
  type HealthReads,
  SETUP_ADVICE,
  type SheetRead,
  type WatchedJob,
} from '../domain/healthCheck';
import { RUN_LOG_SHEET, SHEET_LAYOUTS } from '../domain/layout';
import { LISTS_SHEET } from '../domain/lists';
import { PEOPLE_SHEET } from '../domain/people';
import { isBlankRow } from '../domain/schema';
import { parseSettings, SETTINGS_SHEET, type Settings } from '../domain/settings';
import type { Services } from '../gas/ports';
import { productTriggers, type ProductTrigger, readTriggerRecords } from './installTriggers';
import { waitingSaveTimes } from './queuedSaves';
import { REFRESH_JOB } from './refreshStatus';
import { DAILY_REMINDERS_JOB, WEEKLY_REMINDERS_JOB } from './reminderTypes';
import { SETUP_JOB } from './setup';

/** The jobs whose Run log rows are checked: setup once, and each job a trigger runs and logs every time. */
export const WATCHED_JOBS: readonly (WatchedJob & { handler?: ProductTrigger['handler'] })[] = [
  { job: SETUP_JOB, advice: SETUP_ADVICE },
  {
    job: REFRESH_JOB,
    handler: 'dailyRefresh',
    everyDays: 1,
    advice: 'choose Improvement Plan › Refresh status colours',
  },
  {
    job: WEEKLY_REMINDERS_JOB,
    handler: 'sendWeeklyReminders',
    everyDays: 7,
    advice: 'choose Improvement Plan › Send reminders now',
  },
  { job: DAILY_REMINDERS_JOB, handler: 'sendDailyReminders', everyDays: 1, advice: 'wait for its trigger' },
];

/** Sheets read whole: the plan's four (for the problems count) and the Run log (for the last runs). */
const READ_WHOLE = new Set([ACTIONS_SHEET, PEOPLE_SHEET, LISTS_SHEET, SETTINGS_SHEET, RUN_LOG_SHEET]);

export function runHealthCheck(services: Services): HealthCheckItem[] {
  return checkHealth(readForHealthCheck(services));
}

/**
 * Ten getValues at most: five sheets whole and the other five header rows (the Dashboard only has to exist). The
 * Settings and schedules dialog shows its settings and last runs from the same reads.
 */
export function readForHealthCheck(services: Services): HealthReads {
  const ss = services.spreadsheet;
  const timeZone = ss.getSpreadsheetTimeZone();
  const whole = new Map<string, unknown[][]>();
  const sheets: SheetRead[] = SHEET_LAYOUTS.map((layout) => {
    const sheet = ss.getSheetByName(layout.name);
    if (!sheet) return { layout, headerRow: null };
    if (READ_WHOLE.has(layout.name)) {
      const values = sheet.getDataRange().getValues();
      whole.set(layout.name, values);
      // An empty sheet's data range is its one blank cell.
      return { layout, headerRow: values.length === 1 && isBlankRow(values[0]) ? [] : (values[0] ?? []) };
    }
    if (layout.headers.length === 0) return { layout, headerRow: [] };
    const lastColumn = sheet.getLastColumn();
    return { layout, headerRow: lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0] : [] };
  });
  const plan = {
    actions: whole.get(ACTIONS_SHEET),
    people: whole.get(PEOPLE_SHEET),
    lists: whole.get(LISTS_SHEET),
    settings: whole.get(SETTINGS_SHEET),
  };
  const settings = parseSettings(plan.settings, timeZone).settings;
  return {
    now: services.now(),
    timeZone,
    sheets,
    plan,
    runLog: whole.get(RUN_LOG_SHEET),
    ...readTriggerState(services, settings),
    mailQuota: services.remainingMailQuota(),
    jobs: WATCHED_JOBS,
    waitingSaves: waitingSaveTimes(services.documentProperties()),
  };
}

/** The product's triggers for `settings`, setup's records of them, and the current user's own (all theirs we see). */
export function readTriggerState(
  services: Services,
  settings: Settings,
): Pick<HealthReads, 'me' | 'triggers' | 'records' | 'mine'> {
  return {
    me: services.effectiveUserEmail(),
    triggers: productTriggers(settings),
    records: readTriggerRecords(services.documentProperties()),
    mine: services.triggers
      .getProjectTriggers()
      .map((t) => ({ id: t.getUniqueId(), handler: t.getHandlerFunction() })),
  };
}
