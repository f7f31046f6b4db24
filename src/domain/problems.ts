// A problem found in the plan (DESIGN 2.7): where it is and what to do about it, in plain English.

export interface Problem {
  sheet: string;
  /** The sheet's row number, the header being row 1; 0 for a problem with the sheet as a whole. */
  row: number;
  /** The action's code where the row has one. */
  code: string;
  /** The header of the offending column, where there is one. */
  column?: string;
  message: string;
}

export function byRow(a: Problem, b: Problem): number {
  return a.sheet.localeCompare(b.sheet) || a.row - b.row;
}
