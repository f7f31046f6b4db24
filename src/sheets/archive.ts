// The Archive sheet: complete and cancelled actions moved out of Actions when a cycle starts (DESIGN 2.5), each row
// a whole copy with when, by whom and in which cycle it was moved.
import { ARCHIVE_HEADERS } from '../domain/layout';
import { cellText, normaliseHeader } from '../domain/schema';
import type { SpreadsheetPort } from '../gas/ports';
import { appendCopies, type CopyColumns, type CopySheet, planCopyColumns, valueKey } from './actionCopies';

/** Archive's own columns before the copied Actions columns. */
export const ARCHIVE_BOOKKEEPING = ARCHIVE_HEADERS.slice(0, 3) as ['Archived', 'Archived by', 'Cycle'];

/** Throws on an Archive sheet without its bookkeeping headers, so the job stops before anything is written. */
export function planArchiveColumns(archive: CopySheet, actionsHeader: readonly unknown[]): CopyColumns {
  return planCopyColumns(archive, ARCHIVE_HEADERS, ARCHIVE_BOOKKEEPING, actionsHeader);
}

export interface ArchiveWrite {
  /** Rows appended now. */
  appended: number;
  /** Rows found already archived for this cycle (an earlier run stopped part-way), so not appended again. */
  alreadyArchived: number;
}

/**
 * Appends to Archive, in one write, the Actions rows not already archived in `cycle`. A row counts as already
 * archived when an Archive row of the same cycle holds the same values in every Actions column (so its code too):
 * matching whole rows, not codes alone, means two rows sharing a code are both kept, and a row edited since an
 * interrupted run is archived again as it now stands rather than lost.
 */
export function writeArchive(
  spreadsheet: SpreadsheetPort,
  archive: CopySheet,
  columns: CopyColumns,
  actionsRows: readonly (readonly unknown[])[],
  record: { archivedAt: Date; archivedBy: string; cycle: number },
): ArchiveWrite {
  const already = archivedInCycle(archive, columns, record.cycle);
  const rows = actionsRows.filter((row) => {
    const key = columns.actionColumns.map((_, i) => valueKey(row[i] ?? '')).join('\u0001');
    const left = already.get(key) ?? 0;
    if (left > 0) {
      already.set(key, left - 1);
      return false;
    }
    return true;
  });
  appendCopies(
    spreadsheet,
    archive,
    columns,
    rows.map((actionsRow) => ({
      bookkeeping: [record.archivedAt, record.archivedBy, record.cycle],
      actionsRow,
    })),
  );
  return { appended: rows.length, alreadyArchived: actionsRows.length - rows.length };
}

/** How many Archive rows of `cycle` hold each set of Actions values. */
function archivedInCycle(archive: CopySheet, columns: CopyColumns, cycle: number): Map<string, number> {
  const counts = new Map<string, number>();
  const [header = [], ...rows] = archive.values;
  const cycleAt = header.findIndex((h) => normaliseHeader(h) === normaliseHeader(ARCHIVE_BOOKKEEPING[2]));
  if (cycleAt < 0) return counts;
  for (const row of rows) {
    if (Number(cellText(row[cycleAt])) !== cycle) continue;
    const key = columns.actionColumns.map((c) => valueKey(row[c] ?? '')).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
