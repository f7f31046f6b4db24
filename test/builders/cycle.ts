// Builders for update cycles: a Snapshots sheet from action rows, and a plan and baseline shaped like seed 001.
import { baselineFromSnapshot } from '../../src/domain/baseline';
import { SNAPSHOT_HEADERS } from '../../src/domain/layout';
import { DEFAULT_LISTS } from '../../src/domain/lists';
import { type Plan, readPlan } from '../../src/domain/plan';
import type { Baseline } from '../../src/domain/reportTypes';
import { action, planValues, type Row, sheet } from './plan';

export const ZONE = 'Europe/London';
export const TODAY = '2010-03-10';
export const TAKEN_AT = new Date('2009-07-09T10:00:00Z');

/** The Snapshots sheet's values for rows copied at the start of `cycle`. */
export function snapshotValues(cycle: number, rows: Row[]): unknown[][] {
  return sheet(
    SNAPSHOT_HEADERS,
    rows.map((row) => ({ Cycle: cycle, Taken: TAKEN_AT, 'Taken by': 'admin@example.org', ...row })),
  );
}

export function planOf(rows: Row[], settings?: Record<string, unknown>): Plan {
  return readPlan(planValues(rows, { settings }), ZONE, TODAY);
}

export function baselineOf(rows: Row[], cycle = 3): Baseline {
  const people = planOf([]).people;
  return baselineFromSnapshot(
    snapshotValues(cycle, rows),
    cycle,
    { takenAt: TAKEN_AT, takenBy: 'admin@example.org' },
    { lists: DEFAULT_LISTS, people, timeZone: ZONE },
  );
}

const code = (n: number) => `CEA${n}`;
const base = (n: number): Row =>
  action({ Code: code(n), Action: `Action ${n}`, Timescale: 'By the end of 2010/11', 'Last updated': TODAY });

/**
 * Seed 001's shape: 65 actions at the last update (plus 5 already complete, which a baseline leaves out); now 24
 * retained, 37 deleted (30 complete, 5 cancelled, 2 gone), 4 updated (one per compared field) and 4 added (one
 * without a code), plus one new action already complete.
 */
export function seed001(): { baseline: Baseline; plan: Plan } {
  const then = [
    ...Array.from({ length: 65 }, (_, i) => base(i + 1)),
    ...Array.from({ length: 5 }, (_, i) => ({ ...base(100 + i), Status: 'Complete' })),
  ];
  const now: Row[] = [];
  for (let n = 1; n <= 24; n++) now.push(base(n));
  for (let n = 25; n <= 54; n++) now.push({ ...base(n), Status: 'Complete' });
  for (let n = 55; n <= 59; n++) now.push({ ...base(n), Status: 'Cancelled' });
  // 60 and 61 are gone from the sheet.
  now.push({ ...base(62), Action: 'Action 62, reworded' });
  now.push({ ...base(63), Timescale: 'Ongoing' });
  now.push({
    ...base(64),
    'Target date': '31/03/2011',
    'Revised target date': '30/09/2011',
    'Revision reason': 'Waiting for the new strategy',
  });
  now.push({ ...base(65), Lead: 'Amanda Beer' });
  for (let n = 66; n <= 68; n++) now.push(base(n));
  now.push({ ...base(0), Code: '', Action: 'A new action without a code yet' });
  now.push({ ...base(69), Status: 'Complete' });
  return { baseline: baselineOf(then), plan: planOf(now) };
}
