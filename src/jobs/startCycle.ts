// Start a new update cycle (DESIGN 2.5): after a confirmation, copy the whole Actions data to Snapshots, move
// complete and cancelled rows to Archive, take them out of Actions, and record the new baseline. Each step can be
// interrupted and the job run again: it finishes what the last run began, never copying anything twice.
import { ACTIONS_SHEET } from '../domain/actions';
import { ARCHIVE_SHEET, SNAPSHOTS_SHEET } from '../domain/layout';
import { columnLetter, isBlankRow } from '../domain/schema';
import { shorten } from '../domain/actions';
import type { Services } from '../gas/ports';
import { asWrittenValue, type CopySheet, readCopySheet } from '../sheets/actionCopies';
import { planArchiveColumns, writeArchive } from '../sheets/archive';
import { appendAudit } from '../sheets/auditLog';
import { appendRunLog } from '../sheets/runLog';
import {
  type CycleRecord,
  planSnapshotColumns,
  readCycleRecord,
  snapshotCycles,
  writeCycleRecord,
  writeSnapshot,
} from '../sheets/snapshots';
import { type JobPlan, readPlanForJob } from './readPlanForJob';
import { withScriptLock } from './withScriptLock';

export const START_CYCLE_JOB = 'Start a new update cycle';
/** The confirmation and the outcome list this many codes at most; the Audit log and Archive have them all. */
const CODES_SHOWN = 20;

/** A cycle start stopped part-way; the message says what to do, `stoppedBy` is the error that stopped it. */
export class CycleInterruptedError extends Error {
  constructor(
    message: string,
    readonly stoppedBy: unknown,
  ) {
    super(message);
    this.name = 'CycleInterruptedError';
  }
}

export interface StartCycleResult {
  /** False when the person answered No (nothing was done). */
  started: boolean;
  cycle: number;
  /** True when this run finished a cycle start an earlier run began (its snapshot was already taken). */
  resumed: boolean;
  /** Rows copied to Snapshots by this run (0 when the snapshot was already there). */
  snapshotRows: number;
  /** Codes of the rows taken out of Actions (blank for a row without a code). */
  moved: string[];
  /** Rows appended to Archive by this run. */
  archived: number;
  /** Rows an interrupted run had already archived, now only taken out of Actions. */
  alreadyArchived: number;
  /** Set when the job's Run log line could not be written (the cycle itself was recorded). */
  runLogWarning?: string;
}

/** What starting the cycle would do now, worked out from one read of each sheet. */
interface CycleDecision {
  cycle: number;
  resumed: boolean;
  record: CycleRecord;
  /** Non-blank Actions rows. */
  actionRows: number;
  /** Complete and cancelled actions: row numbers in this read and codes. */
  finished: { row: number; code: string; status: string; action: string }[];
}

export function startCycle(services: Services): StartCycleResult {
  // The question is asked without the lock: a person may take minutes to answer, and no other job should wait.
  const proposed = decide(
    services,
    readPlanForJob(services, START_CYCLE_JOB),
    readCopySheet(services.spreadsheet, SNAPSHOTS_SHEET),
  );
  const ui = services.ui();
  const answer = ui.alert(START_CYCLE_JOB, confirmation(proposed), ui.ButtonSet.YES_NO);
  if (answer !== ui.Button.YES) {
    return {
      started: false,
      cycle: proposed.cycle,
      resumed: proposed.resumed,
      snapshotRows: 0,
      moved: [],
      archived: 0,
      alreadyArchived: 0,
    };
  }
  const result = withScriptLock(services.lock, START_CYCLE_JOB, () =>
    startUnderLock(services, proposed.cycle),
  );
  ui.alert(outcomeMessage(result));
  return result;
}

function startUnderLock(services: Services, confirmedCycle: number): StartCycleResult {
  const ss = services.spreadsheet;
  // Everything is read again under the lock (each sheet once): the plan may have changed while the person decided.
  const job = readPlanForJob(services, START_CYCLE_JOB);
  const snapshots = readCopySheet(ss, SNAPSHOTS_SHEET);
  const decision = decide(services, job, snapshots);
  if (decision.cycle !== confirmedCycle) {
    throw new Error(
      `Someone else started update cycle ${confirmedCycle} while you were deciding. Nothing more was changed; ` +
        'run it again only if another cycle is really wanted.',
    );
  }
  const { cycle, record } = decision;
  const archive = readCopySheet(ss, ARCHIVE_SHEET);
  // The job stops here, before writing anything, when a header it needs is missing.
  const actionsHeader = job.values.actions[0] ?? [];
  const snapshotColumns = planSnapshotColumns(snapshots, actionsHeader);
  const archiveColumns = planArchiveColumns(archive, actionsHeader);
  const now = services.now();
  const by = whoIsRunning(services);
  const result: StartCycleResult = {
    started: true,
    cycle,
    resumed: decision.resumed,
    snapshotRows: 0,
    moved: decision.finished.map((f) => f.code),
    archived: 0,
    alreadyArchived: 0,
  };
  try {
    // 1. The whole Actions data, unless an interrupted run already copied it for this cycle.
    if (!decision.resumed)
      result.snapshotRows = writeSnapshot(ss, snapshots, snapshotColumns, job.values.actions, record);
    // 2. Complete and cancelled rows to Archive, except those an interrupted run already archived in this cycle.
    const finishedRows = decision.finished.map((f) => job.values.actions[f.row - 1]);
    const archived = writeArchive(ss, archive, archiveColumns, finishedRows, {
      archivedAt: now,
      archivedBy: by,
      cycle,
    });
    result.archived = archived.appended;
    result.alreadyArchived = archived.alreadyArchived;
    // 3. Out of Actions, by their positions in this read (under the lock, so nobody's edit moved them since).
    removeRows(job, new Set(decision.finished.map((f) => f.row)));
    appendAudit(
      ss,
      decision.finished.map((f) => ({
        time: now,
        editor: START_CYCLE_JOB,
        sheet: ACTIONS_SHEET,
        cell: `A${f.row}:${columnLetter(actionsHeader.length - 1)}${f.row}`,
        code: f.code,
        header: '',
        oldValue: `${f.status}: ${shorten(f.action, 200)}`,
        newValue: `Moved to ${ARCHIVE_SHEET} (update cycle ${cycle})`,
      })),
    );
    // 4. Last: only now does the report count against the new baseline.
    writeCycleRecord(services.documentProperties(), record);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const details =
      `Stopped part-way through starting update cycle ${cycle}: ${message} Nothing is lost: every row is still ` +
      `in ${ACTIONS_SHEET} or in ${ARCHIVE_SHEET}, and the whole plan is in ${SNAPSHOTS_SHEET} once it was copied. ` +
      'Run Start a new update cycle again to finish it.';
    try {
      appendRunLog(ss, runLogEntry(job, services, 'failed', details, decision));
    } catch {
      // The error below is what matters; a Run log that cannot be written must not hide it.
    }
    throw new CycleInterruptedError(details, e);
  }
  try {
    appendRunLog(ss, runLogEntry(job, services, 'ok', summary(result), decision));
  } catch (e) {
    // The cycle is recorded; failing now would have the person start another one to "retry".
    result.runLogWarning = `The Run log line could not be written: ${e instanceof Error ? e.message : String(e)}`;
  }
  return result;
}

/** The cycle this run starts (or finishes) and the rows it moves, from the plan as read and the cycle records. */
function decide(services: Services, job: JobPlan, snapshotSheet: CopySheet): CycleDecision {
  const previous = readCycleRecord(services.documentProperties());
  const snapshots = snapshotCycles(snapshotSheet);
  const recorded = previous?.cycle ?? 0;
  // A snapshot newer than the record is a cycle start that was interrupted after its copy: finish that one.
  const cycle = snapshots.latest > recorded ? snapshots.latest : recorded + 1;
  const taken = snapshots.taken.get(cycle);
  const record: CycleRecord = taken
    ? { cycle, takenAt: taken.takenAt ?? services.now(), takenBy: taken.takenBy }
    : { cycle, takenAt: services.now(), takenBy: whoIsRunning(services) };
  return {
    cycle,
    resumed: Boolean(taken),
    record,
    actionRows: job.values.actions.slice(1).filter((row) => !isBlankRow(row)).length,
    finished: job.plan.actions
      .filter((a) => a.complete || a.cancelled)
      .map((a) => ({ row: a.row, code: a.code, status: a.status, action: a.action })),
  };
}

/**
 * Rewrites Actions from the first removed row down without the removed rows, blanks filling the rows freed at the
 * bottom, in one setValues: an interruption can then never leave a row both moved up and still at its old place.
 * Writing blanks keeps the freed rows' formatting and validation.
 */
function removeRows(job: JobPlan, removed: Set<number>): void {
  if (removed.size === 0) return;
  const values = job.values.actions;
  const width = values[0].length;
  const first = Math.min(...removed);
  const block = values.slice(first - 1);
  const kept = block.filter((_, i) => !removed.has(first + i));
  const cells = block.map((_, i) =>
    Array.from({ length: width }, (_, c) => (i < kept.length ? asWrittenValue(kept[i][c]) : '')),
  );
  job.actionsSheet.getRange(first, 1, cells.length, width).setValues(cells);
}

function whoIsRunning(services: Services): string {
  return services.userEmail() || services.effectiveUserEmail();
}

function confirmation(d: CycleDecision): string {
  const moving = d.finished.length;
  const movingText = moving
    ? `${moving} complete or cancelled action${moving === 1 ? '' : 's'} (${listCodes(d.finished.map((f) => f.code))}) ` +
      `will move from ${ACTIONS_SHEET} to ${ARCHIVE_SHEET}.`
    : `No action is complete or cancelled, so none will move to ${ARCHIVE_SHEET}.`;
  if (d.resumed) {
    return (
      `Starting update cycle ${d.cycle} was interrupted after its copy of the plan was taken. Finish it now?\n\n` +
      `${movingText}\nThe next committee report will then count against the copy taken for cycle ${d.cycle}.`
    );
  }
  return (
    `This starts update cycle ${d.cycle}, the baseline the next committee report counts against. ` +
    'Do this once the committee has agreed the last report.\n\n' +
    `A copy of all ${d.actionRows} action${d.actionRows === 1 ? '' : 's'} in ${ACTIONS_SHEET} goes to ${SNAPSHOTS_SHEET}.\n` +
    `${movingText}\n\nStart update cycle ${d.cycle}?`
  );
}

function summary(r: StartCycleResult, codesShown = 1000): string {
  return [
    r.resumed
      ? `Finished starting update cycle ${r.cycle} (its copy was already in ${SNAPSHOTS_SHEET}).`
      : `Started update cycle ${r.cycle}: copied ${r.snapshotRows} row${r.snapshotRows === 1 ? '' : 's'} to ${SNAPSHOTS_SHEET}.`,
    r.moved.length
      ? `Moved ${r.moved.length} to ${ARCHIVE_SHEET}: ${listCodes(r.moved, codesShown)}.` +
        (r.alreadyArchived ? ` ${r.alreadyArchived} of them had been archived by the interrupted run.` : '')
      : `No complete or cancelled actions to move.`,
  ].join(' ');
}

function outcomeMessage(r: StartCycleResult): string {
  return (
    `${summary(r, CODES_SHOWN)}\n\n` +
    'The next committee report counts against this baseline.' +
    (r.runLogWarning ? `\n\n${r.runLogWarning}` : '')
  );
}

function listCodes(codes: readonly string[], max = CODES_SHOWN): string {
  const named = codes.map((c) => c || '(no code)');
  return named.length > max
    ? `${named.slice(0, max).join(', ')} and ${named.length - max} more`
    : named.join(', ');
}

function runLogEntry(
  job: JobPlan,
  services: Services,
  outcome: 'ok' | 'failed',
  details: string,
  decision: CycleDecision,
) {
  return {
    job: START_CYCLE_JOB,
    started: job.started,
    finished: services.now(),
    outcome,
    actions: decision.actionRows,
    problems: job.plan.problems.length,
    details,
  } as const;
}
