// Check the plan: every problem of DESIGN 2.7 in one dialog, grouped by sheet and row, and a note on each offending
// cell (the check's own notes replaced, people's kept), each sheet's notes written in a fixed number of blocks. Staff
// who are not plan administrators may run it: it writes no cell they may not edit.
import { ACTION_COLUMNS, ACTIONS_SHEET } from '../domain/actions';
import { SCRIPT_WRITTEN_ACTION_HEADERS } from '../domain/layout';
import { PEOPLE_SHEET } from '../domain/people';
import { checkProblems } from '../domain/planCheck';
import type { Problem } from '../domain/problems';
import { SETTINGS_SHEET } from '../domain/settings';
import type { Services } from '../gas/ports';
import { refreshCheckNotes } from '../sheets/checkNotes';
import { appendRunLog } from '../sheets/runLog';
import { checkView, showCheckDialog } from '../ui/checkDialog';
import { readPlanForJob } from './readPlanForJob';
import { withScriptLock } from './withScriptLock';

export const CHECK_PLAN_JOB = 'Check the plan';

export interface CheckPlanResult {
  problems: Problem[];
  /** Non-blank Actions rows checked. */
  actions: number;
  /** Sheets whose notes this run changed. */
  notesWritten: string[];
  /** The dialog's HTML, as shown. */
  html: string;
}

export function checkPlan(services: Services): CheckPlanResult {
  const checked = withScriptLock(services.lock, CHECK_PLAN_JOB, () => checkUnderLock(services));
  // The dialog opens after the lock is released, so other jobs need not wait while a person reads it.
  const html = showCheckDialog(services, checkView(checked.problems, checked.actions, checked.notedSheets));
  return {
    problems: checked.problems,
    actions: checked.actions,
    notesWritten: checked.notesWritten,
    html,
  };
}

function checkUnderLock(services: Services) {
  const { started, values, actionsSheet, plan } = readPlanForJob(services, CHECK_PLAN_JOB);
  const ss = services.spreadsheet;
  const problems = checkProblems(values, plan);

  // Actions problems without a column of their own (the column is absent), or on a column only the script writes
  // (protected from staff, and not theirs to correct), are noted on the row's Code.
  const noteSheets: { name: string; values?: unknown[][]; fallback?: string; scriptHeaders?: string[] }[] = [
    {
      name: ACTIONS_SHEET,
      values: values.actions,
      fallback: ACTION_COLUMNS.headers.code,
      scriptHeaders: SCRIPT_WRITTEN_ACTION_HEADERS,
    },
    { name: PEOPLE_SHEET, values: values.people },
    { name: SETTINGS_SHEET, values: values.settings },
  ];
  const notesWritten: string[] = [];
  const notedSheets: string[] = [];
  for (const { name, values: sheetValues, fallback, scriptHeaders } of noteSheets) {
    if (!sheetValues) continue;
    const sheet = name === ACTIONS_SHEET ? actionsSheet : ss.getSheetByName(name);
    if (!sheet) continue;
    if (refreshCheckNotes(sheet, name, sheetValues, problems, fallback, scriptHeaders))
      notesWritten.push(name);
    if (problems.some((p) => p.sheet === name && p.row >= 2)) notedSheets.push(name);
  }

  appendRunLog(ss, {
    job: CHECK_PLAN_JOB,
    started,
    finished: services.now(),
    outcome: 'ok',
    actions: plan.actions.length,
    problems: problems.length,
    details: [
      problems.length ? summariseBySheet(problems) : 'No problems found.',
      notesWritten.length ? `Notes updated on ${notesWritten.join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  });
  return { problems, actions: plan.actions.length, notesWritten, notedSheets };
}

function summariseBySheet(problems: readonly Problem[]): string {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p.sheet, (counts.get(p.sheet) ?? 0) + 1);
  return `Problems: ${[...counts].map(([sheet, n]) => `${sheet} ${n}`).join(', ')}.`;
}
