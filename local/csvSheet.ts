// Reads a CSV file (a Google Sheet downloaded as CSV) into cell values: numbers as numbers, dates as Dates, text as text.
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { parseExactDate } from '../src/domain/timescale';

export class CsvError extends Error {}

/**
 * Parses the file; throws CsvError with one clear line when it cannot be read. A cell that is exactly an ISO or
 * day-first date becomes a Date at local midnight in `timeZone` (as Sheets stores a date cell); a plain number
 * becomes a number; everything else stays the text it was, never a formula.
 */
export function readCsvSheet(path: string, timeZone: string): unknown[][] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CsvError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (e) {
    throw new CsvError(`${path} is not a readable CSV file: ${(e as Error).message}`);
  }
  while (rows.length && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  if (rows.length === 0) throw new CsvError(`${path} is empty: it needs a header row.`);
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((row) => Array.from({ length: width }, (_, i) => cellValue(row[i] ?? '', timeZone)));
}

function cellValue(text: string, timeZone: string): unknown {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(t) && !/^0\d/.test(t)) return Number(t);
  if (/^\d{4}-\d{2}-\d{2}$|^\d{1,2}\/\d{1,2}\/\d{4}$/.test(t)) {
    const iso = parseExactDate(t);
    if (iso) return zonedMidnight(iso, timeZone);
  }
  return text;
}

/** The instant of local midnight on `iso` in `timeZone`. */
export function zonedMidnight(iso: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${iso}T00:00:00Z`);
  // The zone's offset at that moment, found by formatting it there; a second pass settles DST edges.
  let guess = utcMidnight;
  for (let i = 0; i < 2; i++) {
    const local = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(guess));
    const asUtc = Date.parse(local.replace(', ', 'T') + 'Z');
    guess = utcMidnight - (asUtc - guess);
  }
  return new Date(guess);
}
