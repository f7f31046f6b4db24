// google.script.run › selectedCode: the Code of the Actions row under the selection, which an open Update progress
// sidebar asks for every few seconds to follow the selection. It reads the header row and one cell, never the plan.
import { ACTION_COLUMNS, ACTIONS_SHEET } from '../domain/actions';
import { cellText, mapColumns } from '../domain/schema';
import type { SpreadsheetPort } from '../gas/ports';

/**
 * The Code in the selection's (first) row of Actions, as the plan reads it (trimmed, upper case); '' when the
 * selection is on another sheet, on the header row, on a row with no Code, or when Actions has no Code column.
 * A fixed number of calls whatever the plan's size: the sidebar calls it every few seconds while it is open.
 */
export function selectedCodeIn(spreadsheet: SpreadsheetPort): string {
  const range = spreadsheet.getActiveRange();
  if (!range) return '';
  const sheet = range.getSheet();
  if (sheet.getName() !== ACTIONS_SHEET) return '';
  const row = range.getRow();
  const width = sheet.getLastColumn();
  if (row <= 1 || width < 1) return '';
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const column = mapColumns(ACTIONS_SHEET, headers, ACTION_COLUMNS).index.code;
  if (column === undefined) return '';
  const [[code]] = sheet.getRange(row, column + 1, 1, 1).getValues();
  return cellText(code).toUpperCase();
}
