// How a written value becomes cell content: a string is read as a person typing it would be (numbers, TRUE/FALSE,
// dates in the spreadsheet's locale, "=" formulas, a leading apostrophe forcing text), other values are stored as
// given, and dates become serial numbers in the spreadsheet's time zone.
import { isDate } from '../core';
import { MONTH_NAMES } from '../formatDate';
import { gasError, unverified } from './errors';
import type { LocaleInfo } from './locale';
import { isCalendarDate, partsFromSerial, serialFromInstant, serialFromParts } from './timezone';

/** A formula as entered; the runtime keeps it but cannot calculate it. */
export class Formula {
  constructor(readonly text: string) {}
}

/** What a cell holds: a date-time is a number in a cell whose number format is a date format, as in Sheets. */
export type Stored = string | number | boolean | Formula;

export interface WriteContext {
  locale: LocaleInfo;
  timeZone: string;
  nowMs: number;
}

/** The content to store and, for an unformatted cell, the format Sheets would give it. */
export interface Written {
  value: Stored | undefined;
  autoFormat?: string;
}

/** The most characters one cell takes. */
export const MAX_CELL_CHARS = 50_000;

export function checkCellLength(text: string): void {
  if (text.length > MAX_CELL_CHARS) {
    throw gasError('Your input contains more than the maximum of 50000 characters in a single cell.');
  }
}

/**
 * Converts a value a script passes to setValue/setValues. `plainText` is true for a cell formatted "@", where
 * strings are kept exactly as given.
 */
export function interpretValue(v: unknown, plainText: boolean, ctx: WriteContext): Written {
  if (v === null || v === undefined) return { value: undefined };
  switch (typeof v) {
    case 'string':
      return interpretTyped(v, plainText, ctx);
    case 'number':
      if (!Number.isFinite(v)) throw unverified(`writing ${String(v)} to a cell`);
      return { value: v };
    case 'boolean':
      return { value: v };
    default:
      break;
  }
  if (isDate(v)) {
    const ms = v.getTime();
    if (Number.isNaN(ms)) throw unverified('writing an invalid Date to a cell');
    if (plainText) throw unverified('writing a Date into a plain-text ("@") cell');
    return { value: serialFromInstant(ms, ctx.timeZone), autoFormat: ctx.locale.dateTimeFormat };
  }
  throw unverified(`writing a ${Array.isArray(v) ? 'nested array' : typeof v} to a cell`);
}

/** A string as Sheets reads it when a person types it into a cell. */
export function interpretTyped(text: string, plainText: boolean, ctx: WriteContext): Written {
  checkCellLength(text);
  if (text === '') return { value: undefined };
  // The apostrophe only marks text; it is not part of the value (also assumed for "@" cells).
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (plainText) return { value: text };
  if (text.startsWith('=') && text.length > 1) return { value: new Formula(text) };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
  // Every number, date and time has a digit: most text is settled here without trying each pattern.
  if (!/\d/.test(text)) return { value: text };
  const num = parseTypedNumber(text, ctx.locale);
  if (num) return num;
  const date = parseTypedDateTime(text, ctx);
  if (date) return date;
  return { value: text };
}

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?$/;

function parseTypedNumber(text: string, locale: LocaleInfo): Written | null {
  let body = text;
  let percent = false;
  let currency = false;
  let negative = false;
  if (body.endsWith('%')) {
    percent = true;
    body = body.slice(0, -1);
  }
  const cur = locale.currency;
  if (body.startsWith(cur) || body.startsWith(`-${cur}`)) {
    currency = true;
    negative = body.startsWith('-');
    body = body.slice(negative ? 1 + cur.length : cur.length);
  }
  const m = NUMBER.exec(body);
  if (!m) return null;
  const [, sign, int, frac = '', exp] = m;
  if (!/\d/.test(int + frac)) return null;
  if (currency && (percent || exp !== undefined || sign !== '')) return null;
  let value = Number(
    `${sign}${int.replace(/,/g, '')}${frac === '.' ? '' : frac}${exp !== undefined ? `e${exp}` : ''}`,
  );
  if (!Number.isFinite(value)) return null;
  if (negative) value = -value;
  const decimals = frac.length > 1;
  if (percent) return { value: value / 100, autoFormat: decimals ? '0.00%' : '0%' };
  if (currency) return { value, autoFormat: `"${cur}"#,##0.00` };
  if (exp !== undefined) return { value, autoFormat: '0.00E+00' };
  if (int.includes(',')) return { value, autoFormat: decimals ? '#,##0.00' : '#,##0' };
  return { value };
}

const MONTHS_LOWER = MONTH_NAMES.map((m) => m.toLowerCase());

function monthFromName(name: string): number | null {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.length < 3) return null;
  if (n === 'sept') return 9;
  const i = MONTHS_LOWER.findIndex((full) => full === n || full.slice(0, 3) === n);
  return i < 0 ? null : i + 1;
}

interface TimeOfDay {
  h: number;
  mi: number;
  s: number;
  ms: number;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:\s*([ap])\.?m\.?)?$/i;

function parseTime(text: string): TimeOfDay | null {
  const m = TIME.exec(text);
  if (!m) return null;
  let h = +m[1];
  const mi = +m[2];
  const s = m[3] ? +m[3] : 0;
  const ms = m[4] ? +m[4].padEnd(3, '0') : 0;
  if (mi > 59 || s > 59) return null;
  if (m[5]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[5].toLowerCase() === 'p' ? 12 : 0);
  } else if (h > 23) return null;
  return { h, mi, s, ms };
}

function twoDigitYear(y: string): number {
  const n = +y;
  return y.length === 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

/**
 * Dates and times as Sheets recognises them when typed: the locale's numeric order (31/03/2010 in en_GB), ISO
 * 2010-03-31, "31 Mar 2010", "Mar 31, 2010", "d/m" in the current year, each optionally followed by a time, and a
 * time on its own (a serial below 1, read back as a Date on 30 December 1899).
 */
function parseTypedDateTime(text: string, ctx: WriteContext): Written | null {
  const locale = ctx.locale;
  const time = parseTime(text);
  if (time)
    return {
      value: serialFromParts(1899, 12, 30, time.h, time.mi, time.s, time.ms),
      autoFormat: locale.timeFormat,
    };

  let y: number;
  let mo: number;
  let d: number;
  let rest: string | undefined;
  let dateFormat = locale.dateFormat;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:\s+(.+))?$/.exec(text))) {
    [d, mo] = locale.dayFirst ? [+m[1], +m[3]] : [+m[3], +m[1]];
    y = twoDigitYear(m[4]);
    rest = m[5];
  } else if ((m = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?:\s+(.+))?$/.exec(text))) {
    [y, mo, d] = [+m[1], +m[3], +m[4]];
    rest = m[5];
    if (m[2] === '-') dateFormat = 'yyyy-MM-dd';
  } else if ((m = /^(\d{1,2})\/(\d{1,2})$/.exec(text))) {
    [d, mo] = locale.dayFirst ? [+m[1], +m[2]] : [+m[2], +m[1]];
    y = partsFromSerial(serialFromInstant(ctx.nowMs, ctx.timeZone)).year;
  } else if ((m = /^(\d{1,2})[\s-]+([A-Za-z]+\.?)[\s,-]+(\d{4}|\d{2})(?:\s+(.+))?$/.exec(text))) {
    const month = monthFromName(m[2]);
    if (month === null) return null;
    [y, mo, d] = [twoDigitYear(m[3]), month, +m[1]];
    rest = m[4];
    dateFormat = m[2].replace(/\.$/, '').length > 3 ? 'd mmmm yyyy' : 'd mmm yyyy';
  } else if ((m = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})(?:\s+(.+))?$/.exec(text))) {
    const month = monthFromName(m[1]);
    if (month === null) return null;
    [y, mo, d] = [+m[3], month, +m[2]];
    rest = m[4];
    dateFormat = 'mmm d, yyyy';
  } else {
    return null;
  }
  if (!isCalendarDate(y, mo, d)) return null;
  if (rest === undefined) return { value: serialFromParts(y, mo, d), autoFormat: dateFormat };
  const t = parseTime(rest);
  if (!t) return null;
  const timeFormat = dateFormat === 'yyyy-MM-dd' ? 'HH:mm:ss' : locale.timeFormat;
  return {
    value: serialFromParts(y, mo, d, t.h, t.mi, t.s, t.ms),
    autoFormat: dateFormat === locale.dateFormat ? locale.dateTimeFormat : `${dateFormat} ${timeFormat}`,
  };
}

/** The value of a formula that is a bare literal (=5, ="text", =TRUE); undefined for anything to calculate. */
export function literalFormulaValue(formula: string): { value: string | number | boolean } | undefined {
  const body = formula.slice(1).trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return { value: Number(body) };
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return { value: str[1].replace(/""/g, '"') };
  if (/^(true|false)$/i.test(body)) return { value: body.toLowerCase() === 'true' };
  return undefined;
}
