// Installs the product's triggers (daily refresh, on-edit audit trail, staff saves every 5 minutes, scheduled draft
// report, weekly and daily reminders), one of each, and records in document properties who installed them: the
// trigger API cannot say whose a trigger is, and the Settings dialog must.
import { messageOf } from '../domain/messageOf';
import type * as Main from '../main';
import { parseSettings, SETTINGS_SHEET, type Settings } from '../domain/settings';
import type { PropertiesPort, Services, TriggerPort } from '../gas/ports';

/** Early morning, so colours and the Dashboard are fresh before staff arrive (hours are the spreadsheet's zone). */
export const DAILY_REFRESH_HOUR = 6;

/** After the refresh, so a draft report is made from that morning's statuses. */
export const SCHEDULED_DRAFT_HOUR = 7;

export const TRIGGERS_PROPERTY = 'improvementPlan.installedTriggers';

export interface ProductTrigger {
  /** An exported entry point of main.ts, so a typo is a compile error rather than a trigger that never runs. */
  handler: keyof typeof Main;
  label: string;
  /** ScriptApp.EventType name. */
  eventType: 'CLOCK' | 'ON_EDIT';
  /** When it runs, in words; a changed schedule makes setup replace the trigger. */
  schedule: string;
  /** For a CLOCK trigger: the hour (spreadsheet's zone) it runs every day, or on `weekday`. */
  hour?: number;
  /** For a weekly CLOCK trigger: the day (a ScriptApp.WeekDay name). */
  weekday?: string;
  /** For a CLOCK trigger that runs all day: every this many minutes (1, 5, 10, 15 or 30), at no set hour. */
  everyMinutes?: number;
}

/**
 * How often the staff saves' trigger runs: a save's Audit log rows, stamps and colour are written within this many
 * minutes even when nobody edits the sheet (and the health check allows three runs' worth before it fails).
 */
export const QUEUED_SAVES_EVERY_MINUTES = 5;

/** The product's triggers; the reminders' run on the Weekly digest day and hour of Settings. */
export function productTriggers(
  settings: Pick<Settings, 'weeklyDigestDay' | 'weeklyDigestHour'>,
): ProductTrigger[] {
  const hour = settings.weeklyDigestHour;
  const between = `between ${hour}:00 and ${hour + 1}:00`;
  return [
    ...FIXED_TRIGGERS,
    {
      handler: 'sendWeeklyReminders',
      label: 'Weekly reminder digest and escalation emails',
      eventType: 'CLOCK',
      schedule: `every ${settings.weeklyDigestDay} ${between}`,
      hour,
      weekday: settings.weeklyDigestDay,
    },
    {
      handler: 'sendDailyReminders',
      label: 'Before-due reminder emails (and any queued ones)',
      eventType: 'CLOCK',
      schedule: `every day ${between}`,
      hour,
    },
  ];
}

const FIXED_TRIGGERS: readonly ProductTrigger[] = [
  {
    handler: 'dailyRefresh',
    label: 'Daily refresh of status colours and the Dashboard',
    eventType: 'CLOCK',
    schedule: `every day between ${DAILY_REFRESH_HOUR}:00 and ${DAILY_REFRESH_HOUR + 1}:00`,
    hour: DAILY_REFRESH_HOUR,
  },
  {
    handler: 'onPlanEdit',
    label: 'Audit trail of edits',
    eventType: 'ON_EDIT',
    schedule: 'on every edit to this spreadsheet',
  },
  {
    handler: 'applyQueuedSaves',
    label: 'Staff saves from Update progress into the Audit log',
    eventType: 'CLOCK',
    schedule: `every ${QUEUED_SAVES_EVERY_MINUTES} minutes`,
    everyMinutes: QUEUED_SAVES_EVERY_MINUTES,
  },
  {
    handler: 'scheduledDraftReport',
    label: 'Draft committee report before each meeting',
    eventType: 'CLOCK',
    schedule: `every day between ${SCHEDULED_DRAFT_HOUR}:00 and ${SCHEDULED_DRAFT_HOUR + 1}:00`,
    hour: SCHEDULED_DRAFT_HOUR,
  },
];

/** What setup recorded about a trigger it installed. */
export interface InstalledTrigger {
  id: string;
  /** The account it was installed as, which it runs as. */
  by: string;
  /** When, as an ISO instant. */
  at: string;
  schedule: string;
  /** A clock trigger's time zone: the spreadsheet's when it was installed (a changed zone makes setup replace it). */
  timeZone?: string;
}

export type TriggerRecords = Partial<Record<string, InstalledTrigger>>;

export interface TriggerInstallResult {
  changes: string[];
  /** What could not be done, in plain English (a trigger Google refused to create). */
  problems: string[];
}

export function readTriggerRecords(properties: PropertiesPort): TriggerRecords {
  try {
    const parsed: unknown = JSON.parse(properties.getProperty(TRIGGERS_PROPERTY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as TriggerRecords) : {};
  } catch {
    return {}; // an unreadable record is rebuilt by the install that follows
  }
}

/**
 * One trigger per product handler, owned by whoever runs setup. A trigger setup itself installed, still there and
 * on the current schedule, is kept (a second run changes nothing); otherwise a new one is made first and only then
 * are the project's earlier triggers for that handler deleted, so a failed creation never leaves none. Triggers
 * of other handlers are never touched.
 */
export function installTriggers(
  services: Services,
  opts: { scheduleChangesOnly?: boolean; settings?: Settings } = {},
): TriggerInstallResult {
  const me = services.effectiveUserEmail();
  const specs = productTriggers(opts.settings ?? settingsOf(services));
  // Clock triggers run at hours of the spreadsheet's zone (the council's), not the script project's; one that runs
  // every few minutes has no hour, so no zone, and a changed zone leaves it be.
  const zone = services.spreadsheet.getSpreadsheetTimeZone();
  const zoneOf = (spec: ProductTrigger) => (atHours(spec) ? zone : undefined);
  const onSchedule = (spec: ProductTrigger, r: InstalledTrigger) =>
    r.schedule === spec.schedule && r.timeZone === zoneOf(spec);
  const properties = services.documentProperties();
  const records = readTriggerRecords(properties);
  const next: TriggerRecords = { ...records };
  const current = services.triggers.getProjectTriggers();
  const changes: string[] = [];
  const problems: string[] = [];
  for (const spec of specs) {
    const same = current.filter((t) => t.getHandlerFunction() === spec.handler);
    const record = records[spec.handler];
    if (record && onSchedule(spec, record) && isKept(same, record, spec, me)) continue;
    // Outside setup only a schedule Settings has moved is acted on: opening a dialog must neither install what setup
    // has not nor take over others' triggers.
    if (opts.scheduleChangesOnly && (!record || onSchedule(spec, record))) continue;
    let created: TriggerPort;
    try {
      created = create(services, spec, zone);
    } catch (e) {
      problems.push(
        `The trigger for "${spec.label}" could not be installed (Google said: ${messageOf(e)}). ` +
          'Everything else was set up; run Set up or repair again in a few minutes.',
      );
      continue;
    }
    for (const old of same) services.triggers.deleteTrigger(old);
    next[spec.handler] = {
      id: created.getUniqueId(),
      by: me,
      at: services.now().toISOString(),
      schedule: spec.schedule,
      ...(zoneOf(spec) ? { timeZone: zoneOf(spec) } : {}),
    };
    changes.push(
      `${same.length ? 'Replaced' : 'Installed'} the trigger for "${spec.label}", ${spec.schedule}, running as ${me}.`,
    );
    if (record && record.by !== me) {
      // Triggers belong to their creator and only they can see or delete them: say so, or edits log twice.
      changes.push(
        `${record.by} installed the "${spec.label}" trigger before; until they delete theirs ` +
          '(Extensions › Apps Script › Triggers) it runs as well.',
      );
    }
  }
  if (changes.length) properties.setProperty(TRIGGERS_PROPERTY, JSON.stringify(next));
  return { changes, problems };
}

function isKept(
  same: readonly TriggerPort[],
  record: InstalledTrigger | undefined,
  spec: ProductTrigger,
  me: string,
): boolean {
  return (
    same.length === 1 &&
    !!record &&
    record.by === me &&
    record.id === same[0].getUniqueId() &&
    String(same[0].getEventType()) === spec.eventType
  );
}

/** The Settings in force (their defaults where the sheet is missing or a value unusable). */
export function settingsOf(services: Services): Settings {
  const ss = services.spreadsheet;
  return parseSettings(
    ss.getSheetByName(SETTINGS_SHEET)?.getDataRange().getValues(),
    ss.getSpreadsheetTimeZone(),
  ).settings;
}

/** A clock trigger run at an hour of the day (not every few minutes). */
function atHours(spec: ProductTrigger): boolean {
  return spec.eventType === 'CLOCK' && spec.everyMinutes === undefined;
}

function create(services: Services, spec: ProductTrigger, timeZone: string): TriggerPort {
  const builder = services.triggers.newTrigger(spec.handler);
  if (spec.everyMinutes !== undefined) return builder.timeBased().everyMinutes(spec.everyMinutes).create();
  if (spec.eventType === 'CLOCK') {
    const clock = builder.timeBased().inTimezone(timeZone);
    const frequency = spec.weekday
      ? clock.onWeekDay(services.enums.weekDay(spec.weekday))
      : clock.everyDays(1);
    return frequency.atHour(spec.hour ?? DAILY_REFRESH_HOUR).create();
  }
  return builder.forSpreadsheet(services.spreadsheet.getId()).onEdit().create();
}
