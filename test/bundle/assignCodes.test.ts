// Assign codes to new actions through the bundle: one write of the Code column, Audit log, never a reused number.
import { ACTION_HEADERS, action, londonMidnight } from '../builders/plan';
import type { AssignCodesResult } from '../../src/jobs/assignCodes';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import { openPlan, planData } from './harness';

type Opened = ReturnType<typeof openPlan>;

function assign({ bundle }: Opened): AssignCodesResult {
  const outcome = bundle.run<MenuOutcome<AssignCodesResult>>('assignCodesToNewActions');
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

const column = (values: unknown[][] | undefined, header: string) => {
  const i = (values?.[0] ?? []).indexOf(header);
  return (values ?? []).slice(1).map((r) => r[i]);
};

const rows = [
  action({ Code: 'CEC1', Category: 'C' }),
  action({ Code: 'CEC4', Category: 'C' }),
  action({ Code: '', Category: 'C', 'Target date': londonMidnight('2010-06-30') }),
  action({ Code: 'CMA1', Theme: 'Communications' }),
  action({ Code: '', Theme: 'Communications' }),
  action({ Code: '', Theme: '' }),
  action({ Code: '', Theme: 'Parks' }),
  action({ Code: 'OCB2', Theme: 'Outcomes', Category: 'B' }),
];

describe('assignCodesToNewActions (bundle)', () => {
  it('gives the next number for the row’s theme and category, in one write of the Code column', () => {
    const opened = openPlan(planData(rows));
    const { runtime, values } = opened;
    const before = values('Actions');
    const result = assign(opened);
    expect(result.assigned).toEqual([
      [4, 'CEC5'],
      [6, 'CMA2'],
    ]);
    expect(result.skipped).toEqual([
      { row: 7, message: 'Theme is missing.' },
      { row: 8, message: 'Theme "Parks" is not in Lists › Themes.' },
    ]);
    expect(column(values('Actions'), 'Code')).toEqual([
      'CEC1',
      'CEC4',
      'CEC5',
      'CMA1',
      'CMA2',
      '',
      '',
      'OCB2',
    ]);
    // Every other cell, the Target date above all, is as it was.
    const after = values('Actions') ?? [];
    const codeAt = ACTION_HEADERS.indexOf('Code');
    (before ?? []).forEach((row, r) =>
      row.forEach((cell, c) => {
        if (c !== codeAt) expect(after[r][c]).toEqual(cell);
      }),
    );
    const calls = runtime.core.callsByMember();
    expect(calls['SpreadsheetApp.Range.setValues']).toBe(5); // codes; Audit log header and rows; Run log header and row
    expect(runtime.spreadsheets.ui.alerts.map((a) => a.prompt)).toEqual([
      'Gave 2 new codes (each is in the Audit log):\nCEC5 — row 4\nCMA2 — row 6\n\n' +
        'Left without a code — fix these rows and run it again:\nRow 7: Theme is missing.\n' +
        'Row 8: Theme "Parks" is not in Lists › Themes.',
    ]);
  });

  it('logs each code to the Audit log with the job as editor, and one Run log row', () => {
    const opened = openPlan(planData(rows));
    assign(opened);
    expect(
      opened
        .values('Audit log')
        ?.slice(1)
        .map((r) => r.slice(1)),
    ).toEqual([
      ['Assign codes', 'Actions', 'A4', 'CEC5', 'Code', '', 'CEC5'],
      ['Assign codes', 'Actions', 'A6', 'CMA2', 'Code', '', 'CMA2'],
    ]);
    const runLog = opened.values('Run log') ?? [];
    expect(runLog).toHaveLength(2);
    expect(runLog[1][0]).toBe('Assign codes');
    expect(runLog[1][3]).toBe('ok');
    expect(runLog[1][6]).toMatch(/^Gave CEC5 \(row 4\), CMA2 \(row 6\)\. Left without a code: row 7/);
  });

  it('is safe to run twice: the second run gives nothing and writes nothing to Actions', () => {
    const opened = openPlan(planData(rows));
    assign(opened);
    const first = opened.values('Actions');
    opened.runtime.core.resetCounts();
    const second = assign(opened);
    expect(second.assigned).toEqual([]);
    expect(opened.values('Actions')).toEqual(first);
    const calls = opened.runtime.core.callsByMember();
    expect(calls['SpreadsheetApp.Range.setValues']).toBe(1); // the Run log row only
    expect(calls['PropertiesService.Properties.setProperty']).toBeUndefined();
    expect(opened.values('Audit log')).toHaveLength(3);
  });

  it('never reuses a number used by an archived action', () => {
    const opened = openPlan(
      planData([action({ Code: 'CEC1', Category: 'C' }), action({ Code: '', Category: 'C' })]),
    );
    opened.runtime.spreadsheets.load('Archive', [
      ['Archived', 'Archived by', 'Cycle', 'Code', 'Theme'],
      ['2010-01-05', 'plan.admin@example.org', '1', 'CEC7', 'Community engagement'],
    ]);
    expect(assign(opened).assigned).toEqual([[3, 'CEC8']]);
  });

  it('never reuses a number whose row was deleted without being archived', () => {
    const opened = openPlan(
      planData([action({ Code: 'CEC1', Category: 'C' }), action({ Code: '', Category: 'C' })]),
    );
    assign(opened); // CEC2
    expect(opened.runtime.properties.snapshot('document').codeHighWater).toBe('{"CEC":2}');
    // Someone deletes the CEC2 row and adds a new action.
    opened.runtime.spreadsheets.load('Actions', [
      ACTION_HEADERS,
      ACTION_HEADERS.map((h) => ({ Code: 'CEC1', Theme: 'Community engagement', Category: 'C' })[h] ?? ''),
      ACTION_HEADERS.map(
        (h) =>
          ({ Code: '', Theme: 'Community engagement', Category: 'C', Action: 'New', Lead: 'Robert Hardy' })[
            h
          ] ?? '',
      ),
      ACTION_HEADERS.map(() => ''),
    ]);
    expect(assign(opened).assigned).toEqual([[3, 'CEC3']]);
  });

  it('keeps a user’s text that looks like a formula as text when the block is written back', () => {
    const opened = openPlan(
      planData([
        action({ Code: '', Category: 'C' }),
        action({ Code: "'=1+1", Category: 'C' }),
        action({ Code: '', Category: 'C' }),
      ]),
    );
    assign(opened);
    expect(column(opened.values('Actions'), 'Code')).toEqual(['CEC1', '=1+1', 'CEC2']);
    expect(opened.runtime.spreadsheets.model().sheets[0].formulas.flat().filter(Boolean)).toEqual([]);
  });

  it('makes the same number of Spreadsheet calls for 1,000 and 2,000 new actions', () => {
    const count = (n: number) => {
      const opened = openPlan(planData(Array.from({ length: n }, () => action({ Code: '', Category: 'C' }))));
      const result = assign(opened);
      expect(result.assigned).toHaveLength(n);
      expect(result.assigned[n - 1]).toEqual([n + 1, `CEC${n}`]);
      return opened.runtime.core.callsByService().SpreadsheetApp;
    };
    // Both sizes outgrow the new Audit log's 1,000 rows, which takes the same few extra calls whatever the size.
    expect(count(2000)).toBe(count(1000));
  });

  it('says so when every action has a code', () => {
    const opened = openPlan(planData([action({ Code: 'CEA1' })]));
    expect(assign(opened)).toEqual({ assigned: [], skipped: [] });
    expect(opened.runtime.spreadsheets.ui.alerts[0].prompt).toBe(
      'Every action already has a code. Nothing was changed.',
    );
  });

  it('a missing required header stops it with a clear message and nothing written', () => {
    const headers = ACTION_HEADERS.filter((h) => h !== 'Theme');
    const { Theme: _theme, ...row } = action({ Code: '' });
    const opened = openPlan(planData([row], { headers }));
    const before = opened.values('Actions');
    const outcome = opened.bundle.run<MenuOutcome<AssignCodesResult>>('assignCodesToNewActions');
    expect(outcome.ok).toBe(false);
    expect(opened.runtime.spreadsheets.ui.alerts.map((a) => a.prompt)).toEqual([
      'Assign codes: Nothing was changed. Actions: the required column "Theme" is missing from the header row.',
    ]);
    expect(opened.values('Actions')).toEqual(before);
  });
});
