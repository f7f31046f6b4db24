// Calendar dates as ISO strings ("2010-03-31"): the plan's dates are days, not instants.

/** A calendar day, always "YYYY-MM-DD". */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Month number 1–12 for a month name or its three-letter (or "sept") abbreviation, else undefined. */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m === w || (m.startsWith(w) && (w.length === 3 || w === 'sept')));
  return i < 0 ? undefined : i + 1;
}

/** The ISO date for a year, month and day, or undefined when that day does not exist (31/02/2010). */
export function makeDate(year: number, month: number, day: number): IsoDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;
}

export function isIsoDate(s: string): boolean {
  const m = ISO_PATTERN.exec(s);
  return !!m && makeDate(+m[1], +m[2], +m[3]) === s;
}

/** Days since 1970-01-01 for an ISO date: differences of these are whole days, free of clocks and zones. */
export function dayNumber(iso: IsoDate): number {
  const m = ISO_PATTERN.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3]) / MS_PER_DAY;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return new Date((dayNumber(iso) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The calendar day an instant falls on in a time zone. Sheets hands date cells to scripts as instants at local
 * midnight in the spreadsheet's zone, and "today" is the spreadsheet's today, so both go through here.
 */
export function isoDateInZone(instant: Date, timeZone: string): IsoDate {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/** "31 March 2010": how the report and emails show a date to council readers. */
export function formatLongDate(iso: IsoDate): string {
  const m = ISO_PATTERN.exec(iso);
  if (!m) return iso;
  const month = MONTHS[+m[2] - 1];
  return `${+m[3]} ${month[0].toUpperCase()}${month.slice(1)} ${m[1]}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Midnight of a day in a time zone: how Sheets holds a date cell, so Last updated reads back as that day. */
export function midnightInZone(day: IsoDate, timeZone: string): Date {
  const utcMidnight = dayNumber(day) * 86_400_000;
  // The zone's offset at UTC midnight, then again at the first guess in case a clock change falls between.
  const guess = utcMidnight - zoneOffsetMs(utcMidnight, timeZone);
  return new Date(utcMidnight - zoneOffsetMs(guess, timeZone));
}

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** "14:05": the time of day of an instant in a time zone, 24-hour, as UK councils write it. */
export function timeOfDayInZone(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}
