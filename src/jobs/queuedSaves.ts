// Keeps Update progress saves by staff in the document's properties, and writes them out (Audit log rows, Last
// updated / Updated by, RAG) from a run as the administrator: the every-5-minutes trigger, the on-edit trigger and the
// daily refresh, all under the script lock. A queued save's row is found by its Code, so a sort in between is harmless.
import type { ActionKey } from '../domain/actions';
import { ACTION_COLUMNS, ACTIONS_SHEET } from '../domain/actions';
import { isoDateInZone, midnightInZone } from '../domain/dates';
import { messageOf } from '../domain/messageOf';
import type { PlanValues } from '../domain/plan';
import {
  decodeQueuedSave,
  encodeQueuedSave,
  QUEUED_SAVE_PREFIX,
  type QueuedSave,
  queuedSaveKey,
  queuedSaveTime,
} from '../domain/queuedSaves';
import { type ColumnMap, mapColumns } from '../domain/schema';
import type { PropertiesPort, Services, SheetPort } from '../gas/ports';
import { type AuditEntry, appendAudit } from '../sheets/auditLog';
import { appendRunLog } from '../sheets/runLog';
import { type RowUpkeepOutcome, stampAndColourRows } from './rowUpkeep';
import { LOCK_TIMEOUT_MS } from './withScriptLock';

/** Who the Audit log names for a queued record that could not be read back. */
export const QUEUE_EDITOR = 'Update progress';

/** The Run log's name for the staff saves' trigger (it logs the runs that wrote something, and failures). */
export const QUEUED_SAVES_JOB = 'Staff saves';

/** Puts the record in the document's properties and returns its key; throws as the store does when it is full. */
export function queueSave(services: Services, save: QueuedSave): string {
  const unique = Math.floor(Math.random() * 36 ** 6).toString(36);
  const key = queuedSaveKey(save, unique);
  services.documentProperties().setProperty(key, encodeQueuedSave(save));
  return key;
}

/** When each waiting save was made (undefined for a record that says no time), for the health check. */
export function waitingSaveTimes(properties: PropertiesPort): (Date | undefined)[] {
  const all = properties.getProperties();
  return Object.keys(all)
    .filter((k) => k.startsWith(QUEUED_SAVE_PREFIX))
    .map((k) => queuedSaveTime(k, all[k]));
}

/** The Actions sheet as the draining run has it. */
export interface DrainTarget {
  sheet: SheetPort;
  headerRow: readonly unknown[];
  columns: ColumnMap<ActionKey>;
  /** Every data row, from sheet row 2. */
  rows: readonly (readonly unknown[])[];
  timeZone: string;
  /** Work out the RAG of the saved rows (the refresh writes every row's RAG itself). */
  rag: boolean;
  listsAndSettings?: Pick<PlanValues, 'lists' | 'settings'>;
}

export interface DrainOutcome {
  /** Queued saves written out. */
  saves: number;
  /** Their editors, in the order saved. */
  editors: string[];
  /** What the stamps and RAG wrote; undefined when nothing was queued. */
  kept?: RowUpkeepOutcome;
}

const NOTHING_QUEUED: DrainOutcome = { saves: 0, editors: [] };

/**
 * Writes out every queued save: one Audit log write for them all, then the stamps and RAG of the rows still on the
 * sheet, then the records are deleted (so a failure part-way leaves them for the next run: an Audit log row twice is
 * better than none). No Spreadsheet call at all when nothing is queued; `target` is asked for only when something is.
 */
export function drainQueuedSaves(services: Services, target: () => DrainTarget | undefined): DrainOutcome {
  const properties = services.documentProperties();
  const all = properties.getProperties();
  const keys = Object.keys(all)
    .filter((k) => k.startsWith(QUEUED_SAVE_PREFIX))
    .sort();
  if (keys.length === 0) return NOTHING_QUEUED;
  const t = target();
  if (!t) return NOTHING_QUEUED;

  const now = services.now();
  const saves = keys.map((key) => ({ key, save: decodeQueuedSave(all[key]) }));
  const entries: AuditEntry[] = saves.flatMap(({ key, save }) =>
    save
      ? save.cells.map((c) => ({
          time: new Date(save.time),
          editor: save.editor,
          sheet: ACTIONS_SHEET,
          code: save.code,
          ...c,
        }))
      : [
          {
            time: now,
            editor: QUEUE_EDITOR,
            sheet: ACTIONS_SHEET,
            cell: '',
            code: '',
            header: '',
            oldValue: '',
            newValue: `A queued Update progress save could not be read (${key}): ${all[key]}`,
          },
        ],
  );
  appendAudit(services.spreadsheet, entries);

  const rowsByCode = new Map<string, number[]>();
  t.rows.forEach((row, i) => {
    const code = t.columns.text(row, 'code').toUpperCase();
    if (code) rowsByCode.set(code, [...(rowsByCode.get(code) ?? []), i + 2]);
  });
  const stampByRow = new Map<number, { day: Date; editor: string }>();
  const ragRows = new Set<number>();
  for (const { save } of saves) {
    const found = save ? rowsByCode.get(save.code.toUpperCase()) : undefined;
    // A code gone, or on two rows, names no row to stamp: the Audit log rows above still say what was saved.
    if (!save || found?.length !== 1) continue;
    const [row] = found;
    const instant = new Date(save.time);
    if (save.stamp) {
      const day = midnightInZone(isoDateInZone(instant, t.timeZone), t.timeZone);
      stampByRow.set(row, { day, editor: save.editor });
    }
    if (t.rag) ragRows.add(row);
  }
  const kept = stampAndColourRows(services.spreadsheet, {
    sheet: t.sheet,
    headerRow: t.headerRow,
    columns: t.columns,
    rows: t.rows,
    rowsFrom: 2,
    stampRows: [...stampByRow.keys()].sort((a, b) => a - b),
    ragRows: [...ragRows].sort((a, b) => a - b),
    editor: '',
    time: now,
    stampByRow,
    timeZone: t.timeZone,
    listsAndSettings: t.listsAndSettings,
  });
  for (const key of keys) properties.deleteProperty(key);
  return { saves: saves.length, editors: saves.map(({ save }) => save?.editor ?? QUEUE_EDITOR), kept };
}

/** For the Run log: "2 Update progress saves by … written to the Audit log."; '' when none was. */
export function savesWrittenInWords(drained: DrainOutcome): string {
  const n = drained.saves;
  if (n === 0) return '';
  const editors = [...new Set(drained.editors)].join(', ');
  return `${n} Update progress save${n === 1 ? '' : 's'} by ${editors} written to the Audit log.`;
}

/**
 * The Actions sheet for a run that has not read it: `sheet` when the caller holds it. Undefined when there is none,
 * or when its header row stops every job (the saves then wait for the refresh that reports it).
 */
export function actionsDrainTarget(services: Services, sheet?: SheetPort): DrainTarget | undefined {
  const ss = services.spreadsheet;
  const actions = sheet ?? ss.getSheetByName(ACTIONS_SHEET);
  if (!actions) return undefined;
  const values = actions.getDataRange().getValues();
  const columns = mapColumns(ACTIONS_SHEET, values[0] ?? [], ACTION_COLUMNS);
  if (columns.errors.length) return undefined;
  return {
    sheet: actions,
    headerRow: values[0],
    columns,
    rows: values.slice(1),
    timeZone: ss.getSpreadsheetTimeZone(),
    rag: true,
  };
}

export interface QueuedSavesRun extends DrainOutcome {
  /** Another job held the script lock: nothing was written; the next run tries again. */
  lockBusy: boolean;
}

/** What a run that found nothing queued did. */
export const NOTHING_TO_APPLY: QueuedSavesRun = { ...NOTHING_QUEUED, lockBusy: false };

/**
 * Is any save waiting? One read of the document's properties: the staff saves' trigger asks before it opens the
 * spreadsheet at all, since nearly every run finds nothing.
 */
export function hasQueuedSaves(properties: PropertiesPort): boolean {
  return Object.keys(properties.getProperties()).some((k) => k.startsWith(QUEUED_SAVE_PREFIX));
}

/**
 * The staff saves' trigger, every few minutes as the administrator who ran setup, so a save's Audit log rows, stamps
 * and colour follow within minutes even when nobody edits the sheet (run once hasQueuedSaves has found some). Under
 * the script lock the saves are written out and one Run log row says whose. A lock another job holds past the
 * timeout is not a failure: the saves wait for the next run (the health check fails when one waits long). A fault
 * goes into Run log and is rethrown, so Google's failure email reaches the trigger's owner.
 */
export function applyQueuedSavesRun(services: Services): QueuedSavesRun {
  if (!services.lock.tryLock(LOCK_TIMEOUT_MS)) return { ...NOTHING_QUEUED, lockBusy: true };
  const started = services.now();
  const ss = services.spreadsheet;
  try {
    // Read again under the lock: an edit's trigger or a refresh may have written them meanwhile.
    const drained = drainQueuedSaves(services, () => actionsDrainTarget(services));
    if (drained.saves) {
      appendRunLog(ss, {
        job: QUEUED_SAVES_JOB,
        started,
        finished: services.now(),
        outcome: 'ok',
        actions: drained.saves,
        problems: 0,
        details: savesWrittenInWords(drained),
      });
    }
    return { ...drained, lockBusy: false };
  } catch (e) {
    try {
      appendRunLog(ss, {
        job: QUEUED_SAVES_JOB,
        started,
        finished: services.now(),
        outcome: 'failed',
        actions: 0,
        problems: 0,
        details: `Update progress saves could not be written to the Audit log (they stay queued): ${messageOf(e)}`,
      });
    } catch {
      // The Run log refused too; the error below still reaches the trigger's owner by email.
    }
    throw e;
  } finally {
    services.lock.releaseLock();
  }
}
