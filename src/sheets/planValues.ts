// Reads each plan sheet once (getDataRange().getValues()), the only way jobs read the plan.
import { ACTIONS_SHEET } from '../domain/actions';
import { LISTS_SHEET } from '../domain/lists';
import { PEOPLE_SHEET } from '../domain/people';
import type { PlanValues } from '../domain/plan';
import { SETTINGS_SHEET } from '../domain/settings';
import type { SheetPort, SpreadsheetPort } from '../gas/ports';

export interface PlanSheets {
  values: PlanValues;
  actionsSheet: SheetPort | null;
}

export function readPlanValues(spreadsheet: SpreadsheetPort): PlanSheets {
  const read = (name: string) => {
    const sheet = spreadsheet.getSheetByName(name);
    return { sheet, values: sheet ? sheet.getDataRange().getValues() : undefined };
  };
  const actions = read(ACTIONS_SHEET);
  return {
    actionsSheet: actions.sheet,
    values: {
      actions: actions.values,
      people: read(PEOPLE_SHEET).values,
      lists: read(LISTS_SHEET).values,
      settings: read(SETTINGS_SHEET).values,
    },
  };
}
