// Appends rows to a log sheet in one write, creating the sheet with its headers if a user removed or renamed it.
import type { SheetPort, SpreadsheetPort } from '../gas/ports';

/** Sheets refuses a cell over 50,000 characters; a log line stops well short so a write never fails on it. */
export const MAX_LOG_TEXT = 20_000;

/**
 * A string as a log cell holds it: always behind the apostrophe Sheets reads as "this is text", so a logged
 * "20/03/2010", "40" or "=IMPORTXML(…)" stays exactly what the person saw; long text is cut with a note of its length
 * (the full value stays where it came from).
 */
export function logText(text: string): string {
  if (text === '') return '';
  const kept =
    text.length <= MAX_LOG_TEXT
      ? text
      : `${text.slice(0, MAX_LOG_TEXT)}… (shortened from ${text.length.toLocaleString('en-GB')} characters)`;
  return `'${kept}`;
}

/** The named log sheet, made with its header row (frozen) when it does not exist. */
export function logSheet(spreadsheet: SpreadsheetPort, name: string, headers: readonly string[]): SheetPort {
  const existing = spreadsheet.getSheetByName(name);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(name);
  sheet.getRange(1, 1, 1, headers.length).setValues([[...headers]]);
  sheet.setFrozenRows(1);
  return sheet;
}

/**
 * Writes `rows` below the last row in one setValues. Strings go in as text (a leading = + - @ cannot become a
 * formula); numbers, booleans and Dates are kept as values. With `onlyIfEditable`, a log the person running the
 * script may not edit (a protected log, for staff) is left alone rather than making the write fail: the header row
 * stands for the sheet, as setup protects log sheets whole. Returns whether the rows were written.
 */
export function appendLogRows(
  spreadsheet: SpreadsheetPort,
  name: string,
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  opts: { onlyIfEditable?: boolean } = {},
): boolean {
  if (rows.length === 0) return false;
  const sheet = logSheet(spreadsheet, name, headers);
  if (opts.onlyIfEditable && !sheet.getRange(1, 1, 1, headers.length).canEdit()) return false;
  const first = sheet.getLastRow() + 1;
  const lastNeeded = first + rows.length - 1;
  if (lastNeeded > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), lastNeeded - sheet.getMaxRows());
  sheet
    .getRange(first, 1, rows.length, headers.length)
    .setValues(
      rows.map((row) =>
        headers.map((_, i) => (typeof row[i] === 'string' ? logText(row[i] as string) : (row[i] ?? ''))),
      ),
    );
  return true;
}
