// What the preview reports about a run: the plan's counts and problems and the sheets as the code left them.
import type { LocalRuntime } from './runtime';
import type { SheetModel } from './runtime/spreadsheet/model';

export interface SheetSummary {
  name: string;
  /** Rows holding data, the header included (the sheet's last row with content). */
  rows: number;
  columns: number;
  /** Headers (row 1) of the columns that have data validation below them. */
  validatedHeaders: string[];
  conditionalFormatRules: number;
  /** The sheet, or a range on it, is protected. */
  protected: boolean;
}

export function summariseSheets(runtime: LocalRuntime): SheetSummary[] {
  return runtime.spreadsheets.model().sheets.map(summariseSheet);
}

function summariseSheet(sheet: SheetModel): SheetSummary {
  const header = sheet.values[0] ?? [];
  const validated = new Set<number>();
  for (const v of sheet.validations) {
    if (v.row + v.numRows - 1 < 2) continue; // a rule on the header row alone validates no data
    for (let c = v.column; c < v.column + v.numColumns; c++) validated.add(c);
  }
  return {
    name: sheet.name,
    rows: sheet.lastRow,
    columns: sheet.lastColumn,
    validatedHeaders: [...validated]
      .sort((a, b) => a - b)
      .map((c) => String(header[c - 1] ?? ''))
      .filter(Boolean),
    conditionalFormatRules: sheet.conditionalFormats.length,
    protected: sheet.protections.length > 0,
  };
}
