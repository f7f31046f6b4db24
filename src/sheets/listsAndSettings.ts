// Reads the Lists and Settings sheets once each (small, whatever the plan's size): what a RAG decision needs
// besides the action's own row, for a job that must not read the whole Actions sheet.
import { LISTS_SHEET } from '../domain/lists';
import type { PlanValues } from '../domain/plan';
import { SETTINGS_SHEET } from '../domain/settings';
import type { SpreadsheetPort } from '../gas/ports';

export function readListsAndSettings(spreadsheet: SpreadsheetPort): Pick<PlanValues, 'lists' | 'settings'> {
  const read = (name: string) => spreadsheet.getSheetByName(name)?.getDataRange().getValues();
  return { lists: read(LISTS_SHEET), settings: read(SETTINGS_SHEET) };
}
