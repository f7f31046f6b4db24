// The Dashboard model: counts by theme and status colour with totals, the overdue list most overdue first, capped.
import {
  DASHBOARD_OVERDUE_CAP,
  dashboardModel,
  dashboardShows,
  OTHER_THEME,
} from '../../src/domain/dashboard';
import { readPlan } from '../../src/domain/plan';
import { RAGS } from '../../src/domain/rag';
import { action, londonMidnight, planValues } from '../builders/plan';

const TZ = 'Europe/London';
const TODAY = '2010-03-10';

function model(rows: Record<string, unknown>[], settings?: Record<string, unknown>) {
  return dashboardModel(readPlan(planValues(rows, { settings }), TZ, TODAY));
}

describe('dashboardModel', () => {
  const rows = [
    action({ Code: 'CEA1', Timescale: 'Before the end of 2009' }), // overdue since 31 Dec 2009
    action({ Code: 'CEA2', Timescale: 'By the end of 2009/10' }), // due soon
    action({ Code: 'CMA1', Theme: 'Communications', 'Target date': londonMidnight('2010-03-01') }), // overdue 9 days
    action({ Code: 'CMA2', Theme: 'Communications', Status: 'Complete' }),
    action({ Code: 'CMA3', Theme: 'Communications', Status: 'Cancelled' }),
    action({ Code: 'OCA1', Theme: 'Outcomes', Status: 'Deferred' }),
    action({ Code: 'OCA2', Theme: 'Outcomes', 'Target date': londonMidnight('2010-12-31') }),
    action({ Code: 'OCA3', Theme: 'Outcomes' }), // ongoing
  ];

  it('starts with the plan title and the date it is as at', () => {
    expect(model(rows).rows[0][0]).toBe('Corporate Improvement Plan — as at 10 March 2010');
    expect(model(rows, { 'Plan title': 'Performance Improvement Plan' }).rows[0][0]).toBe(
      'Performance Improvement Plan — as at 10 March 2010',
    );
  });

  it('counts live actions by theme (every theme in Lists, in order) and status colour, with totals', () => {
    const m = model(rows);
    expect(m.rows[2]).toEqual(['Theme', ...RAGS, 'Total']);
    expect(m.byTheme.map((t) => t.theme)).toEqual([
      'Community engagement',
      'Communications',
      'Relationship management',
      'Member roles',
      'Workforce development',
      'Corporate practice/processes',
      'Outcomes',
    ]);
    // Complete, Overdue, Due soon, On track, Ongoing, Deferred, Total
    expect(m.rows[3]).toEqual(['Community engagement', 0, 1, 1, 0, 0, 0, 2]);
    expect(m.rows[4]).toEqual(['Communications', 1, 1, 0, 0, 0, 0, 2]); // the cancelled one counts nowhere
    expect(m.rows[5]).toEqual(['Relationship management', 0, 0, 0, 0, 0, 0, 0]);
    expect(m.rows[9]).toEqual(['Outcomes', 0, 0, 0, 1, 1, 1, 3]);
    expect(m.rows[10]).toEqual(['Total', 1, 2, 1, 1, 1, 1, 7]);
  });

  it('lists the overdue actions most overdue first, with lead, effective target date and days overdue', () => {
    const m = model([
      ...rows,
      action({
        Code: 'CEA9',
        'Target date': londonMidnight('2010-01-31'),
        'Revised target date': londonMidnight('2010-02-28'),
        'Revision reason': 'Waiting for the survey',
        Lead: 'Robert Hardy / Amanda Beer',
      }),
    ]);
    expect(m.overdueTotal).toBe(3);
    expect(m.overdue).toEqual(
      [
        {
          code: 'CEA1',
          action: 'Ensure consultation responses are recorded',
          lead: 'Robert Hardy',
          effectiveTargetDate: '2009-12-31',
          daysOverdue: 69,
        },
        {
          code: 'CMA1',
          action: 'Ensure consultation responses are recorded',
          lead: 'Robert Hardy',
          effectiveTargetDate: '2010-03-01',
          daysOverdue: 9,
        },
        {
          code: 'CEA9',
          action: 'Ensure consultation responses are recorded',
          lead: 'Robert Hardy, Amanda Beer',
          effectiveTargetDate: '2010-02-28',
          daysOverdue: 10,
        },
      ].sort((a, b) => b.daysOverdue - a.daysOverdue),
    );
    const heading = m.rows.findIndex((r) => r[0] === 'Overdue actions (3)');
    expect(m.rows[heading + 1]).toEqual([
      'Code',
      'Action',
      'Lead',
      'Effective target date',
      'Days overdue',
      '',
      '',
      '',
    ]);
    expect(m.rows[heading + 2]).toEqual([
      'CEA1',
      'Ensure consultation responses are recorded',
      'Robert Hardy',
      '2009-12-31',
      69,
      '',
      '',
      '',
    ]);
    expect(m.boldRows).toEqual(expect.arrayContaining([0, 2, 10, heading, heading + 1]));
  });

  it('pads every row to one width, names the RAG header cells and aims the chart at the table without totals', () => {
    const m = model(rows);
    expect(new Set(m.rows.map((r) => r.length))).toEqual(new Set([8]));
    expect(m.ragHeaders).toEqual(RAGS.map((rag, i) => ({ row: 3, column: 2 + i, rag })));
    expect(m.chartRange).toEqual({ row: 3, column: 1, numRows: 8, numColumns: 7 });
  });

  it('says when nothing is overdue', () => {
    const m = model([action({ Code: 'CEA1' })]);
    expect(m.rows.slice(-2).map((r) => r[0])).toEqual(['Overdue actions (0)', 'No actions are overdue.']);
  });

  it('caps the overdue list and says how many more there are', () => {
    const many = Array.from({ length: DASHBOARD_OVERDUE_CAP + 25 }, (_, i) =>
      action({ Code: `CEA${i + 1}`, Timescale: 'Before the end of 2009' }),
    );
    const m = model(many);
    expect(m.overdue).toHaveLength(DASHBOARD_OVERDUE_CAP);
    expect(m.overdueTotal).toBe(DASHBOARD_OVERDUE_CAP + 25);
    expect(m.rows[m.rows.length - 1][0]).toBe('and 25 more — see the RAG column on the Actions sheet.');
  });

  it('counts unknown themes in a row of their own and mentions actions with no status colour', () => {
    const m = model([
      action({ Code: 'CEA1' }),
      action({ Code: 'XXA1', Theme: 'Parks' }),
      action({ Code: 'CEA2', Status: 'Nearly done' }),
    ]);
    expect(m.byTheme[m.byTheme.length - 1]).toMatchObject({ theme: OTHER_THEME, total: 1 });
    expect(m.chartRange.numRows).toBe(9); // header, seven themes, the unknown-theme row
    expect(m.totals.total).toBe(2);
    expect(m.rows.map((r) => r[0])).toContain(
      '1 live action has no status colour because the Status is missing or unknown: see Check the plan.',
    );
  });

  it('shortens long action text and keeps user text as text', () => {
    const m = model([
      action({
        Code: 'CEA1',
        Action: `=HYPERLINK("http://x") ${'x'.repeat(200)}`,
        Timescale: 'Before the end of 2009',
      }),
    ]);
    const [line] = m.overdue;
    expect(line.action.length).toBe(80);
    expect(line.action.endsWith('…')).toBe(true);
    const written = m.rows.find((r) => r[0] === 'CEA1');
    expect(written?.[1]).toBe(`'${line.action}`);
  });
});

describe('dashboardShows', () => {
  it('matches what Sheets hands back: apostrophes gone, ISO dates read as dates', () => {
    const rows = [
      ["'=x", 3, '2010-03-01'],
      ['a', '', ''],
    ];
    const current = [
      ['=x', 3, londonMidnight('2010-03-01')],
      ['a', '', ''],
    ];
    expect(dashboardShows(rows, current, TZ)).toBe(true);
    expect(dashboardShows(rows, [current[0]], TZ)).toBe(false);
    expect(dashboardShows(rows, [current[0], ['b', '', '']], TZ)).toBe(false);
    expect(dashboardShows(rows, undefined, TZ)).toBe(false);
  });
});
