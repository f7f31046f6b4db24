// Refresh status colours through the bundle: RAG written in one call, safe twice, nothing written on a bad sheet.
import { ACTION_HEADERS, action, londonMidnight } from '../builders/plan';
import type { RefreshResult } from '../../src/jobs/refreshStatus';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import { openPlan, planData, TODAY } from './harness';

/** Runs the menu item and returns its result, failing the test if the job reported a failure. */
function refresh(bundle: ReturnType<typeof openPlan>['bundle']): RefreshResult {
  const outcome = bundle.run<MenuOutcome<RefreshResult>>('refreshStatusColours');
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

const ragColumn = (values: unknown[][] | undefined) => {
  const i = (values?.[0] ?? []).indexOf('RAG');
  return (values ?? []).slice(1).map((r) => r[i]);
};

describe('refreshStatusColours (bundle)', () => {
  const rows = [
    action({ Code: 'CEA1', Timescale: 'Before the end of 2009' }),
    action({ Code: 'CEA2', Timescale: 'By the end of 2009/10' }),
    action({ Code: 'CEA3', 'Target date': londonMidnight('2010-09-30') }),
    action({ Code: 'CEA4', Status: 'Complete' }),
    action({ Code: 'CEA5', Status: 'Cancelled' }),
    action({ Code: 'CEA6', Status: 'Deferred' }),
    action({ Code: 'CEA7', Timescale: 'Ongoing' }),
  ];

  it('writes every action’s RAG into the RAG column with one write, and returns the counts', () => {
    const { runtime, bundle, values } = openPlan(planData(rows));
    const result = refresh(bundle);
    expect(result.today).toBe(TODAY);
    expect(result.actions).toBe(6);
    expect(result.byStatus).toEqual({
      Complete: 1,
      Overdue: 1,
      'Due soon': 1,
      'On track': 1,
      Ongoing: 1,
      Deferred: 1,
    });
    expect(ragColumn(values('Actions'))).toEqual([
      'Overdue',
      'Due soon',
      'On track',
      'Complete',
      '',
      'Deferred',
      'Ongoing',
    ]);
    const calls = runtime.core.callsByMember();
    expect(calls['SpreadsheetApp.Range.getValues']).toBe(2); // Actions and People, once each (no Lists or Settings here)
    expect(calls['SpreadsheetApp.Range.setValues']).toBe(4); // the RAG column, the Dashboard, the new Run log's header, its row
    expect(runtime.spreadsheets.ui.toasts[0].message).toBe('6 live actions: 1 overdue, 1 due soon.');
  });

  it('is safe to run twice: the second run changes no cell and writes no RAG', () => {
    const { runtime, bundle, values } = openPlan(planData(rows));
    refresh(bundle);
    const first = values('Actions');
    runtime.core.resetCounts();
    const second = refresh(bundle);
    expect(second.ragWritten).toBe(false);
    expect(values('Actions')).toEqual(first);
    expect(runtime.core.callsByMember()['SpreadsheetApp.Range.setValues']).toBe(1); // the Run log row only
    expect(values('Run log')).toHaveLength(3); // header + one row per run
  });

  it('adds the RAG column after the last column when the sheet has none, keeping a council’s own columns', () => {
    const headers = ['Code', 'Theme', 'Category', 'Action', 'Lead', 'Status', 'Timescale', 'Council notes'];
    const { bundle, values } = openPlan(
      planData([action({ Code: 'CEA1', 'Council notes': 'keep me' })], { headers }),
    );
    refresh(bundle);
    expect(values('Actions')).toEqual([
      [...headers, 'RAG'],
      [
        'CEA1',
        'Community engagement',
        'A',
        'Ensure consultation responses are recorded',
        'Robert Hardy',
        'In progress',
        'Ongoing',
        'keep me',
        'Ongoing',
      ],
    ]);
  });

  it('finds reordered columns by header', () => {
    const headers = [...ACTION_HEADERS].reverse();
    const { bundle, values } = openPlan(
      planData([action({ Timescale: 'Before the end of 2009' })], { headers }),
    );
    refresh(bundle);
    expect(values('Actions')?.[1][0]).toBe('Overdue'); // RAG is now the first column
  });

  it('a missing required header stops the job with a message naming it, and nothing is written', () => {
    const headers = ACTION_HEADERS.filter((h) => h !== 'Status' && h !== 'RAG');
    const { Status: _status, ...withoutStatus } = action();
    const { runtime, bundle, values } = openPlan(planData([withoutStatus], { headers }));
    const before = values('Actions');
    expect(() => refresh(bundle)).toThrow(
      'Nothing was changed. Actions: the required column "Status" is missing from the header row.',
    );
    expect(values('Actions')).toEqual(before);
    expect(runtime.spreadsheets.ui.alerts.map((a) => a.prompt)).toEqual([
      'Refresh status colours: Nothing was changed. Actions: the required column "Status" is missing from the header row.',
    ]);
    expect(values('Run log')?.[1].slice(0, 1)).toEqual(['Refresh status colours']);
    expect(values('Run log')?.[1][3]).toBe('failed');
  });

  it('bad rows are reported and do not stop the other rows', () => {
    const { bundle, values } = openPlan(
      planData([
        action({ Code: 'CEA1', Status: 'Nearly' }),
        action({ Code: 'CEA2', 'Target date': 'next week', Timescale: 'Before the end of 2009' }),
      ]),
    );
    const result = refresh(bundle);
    expect(result.problems.map((p) => p.row)).toEqual([2, 3]);
    expect(result.withoutRag).toEqual([2]);
    expect(ragColumn(values('Actions'))).toEqual(['', 'Overdue']);
  });

  it('a run that finds the lock held says so and writes nothing', () => {
    const { runtime, bundle, values } = openPlan(planData(rows));
    runtime.core.faults.scriptLockHeld = true;
    const before = values('Actions');
    expect(() => refresh(bundle)).toThrow(/another job on this plan is still running/);
    expect(values('Actions')).toEqual(before);
  });

  it('today is the spreadsheet’s day: 23:30 in London in summer is already the next day in UTC terms', () => {
    const { bundle } = openPlan(planData([action({ 'Target date': londonMidnight('2010-07-01') })]), {
      now: '2010-06-30T23:30:00Z', // 00:30 BST on 1 July
    });
    const result = refresh(bundle);
    expect(result.today).toBe('2010-07-01');
    expect(result.byStatus['Due soon']).toBe(1);
  });

  it('today is the spreadsheet’s day even when its zone differs from the script’s (Europe/London)', () => {
    const { bundle } = openPlan(planData([action({ Timescale: '9 March 2010' })]), {
      now: '2010-03-10T03:30:00Z', // 22:30 on 9 March in New York, already 10 March in London
      spreadsheetTimeZone: 'America/New_York',
    });
    const result = refresh(bundle);
    expect(result.today).toBe('2010-03-09');
    expect(result.byStatus['Due soon']).toBe(1);
  });
});
