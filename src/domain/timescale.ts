// Reads a timescale as UK councils write it (DESIGN 2.3) and exact dates typed as text, day first.
import { addDays, type IsoDate, lastDayOfMonth, makeDate, monthNumber } from './dates';

export type Timescale =
  | { kind: 'date'; date: IsoDate }
  | { kind: 'recurring' }
  | { kind: 'complete' }
  | { kind: 'blank' }
  | { kind: 'unknown' };

/** Words that mark a recurring commitment with no single target date. */
const RECURRING_WORDS =
  /\b(ongoing|on-going|annual|annually|yearly|six-monthly|six monthly|bi-annual|biannual|biannually|half-yearly|quarterly|monthly|biennial|biennially|continuous|continuing|rolling)\b/;

/** Phrases in front of a period that mean "by its end" ("By the end of", "To be achieved by", "Before the end of"). */
const LEAD_IN =
  /^(?:to be (?:achieved|completed|delivered|in place)\s+)?(?:(?:by|during|in|for|no later than|not later than|until)\s+|before\s+(?=(?:the\s+)?end\b))?(?:the\s+)?(?:end\s+of\s+)?(?:the\s+)?/;

/** "Before April 2010" or "Before 2010/11": the day before the period starts, not its end. */
const BEFORE = /^before\s+(?!(?:the\s+)?end\b)/;

export function parseTimescale(text: string): Timescale {
  const t = normalise(text);
  if (t === '') return { kind: 'blank' };
  if (/^(complete|completed|done|achieved)$/.test(t)) return { kind: 'complete' };
  const date = parseTimescaleDate(t);
  if (date) return { kind: 'date', date };
  if (RECURRING_WORDS.test(t)) return { kind: 'recurring' };
  return { kind: 'unknown' };
}

/** An exact date typed as text: 31/03/2010, 31/3/10, 31 March 2010, 31st Mar 2010, 2010-03-31. Day first. */
export function parseExactDate(text: string): IsoDate | undefined {
  const t = normalise(text);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return makeDate(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) return makeDate(fullYear(m[3]), +m[2], +m[1]);
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[2]);
    return month ? makeDate(+m[3], month, +m[1]) : undefined;
  }
  return undefined;
}

/** True when the text has the shape of a date, even an impossible one such as 31/02/2010. */
export function looksLikeDate(text: string): boolean {
  const t = normalise(text);
  return /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4}))$/.test(t);
}

function parseTimescaleDate(t: string): IsoDate | undefined {
  if (BEFORE.test(t)) {
    const start = periodStart(t.replace(BEFORE, ''));
    return start ? addDays(start, -1) : undefined;
  }
  const rest = t.replace(LEAD_IN, '').trim();
  const exact = parseExactDate(t) ?? parseExactDate(rest);
  if (exact) return exact;
  // Financial year 2009/10 (or 2009/2010, 2009-10): ends 31 March of its second year.
  let m = /^(?:the\s+)?(?:financial\s+year\s+)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(rest);
  if (m) {
    const end = financialYearEnd(+m[1], m[2]);
    return end ? makeDate(end, 3, 31) : undefined;
  }
  // Quarter: Q3 2009/10, Quarter 3 2009/10, Q3 of 2009/10. Q1 Apr–Jun … Q4 Jan–Mar.
  m = /^(?:q|quarter\s*)([1-4])\s+(?:of\s+)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(rest);
  if (m) {
    const end = financialYearEnd(+m[2], m[3]);
    if (!end) return undefined;
    const quarter = +m[1];
    return quarter === 4 ? lastDayOfMonth(end, 3) : lastDayOfMonth(end - 1, 3 + quarter * 3);
  }
  // Calendar year: "the end of 2009", "Before the end of 2009".
  m = /^(\d{4})$/.exec(rest);
  if (m && t !== rest) return makeDate(+m[1], 12, 31);
  // Month and year: "March 2010", "By December 2009", "end of Sept 2010".
  m = /^([a-z]+)\.?,?\s+(\d{4})$/.exec(rest);
  if (m) {
    const month = monthNumber(m[1]);
    return month ? lastDayOfMonth(+m[2], month) : undefined;
  }
  return undefined;
}

/** The first day of a period written as a date, month, financial year, quarter or calendar year. */
function periodStart(text: string): IsoDate | undefined {
  const exact = parseExactDate(text);
  if (exact) return exact; // a day is its own period: "before 31/03/2010" means by 30 March
  let m = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(text);
  if (m) return financialYearEnd(+m[1], m[2]) ? makeDate(+m[1], 4, 1) : undefined;
  m = /^(?:q|quarter\s*)([1-4])\s+(?:of\s+)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const end = financialYearEnd(+m[2], m[3]);
    if (!end) return undefined;
    const quarter = +m[1];
    return quarter === 4 ? makeDate(end, 1, 1) : makeDate(end - 1, 1 + quarter * 3, 1);
  }
  m = /^(\d{4})$/.exec(text);
  if (m) return makeDate(+m[1], 1, 1);
  m = /^([a-z]+)\.?,?\s+(\d{4})$/.exec(text);
  const month = m ? monthNumber(m[1]) : undefined;
  return m && month ? makeDate(+m[2], month, 1) : undefined;
}

/** The calendar year a financial year "2009/10" ends in, or undefined when the two halves do not follow on. */
function financialYearEnd(start: number, endText: string): number | undefined {
  const end = endText.length === 2 ? Math.floor(start / 100) * 100 + +endText : +endText;
  const fixed = end < start ? end + 100 : end; // 1999/00
  return fixed === start + 1 ? fixed : undefined;
}

/** Two-digit years as Sheets reads them: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(y: string): number {
  if (y.length !== 2) return +y;
  return +y < 30 ? 2000 + +y : 1900 + +y;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[.;:,]+$/, '')
    .trim();
}
