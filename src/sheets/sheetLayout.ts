// Setup's structural work on each sheet: reads row 1, creates missing sheets and columns in one write per sheet, and
// gives the header row, column widths and wrapping their layout, writing only what differs from the layout.
import { DATE_FORMAT, type SheetLayout } from '../domain/layout';
import { columnOf, type SheetRepair } from '../domain/sheetRepair';
import { asCellText } from '../domain/values';
import type { SheetPort, SpreadsheetPort } from '../gas/ports';

/** Light grey behind header rows: readable in print and under every status colour. */
export const HEADER_BACKGROUND = '#efefef';

export interface SheetHeaderRead {
  layout: SheetLayout;
  sheet: SheetPort | null;
  /** Row 1 up to the last column with content; [] for an empty sheet; null when the sheet is missing. */
  headerRow: unknown[] | null;
}

/** A layout sheet as setup left it: the sheet and its header row (what later steps find columns by). */
export interface LaidOutSheet {
  layout: SheetLayout;
  sheet: SheetPort;
  headers: string[];
  /** Setup made it (or filled it from empty) in this run. */
  fresh: boolean;
}

/**
 * Row 1 of every layout sheet, nothing more: log sheets grow for years, and setup needs only their headers, so
 * whole-sheet reads would cost time for nothing.
 */
export function readHeaderRows(
  spreadsheet: SpreadsheetPort,
  layouts: readonly SheetLayout[],
): SheetHeaderRead[] {
  return layouts.map((layout) => {
    const sheet = spreadsheet.getSheetByName(layout.name);
    if (!sheet) return { layout, sheet: null, headerRow: null };
    const lastColumn = sheet.getLastColumn();
    const headerRow = lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0] : [];
    return { layout, sheet, headerRow };
  });
}

/**
 * Creates the missing sheets (after the existing ones, in layout order) and writes each repair's block in one
 * setValues. The user's active sheet is put back afterwards: inserting a sheet makes it the active one.
 */
export function applySheetRepairs(
  spreadsheet: SpreadsheetPort,
  repairs: readonly { repair: SheetRepair; sheet: SheetPort | null }[],
  changes: string[],
): LaidOutSheet[] {
  const anyMissing = repairs.some((r) => !r.sheet);
  const active = anyMissing ? spreadsheet.getActiveSheet() : null;
  let sheetCount = anyMissing ? spreadsheet.getSheets().length : 0;
  const out = repairs.map(({ repair, sheet: existing }) => {
    const { layout, block } = repair;
    const sheet = existing ?? spreadsheet.insertSheet(layout.name, sheetCount++);
    if (block) writeBlock(sheet, block.column, block.rows);
    if (repair.state === 'missing')
      changes.push(`Created the ${layout.name} sheet (none was found under that name).`);
    if (repair.state === 'empty' && block)
      changes.push(`Laid out the empty ${layout.name} sheet with its headers.`);
    if (repair.added.length) {
      changes.push(
        `Added the column${repair.added.length === 1 ? '' : 's'} ${listOf(repair.added.map((h) => `"${h}"`))} ` +
          `to ${layout.name}, after the last column; the other columns were not moved.`,
      );
    }
    return { layout, sheet, headers: repair.headers, fresh: repair.state !== 'present' };
  });
  if (active) spreadsheet.setActiveSheet(active);
  return out;
}

function writeBlock(sheet: SheetPort, column: number, rows: unknown[][]): void {
  const width = Math.max(...rows.map((r) => r.length));
  const lastColumn = column + width - 1;
  if (lastColumn > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), lastColumn - sheet.getMaxColumns());
  if (rows.length > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  const cells = rows.map((r) =>
    Array.from({ length: width }, (_, i) =>
      typeof r[i] === 'string' ? asCellText(r[i] as string) : (r[i] ?? ''),
    ),
  );
  sheet.getRange(1, column, rows.length, width).setValues(cells);
}

/**
 * Freezes and styles the header row and sets the layout's widths and wrapping, each only where it differs. A sheet
 * the script lays out itself (no headers: the Dashboard) is left alone. What changed is reported for sheets that
 * already existed; a sheet made in this run is reported once, as created.
 */
export function formatSheet(laidOut: LaidOutSheet, changes: string[]): void {
  const { layout, sheet, headers, fresh } = laidOut;
  if (layout.headers.length === 0 || headers.length === 0) return;
  const done: string[] = [];
  // A council may freeze more than the header (e.g. a title row too); only fewer than one is repaired.
  if (sheet.getFrozenRows() < 1) {
    sheet.setFrozenRows(1);
    done.push('froze the header row');
  }
  const headerRange = sheet.getRange(1, 1, 1, headers.length);
  const bold = headerRange.getFontWeights()[0].every((w) => w === 'bold');
  const shaded = headerRange.getBackgrounds()[0].every((b) => b.toLowerCase() === HEADER_BACKGROUND);
  if (!bold) headerRange.setFontWeight('bold');
  if (!shaded) headerRange.setBackground(HEADER_BACKGROUND);
  if (!bold || !shaded) done.push('styled the header row');
  let widths = 0;
  for (const [header, width] of Object.entries(layout.widths)) {
    const column = columnOf(headers, header);
    if (column && sheet.getColumnWidth(column) !== width) {
      sheet.setColumnWidth(column, width);
      widths += 1;
    }
  }
  if (widths) done.push(`set the width of ${widths} column${widths === 1 ? '' : 's'}`);
  const wrapped = layout.wrapped.filter((header) => wrapColumn(sheet, columnOf(headers, header)));
  if (wrapped.length) done.push(`wrapped the text of ${listOf(wrapped)}`);
  const dated = (layout.dates ?? []).filter((header) => formatDates(sheet, columnOf(headers, header)));
  if (dated.length) done.push(`showed ${listOf(dated)} as dates (${DATE_FORMAT})`);
  if (done.length && !fresh) changes.push(`${layout.name}: ${listOf(done)}.`);
}

/**
 * Wraps a column's data rows unless its first and last data cells already wrap. Only those two cells are read
 * (the local runtime has no Range.getWraps to read the column at once, and per-cell reads would grow with the plan);
 * rows added at the bottom are caught by the last cell.
 */
function wrapColumn(sheet: SheetPort, column: number): boolean {
  const maxRows = sheet.getMaxRows();
  if (!column || maxRows < 2) return false;
  const wraps = (row: number) => String(sheet.getRange(row, column, 1, 1).getWrapStrategy()) === 'WRAP';
  if (wraps(2) && wraps(maxRows)) return false;
  sheet.getRange(2, column, maxRows - 1, 1).setWrap(true);
  return true;
}

/** Gives a date column's data rows the day-first date format unless its first and last data cells have it. */
function formatDates(sheet: SheetPort, column: number): boolean {
  const maxRows = sheet.getMaxRows();
  if (!column || maxRows < 2) return false;
  const formatted = (row: number) => sheet.getRange(row, column, 1, 1).getNumberFormat() === DATE_FORMAT;
  if (formatted(2) && formatted(maxRows)) return false;
  sheet.getRange(2, column, maxRows - 1, 1).setNumberFormat(DATE_FORMAT);
  return true;
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
