// The baseline read from the Snapshots sheet (DESIGN 2.5): one cycle's live, not complete actions.
import { DEFAULT_LISTS } from '../../src/domain/lists';
import { baselineFromSnapshot, BaselineError } from '../../src/domain/baseline';
import { SNAPSHOT_HEADERS } from '../../src/domain/layout';
import { readPlan } from '../../src/domain/plan';
import { action, londonMidnight, planValues, type Row, sheet } from '../builders/plan';

const ZONE = 'Europe/London';
const people = readPlan(planValues([]), ZONE, '2010-03-10').people;
const ctx = { lists: DEFAULT_LISTS, people, timeZone: ZONE };
const record = { takenAt: new Date('2009-07-09T10:00:00Z'), takenBy: 'admin@example.org' };

function snapshot(rows: [number | string, Row][]): unknown[][] {
  return sheet(
    SNAPSHOT_HEADERS,
    rows.map(([cycle, row]) => ({
      Cycle: cycle,
      Taken: new Date('2009-07-09T10:00:00Z'),
      'Taken by': 'admin@example.org',
      ...row,
    })),
  );
}

describe('baselineFromSnapshot', () => {
  it('keeps the live, not complete actions of the named cycle only', () => {
    const values = snapshot([
      [1, action({ Code: 'CEA1', Action: 'Old cycle text' })],
      [2, action({ Code: 'CEA1', Action: 'Kept' })],
      [2, action({ Code: 'CEA2', Status: 'Complete' })],
      [2, action({ Code: 'CEA3', Status: 'Cancelled' })],
      [2, action({ Code: 'CEA4', Timescale: 'Complete' })],
      [2, action({ Code: 'CEA5', Status: 'Deferred' })],
      ['2', action({ Code: 'CEA6', Status: 'Not started' })],
      [3, action({ Code: 'CEA7' })],
    ]);
    const baseline = baselineFromSnapshot(values, 2, record, ctx);
    expect(baseline.cycle).toBe(2);
    expect(baseline.takenAt).toBe(record.takenAt);
    expect(baseline.takenBy).toBe('admin@example.org');
    expect(baseline.actions.map((a) => a.code)).toEqual(['CEA1', 'CEA5', 'CEA6']);
    expect(baseline.actions[0].action).toBe('Kept');
  });

  it('records the compared fields: effective target date from dates or timescale, leads joined', () => {
    const values = snapshot([
      [
        4,
        action({
          Code: 'cea1',
          Timescale: 'By the end of 2009/10',
          Lead: 'Robert Hardy & Amanda Beer',
        }),
      ],
      [4, action({ Code: 'CEA2', 'Target date': londonMidnight('2010-06-30') })],
      [
        4,
        action({
          Code: 'CEA3',
          'Target date': londonMidnight('2010-06-30'),
          'Revised target date': '30/09/2010',
          'Revision reason': 'Waiting for funding',
        }),
      ],
    ]);
    const [a, b, c] = baselineFromSnapshot(values, 4, record, ctx).actions;
    expect(a).toMatchObject({
      code: 'CEA1',
      theme: 'Community engagement',
      category: 'A',
      timescale: 'By the end of 2009/10',
      effectiveTargetDate: '2010-03-31',
      lead: 'Robert Hardy / Amanda Beer',
      status: 'In progress',
    });
    expect(b.effectiveTargetDate).toBe('2010-06-30');
    expect(c.effectiveTargetDate).toBe('2010-09-30');
  });

  it('leaves out rows without a code and keeps the first of a duplicated code', () => {
    const values = snapshot([
      [1, action({ Code: '' })],
      [1, action({ Code: 'CEA1', Action: 'First' })],
      [1, action({ Code: 'CEA01', Action: 'Second' })],
    ]);
    const actions = baselineFromSnapshot(values, 1, record, ctx).actions;
    expect(actions).toHaveLength(1);
    expect(actions[0].action).toBe('First');
  });

  it('a cycle with no rows (an empty plan when it started) is an empty baseline', () => {
    expect(baselineFromSnapshot(snapshot([[1, action()]]), 2, record, ctx).actions).toEqual([]);
  });

  it('reads columns by header in any order, ignoring extra columns', () => {
    const headers = ['Lead', 'Status', 'Extra', 'Action', 'Category', 'Theme', 'Code', 'cycle'];
    const values = sheet(headers, [
      {
        Code: 'CEA9',
        Theme: 'Community engagement',
        Category: 'A',
        Action: 'x',
        Lead: 'Robert Hardy',
        Status: 'In progress',
        Extra: 'kept',
        cycle: 5,
      },
    ]);
    expect(baselineFromSnapshot(values, 5, record, ctx).actions).toHaveLength(1);
  });

  it('an empty Snapshots sheet for a recorded cycle stops with a plain message', () => {
    expect(() => baselineFromSnapshot([], 2, record, ctx)).toThrow(/Snapshots sheet .* is empty or missing/);
  });

  it('a Snapshots sheet without Cycle or a required header stops with a plain message', () => {
    expect(() => baselineFromSnapshot([['Code', 'Action']], 1, record, ctx)).toThrow(BaselineError);
    expect(() => baselineFromSnapshot([['Code', 'Action']], 1, record, ctx)).toThrow(/no "Cycle" column/);
    const noLead = [['Cycle', 'Code', 'Theme', 'Category', 'Action', 'Status']];
    expect(() => baselineFromSnapshot(noLead, 1, record, ctx)).toThrow(/required column "Lead" is missing/);
  });
});
