// Date-times as Sheets keeps them: a serial number of days since 1899-12-30 in the spreadsheet's own time zone.
// A Date a script writes is stored as its wall-clock time in that zone, and read back as the same instant.

const DAY_MS = 86_400_000;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds to add to a UTC instant to get the wall-clock time in `timeZone`. */
export function offsetMs(timeZone: string, instantMs: number): number {
  // Zone offsets only change on quarter-hour boundaries, so one lookup per quarter hour is exact.
  const bucket = Math.floor(instantMs / 900_000);
  const key = `${timeZone}|${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const at = bucket * 900_000;
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(at))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const wall = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offset = wall - at;
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
