// After Actions cells change (a person's edit, an Update progress save, or saves staff queued), the rows' Last
// updated / Updated by are stamped and their RAG worked out again, in one or two blocks: one writer for all three,
// so the sheet is kept the same way whichever way the change came.
import type { ActionKey } from '../domain/actions';
import { ragForRows, scriptCellWrites, type ScriptCellWrites } from '../domain/audit';
import { isoDateInZone, midnightInZone } from '../domain/dates';
import type { PlanValues } from '../domain/plan';
import type { ColumnMap } from '../domain/schema';
import type { SheetPort, SpreadsheetPort } from '../gas/ports';
import { readListsAndSettings } from '../sheets/listsAndSettings';
import { writeScriptCells } from '../sheets/scriptCells';

export interface RowUpkeep {
  /** The Actions sheet. */
  sheet: SheetPort;
  headerRow: readonly unknown[];
  columns: ColumnMap<ActionKey>;
  /** The touched rows as they are now (after the change), from sheet row `rowsFrom`. */
  rows: readonly (readonly unknown[])[];
  rowsFrom: number;
  /** Rows whose Last updated and Updated by are stamped. */
  stampRows: readonly number[];
  /** Rows whose RAG is worked out again. */
  ragRows: readonly number[];
  /** Who changed them, and when: the stamp of every stamped row not in `stampByRow`. */
  editor: string;
  time: Date;
  /** Per-row stamps (saves queued by staff, each with its own day and editor). */
  stampByRow?: ReadonlyMap<number, { day: Date; editor: string }>;
  timeZone: string;
  /** Lists and Settings when the caller has read them; otherwise read here, and only when a RAG is needed. */
  listsAndSettings?: Pick<PlanValues, 'lists' | 'settings'>;
}

export interface RowUpkeepOutcome {
  /** Rows stamped ([] when the sheet has neither stamp column). */
  stamped: number[];
  /** Rows whose RAG was worked out again. */
  ragRows: number[];
  blocksWritten: number;
  /** What was written, for a caller that keeps the rows in memory. */
  writes: ScriptCellWrites;
}

/** A fixed number of Spreadsheet calls, whatever the number of rows. */
export function stampAndColourRows(spreadsheet: SpreadsheetPort, input: RowUpkeep): RowUpkeepOutcome {
  const { columns, rows, rowsFrom, stampRows, ragRows, timeZone } = input;
  const today = isoDateInZone(input.time, timeZone);
  // A header row that stops every job (a required column missing) leaves RAG to the refresh that reports it.
  const ragByRow =
    (ragRows.length
      ? ragForRows(
          input.headerRow,
          rows,
          rowsFrom,
          ragRows,
          input.listsAndSettings ?? readListsAndSettings(spreadsheet),
          timeZone,
          today,
        )
      : undefined) ?? new Map<number, string>();
  const writes = scriptCellWrites({
    columns,
    rows,
    rowsFrom,
    stampRows,
    ragByRow,
    today: midnightInZone(today, timeZone),
    editor: input.editor,
    stampByRow: input.stampByRow,
  });
  const stamps = columns.index.lastUpdated !== undefined || columns.index.updatedBy !== undefined;
  return {
    stamped: stamps ? [...stampRows] : [],
    ragRows: [...ragByRow.keys()],
    blocksWritten: writeScriptCells(input.sheet, writes, columns.index.lastUpdated),
    writes,
  };
}

/** Puts what was written into rows kept in memory (sheet row `rowsFrom` first), so a later decision sees it. */
export function applyScriptCellWrites(rows: unknown[][], rowsFrom: number, writes: ScriptCellWrites): void {
  for (const [index, cells] of writes.columns) {
    cells.forEach((value, r) => {
      const row = rows[writes.firstRow - rowsFrom + r];
      if (row) row[index] = value;
    });
  }
}
