// Update cycles' records (DESIGN 2.5): the Snapshots sheet's copies of Actions, the document property naming the
// latest completed cycle start, and the latest baseline read from them.
import type { ActionContext } from '../domain/actions';
import { baselineFromSnapshot } from '../domain/baseline';
import { SNAPSHOT_HEADERS, SNAPSHOTS_SHEET } from '../domain/layout';
import type { Baseline } from '../domain/reportTypes';
import { cellText, isBlankRow, normaliseHeader } from '../domain/schema';
import { isDate } from '../domain/values';
import type { PropertiesPort, SpreadsheetPort } from '../gas/ports';
import {
  appendCopies,
  type CopyColumns,
  type CopySheet,
  planCopyColumns,
  readCopySheet,
} from './actionCopies';

/** Document property holding the latest completed cycle start as JSON: {"cycle":N,"takenAt":ISO,"takenBy":email}. */
export const CYCLE_PROPERTY = 'improvementPlan.cycle';

/** Snapshots' own columns before the copied Actions columns. */
export const SNAPSHOT_BOOKKEEPING = SNAPSHOT_HEADERS.slice(0, 3) as ['Cycle', 'Taken', 'Taken by'];

export interface CycleRecord {
  cycle: number;
  takenAt: Date;
  takenBy: string;
}

/** The recorded latest cycle start; undefined when none was ever completed (the plan's first report). */
export function readCycleRecord(properties: PropertiesPort): CycleRecord | undefined {
  const stored = properties.getProperty(CYCLE_PROPERTY);
  if (stored === null || stored.trim() === '') return undefined;
  return parseCycleRecord(stored);
}

/** Parses the property's JSON; anything else is a clear error rather than a guess at which baseline is meant. */
export function parseCycleRecord(stored: string): CycleRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    parsed = undefined;
  }
  const o = (parsed ?? {}) as { cycle?: unknown; takenAt?: unknown; takenBy?: unknown };
  const takenAt = typeof o.takenAt === 'string' ? new Date(o.takenAt) : new Date(Number.NaN);
  if (
    typeof o.cycle !== 'number' ||
    !Number.isInteger(o.cycle) ||
    o.cycle < 1 ||
    Number.isNaN(takenAt.getTime())
  ) {
    throw new Error(
      `The record of the latest update cycle (document property ${CYCLE_PROPERTY}) is not readable: ${stored.slice(0, 200)}. ` +
        'Ask whoever maintains the script to correct it; the Snapshots sheet still holds every cycle’s copy.',
    );
  }
  return { cycle: o.cycle, takenAt, takenBy: typeof o.takenBy === 'string' ? o.takenBy : '' };
}

export function formatCycleRecord(record: CycleRecord): string {
  return JSON.stringify({
    cycle: record.cycle,
    takenAt: record.takenAt.toISOString(),
    takenBy: record.takenBy,
  });
}

export function writeCycleRecord(properties: PropertiesPort, record: CycleRecord): void {
  properties.setProperty(CYCLE_PROPERTY, formatCycleRecord(record));
}

/**
 * The baseline the committee report counts against: the Snapshots rows of the recorded latest cycle (one read of
 * Snapshots). No record → undefined (the plan's first report). A record whose copy is missing from Snapshots is an
 * error: counting every action as added would misreport the plan.
 */
export function readLatestBaseline(
  spreadsheet: SpreadsheetPort,
  properties: PropertiesPort,
  ctx: ActionContext,
): Baseline | undefined {
  const record = readCycleRecord(properties);
  if (!record) return undefined;
  const snapshots = readCopySheet(spreadsheet, SNAPSHOTS_SHEET);
  if (!snapshots.sheet) {
    throw new Error(
      `Update cycle ${record.cycle} was started, but the ${SNAPSHOTS_SHEET} sheet that holds its baseline is missing ` +
        '(renamed or deleted?). Restore it from File › Version history, then try again.',
    );
  }
  return baselineFromSnapshot(snapshots.values, record.cycle, record, ctx);
}

/** What Snapshots already holds about cycles: the highest cycle copied, and when and by whom each was taken. */
export interface SnapshotCycles {
  latest: number;
  taken: Map<number, { takenAt: Date | undefined; takenBy: string; rows: number }>;
}

export function snapshotCycles(snapshots: CopySheet): SnapshotCycles {
  const [header = [], ...rows] = snapshots.values;
  const index = (h: string) => header.findIndex((x) => normaliseHeader(x) === normaliseHeader(h));
  const [cycleAt, takenAt, takenByAt] = SNAPSHOT_BOOKKEEPING.map(index);
  const taken: SnapshotCycles['taken'] = new Map();
  let latest = 0;
  if (cycleAt < 0) return { latest, taken };
  for (const row of rows) {
    const cycle = Number(cellText(row[cycleAt]));
    if (!Number.isInteger(cycle) || cycle < 1) continue;
    latest = Math.max(latest, cycle);
    const seen = taken.get(cycle);
    if (seen) seen.rows += 1;
    else {
      const at = takenAt >= 0 ? row[takenAt] : undefined;
      taken.set(cycle, {
        takenAt: isDate(at) ? at : undefined,
        takenBy: takenByAt >= 0 ? cellText(row[takenByAt]) : '',
        rows: 1,
      });
    }
  }
  return { latest, taken };
}

/**
 * Appends every non-blank Actions row (as read, extra columns included) to Snapshots under `record`, in one write.
 * `columns` comes from planSnapshotColumns, called before the job writes anything. Returns how many rows were copied.
 */
export function writeSnapshot(
  spreadsheet: SpreadsheetPort,
  snapshots: CopySheet,
  columns: CopyColumns,
  actions: readonly (readonly unknown[])[],
  record: CycleRecord,
): number {
  const rows = actions
    .slice(1)
    .filter((row) => !isBlankRow(row))
    .map((actionsRow) => ({ bookkeeping: [record.cycle, record.takenAt, record.takenBy], actionsRow }));
  appendCopies(spreadsheet, snapshots, columns, rows);
  return rows.length;
}

/** Throws on a Snapshots sheet without its bookkeeping headers, so the job stops before anything is written. */
export function planSnapshotColumns(snapshots: CopySheet, actionsHeader: readonly unknown[]): CopyColumns {
  return planCopyColumns(snapshots, SNAPSHOT_HEADERS, SNAPSHOT_BOOKKEEPING, actionsHeader);
}
