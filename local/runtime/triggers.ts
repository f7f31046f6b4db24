// ScriptApp of the local Apps Script runtime: installable triggers (time-based and spreadsheet), kept per
// user with the 20-per-user limit, plus the schedule arithmetic that says when a time-based trigger fires.
import { randomBytes } from 'node:crypto';
import { isDate, type RuntimeCore } from './core';
import { resolveZone, zonedParts, zonedToInstant, type Zone } from './formatDate';
import { enumKey, makeEnum, type EnumValue } from './enums';

export const EventType = makeEnum('EventType', [
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
] as const);
export const TriggerSource = makeEnum('TriggerSource', [
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
] as const);
/** The Base Weekday enum; ScriptApp.WeekDay is the same object. */
export const WeekDay = makeEnum('Weekday', [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const);
export const AuthMode = makeEnum('AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const AuthorizationStatus = makeEnum('AuthorizationStatus', ['REQUIRED', 'NOT_REQUIRED'] as const);
export const InstallationSource = makeEnum('InstallationSource', [
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
] as const);

/** Quotas page: "Triggers: 20 / user / script". */
export const MAX_TRIGGERS_PER_USER = 20;

export const TRIGGER_MESSAGES = {
  /** The service's own wording, as scripts that hit the limit log it. */
  tooMany:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  /** Apps Script's generic transient failure, which trigger creation is known to throw now and then. */
  serverError: "We're sorry, a server error occurred. Please wait a bit and try again.",
  // The builder rules below are the reference's (everyMinutes takes 1, 5, 10, 15 or 30; atHour and nearMinute
  // need a daily or weekly frequency), but the service's messages for breaking them are not documented.
  everyMinutes: 'Invalid argument: everyMinutes. It must be 1, 5, 10, 15 or 30.',
  everyHours: 'Invalid argument: everyHours. It must be 1, 2, 4, 6, 8 or 12.',
  noSchedule:
    'A time-based trigger needs a schedule: after, at, atDate, everyMinutes, everyHours, everyDays, everyWeeks, onWeekDay or onMonthDay.',
  twoSchedules: 'A time-based trigger can have only one schedule.',
  hourNeedsFrequency:
    'atHour() and nearMinute() need a daily or weekly frequency (everyDays, everyWeeks, onWeekDay or onMonthDay).',
  noSpreadsheetEvent: 'A spreadsheet trigger needs an event: onOpen, onEdit, onChange or onFormSubmit.',
} as const;

/** When a time-based trigger fires; all times of day are wall-clock times in `timeZone`. */
export type ClockSchedule =
  /** Once, at a fixed instant (after(ms) and at(date)). */
  | { kind: 'once'; at: number }
  /** Once, on a calendar date (atDate), at hour:minute. */
  | { kind: 'date'; year: number; month: number; day: number; hour: number; minute: number }
  /** Every `every` minutes or hours from `anchor` (inclusive). */
  | { kind: 'interval'; anchor: number; stepMs: number }
  /** Every `every` days at hour:minute, counting from day number `anchorDay` (days since 1970-01-01). */
  | { kind: 'days'; every: number; anchorDay: number; hour: number; minute: number }
  /** Every `every` weeks on `weekday` (1 Monday .. 7 Sunday) at hour:minute, from day number `anchorDay`. */
  | { kind: 'weeks'; every: number; weekday: number; anchorDay: number; hour: number; minute: number }
  /** Every month on `day` at hour:minute (months without that day are skipped). */
  | { kind: 'monthDay'; day: number; hour: number; minute: number };

export type EventTypeName = keyof typeof EventType;
export type TriggerSourceName = keyof typeof TriggerSource;

/** What the runtime keeps about an installable trigger (plain data: the store/inspection API). */
export interface TriggerRecord {
  id: string;
  handlerFunction: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  /** The spreadsheet's id; null for a time-based trigger. */
  sourceId: string | null;
  /** Who created it: triggers belong to, and run as, their creator. */
  owner: string;
  createdAt: Date;
  /** Time zone of a time-based trigger (inTimezone, else the script's); null otherwise. */
  timeZone: string | null;
  schedule: ClockSchedule | null;
}

export interface DueTrigger {
  trigger: TriggerRecord;
  at: Date;
}

export interface ScriptAppOptions {
  scriptId?: string;
  /** The script's owner; used as the trigger owner when the current user's address is withheld (''). */
  ownerEmail: string;
  /** The user the script is running as now. */
  userEmail: () => string;
  /** The script's time zone (Session.getScriptTimeZone()); time-based triggers default to it. Default 'UTC'. */
  scriptTimeZone?: string;
}

const MINUTE_MS = 60000;
const HOUR_MS = 3600000;
const DAY_MS = 86400000;
const EVERY_MINUTES = [1, 5, 10, 15, 30];
// The reference does not list everyHours values; the trigger editor offers 1, 2, 4, 6, 8 and 12, and the
// local runtime accepts only those (refusing a value Google might take is the safer mistake).
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];
const WEEKDAY_NUMBER: Record<string, number> = {
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
  SUNDAY: 7,
};

interface Registry {
  records: TriggerRecord[];
  nextId: number;
}

interface Context {
  core: RuntimeCore;
  registry: Registry;
  owner: () => string;
  scriptTimeZone: string;
}

class TriggerImpl {
  constructor(private readonly _record: TriggerRecord) {}

  get _id(): string {
    return this._record.id;
  }

  getUniqueId(): string {
    return this._record.id;
  }
  getHandlerFunction(): string {
    return this._record.handlerFunction;
  }
  getEventType(): EnumValue {
    return EventType[this._record.eventType];
  }
  getTriggerSource(): EnumValue {
    return TriggerSource[this._record.source];
  }
  /** The spreadsheet's id; null for time-based triggers (reference: Trigger.getTriggerSourceId). */
  getTriggerSourceId(): string | null {
    return this._record.sourceId;
  }
}

function exposeTrigger(ctx: Context, record: TriggerRecord): TriggerImpl {
  return ctx.core.expose('ScriptApp', 'Trigger', new TriggerImpl(record));
}

/** Creates the record if the user is under the limit and the service does not fail. */
function install(ctx: Context, record: Omit<TriggerRecord, 'id' | 'owner' | 'createdAt'>): TriggerImpl {
  if (ctx.core.faults.triggerCreationFails) throw new Error(TRIGGER_MESSAGES.serverError);
  const owner = ctx.owner();
  if (ctx.registry.records.filter((r) => r.owner === owner).length >= MAX_TRIGGERS_PER_USER) {
    throw new Error(TRIGGER_MESSAGES.tooMany);
  }
  ctx.registry.nextId += 1;
  const full: TriggerRecord = {
    ...record,
    id: String(ctx.registry.nextId),
    owner,
    createdAt: ctx.core.now(),
  };
  ctx.registry.records.push(full);
  return exposeTrigger(ctx, full);
}

class ClockTriggerBuilderImpl {
  private readonly _spec: {
    after?: number;
    at?: number;
    atDate?: [number, number, number];
    everyMinutes?: number;
    everyHours?: number;
    everyDays?: number;
    everyWeeks?: number;
    weekday?: number;
    monthDay?: number;
    atHour?: number;
    nearMinute?: number;
    timeZone?: string;
  } = {};

  constructor(
    private readonly _ctx: Context,
    private readonly _handler: string,
  ) {}

  /** The trigger runs no sooner than this many milliseconds from now. */
  after(durationMilliseconds: number): ClockTriggerBuilderImpl {
    this._spec.after = nonNegativeInteger(durationMilliseconds, 'durationMilliseconds');
    return this;
  }
  at(date: Date): ClockTriggerBuilderImpl {
    if (!isDate(date) || Number.isNaN(date.getTime())) throw new Error('Invalid argument: date');
    this._spec.at = date.getTime();
    return this;
  }
  atDate(year: number, month: number, day: number): ClockTriggerBuilderImpl {
    this._spec.atDate = [
      integerIn(year, 1970, 9999, 'year'),
      integerIn(month, 1, 12, 'month'),
      integerIn(day, 1, 31, 'day'),
    ];
    return this;
  }
  atHour(hour: number): ClockTriggerBuilderImpl {
    this._spec.atHour = integerIn(hour, 0, 23, 'hour');
    return this;
  }
  nearMinute(minute: number): ClockTriggerBuilderImpl {
    this._spec.nearMinute = integerIn(minute, 0, 59, 'minute');
    return this;
  }
  everyMinutes(n: number): ClockTriggerBuilderImpl {
    if (!EVERY_MINUTES.includes(Number(n))) throw new Error(TRIGGER_MESSAGES.everyMinutes);
    this._spec.everyMinutes = Number(n);
    return this;
  }
  everyHours(n: number): ClockTriggerBuilderImpl {
    if (!EVERY_HOURS.includes(Number(n))) throw new Error(TRIGGER_MESSAGES.everyHours);
    this._spec.everyHours = Number(n);
    return this;
  }
  everyDays(n: number): ClockTriggerBuilderImpl {
    this._spec.everyDays = integerIn(n, 1, 366, 'n');
    return this;
  }
  everyWeeks(n: number): ClockTriggerBuilderImpl {
    this._spec.everyWeeks = integerIn(n, 1, 52, 'n');
    return this;
  }
  onWeekDay(day: EnumValue): ClockTriggerBuilderImpl {
    const key = enumKey(WeekDay, day);
    if (key === null) throw new Error('Invalid argument: day');
    this._spec.weekday = WEEKDAY_NUMBER[key];
    return this;
  }
  onMonthDay(day: number): ClockTriggerBuilderImpl {
    this._spec.monthDay = integerIn(day, 1, 31, 'day');
    return this;
  }
  /** An unknown zone throws (reference: ClockTriggerBuilder.inTimezone, "An invalid timezone string causes the script to throw an error"). */
  inTimezone(timezone: string): ClockTriggerBuilderImpl {
    resolveZone(timezone);
    this._spec.timeZone = String(timezone);
    return this;
  }

  create(): TriggerImpl {
    const timeZone = this._spec.timeZone ?? this._ctx.scriptTimeZone;
    const schedule = this._schedule(resolveZone(timeZone));
    return install(this._ctx, {
      handlerFunction: this._handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      timeZone,
      schedule,
    });
  }

  /**
   * Turns the builder calls into a schedule. Google runs an atHour trigger somewhere in that hour and a
   * nearMinute one within 15 minutes of it; the local runtime picks one instant (hour:nearMinute, minute 0 if
   * unset) so that tests are repeatable. Without atHour a daily or weekly trigger keeps the time of day it was
   * created at (Google picks one at random).
   */
  private _schedule(zone: Zone): ClockSchedule {
    const s = this._spec;
    const weekly = s.everyWeeks !== undefined || s.weekday !== undefined;
    const kinds = [
      s.after !== undefined,
      s.at !== undefined,
      s.atDate !== undefined,
      s.everyMinutes !== undefined,
      s.everyHours !== undefined,
      s.everyDays !== undefined,
      weekly,
      s.monthDay !== undefined,
    ].filter(Boolean).length;
    if (kinds === 0) {
      throw new Error(
        s.atHour !== undefined || s.nearMinute !== undefined
          ? TRIGGER_MESSAGES.hourNeedsFrequency
          : TRIGGER_MESSAGES.noSchedule,
      );
    }
    if (kinds > 1) throw new Error(TRIGGER_MESSAGES.twoSchedules);
    const calendarKind =
      s.everyDays !== undefined || weekly || s.monthDay !== undefined || s.atDate !== undefined;
    if (s.atHour !== undefined && !calendarKind) throw new Error(TRIGGER_MESSAGES.hourNeedsFrequency);
    if (s.nearMinute !== undefined && !calendarKind && s.everyHours === undefined) {
      throw new Error(TRIGGER_MESSAGES.hourNeedsFrequency);
    }

    const now = this._ctx.core.nowMillis();
    const local = zonedParts(now, zone);
    const hour = s.atHour ?? (s.atDate !== undefined ? 0 : local.hour);
    const minute = s.nearMinute ?? (s.atHour !== undefined || s.atDate !== undefined ? 0 : local.minute);
    const today = dayNumber(local.year, local.month, local.day);
    const instantOn = (day: number): number => {
      const d = fromDayNumber(day);
      return zonedToInstant(zone, d.year, d.month, d.day, hour, minute);
    };

    if (s.after !== undefined) return { kind: 'once', at: now + s.after };
    if (s.at !== undefined) return { kind: 'once', at: s.at };
    if (s.atDate !== undefined) {
      const [year, month, day] = s.atDate;
      return { kind: 'date', year, month, day, hour, minute };
    }
    if (s.everyMinutes !== undefined)
      return {
        kind: 'interval',
        anchor: now + s.everyMinutes * MINUTE_MS,
        stepMs: s.everyMinutes * MINUTE_MS,
      };
    if (s.everyHours !== undefined) {
      const stepMs = s.everyHours * HOUR_MS;
      if (s.nearMinute === undefined) return { kind: 'interval', anchor: now + stepMs, stepMs };
      let anchor = zonedToInstant(zone, local.year, local.month, local.day, local.hour, s.nearMinute);
      while (anchor <= now) anchor += HOUR_MS;
      return { kind: 'interval', anchor, stepMs };
    }
    if (s.everyDays !== undefined) {
      const anchorDay = instantOn(today) > now ? today : today + 1;
      return { kind: 'days', every: s.everyDays, anchorDay, hour, minute };
    }
    if (weekly) {
      const weekday = s.weekday ?? local.weekday;
      let anchorDay = today;
      while (weekdayOf(anchorDay) !== weekday || instantOn(anchorDay) <= now) anchorDay += 1;
      return { kind: 'weeks', every: s.everyWeeks ?? 1, weekday, anchorDay, hour, minute };
    }
    return { kind: 'monthDay', day: s.monthDay as number, hour, minute };
  }
}

class SpreadsheetTriggerBuilderImpl {
  private _event: EventTypeName | null = null;

  constructor(
    private readonly _ctx: Context,
    private readonly _handler: string,
    private readonly _spreadsheetId: string,
  ) {}

  onOpen(): SpreadsheetTriggerBuilderImpl {
    this._event = 'ON_OPEN';
    return this;
  }
  onEdit(): SpreadsheetTriggerBuilderImpl {
    this._event = 'ON_EDIT';
    return this;
  }
  onChange(): SpreadsheetTriggerBuilderImpl {
    this._event = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): SpreadsheetTriggerBuilderImpl {
    this._event = 'ON_FORM_SUBMIT';
    return this;
  }

  create(): TriggerImpl {
    if (this._event === null) throw new Error(TRIGGER_MESSAGES.noSpreadsheetEvent);
    return install(this._ctx, {
      handlerFunction: this._handler,
      eventType: this._event,
      source: 'SPREADSHEETS',
      sourceId: this._spreadsheetId,
      timeZone: null,
      schedule: null,
    });
  }
}

class TriggerBuilderImpl {
  constructor(
    private readonly _ctx: Context,
    private readonly _handler: string,
  ) {}

  timeBased(): ClockTriggerBuilderImpl {
    return this._ctx.core.expose(
      'ScriptApp',
      'ClockTriggerBuilder',
      new ClockTriggerBuilderImpl(this._ctx, this._handler),
    );
  }

  forSpreadsheet(sheet: unknown): SpreadsheetTriggerBuilderImpl {
    return this._ctx.core.expose(
      'ScriptApp',
      'SpreadsheetTriggerBuilder',
      new SpreadsheetTriggerBuilderImpl(this._ctx, this._handler, spreadsheetId(sheet)),
    );
  }
}

class ServiceImpl {
  /** The local runtime publishes no web app. */
  getUrl(): string | null {
    return null;
  }
  isEnabled(): boolean {
    return false;
  }
}

class ScriptAppImpl {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly InstallationSource = InstallationSource;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;

  constructor(
    private readonly _ctx: Context,
    private readonly _scriptId: string,
  ) {}

  newTrigger(functionName: string): TriggerBuilderImpl {
    if (typeof functionName !== 'string' || functionName === '')
      throw new Error('Invalid argument: functionName');
    return this._ctx.core.expose(
      'ScriptApp',
      'TriggerBuilder',
      new TriggerBuilderImpl(this._ctx, functionName),
    );
  }

  /** The current user's triggers for this project (reference: "associated with the current project and current user"). */
  getProjectTriggers(): TriggerImpl[] {
    const owner = this._ctx.owner();
    return this._ctx.registry.records
      .filter((r) => r.owner === owner)
      .map((r) => exposeTrigger(this._ctx, r));
  }

  /** The current user's triggers on the given spreadsheet (or spreadsheet id). */
  getUserTriggers(spreadsheet: unknown): TriggerImpl[] {
    const owner = this._ctx.owner();
    const id = spreadsheetId(spreadsheet);
    return this._ctx.registry.records
      .filter((r) => r.owner === owner && r.sourceId === id)
      .map((r) => exposeTrigger(this._ctx, r));
  }

  /** Deleting a trigger that is already gone does nothing (the service's behaviour there is not documented). */
  deleteTrigger(trigger: unknown): void {
    const id = (trigger as { _id?: unknown } | null)?._id;
    if (typeof id !== 'string') throw new Error('Invalid argument: trigger');
    const records = this._ctx.registry.records;
    const index = records.findIndex((r) => r.id === id);
    if (index >= 0) records.splice(index, 1);
  }

  getScriptId(): string {
    return this._scriptId;
  }

  /** A stand-in token: shaped like a Google access token, good for nothing. */
  getOAuthToken(): string {
    return `ya29.local-${randomBytes(12).toString('hex')}`;
  }

  getService(): ServiceImpl {
    return this._ctx.core.expose('ScriptApp', 'Service', new ServiceImpl());
  }
}

export function createScriptApp(
  core: RuntimeCore,
  opts: ScriptAppOptions,
): {
  ScriptApp: ScriptAppImpl;
  triggers: {
    /** Every installed trigger, all users, oldest first. */
    list(): TriggerRecord[];
    /**
     * Time-based triggers firing in (since, now], earliest first; `since` defaults to the previous call's
     * `now` (or the moment the ScriptApp was created).
     */
    due(now: Date, since?: Date): DueTrigger[];
  };
} {
  const scriptTimeZone = opts.scriptTimeZone ?? 'UTC';
  resolveZone(scriptTimeZone);
  const registry: Registry = { records: [], nextId: 0 };
  const ctx: Context = { core, registry, owner: () => opts.userEmail() || opts.ownerEmail, scriptTimeZone };
  let lastDue = core.nowMillis();
  return {
    ScriptApp: core.expose(
      'ScriptApp',
      'ScriptApp',
      new ScriptAppImpl(ctx, opts.scriptId ?? 'local-script-id'),
    ),
    triggers: {
      list: () => registry.records.map((r) => ({ ...r })),
      due(now: Date, since?: Date): DueTrigger[] {
        const from = since ? since.getTime() : lastDue;
        lastDue = now.getTime();
        const out: DueTrigger[] = [];
        for (const trigger of registry.records) {
          for (const at of clockFireTimes(trigger, new Date(from), now))
            out.push({ trigger: { ...trigger }, at });
        }
        return out.sort((a, b) => a.at.getTime() - b.at.getTime());
      },
    },
  };
}

/** True when a time-based trigger fires in (from, to]; always false for spreadsheet triggers. */
export function clockTriggerFiresIn(trigger: TriggerRecord, from: Date, to: Date): boolean {
  return clockFireTimes(trigger, from, to).length > 0;
}

/**
 * The instants in (from, to] at which a time-based trigger fires, in order, never before its creation.
 * "Weekly on Monday at 8" in Europe/London fires at 08:00 London time whether that is GMT or BST.
 */
export function clockFireTimes(trigger: TriggerRecord, from: Date, to: Date): Date[] {
  const s = trigger.schedule;
  if (!s || trigger.timeZone === null) return [];
  const start = Math.max(from.getTime(), trigger.createdAt.getTime());
  const end = to.getTime();
  if (end <= start) return [];
  const zone = resolveZone(trigger.timeZone);
  const inWindow = (t: number): boolean => t > start && t <= end;
  const out: number[] = [];

  if (s.kind === 'once') {
    if (inWindow(s.at)) out.push(s.at);
  } else if (s.kind === 'date') {
    const t = zonedToInstant(zone, s.year, s.month, s.day, s.hour, s.minute);
    if (inWindow(t)) out.push(t);
  } else if (s.kind === 'interval') {
    let k = Math.max(0, Math.floor((start - s.anchor) / s.stepMs));
    for (let t = s.anchor + k * s.stepMs; t <= end; k += 1, t = s.anchor + k * s.stepMs)
      if (inWindow(t)) out.push(t);
  } else {
    const first = zonedParts(start, zone);
    const last = zonedParts(end, zone);
    const lastDay = dayNumber(last.year, last.month, last.day) + 1;
    for (let day = dayNumber(first.year, first.month, first.day) - 1; day <= lastDay; day += 1) {
      if (!matchesDay(s, day)) continue;
      const d = fromDayNumber(day);
      const t = zonedToInstant(zone, d.year, d.month, d.day, s.hour, s.minute);
      if (inWindow(t)) out.push(t);
    }
  }
  return out.map((t) => new Date(t));
}

function matchesDay(s: ClockSchedule, day: number): boolean {
  switch (s.kind) {
    case 'days':
      return day >= s.anchorDay && (day - s.anchorDay) % s.every === 0;
    case 'weeks':
      return day >= s.anchorDay && (day - s.anchorDay) % (7 * s.every) === 0;
    case 'monthDay':
      return fromDayNumber(day).day === s.day;
    default:
      return false;
  }
}

function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

function fromDayNumber(n: number): { year: number; month: number; day: number } {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 1 (Monday) .. 7 (Sunday); day 0 (1970-01-01) was a Thursday. */
function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * A spreadsheet's id from a Spreadsheet object or an id string. Reading it through getId() is counted as a
 * SpreadsheetApp call the script did not make; the runtime's own `_id` is used first when the object has one.
 */
function spreadsheetId(sheet: unknown): string {
  if (typeof sheet === 'string' && sheet !== '') return sheet;
  if (typeof sheet === 'object' && sheet !== null) {
    const own = (sheet as { _id?: unknown })._id;
    if (typeof own === 'string') return own;
    if (typeof own === 'function') return String((own as () => unknown).call(sheet));
    const getId = (sheet as { getId?: unknown }).getId;
    if (typeof getId === 'function') return String((getId as () => unknown).call(sheet));
  }
  throw new Error('Invalid argument: spreadsheet');
}

function integerIn(value: number, min: number, max: number, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`Invalid argument: ${name}`);
  return n;
}

function nonNegativeInteger(value: number, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`Invalid argument: ${name}`);
  return Math.floor(n);
}
