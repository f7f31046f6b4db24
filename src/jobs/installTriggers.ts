// Installs the product's triggers (the daily refresh, the on-edit audit trail and the daily scheduled draft report), one of each, and records in
// document properties who installed them: the trigger API cannot say whose a trigger is, and the Settings dialog must.
import type * as Main from '../main';
import type { PropertiesPort, Services, TriggerPort } from '../gas/ports';

/** Early morning, so colours and the Dashboard are fresh before staff arrive (hours are the script's zone, London). */
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
  /** For a CLOCK trigger: the hour (script's zone) it runs every day. */
  hour?: number;
}

export const PRODUCT_TRIGGERS: readonly ProductTrigger[] = [
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
export function installTriggers(services: Services): TriggerInstallResult {
  const me = services.effectiveUserEmail();
  const properties = services.documentProperties();
  const records = readTriggerRecords(properties);
  const next: TriggerRecords = { ...records };
  const current = services.triggers.getProjectTriggers();
  const changes: string[] = [];
  const problems: string[] = [];
  for (const spec of PRODUCT_TRIGGERS) {
    const same = current.filter((t) => t.getHandlerFunction() === spec.handler);
    const record = records[spec.handler];
    if (isKept(same, record, spec, me)) continue;
    let created: TriggerPort;
    try {
      created = create(services, spec);
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
    record.schedule === spec.schedule &&
    String(same[0].getEventType()) === spec.eventType
  );
}

function create(services: Services, spec: ProductTrigger): TriggerPort {
  const builder = services.triggers.newTrigger(spec.handler);
  if (spec.eventType === 'CLOCK')
    return builder
      .timeBased()
      .everyDays(1)
      .atHour(spec.hour ?? DAILY_REFRESH_HOUR)
      .create();
  return builder.forSpreadsheet(services.spreadsheet.getId()).onEdit().create();
}

/** A thrown value's message; not `instanceof Error`, which fails for errors made in another realm (the services'). */
function messageOf(e: unknown): string {
  const message = (e as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(e);
}
