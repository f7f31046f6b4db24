// Writes the script's own Actions cells after an edit (Last updated, Updated by, RAG) over the span of touched
// rows: side-by-side columns in one block, so a paste of any size costs one or two writes.
import type { ScriptCellWrites } from '../domain/audit';
import { asCellText } from '../domain/values';
import type { SheetPort } from '../gas/ports';

/** How a stamped day shows (a Date written into an unformatted cell would otherwise show a time of 00:00:00). */
import { DATE_FORMAT } from '../domain/layout';

/** Returns how many blocks were written; `dateColumn` (0-based) is given the date format where written. */
export function writeScriptCells(sheet: SheetPort, writes: ScriptCellWrites, dateColumn?: number): number {
  const indexes = [...writes.columns.keys()].sort((a, b) => a - b);
  if (indexes.length === 0) return 0;
  const runs: number[][] = [];
  for (const index of indexes) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === index - 1) run.push(index);
    else runs.push([index]);
  }
  const height = writes.columns.get(indexes[0])?.length ?? 0;
  for (const run of runs) {
    const cells = Array.from({ length: height }, (_, r) =>
      run.map((index) => {
        const value = writes.columns.get(index)?.[r] ?? '';
        return typeof value === 'string' ? asCellText(value) : value;
      }),
    );
    sheet.getRange(writes.firstRow, run[0] + 1, height, run.length).setValues(cells);
  }
  if (dateColumn !== undefined && writes.columns.has(dateColumn)) {
    sheet.getRange(writes.firstRow, dateColumn + 1, height, 1).setNumberFormat(DATE_FORMAT);
  }
  return runs.length;
}
