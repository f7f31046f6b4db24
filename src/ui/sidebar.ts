// The Update progress sidebar's server side (issue 6): the state the page shows (the action in the selected Actions
// row, or the one asked for by Code, with the signed-in person's own actions for Next / Previous) and the menu item
// that opens the page. It only reads, takes no lock and logs nothing, so staff may use it as freely as the sheet.
import { ACTIONS_SHEET } from '../domain/actions';
import { formatLongDate, type IsoDate, isoDateInZone } from '../domain/dates';
import { type AssessedAction, type Plan, type PlanValues, readPlan } from '../domain/plan';
import { fieldsOfRow, originalTargetDate, ownActions, progressVersion } from '../domain/progressUpdate';
import type { Services, SheetPort, SpreadsheetPort } from '../gas/ports';
import { readPlanValues } from '../sheets/planValues';
import { sidebarPage } from './sidebarHtml';
import type { SidebarAction, SidebarState } from './sidebarTypes';

export const UPDATE_PROGRESS_JOB = 'Update progress';

/** The plan as the sidebar and its saves read it: each sheet once. */
export interface SidebarPlan {
  timeZone: string;
  today: IsoDate;
  values: PlanValues;
  actionsSheet: SheetPort | null;
  plan: Plan;
}

export function readSidebarPlan(services: Services): SidebarPlan {
  const ss = services.spreadsheet;
  const timeZone = ss.getSpreadsheetTimeZone();
  const today = isoDateInZone(services.now(), timeZone);
  const { values, actionsSheet } = readPlanValues(ss);
  return { timeZone, today, values, actionsSheet, plan: readPlan(values, timeZone, today) };
}

/** Where the person's selection is: the sheet and its first row; null when Sheets gives none. */
export interface Selection {
  sheet: string;
  row: number;
}

export function selectionOf(spreadsheet: SpreadsheetPort): Selection | null {
  const range = spreadsheet.getActiveRange();
  return range ? { sheet: range.getSheet().getName(), row: range.getRow() } : null;
}

/** What the sidebar is asked to show: an action by Code, the selected row, or none (only the person's own list). */
export type SidebarTarget = { code: string } | { selection: Selection | null } | { none: string };

/** The state for `target`; pure once the plan is read. */
export function buildSidebarState(read: SidebarPlan, target: SidebarTarget, user: string): SidebarState {
  const { plan } = read;
  const base = { statuses: [...plan.lists.statuses], today: read.today, user };
  if (plan.errors.length || !read.values.actions) {
    return { ...base, mine: [], message: `The plan cannot be read: ${plan.errors.join(' ')}` };
  }
  const mine = ownActions(plan, user).map((a) => ({ code: a.code, rag: a.rag ?? '' }));
  const found = find(plan, target);
  if ('message' in found) return { ...base, mine, message: found.message };
  return { ...base, mine, action: sidebarAction(read, found.action) };
}

function find(plan: Plan, target: SidebarTarget): { action: AssessedAction } | { message: string } {
  if ('none' in target) return { message: target.none };
  if ('code' in target) {
    const code = target.code.trim().toUpperCase();
    return byCode(plan, code) ?? { message: missingMessage(code) };
  }
  const { selection } = target;
  if (!selection || selection.sheet !== ACTIONS_SHEET) {
    return {
      message:
        `Select an action’s row on the ${ACTIONS_SHEET} sheet to update it` +
        `${selection ? ` (the selection is on ${selection.sheet})` : ''}, or use Next to go through your own actions.`,
    };
  }
  if (selection.row <= 1) {
    return {
      message: `The selection is on the ${ACTIONS_SHEET} header row: select an action’s row below it, or use Next to go through your own actions.`,
    };
  }
  const action = plan.actions.find((a) => a.row === selection.row);
  if (!action) {
    return {
      message: `Row ${selection.row} of ${ACTIONS_SHEET} is blank: select a row that holds an action, or use Next to go through your own actions.`,
    };
  }
  if (!action.code) {
    return {
      message: `Row ${selection.row} has no Code yet, and an action is found by its Code: a plan administrator gives it one with Improvement Plan › Assign codes to new actions.`,
    };
  }
  return byCode(plan, action.code) ?? { message: missingMessage(action.code) };
}

/** The one row holding `code`; a message when two do (which one a save would change cannot be told). */
function byCode(plan: Plan, code: string): { action: AssessedAction } | { message: string } | undefined {
  const rows = plan.actions.filter((a) => a.code === code);
  if (rows.length === 0) return undefined;
  if (rows.length > 1)
    return {
      message: duplicateMessage(
        code,
        rows.map((a) => a.row),
      ),
    };
  return { action: rows[0] };
}

export function missingMessage(code: string): string {
  return `${code} is no longer on the ${ACTIONS_SHEET} sheet: its Code was changed or its row deleted.`;
}

export function duplicateMessage(code: string, rows: readonly number[]): string {
  return `Code ${code} is on rows ${rows.join(' and ')} of ${ACTIONS_SHEET}; codes must be unique, so it cannot be updated here until one of them is changed.`;
}

function sidebarAction(read: SidebarPlan, a: AssessedAction): SidebarAction {
  const row = read.values.actions?.[a.row - 1] ?? [];
  const fields = fieldsOfRow(read.plan.columns, row, read.timeZone);
  return {
    code: a.code,
    action: a.action,
    lead: read.plan.columns.text(row, 'lead'),
    effectiveTargetDate: a.effectiveTargetDate ? formatLongDate(a.effectiveTargetDate) : '',
    rag: a.rag ?? '',
    originalTargetDate: originalTargetDate(a),
    fields,
    version: progressVersion(fields),
  };
}

/** google.script.run › sidebarState: the action with `code`, or the selected row's when no code is given. */
export function sidebarStateFor(services: Services, code?: unknown): SidebarState {
  const wanted = typeof code === 'string' ? code.trim() : '';
  const target: SidebarTarget = wanted ? { code: wanted } : { selection: selectionOf(services.spreadsheet) };
  return buildSidebarState(readSidebarPlan(services), target, services.userEmail());
}

export interface UpdateProgressResult {
  html: string;
  state: SidebarState;
}

/** Menu › Update progress…: the sidebar for the selected row (or the person's own list, with why no row is shown). */
export function showUpdateProgress(services: Services): UpdateProgressResult {
  const state = buildSidebarState(
    readSidebarPlan(services),
    { selection: selectionOf(services.spreadsheet) },
    services.userEmail(),
  );
  const output = sidebarPage(services, state);
  services.ui().showSidebar(output);
  return { html: output.getContent(), state };
}
