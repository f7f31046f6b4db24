// Date-times as Sheets keeps them: a serial number of days since 1899-12-30 in the spreadsheet's own time zone.
// A Date a script writes is stored as its wall-clock time in that zone, and read back as the same instant.
import { resolveZone, zoneOffsetMs } from '../formatDate';

/** A spreadsheet's zone is a time-zone database id; the fixed "GMT+01:00" offsets Utilities.formatDate reads are not. */
export { isTzDatabaseId as isValidTimeZone } from '../formatDate';

const DAY_MS = 86_400_000;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const offsetCache = new Map<string, number>();

/** Milliseconds to add to a UTC instant to get the wall-clock time in `timeZone`. */
export function offsetMs(timeZone: string, instantMs: number): number {
  // Zone offsets only change on quarter-hour boundaries, so one lookup per quarter hour is exact.
  const bucket = Math.floor(instantMs / 900_000);
  const key = `${timeZone}|${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const offset = zoneOffsetMs(bucket * 900_000, resolveZone(timeZone));
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** The serial number of an instant's wall-clock time in `timeZone`. */
export function serialFromInstant(instantMs: number, timeZone: string): number {
  return (instantMs + offsetMs(timeZone, instantMs) - SERIAL_EPOCH_MS) / DAY_MS;
}

/** The instant whose wall-clock time in `timeZone` is the serial (a time skipped by a clock change resolves forward). */
export function instantFromSerial(serial: number, timeZone: string): number {
  const wall = Math.round(serial * DAY_MS) + SERIAL_EPOCH_MS;
  let guess = wall - offsetMs(timeZone, wall);
  guess = wall - offsetMs(timeZone, guess);
  return guess;
}

export function serialFromParts(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  return (Date.UTC(y, mo - 1, d, h, mi, s, ms) - SERIAL_EPOCH_MS) / DAY_MS;
}

export interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday. */
  weekday: number;
}

/** Calendar fields of a serial number (no time zone involved: a serial is already wall-clock time). */
export function partsFromSerial(serial: number): WallParts {
  const d = new Date(Math.round(serial * DAY_MS) + SERIAL_EPOCH_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/** True when y-m-d is a real calendar date. */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}
