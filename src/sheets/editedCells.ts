// Reads what an edit touched in a fixed number of calls, whatever the size of the sheet or the paste: the header
// row, the edited cells as shown and their formulas, and on Actions the touched rows whole (not the whole sheet).
import type { EditedRange } from '../domain/audit';
import type { RangePort, SheetPort } from '../gas/ports';

export interface EditedCells {
  range: EditedRange;
  headerRow: unknown[];
  display: string[][];
  formulas: string[][];
  /** The touched data rows (below the header, down to the sheet's last row), every column; [] when not asked. */
  rows: unknown[][];
  /** The sheet row of rows[0]. */
  rowsFrom: number;
}

export function readEditedCells(sheet: SheetPort, edited: RangePort, wholeRows: boolean): EditedCells {
  const range: EditedRange = {
    row: edited.getRow(),
    column: edited.getColumn(),
    numRows: edited.getNumRows(),
    numColumns: edited.getNumColumns(),
  };
  // A clear past the last column still needs its (blank) header cells; a whole-column clear reads no further down
  // than the last row that holds anything, since every cell below it is blank.
  const width = Math.max(sheet.getLastColumn(), range.column + range.numColumns - 1);
  const headerRow = sheet.getRange(1, 1, 1, width).getValues()[0];
  const rowsFrom = Math.max(range.row, 2);
  let rows: unknown[][] = [];
  if (wholeRows) {
    const last = Math.min(range.row + range.numRows - 1, sheet.getLastRow());
    if (last >= rowsFrom) rows = sheet.getRange(rowsFrom, 1, last - rowsFrom + 1, width).getValues();
  }
  return {
    range,
    headerRow,
    display: edited.getDisplayValues(),
    formulas: edited.getFormulas(),
    rows,
    rowsFrom,
  };
}
