// Java SimpleDateFormat-style date formatting in a real time zone (what Utilities.formatDate does), plus the
// wall-clock <-> instant conversions the trigger scheduler and the spreadsheet's date serials share with it.
import { NotImplementedError } from './core';

/** A time zone as Apps Script accepts it: an IANA id ("Europe/London") or a fixed "GMT+01:00" offset. */
export type Zone = { kind: 'iana'; id: string } | { kind: 'fixed'; id: string; offsetMinutes: number };

/** Wall-clock fields of an instant in a zone; weekday is 1 (Monday) .. 7 (Sunday), as Java's 'u'. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
  offsetMinutes: number;
}

const FIXED_OFFSET = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Resolves a time zone id. Java's TimeZone.getTimeZone silently falls back to GMT for an unknown id; whether
 * Apps Script keeps that is not documented, so the local runtime throws instead (a misspelt zone is a bug
 * either way, and failing loudly here is the safer choice).
 */
export function resolveZone(timeZone: string): Zone {
  const id = String(timeZone);
  const fixed = FIXED_OFFSET.exec(id);
  if (fixed) {
    const sign = fixed[1] === '-' ? -1 : 1;
    const minutes = Number(fixed[2] ?? 0) * 60 + Number(fixed[3] ?? 0);
    return { kind: 'fixed', id, offsetMinutes: sign * minutes };
  }
  wallClockFormatter(id);
  return { kind: 'iana', id };
}

function wallClockFormatter(id: string): Intl.DateTimeFormat {
  let fmt = formatters.get(id);
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone: id,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      throw new Error(`Invalid argument: timeZone (${id})`);
    }
    formatters.set(id, fmt);
  }
  return fmt;
}

/** True for an id the time-zone database knows ("Europe/London", "UTC"); a fixed "GMT+01:00" offset is not one. */
export function isTzDatabaseId(id: string): boolean {
  try {
    wallClockFormatter(id);
    return true;
  } catch {
    return false;
  }
}

/**
 * Milliseconds to add to the instant `ms` to read the wall clock in `zone`. Exact to the second rather than the
 * minute, because historic offsets have seconds (London kept -0:01:15 until 1847) and spreadsheet serials keep them.
 */
export function zoneOffsetMs(ms: number, zone: Zone): number {
  if (zone.kind === 'fixed') return zone.offsetMinutes * 60000;
  const fields: Record<string, string> = {};
  for (const part of wallClockFormatter(zone.id).formatToParts(new Date(ms))) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  const year = fields.era === 'BC' || fields.era === 'B' ? 1 - yearOfEra : yearOfEra;
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const wall = utcMs(
    year,
    Number(fields.month),
    Number(fields.day),
    Number(fields.hour),
    Number(fields.minute),
    Number(fields.second),
    millisecond,
  );
  return wall - ms;
}

/** The wall-clock fields of `ms` in `zone`. */
export function zonedParts(ms: number, zone: Zone): ZonedParts {
  const offset = zoneOffsetMs(ms, zone);
  const wall = new Date(ms + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
    weekday: ((wall.getUTCDay() + 6) % 7) + 1,
    offsetMinutes: Math.round(offset / 60000),
  };
}

/**
 * The instant at which the wall clock in `zone` shows the given time. A time skipped by a clock change
 * (01:30 on the morning the clocks go forward) comes out an hour later, as Java does; a time that happens
 * twice (clocks going back) resolves to the second occurrence.
 */
export function zonedToInstant(
  zone: Zone,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const guess = utcMs(year, month, day, hour, minute, second, 0);
  const first = guess - zonedParts(guess, zone).offsetMinutes * 60000;
  return guess - zonedParts(first, zone).offsetMinutes * 60000;
}

function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  date.setUTCFullYear(y); // Date.UTC maps years 0..99 to 1900..1999
  return date.getTime();
}

/** English month names, as Apps Script writes dates (Sheets' display formats and typed dates use them too). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Formats `date` in `timeZone` with a Java SimpleDateFormat pattern, in English as Apps Script does.
 * Supported letters: G y M L d D E u F a H k K h m s S z Z X; 'quoted' text and '' for a quote.
 * w, W and Y (week-based fields) depend on Java's locale week rules and are refused rather than guessed.
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
  const zone = resolveZone(timeZone);
  const p = zonedParts(ms, zone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Inside quotes, '' is a literal quote; Java refuses an unterminated quote.
      let j = i + 1;
      let literal = '';
      for (;;) {
        const close = pattern.indexOf("'", j);
        if (close < 0) throw new Error('Invalid argument: format (unterminated quote)');
        literal += pattern.slice(j, close);
        if (pattern[close + 1] === "'") {
          literal += "'";
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      out += literal;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n += 1;
    out += field(c, n, p, zone, ms);
    i += n;
  }
  return out;
}

function pad(value: number, width: number): string {
  const s = String(Math.abs(value));
  return (value < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function field(letter: string, n: number, p: ZonedParts, zone: Zone, ms: number): string {
  switch (letter) {
    case 'G':
      return p.year > 0 ? 'AD' : 'BC';
    case 'y': {
      const y = p.year > 0 ? p.year : 1 - p.year;
      return n === 2 ? pad(y % 100, 2) : pad(y, n);
    }
    case 'M':
    case 'L':
      if (n >= 4) return MONTH_NAMES[p.month - 1];
      if (n === 3) return MONTH_NAMES[p.month - 1].slice(0, 3);
      return pad(p.month, n);
    case 'd':
      return pad(p.day, n);
    case 'D':
      return pad(dayOfYear(p), n);
    case 'E':
      return n >= 4 ? DAYS[p.weekday - 1] : DAYS[p.weekday - 1].slice(0, 3);
    case 'u':
      return pad(p.weekday, n);
    case 'F':
      return pad(Math.floor((p.day - 1) / 7) + 1, n);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, n);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, n);
    case 'K':
      return pad(p.hour % 12, n);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
    case 'm':
      return pad(p.minute, n);
    case 's':
      return pad(p.second, n);
    case 'S':
      return pad(p.millisecond, n);
    case 'z':
      return zoneName(zone, ms, p.offsetMinutes, n >= 4);
    case 'Z':
      return offsetString(p.offsetMinutes, 'basic');
    case 'X':
      if (n > 3) throw new Error('Invalid argument: format (invalid ISO 8601 format: length=' + n + ')');
      if (p.offsetMinutes === 0) return 'Z';
      return offsetString(p.offsetMinutes, n === 1 ? 'hours' : n === 2 ? 'basic' : 'extended');
    case 'w':
    case 'W':
    case 'Y':
      throw new NotImplementedError(`Utilities.formatDate pattern letter '${letter}'`);
    default:
      // Java: IllegalArgumentException "Illegal pattern character 'x'".
      throw new Error(`Invalid argument: format (illegal pattern character '${letter}')`);
  }
}

function dayOfYear(p: ZonedParts): number {
  return (
    Math.round((utcMs(p.year, p.month, p.day, 0, 0, 0, 0) - utcMs(p.year, 1, 1, 0, 0, 0, 0)) / 86400000) + 1
  );
}

function offsetString(offsetMinutes: number, style: 'hours' | 'basic' | 'extended'): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (style === 'hours') return sign + hh;
  return style === 'basic' ? `${sign}${hh}${mm}` : `${sign}${hh}:${mm}`;
}

/**
 * Java's zone names: "GMT"/"BST", "EST"/"EDT", "CET"/"CEST"; long: "British Summer Time". ICU (behind Intl)
 * has these under different locales, so the short name is taken from en-US, then en-GB; a zone with no
 * abbreviation in either falls back to Java's "GMT+05:30" form (Java itself would say "IST" for Kolkata).
 */
function zoneName(zone: Zone, ms: number, offsetMinutes: number, long: boolean): string {
  if (zone.kind === 'fixed') {
    if (/^(GMT|UTC)$/.test(zone.id))
      return long ? (zone.id === 'UTC' ? 'Coordinated Universal Time' : 'Greenwich Mean Time') : zone.id;
    return 'GMT' + offsetString(offsetMinutes, 'extended');
  }
  if (zone.id === 'Etc/GMT' || zone.id === 'GMT') return long ? 'Greenwich Mean Time' : 'GMT';
  if (long) return intlZoneName(zone.id, ms, 'en-US', 'long');
  for (const locale of ['en-US', 'en-GB']) {
    const name = intlZoneName(zone.id, ms, locale, 'short');
    if (!/^(GMT|UTC)[+-]/.test(name)) return name;
  }
  return 'GMT' + offsetString(offsetMinutes, 'extended');
}

function intlZoneName(id: string, ms: number, locale: string, style: 'short' | 'long'): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: id, timeZoneName: style }).formatToParts(
    new Date(ms),
  );
  return parts.find((x) => x.type === 'timeZoneName')?.value ?? id;
}
