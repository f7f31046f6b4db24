// The installable on-edit trigger's work (issue 3 items 6–7): one Audit log row per changed cell in one write, the
// touched Actions rows' Last updated / Updated by stamped and RAG worked out again, and a word to a person who
// changed a Target date. A fixed number of Spreadsheet calls per edit, whatever the size of the plan or the paste.
import { ACTIONS_SHEET } from '../domain/actions';
import {
  decideEdit,
  editorOf,
  isUnloggedSheet,
  rangeA1,
  TARGET_DATE_REVISION_MESSAGE,
} from '../domain/audit';
import type { RangePort, Services, SheetPort } from '../gas/ports';
import { SETTINGS_SHEET } from '../domain/settings';
import { appendAudit } from '../sheets/auditLog';
import { readEditedCells } from '../sheets/editedCells';
import { appendRunLog } from '../sheets/runLog';
import { installTriggers } from './installTriggers';
import { actionsDrainTarget, drainQueuedSaves } from './queuedSaves';
import { stampAndColourRows } from './rowUpkeep';

export const AUDIT_JOB = 'Audit trail';

/**
 * Short, because edits come one after another and each waits its turn; long enough for a Refresh or a code
 * assignment to finish. When it runs out the edit is still logged (see handleEdit).
 */
export const ON_EDIT_LOCK_TIMEOUT_MS = 10_000;

/** How long the Target date toast stays up: long enough to read twice. */
const TOAST_SECONDS = 20;

/** The event object of an installable on-edit trigger (the fields this code reads). */
export interface EditEvent {
  range: RangePort;
  /** Present only for a single-cell edit. */
  value?: unknown;
  oldValue?: unknown;
  user?: { getEmail(): string };
}

/** What one edit led to. */
export interface EditOutcome {
  /** Audit log rows written. */
  logged: number;
  /** Actions rows whose Last updated and Updated by were stamped. */
  stamped: number[];
  /** Actions rows whose RAG was worked out again. */
  ragRows: number[];
  /** Blocks written into Actions (0 when nothing the script keeps changed). */
  blocksWritten: number;
  /** The person was told to use Revised target date. */
  toldAboutTargetDate: boolean;
  /** Another job held the lock: the edit is logged, the stamps and colours were left (and Run log says so). */
  lockBusy: boolean;
}

const NOTHING_DONE: EditOutcome = {
  logged: 0,
  stamped: [],
  ragRows: [],
  blocksWritten: 0,
  toldAboutTargetDate: false,
  lockBusy: false,
};

/**
 * Never throws because of what someone typed: bad cells are logged like any other. Anything that does go wrong is a
 * fault of the service or the code; it goes into Run log as "failed" and is rethrown, so Google's failure email
 * reaches the owner (a swallowed fault would leave a gap in the audit trail that nobody knows about).
 *
 * The lock: taken with a short timeout. When another job still holds it, the edit is logged all the same (losing
 * an audit row would be worse than a rare interleave of two appends), but the row stamps and the RAG are left: a job
 * holding the lock may be moving rows, and a row number is only trusted under the lock. Run log says which rows
 * went unstamped, and the next Refresh puts the colours right.
 */
export function handleEdit(services: Services, event: EditEvent | undefined): EditOutcome {
  const started = services.now();
  try {
    if (!event?.range) {
      appendRunLog(services.spreadsheet, {
        job: AUDIT_JOB,
        started,
        finished: services.now(),
        outcome: 'failed',
        actions: 0,
        problems: 0,
        details:
          'onPlanEdit was run without an edit (it runs from the on-edit trigger, which says what changed); nothing was logged.',
      });
      return NOTHING_DONE;
    }
    const sheet = event.range.getSheet();
    const sheetName = sheet.getName();
    // The logs and the Dashboard are the script's own: logging an edit there would log the log.
    if (isUnloggedSheet(sheetName)) return NOTHING_DONE;
    const locked = services.lock.tryLock(ON_EDIT_LOCK_TIMEOUT_MS);
    try {
      // Saves queued from Update progress were made before this edit, so they are written first: the Audit log stays
      // in time order and this edit's Last updated / Updated by stamp is the one left on a row both touched. Row
      // numbers are trusted only under the lock; without it the saves wait for the next run that has it.
      if (locked) writeQueuedSaves(services, sheet, sheetName);
      const outcome = record(services, event, sheet, sheetName, started, locked);
      // Under the lock only: two quick Settings edits must not each make a trigger.
      if (sheetName === SETTINGS_SHEET && locked) followSchedules(services, started);
      return outcome;
    } finally {
      if (locked) services.lock.releaseLock();
    }
  } catch (e) {
    try {
      appendRunLog(services.spreadsheet, {
        job: AUDIT_JOB,
        started,
        finished: services.now(),
        outcome: 'failed',
        actions: 0,
        problems: 0,
        details: `An edit could not be recorded in the Audit log: ${e instanceof Error ? e.message : String(e)}`,
      });
    } catch {
      // The spreadsheet refused the Run log row too; the error below still reaches the owner by email.
    }
    throw e;
  }
}

/**
 * A change to Settings may move the Weekly digest day or hour: the reminder triggers follow at once (this trigger
 * runs as the administrator who installed them, so it may replace them).
 */
function followSchedules(services: Services, started: Date): void {
  const { changes, problems } = installTriggers(services, { scheduleChangesOnly: true });
  if (!changes.length && !problems.length) return;
  appendRunLog(services.spreadsheet, {
    job: SCHEDULES_JOB,
    started,
    finished: services.now(),
    outcome: problems.length ? 'failed' : 'ok',
    actions: 0,
    problems: problems.length,
    details: [...problems, ...changes].join(' '),
  });
}

export const SCHEDULES_JOB = 'Schedules follow Settings';

/**
 * Saves staff made in Update progress wait in the document's properties for a run that may write the Audit log and
 * the script's columns: this trigger runs as the administrator. Reads Actions only when something is queued.
 */
function writeQueuedSaves(services: Services, edited: SheetPort, sheetName: string): void {
  drainQueuedSaves(services, () =>
    actionsDrainTarget(services, sheetName === ACTIONS_SHEET ? edited : undefined),
  );
}

function record(
  services: Services,
  event: EditEvent,
  sheet: SheetPort,
  sheetName: string,
  started: Date,
  locked: boolean,
): EditOutcome {
  const ss = services.spreadsheet;
  const onActions = sheetName === ACTIONS_SHEET;
  const cells = readEditedCells(sheet, event.range, onActions);
  const decision = decideEdit({
    sheet: sheetName,
    range: cells.range,
    headerRow: cells.headerRow,
    display: cells.display,
    formulas: cells.formulas,
    value: event.value,
    oldValue: event.oldValue,
    rows: cells.rows,
    rowsFrom: cells.rowsFrom,
  });
  if (decision.lines.length === 0) return NOTHING_DONE;

  const editor = editorOf(event.user?.getEmail(), services.userEmail(), () => services.temporaryUserKey());
  const time = services.now();
  appendAudit(
    ss,
    decision.lines.map((line) => ({ time, editor, ...line })),
  );
  const outcome: EditOutcome = { ...NOTHING_DONE, logged: decision.lines.length };

  if (decision.targetDateRevised) {
    ss.toast(TARGET_DATE_REVISION_MESSAGE, 'Target date', TOAST_SECONDS);
    outcome.toldAboutTargetDate = true;
  }

  const { columns, stampRows, ragRows } = decision;
  if (!columns || (stampRows.length === 0 && ragRows.length === 0)) return outcome;
  if (!locked) {
    appendRunLog(ss, {
      job: AUDIT_JOB,
      started,
      finished: services.now(),
      outcome: 'skipped',
      actions: 0,
      problems: 0,
      details:
        `Another job was running, so the edit to ${sheetName}!${rangeA1(cells.range)} by ${editor} is in the Audit log ` +
        (stampRows.length ? `but Last updated was not stamped on rows ${stampRows.join(', ')}; ` : 'but ') +
        'status colours catch up at the next Refresh status colours.',
    });
    return { ...outcome, lockBusy: true };
  }

  const kept = stampAndColourRows(ss, {
    sheet,
    headerRow: cells.headerRow,
    columns,
    rows: cells.rows,
    rowsFrom: cells.rowsFrom,
    stampRows,
    ragRows,
    editor,
    time,
    timeZone: ss.getSpreadsheetTimeZone(),
  });
  return { ...outcome, stamped: kept.stamped, ragRows: kept.ragRows, blocksWritten: kept.blocksWritten };
}
