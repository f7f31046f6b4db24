// Check the plan: every problem of DESIGN 2.7 (readPlan's, plus the rules only a full check needs), in the order and
// groups the dialog shows them.
import { ACTION_COLUMNS, ACTIONS_SHEET, type ActionKey } from './actions';
import { LISTS_SHEET } from './lists';
import { PEOPLE_SHEET } from './people';
import type { Plan, PlanValues } from './plan';
import type { Problem } from './problems';
import { SETTINGS_SHEET } from './settings';

/** The order sheets are listed in: where staff work first, then what administrators keep. */
export const CHECKED_SHEETS = [ACTIONS_SHEET, PEOPLE_SHEET, LISTS_SHEET, SETTINGS_SHEET];

const DATE_KEYS: ActionKey[] = ['targetDate', 'revisedTargetDate', 'lastUpdated'];

/** Every problem in the plan, sheet by sheet (in CHECKED_SHEETS order), then by row. */
export function checkProblems(values: PlanValues, plan: Plan): Problem[] {
  return [...plan.problems, ...checkOnlyProblems(values, plan)].sort(
    (a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row || columnOrder(a) - columnOrder(b),
  );
}

/**
 * Rules the other jobs can live without, because the value still reads: a Progress with a fraction, and a date
 * kept as text (it reads as a date here, but Sheets sorts, filters and validates it as text).
 */
export function checkOnlyProblems(values: PlanValues, plan: Plan): Problem[] {
  const rows = values.actions ?? [];
  const problems: Problem[] = [];
  for (const a of plan.actions) {
    const problem = (key: ActionKey, message: string) =>
      problems.push({
        sheet: ACTIONS_SHEET,
        row: a.row,
        code: a.code,
        column: ACTION_COLUMNS.headers[key],
        message,
      });
    if (a.progress !== undefined && !Number.isInteger(a.progress)) {
      problem(
        'progress',
        `Progress ${a.progress} is not a whole number; enter a whole percentage from 0 to 100.`,
      );
    }
    const row = rows[a.row - 1] ?? [];
    for (const key of DATE_KEYS) {
      const raw = plan.columns.raw(row, key);
      if (typeof raw === 'string' && raw.trim() !== '' && a[key as 'targetDate'] !== undefined) {
        problem(
          key,
          `${ACTION_COLUMNS.headers[key]} "${raw.trim()}" is text, not a date: type it again (or pick it from the calendar) so Sheets stores a date.`,
        );
      }
    }
  }
  return problems;
}

export interface ProblemGroup {
  sheet: string;
  /** Problems on this sheet in all (rows may be cut short for the dialog). */
  count: number;
  rows: { row: number; code: string; items: { column: string; message: string }[] }[];
}

/**
 * The problems grouped by sheet, then row, for the dialog: at most `limit` problems are listed, so a plan with
 * thousands still opens quickly (every one is still a note on its cell).
 */
export function groupProblems(problems: readonly Problem[], limit: number): ProblemGroup[] {
  const groups: ProblemGroup[] = [];
  problems.forEach((p, i) => {
    let group = groups.find((g) => g.sheet === p.sheet);
    if (!group) groups.push((group = { sheet: p.sheet, count: 0, rows: [] }));
    group.count += 1;
    if (i >= limit) return;
    let row = group.rows[group.rows.length - 1];
    if (!row || row.row !== p.row) group.rows.push((row = { row: p.row, code: p.code, items: [] }));
    row.items.push({ column: p.column ?? '', message: p.message });
  });
  return groups;
}

function sheetOrder(sheet: string): number {
  const i = CHECKED_SHEETS.indexOf(sheet);
  return i < 0 ? CHECKED_SHEETS.length : i;
}

const ACTION_HEADER_ORDER = Object.values(ACTION_COLUMNS.headers) as string[];

function columnOrder(p: Problem): number {
  const i = p.column ? ACTION_HEADER_ORDER.indexOf(p.column) : -1;
  return i < 0 ? ACTION_HEADER_ORDER.length : i;
}
