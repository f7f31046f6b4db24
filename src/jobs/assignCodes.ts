// Assign codes to new actions: every Actions row without a code gets the next number for its theme and category,
// written in one block, logged to the Audit log, and never a number that was used before (DESIGN 2.2).
import { ACTION_COLUMNS, ACTIONS_SHEET } from '../domain/actions';
import { formatHighWater, parseHighWater, planCodes } from '../domain/codes';
import { columnLetter } from '../domain/schema';
import { asCellText } from '../domain/values';
import type { Services } from '../gas/ports';
import { readArchivedCodes } from '../sheets/archivedCodes';
import { appendAudit } from '../sheets/auditLog';
import { appendRunLog } from '../sheets/runLog';
import { readPlanForJob } from './readPlanForJob';
import { withScriptLock } from './withScriptLock';

export const ASSIGN_CODES_JOB = 'Assign codes';
/** Document property holding the highest number ever given per stem, as JSON ({"CEC":4}). */
export const CODE_HIGH_WATER_KEY = 'codeHighWater';
/** The alert lists this many codes and rows at most; the Audit log and Run log have the rest. */
const ALERT_LINES = 20;

export interface AssignCodesResult {
  /** Codes given, as [row, code]. */
  assigned: [number, string][];
  /** Rows left without a code, with why. */
  skipped: { row: number; message: string }[];
}

export function assignCodes(services: Services): AssignCodesResult {
  const result = withScriptLock(services.lock, ASSIGN_CODES_JOB, () => assignUnderLock(services));
  // Shown after the lock is released: an alert waits for the person, and other jobs must not wait with it.
  services.ui().alert(outcomeMessage(result));
  return result;
}

function assignUnderLock(services: Services): AssignCodesResult {
  const { started, values, actionsSheet, plan } = readPlanForJob(services, ASSIGN_CODES_JOB);
  const ss = services.spreadsheet;
  // Code is a required header: readPlanForJob has thrown if it is missing.
  const codeColumn = plan.columns.index.code as number;

  const archived = readArchivedCodes(ss);
  const properties = services.documentProperties();
  const stored = properties.getProperty(CODE_HIGH_WATER_KEY);
  const decision = planCodes({
    rows: plan.actions.map((a) => ({ row: a.row, code: a.code, theme: a.theme, category: a.category })),
    archivedCodes: archived.codes,
    highWater: parseHighWater(stored),
    lists: plan.lists,
  });

  if (decision.assigned.length) {
    // One block from the first new code to the last; the codes between are written back as they were read.
    const byRow = new Map(decision.assigned.map((a) => [a.row, a.code]));
    const first = decision.assigned[0].row;
    const last = decision.assigned[decision.assigned.length - 1].row;
    const cells = values.actions.slice(first - 1, last).map((row, i) => {
      const value = byRow.get(first + i) ?? row[codeColumn] ?? '';
      return [typeof value === 'string' ? asCellText(value) : value];
    });
    actionsSheet.getRange(first, codeColumn + 1, cells.length, 1).setValues(cells);
    const time = services.now();
    appendAudit(
      ss,
      decision.assigned.map((a) => ({
        time,
        editor: ASSIGN_CODES_JOB,
        sheet: ACTIONS_SHEET,
        cell: `${columnLetter(codeColumn)}${a.row}`,
        code: a.code,
        header: ACTION_COLUMNS.headers.code,
        oldValue: '',
        newValue: a.code,
      })),
    );
  }
  const highWater = formatHighWater(decision.highWater);
  if (highWater !== stored) properties.setProperty(CODE_HIGH_WATER_KEY, highWater);

  appendRunLog(ss, {
    job: ASSIGN_CODES_JOB,
    started,
    finished: services.now(),
    outcome: 'ok',
    actions: plan.actions.length,
    problems: decision.skipped.length,
    details: [
      decision.assigned.length
        ? `Gave ${decision.assigned.map((a) => `${a.code} (row ${a.row})`).join(', ')}.`
        : 'No new codes.',
      decision.skipped.length
        ? `Left without a code: ${decision.skipped.map((s) => `row ${s.row} (${s.message})`).join(' ')}`
        : '',
      archived.warning ?? '',
    ]
      .filter(Boolean)
      .join(' ')
      .slice(0, RUN_LOG_DETAILS_MAX),
  });
  return {
    assigned: decision.assigned.map((a) => [a.row, a.code]),
    skipped: decision.skipped,
  };
}

/** A cell holds 50,000 characters; thousands of new codes must not make the Run log write fail. */
const RUN_LOG_DETAILS_MAX = 45_000;

function outcomeMessage(result: AssignCodesResult): string {
  const { assigned, skipped } = result;
  if (!assigned.length && !skipped.length) return 'Every action already has a code. Nothing was changed.';
  const list = (lines: string[]) =>
    [
      ...lines.slice(0, ALERT_LINES),
      ...(lines.length > ALERT_LINES ? [`… and ${lines.length - ALERT_LINES} more.`] : []),
    ].join('\n');
  const parts: string[] = [];
  if (assigned.length) {
    parts.push(
      `Gave ${assigned.length} new code${assigned.length === 1 ? '' : 's'} (each is in the Audit log):\n` +
        list(assigned.map(([row, code]) => `${code} — row ${row}`)),
    );
  } else parts.push('No codes were given.');
  if (skipped.length) {
    parts.push(
      `Left without a code — fix ${skipped.length === 1 ? 'this row' : 'these rows'} and run it again:\n` +
        list(skipped.map((s) => `Row ${s.row}: ${s.message}`)),
    );
  }
  return parts.join('\n\n');
}
