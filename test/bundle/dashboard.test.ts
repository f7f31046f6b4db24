// The Dashboard through the bundle: refreshed with the status colours, one block write, one chart kept up to date.
import { DEFAULT_LISTS } from '../../src/domain/lists';
import { RAG_COLOURS, RAGS } from '../../src/domain/rag';
import type { RefreshResult } from '../../src/jobs/refreshStatus';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import type { SpreadsheetPort } from '../../src/gas/ports';
import { ACTION_HEADERS, action, londonMidnight } from '../builders/plan';
import { openPlan, planData } from './harness';

type Opened = ReturnType<typeof openPlan>;

function refresh({ bundle }: Opened): RefreshResult {
  const outcome = bundle.run<MenuOutcome<RefreshResult>>('refreshStatusColours');
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

const dashboard = (opened: Opened) => {
  const sheet = opened.runtime.spreadsheets.model().sheets.find((s) => s.name === 'Dashboard');
  if (!sheet) throw new Error('no Dashboard sheet');
  return sheet;
};

const rows = [
  action({ Code: 'CEA1', Timescale: 'Before the end of 2009', Lead: 'Robert Hardy / Amanda Beer' }),
  action({ Code: 'CEA2', Timescale: 'By the end of 2009/10' }),
  action({ Code: 'CMA1', Theme: 'Communications', 'Target date': londonMidnight('2010-03-01') }),
  action({ Code: 'CMA2', Theme: 'Communications', Status: 'Complete' }),
  action({ Code: 'OCA1', Theme: 'Outcomes', Status: 'Deferred' }),
  action({ Code: 'OCA2', Theme: 'Outcomes', 'Target date': londonMidnight('2010-12-31') }),
  action({ Code: 'OCA3', Theme: 'Outcomes', Status: 'Cancelled' }),
];

describe('Dashboard (bundle)', () => {
  it('is made by the refresh: title, counts by theme and status with totals, overdue actions most overdue first', () => {
    const opened = openPlan(planData(rows));
    const result = refresh(opened);
    expect(result.dashboard).toEqual({ written: true, chart: 'inserted' });
    const sheet = dashboard(opened);
    const v = sheet.values;
    expect(v[0][0]).toBe('Corporate Improvement Plan — as at 10 March 2010');
    expect(v[2]).toEqual(['Theme', ...RAGS, 'Total']);
    expect(v[3]).toEqual(['Community engagement', 0, 1, 1, 0, 0, 0, 2]);
    expect(v[4]).toEqual(['Communications', 1, 1, 0, 0, 0, 0, 2]);
    expect(v[9]).toEqual(['Outcomes', 0, 0, 0, 1, 0, 1, 2]);
    expect(v[10]).toEqual(['Total', 1, 2, 1, 1, 0, 1, 6]);
    expect(v[12][0]).toBe('Overdue actions (2)');
    expect(v[13].slice(0, 5)).toEqual(['Code', 'Action', 'Lead', 'Effective target date', 'Days overdue']);
    expect(v[14].slice(0, 3)).toEqual([
      'CEA1',
      'Ensure consultation responses are recorded',
      'Robert Hardy, Amanda Beer',
    ]);
    expect(v[14][3]).toEqual(londonMidnight('2009-12-31'));
    expect(v[14][4]).toBe(69);
    expect(v[15][0]).toBe('CMA1');
    expect(v[15][4]).toBe(9);
    expect(v).toHaveLength(16);

    // Header rows bold; each status header in its colour.
    expect(sheet.fontWeights[0][0]).toBe('bold');
    expect(sheet.fontWeights[2][0]).toBe('bold');
    expect(sheet.fontWeights[10][0]).toBe('bold');
    expect(sheet.fontWeights[3][0]).toBeNull();
    RAGS.forEach((rag, i) => {
      expect(sheet.backgrounds[2][1 + i]).toBe(RAG_COLOURS[rag].background);
      expect(sheet.fontColors[2][1 + i]).toBe(RAG_COLOURS[rag].font);
    });
  });

  it('draws one stacked bar chart of status by theme over the table without its totals', () => {
    const opened = openPlan(planData(rows));
    refresh(opened);
    const { charts } = dashboard(opened);
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ type: 'BAR', options: { isStacked: true } });
    expect(charts[0].ranges.map((r) => r.a1)).toEqual(['A3:G10']);
  });

  it('writes the whole block in one setValues with a constant number of format calls', () => {
    const opened = openPlan(planData(rows));
    refresh(opened);
    const calls = opened.runtime.core.callsByMember();
    expect(calls['SpreadsheetApp.Range.setValues']).toBe(4); // RAG column, Dashboard, Run log header and row
    expect(calls['SpreadsheetApp.Range.setFontWeights']).toBe(1);
    expect(calls['SpreadsheetApp.Range.setBackgrounds']).toBe(1);
    expect(calls['SpreadsheetApp.Range.setFontColors']).toBe(1);
    expect(calls['SpreadsheetApp.Sheet.insertChart']).toBe(1);
  });

  it('is safe to run twice: the second refresh writes nothing to the Dashboard and keeps its one chart', () => {
    const opened = openPlan(planData(rows));
    refresh(opened);
    const first = dashboard(opened);
    opened.runtime.core.resetCounts();
    const second = refresh(opened);
    expect(second.dashboard).toEqual({ written: false, chart: 'kept' });
    expect(dashboard(opened).values).toEqual(first.values);
    expect(dashboard(opened).charts).toEqual(first.charts);
    const calls = opened.runtime.core.callsByMember();
    expect(calls['SpreadsheetApp.Range.setValues']).toBe(1); // the Run log row only
    expect(calls['SpreadsheetApp.Sheet.clear']).toBeUndefined();
    expect(calls['SpreadsheetApp.Sheet.insertChart']).toBeUndefined();
  });

  it('the next day rewrites it, clearing rows the shorter list no longer uses', () => {
    const opened = openPlan(planData(rows));
    refresh(opened);
    const actions = (opened.runtime.spreadsheets.active() as unknown as SpreadsheetPort).getSheetByName(
      'Actions',
    );
    const status = ACTION_HEADERS.indexOf('Status') + 1;
    actions?.getRange(2, status, 1, 1).setValues([['Complete']]); // CEA1 is done
    opened.runtime.core.advance(86_400_000);
    const result = refresh(opened);
    expect(result.dashboard.written).toBe(true);
    const v = dashboard(opened).values;
    expect(v[12][0]).toBe('Overdue actions (1)');
    expect(v).toHaveLength(15);
    expect(dashboard(opened).rows).toBe(15); // nothing, value or format, left below the new block
  });

  it('moves the chart’s range when the table grows, never adding a second chart', () => {
    const lists = [
      ['Theme', 'Prefix', 'Category letter', 'Category name'],
      ...DEFAULT_LISTS.themes.map((t, i) => [
        t.name,
        t.prefix,
        DEFAULT_LISTS.categories[i]?.letter ?? '',
        DEFAULT_LISTS.categories[i]?.name ?? '',
      ]),
    ];
    const opened = openPlan({ ...planData(rows), lists });
    refresh(opened);
    opened.runtime.spreadsheets.load('Lists', [...lists, ['Housing', 'HO', '', '']]);
    const result = refresh(opened);
    expect(result.dashboard).toEqual({ written: true, chart: 'updated' });
    const { charts, values } = dashboard(opened);
    expect(charts).toHaveLength(1);
    expect(charts[0].ranges.map((r) => r.a1)).toEqual(['A3:G11']);
    expect(values[10][0]).toBe('Housing');
  });

  it('is made again if someone deletes it, and refreshed by the daily trigger too', () => {
    const opened = openPlan(planData(rows));
    refresh(opened);
    const ss = opened.runtime.spreadsheets.active();
    const sheet = ss?.getSheetByName('Dashboard');
    if (sheet) ss?.deleteSheet(sheet);
    const result = opened.bundle.trigger<RefreshResult>('dailyRefresh');
    expect(result.dashboard).toEqual({ written: true, chart: 'inserted' });
    expect(dashboard(opened).charts).toHaveLength(1);
  });

  it('caps the overdue list so the sheet stays readable, with the same calls for 10 and 1,000 actions', () => {
    const count = (n: number) => {
      const opened = openPlan(
        planData(
          Array.from({ length: n }, (_, i) =>
            action({ Code: `CEA${i + 1}`, Timescale: 'Before the end of 2009' }),
          ),
        ),
      );
      refresh(opened);
      return { calls: opened.runtime.core.callsByService().SpreadsheetApp, values: dashboard(opened).values };
    };
    const small = count(10);
    const large = count(1000);
    expect(large.calls).toBe(small.calls);
    expect(large.values[12][0]).toBe('Overdue actions (1000)');
    expect(large.values).toHaveLength(14 + 200 + 1);
    expect(large.values[large.values.length - 1][0]).toBe(
      'and 800 more — see the RAG column on the Actions sheet.',
    );
  });

  it('user text on it stays text: an action that looks like a formula is not evaluated', () => {
    const opened = openPlan(
      planData([
        action({
          Code: 'CEA1',
          Action: '\'=IMPORTXML("http://x","//a")',
          Timescale: 'Before the end of 2009',
        }),
      ]),
    );
    refresh(opened);
    const sheet = dashboard(opened);
    expect(sheet.values[14][1]).toBe('=IMPORTXML("http://x","//a")');
    expect(sheet.formulas.flat().filter(Boolean)).toEqual([]);
  });
});
