// Writes one column of a sheet in a single call, and only when something in it changed.
import type { SheetPort } from '../gas/ports';

/**
 * Writes `cells` into the column found at `columnIndex` (0-based) from row 2 down, or, when the column is absent,
 * into a new column after the last one with `header` on row 1. Returns whether anything was written.
 */
export function writeColumn(
  sheet: SheetPort,
  sheetValues: readonly (readonly unknown[])[],
  columnIndex: number | undefined,
  header: string,
  cells: readonly unknown[],
): boolean {
  if (columnIndex === undefined) {
    const column = sheet.getLastColumn() + 1;
    if (column > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    sheet.getRange(1, column, cells.length + 1, 1).setValues([[header], ...cells.map((c) => [c])]);
    return true;
  }
  const current = sheetValues.slice(1).map((row) => row[columnIndex]);
  if (cells.length === 0 || cells.every((c, i) => c === current[i])) return false;
  sheet.getRange(2, columnIndex + 1, cells.length, 1).setValues(cells.map((c) => [c]));
  return true;
}
