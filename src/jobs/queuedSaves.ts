// Keeps Update progress saves by staff in the document's properties, and writes them out (Audit log rows, Last
// updated / Updated by, RAG) from a run as the administrator: the on-edit trigger and the daily refresh, both under
// the script lock. A queued save's row is found by its Code, so a sort in between is harmless.
import type { ActionKey } from '../domain/actions';
import { ACTIONS_SHEET } from '../domain/actions';
import { isoDateInZone, midnightInZone } from '../domain/dates';
import type { PlanValues } from '../domain/plan';
import {
  decodeQueuedSave,
  encodeQueuedSave,
  QUEUED_SAVE_PREFIX,
  type QueuedSave,
  queuedSaveKey,
} from '../domain/queuedSaves';
import type { ColumnMap } from '../domain/schema';
import type { Services, SheetPort } from '../gas/ports';
import { type AuditEntry, appendAudit } from '../sheets/auditLog';
import { type RowUpkeepOutcome, stampAndColourRows } from './rowUpkeep';

/** Who the Audit log names for a queued record that could not be read back. */
export const QUEUE_EDITOR = 'Update progress';

export function queueSave(services: Services, save: QueuedSave): void {
  const unique = Math.floor(Math.random() * 36 ** 6).toString(36);
  services.documentProperties().setProperty(queuedSaveKey(save, unique), encodeQueuedSave(save));
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
