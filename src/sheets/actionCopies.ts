// Snapshots and Archive hold whole Actions rows after their own bookkeeping columns: reading such a sheet once,
// matching its columns to Actions by header, and appending copies in one write.
import { cellText, columnLetter, normaliseHeader } from '../domain/schema';
import { isDate } from '../domain/values';
import type { SheetPort, SpreadsheetPort } from '../gas/ports';

/** A sheet of copies as read (one getDataRange().getValues()); `values` is [] when the sheet does not exist. */
export interface CopySheet {
  name: string;
  sheet: SheetPort | null;
  values: unknown[][];
}

/** Where each bookkeeping column and each Actions column goes on the copy sheet. */
export interface CopyColumns {
  name: string;
  /** The copy sheet's header row after the write: its own headers, plus any Actions header it lacked. */
  header: string[];
  /** True when the header row must be written (a new or empty sheet, or Actions columns it lacked). */
  headerChanged: boolean;
  /** 0-based copy-sheet column of each bookkeeping header, in the order given. */
  bookkeeping: number[];
  /** For each Actions column (0-based, by position in the Actions header), its 0-based copy-sheet column. */
  actionColumns: number[];
}

export function readCopySheet(spreadsheet: SpreadsheetPort, name: string): CopySheet {
  const sheet = spreadsheet.getSheetByName(name);
  return { name, sheet, values: sheet ? sheet.getDataRange().getValues() : [] };
}

/**
 * Matches the copy sheet's columns to Actions by header text (case- and space-insensitive; the n-th of a doubled
 * header to the n-th). A council's extra Actions columns are added to the copy sheet's header, so nothing in a row
 * goes uncopied. Throws, before anything is written, when a bookkeeping header is missing from a sheet that has a
 * header row: writing under the wrong columns would lose track of which copy is which.
 */
export function planCopyColumns(
  copy: CopySheet,
  layoutHeaders: readonly string[],
  bookkeepingHeaders: readonly string[],
  actionsHeader: readonly unknown[],
): CopyColumns {
  const existing = (copy.values[0] ?? []).map(cellText);
  const fresh = existing.every((h) => h === '') && copy.values.length <= 1;
  const header = fresh ? [...layoutHeaders] : trimTrailingBlanks(existing);
  const bookkeeping = bookkeepingHeaders.map((h) => {
    const i = header.findIndex((x) => normaliseHeader(x) === normaliseHeader(h));
    if (i < 0) {
      throw new Error(
        `The ${copy.name} sheet has no "${h}" column, so copies cannot be recorded there safely. ` +
          `Put its header row back (Improvement Plan › Set up or repair this spreadsheet lists the headers), ` +
          'then run this again. Nothing was changed.',
      );
    }
    return i;
  });
  let headerChanged = fresh;
  const used = new Set<number>(bookkeeping);
  const actionColumns = actionsHeader.map((h, c) => {
    const text = cellText(h) || `Actions column ${columnLetter(c)}`;
    const i = header.findIndex((x, j) => !used.has(j) && normaliseHeader(x) === normaliseHeader(text));
    if (i >= 0) {
      used.add(i);
      return i;
    }
    header.push(text);
    headerChanged = true;
    used.add(header.length - 1);
    return header.length - 1;
  });
  return { name: copy.name, header, headerChanged, bookkeeping, actionColumns };
}

/** One copy row: the bookkeeping values (in the order of CopyColumns.bookkeeping) and the Actions row as read. */
export interface CopyRow {
  bookkeeping: unknown[];
  actionsRow: readonly unknown[];
}

/** The cells of copy rows laid out under the copy sheet's header, each string kept as text. */
export function copyCells(columns: CopyColumns, rows: readonly CopyRow[]): unknown[][] {
  return rows.map((r) => {
    const cells: unknown[] = columns.header.map(() => '');
    columns.bookkeeping.forEach((c, i) => (cells[c] = r.bookkeeping[i]));
    columns.actionColumns.forEach((c, i) => (cells[c] = r.actionsRow[i] ?? ''));
    return cells.map(asWrittenValue);
  });
}

/**
 * Appends the rows below the last row in one setValues (the header row first, in its own write, when it changed),
 * making the sheet with its header when it does not exist.
 */
export function appendCopies(
  spreadsheet: SpreadsheetPort,
  copy: CopySheet,
  columns: CopyColumns,
  rows: readonly CopyRow[],
): void {
  if (rows.length === 0 && !columns.headerChanged) return;
  let sheet = copy.sheet;
  if (!sheet) {
    sheet = spreadsheet.insertSheet(copy.name);
    sheet.setFrozenRows(1);
  }
  const width = columns.header.length;
  const maxColumns = sheet.getMaxColumns();
  if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  if (columns.headerChanged) sheet.getRange(1, 1, 1, width).setValues([columns.header.map(asWrittenValue)]);
  if (rows.length === 0) return;
  const first = Math.max(copy.values.length, 1) + 1;
  const last = first + rows.length - 1;
  const maxRows = sheet.getMaxRows();
  if (last > maxRows) sheet.insertRowsAfter(maxRows, last - maxRows);
  sheet.getRange(first, 1, rows.length, width).setValues(copyCells(columns, rows));
}

/**
 * A value as it must be written to come back the same: Sheets reads a written string as typed input ("2009/10"
 * would become a date, "=SUM(A1)" a formula), so a string that getValues handed back as text goes back behind the
 * apostrophe that keeps it text. Numbers, booleans and Dates are written as they are.
 */
export function asWrittenValue(value: unknown): unknown {
  if (typeof value === 'string') return value === '' ? '' : `'${value}`;
  return value ?? '';
}

/** A cell value as a comparable key: the same value read twice gives the same key. */
export function valueKey(value: unknown): string {
  // Whole seconds: a date-time written and read back may differ in the last millisecond.
  if (isDate(value)) return `d${Math.round(value.getTime() / 1000)}`;
  if (typeof value === 'number') return `n${value}`;
  if (typeof value === 'boolean') return `b${value}`;
  return `s${String(value ?? '')}`;
}

function trimTrailingBlanks(header: string[]): string[] {
  let end = header.length;
  while (end > 0 && header[end - 1] === '') end -= 1;
  return header.slice(0, end);
}
