// Number formats as Sheets applies them to what a cell shows (getDisplayValues): dates and times, fixed decimals,
// thousands separators, percentages, quoted literals. A pattern the runtime cannot render is refused, not guessed.
import { NotImplementedError } from '../core';
import { MONTH_NAMES } from '../formatDate';
import { partsFromSerial } from './timezone';

/**
 * What getNumberFormat() reports for a cell nobody formatted (Sheets' "Automatic"). Widely reported by Apps Script
 * users; not confirmed from Google's reference pages, which do not state it.
 */
export const AUTOMATIC_FORMAT = '0.###############';

type DateToken =
  | { kind: 'lit'; text: string }
  | { kind: 'd' | 'm' | 'y' | 'h' | 's' | 'min'; len: number }
  | { kind: 'ampm'; short: boolean }
  | { kind: 'frac'; len: number };

const dateTokenCache = new Map<string, DateToken[] | null>();

/** True for a format that shows a date, a time or both: a number in such a cell reads back as a Date. */
export function isDateTimeFormat(format: string | undefined): boolean {
  if (format === undefined) return false;
  return dateTokens(format) !== null;
}

/** The tokens of a date/time format, or null when the format has no date or time part. */
function dateTokens(format: string): DateToken[] | null {
  const cached = dateTokenCache.get(format);
  if (cached !== undefined) return cached;
  const section = splitSections(format)[0];
  const tokens: DateToken[] = [];
  let dated = false;
  let i = 0;
  const lit = (text: string) => tokens.push({ kind: 'lit', text });
  while (i < section.length) {
    const ch = section[i];
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end + 1;
    } else if (ch === '\\') {
      lit(section[i + 1] ?? '');
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end).toLowerCase();
      if (/^(h+|m+|s+)$/.test(inner)) throw new NotImplementedError(`elapsed-time format "${format}"`);
      i = end < 0 ? section.length : end + 1;
    } else if (section.slice(i, i + 5).toLowerCase() === 'am/pm') {
      tokens.push({ kind: 'ampm', short: false });
      i += 5;
    } else if (section.slice(i, i + 3).toLowerCase() === 'a/p') {
      tokens.push({ kind: 'ampm', short: true });
      i += 3;
    } else if ('dmyhs'.includes(lower)) {
      let j = i;
      while (j < section.length && section[j].toLowerCase() === lower) j++;
      tokens.push({ kind: lower as 'd' | 'm' | 'y' | 'h' | 's', len: j - i });
      dated = true;
      i = j;
    } else if (ch === '.' && section[i + 1] === '0' && tokens.some((t) => t.kind === 's')) {
      let j = i + 1;
      while (section[j] === '0') j++;
      tokens.push({ kind: 'frac', len: j - i - 1 });
      i = j;
    } else {
      lit(ch);
      i++;
    }
  }
  if (!dated) {
    dateTokenCache.set(format, null);
    return null;
  }
  // "m" and "mm" mean minutes next to hours or seconds, months elsewhere.
  const fields = tokens.filter((t) => t.kind !== 'lit');
  fields.forEach((t, k) => {
    if (t.kind === 'm' && t.len <= 2) {
      const prev = fields[k - 1];
      const next = fields[k + 1];
      if (prev?.kind === 'h' || next?.kind === 's') (t as { kind: string }).kind = 'min';
    }
  });
  dateTokenCache.set(format, tokens);
  return tokens;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A serial date-time shown in a date/time format. */
export function formatSerialAsDate(serial: number, format: string): string {
  const tokens = dateTokens(format);
  if (!tokens) throw new Error(`not a date format: ${format}`);
  const hasAmPm = tokens.some((t) => t.kind === 'ampm');
  const p = partsFromSerial(serial);
  const pad = (n: number, len: number) => String(n).padStart(len, '0');
  let out = '';
  for (const t of tokens) {
    switch (t.kind) {
      case 'lit':
        out += t.text;
        break;
      case 'd':
        out +=
          t.len === 1
            ? p.day
            : t.len === 2
              ? pad(p.day, 2)
              : t.len === 3
                ? WEEKDAYS[p.weekday].slice(0, 3)
                : WEEKDAYS[p.weekday];
        break;
      case 'm':
        out +=
          t.len === 1
            ? p.month
            : t.len === 2
              ? pad(p.month, 2)
              : t.len === 3
                ? MONTH_NAMES[p.month - 1].slice(0, 3)
                : t.len === 4
                  ? MONTH_NAMES[p.month - 1]
                  : MONTH_NAMES[p.month - 1][0];
        break;
      case 'y':
        out += t.len <= 2 ? pad(p.year % 100, 2) : String(p.year);
        break;
      case 'h': {
        const h = hasAmPm ? ((p.hour + 11) % 12) + 1 : p.hour;
        out += t.len === 1 ? h : pad(h, 2);
        break;
      }
      case 'min':
        out += t.len === 1 ? p.minute : pad(p.minute, 2);
        break;
      case 's':
        out += t.len === 1 ? p.second : pad(p.second, 2);
        break;
      case 'frac':
        out += '.' + pad(p.millisecond, 3).slice(0, t.len);
        break;
      case 'ampm':
        out += t.short ? (p.hour < 12 ? 'A' : 'P') : p.hour < 12 ? 'AM' : 'PM';
        break;
    }
  }
  return out;
}

/** Splits "pos;neg;zero;text" at semicolons outside quotes. */
function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      cur += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Sheets' "Automatic" rendering of a number: plain digits, at most 10 decimal places. */
export function formatGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  if (Math.abs(n) >= 1e15 || (Math.abs(n) < 1e-9 && n !== 0)) {
    const [mantissa, exp] = n.toExponential(5).split('e');
    return `${mantissa.replace(/\.?0+$/, '')}E${exp.startsWith('-') ? exp : `+${exp.replace('+', '')}`}`;
  }
  return String(Number(n.toFixed(10)));
}

/** A number shown through a numeric pattern such as "#,##0.00", "0%", '"£"#,##0.00' or "0.00E+00". */
export function formatNumberPattern(n: number, format: string): string {
  const sections = splitSections(format);
  let section = sections[0];
  let value = n;
  let sign = n < 0 ? '-' : '';
  if (n < 0 && sections.length > 1 && sections[1] !== '') {
    section = sections[1];
    value = -n;
    sign = '';
  } else if (n === 0 && sections.length > 2 && sections[2] !== '') {
    section = sections[2];
  } else {
    value = Math.abs(n);
  }

  let prefix = '';
  let suffix = '';
  let core = '';
  let percent = false;
  let i = 0;
  let seenCore = false;
  const add = (s: string) => {
    if (seenCore) suffix += s;
    else prefix += s;
  };
  while (i < section.length) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      add(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end + 1;
    } else if (ch === '\\') {
      add(section[i + 1] ?? '');
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end);
      if (inner.startsWith('$')) add(inner.slice(1).split('-')[0]);
      else if (!/^(black|white|red|green|blue|yellow|magenta|cyan|color\d+)$/i.test(inner)) {
        throw new NotImplementedError(`number format "${format}" in getDisplayValues`);
      }
      i = end < 0 ? section.length : end + 1;
    } else if (ch === '_') {
      add(' ');
      i += 2;
    } else if (ch === '*') {
      i += 2;
    } else if (
      '0#?,.'.includes(ch) ||
      ((ch === 'E' || ch === 'e') && /[+-]/.test(section[i + 1] ?? '') && seenCore)
    ) {
      if (seenCore && suffix !== '')
        throw new NotImplementedError(`number format "${format}" in getDisplayValues`);
      seenCore = true;
      if (ch === 'E' || ch === 'e') {
        core += section.slice(i, i + 2);
        i += 2;
      } else {
        core += ch;
        i++;
      }
    } else if (ch === '%') {
      percent = true;
      add('%');
      i++;
    } else if (ch === '@') {
      add(String(n));
      i++;
    } else if (/[A-Za-z]/.test(ch)) {
      throw new NotImplementedError(`number format "${format}" in getDisplayValues`);
    } else {
      add(ch);
      i++;
    }
  }
  if (percent) value *= 100;
  if (!seenCore) return sign + prefix + suffix;
  return sign + prefix + formatCore(value, core, format) + suffix;
}

function formatCore(value: number, core: string, format: string): string {
  const expAt = core.search(/[Ee][+-]/);
  if (expAt >= 0) {
    const mantissaPattern = core.slice(0, expAt);
    const expDigits = (core.slice(expAt + 2).match(/0/g) ?? []).length || 1;
    const exp = value === 0 ? 0 : Math.floor(Math.log10(value));
    const mantissa = formatFixed(value / 10 ** exp, mantissaPattern, format);
    const expSign = exp < 0 ? '-' : core[expAt + 1] === '+' ? '+' : '';
    return `${mantissa}E${expSign}${String(Math.abs(exp)).padStart(expDigits, '0')}`;
  }
  return formatFixed(value, core, format);
}

function formatFixed(value: number, pattern: string, format: string): string {
  const dot = pattern.indexOf('.');
  const intPattern = dot < 0 ? pattern : pattern.slice(0, dot);
  const fracPattern = dot < 0 ? '' : pattern.slice(dot + 1).replace(/,/g, '');
  if (/,$/.test(intPattern) && dot < 0) throw new NotImplementedError(`scaling number format "${format}"`);
  const grouping = intPattern.includes(',');
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const minFrac = (fracPattern.match(/0/g) ?? []).length;
  const maxFrac = (fracPattern.match(/[0#?]/g) ?? []).length;
  const rounded = roundTo(value, maxFrac);
  const [intDigits, fracDigitsRaw = ''] = rounded.toFixed(maxFrac).split('.');
  let frac = fracDigitsRaw;
  while (frac.length > minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  let int = intDigits === '0' && minInt === 0 ? '' : intDigits.padStart(minInt, '0');
  if (grouping) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return dot < 0 ? int : `${int}.${frac}`;
}

/** Rounds half away from zero in decimal, as a spreadsheet does (1.005 to 2 places is 1.01). */
function roundTo(value: number, places: number): number {
  const [m, e = '0'] = String(value).split('e');
  const shifted = Math.round(Number(`${m}e${Number(e) + places}`));
  const [m2, e2 = '0'] = String(shifted).split('e');
  return Number(`${m2}e${Number(e2) - places}`);
}
