// Loads a baseline (the plan as it stood at the last update, e.g. a CSV) into the local runtime's spreadsheet as
// update cycle 1, exactly as "Start a new update cycle…" would have recorded it: rows in Snapshots, and the
// document property naming the cycle. Uncounted: it sets the stage, it is not something the script does.
import { SNAPSHOTS_SHEET } from '../src/domain/layout';
import { CYCLE_PROPERTY, formatCycleRecord, SNAPSHOT_BOOKKEEPING } from '../src/sheets/snapshots';
import type { LocalRuntime } from './runtime';

export interface LoadedBaseline {
  cycle: number;
  /** Data rows copied into Snapshots. */
  rows: number;
}

/**
 * `rows` is the baseline's Actions data, header first (as readCsvSheet gives it; text is read as typed, so dates in
 * it become dates). Replaces whatever Snapshots held. The spreadsheet must exist (createPlanSpreadsheet).
 */
export function loadBaseline(
  runtime: LocalRuntime,
  rows: readonly (readonly unknown[])[],
  takenAt: Date,
  opts: { cycle?: number; takenBy?: string } = {},
): LoadedBaseline {
  const cycle = opts.cycle ?? 1;
  const takenBy = opts.takenBy ?? runtime.owner;
  const [header, ...data] = rows;
  if (!header) throw new Error('loadBaseline: the baseline has no header row');
  const nonBlank = data.filter((row) => row.some((cell) => String(cell ?? '').trim() !== ''));
  const store = runtime.spreadsheets;
  runtime.core.uncounted(() => {
    const sheet = store
      .active()
      ?.getSheetByName(SNAPSHOTS_SHEET) as GoogleAppsScript.Spreadsheet.Sheet | null;
    sheet?.clearContents();
  });
  store.load(SNAPSHOTS_SHEET, [
    [...SNAPSHOT_BOOKKEEPING, ...header],
    ...nonBlank.map((row) => [cycle, takenAt, takenBy, ...row]),
  ]);
  runtime.properties.seed('document', {
    [CYCLE_PROPERTY]: formatCycleRecord({ cycle, takenAt, takenBy }),
  });
  return { cycle, rows: nonBlank.length };
}
