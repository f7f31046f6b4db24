// Check the plan through the bundle: one dialog of every problem (escaped), notes on the cells in one write per sheet.
import { ACTION_HEADERS, PEOPLE, action, londonMidnight, settingsSheet } from '../builders/plan';
import type { SpreadsheetPort } from '../../src/gas/ports';
import type { CheckPlanResult } from '../../src/jobs/checkPlan';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import { openPlan, planData } from './harness';

type Opened = ReturnType<typeof openPlan>;

function check({ bundle }: Opened): CheckPlanResult {
  const outcome = bundle.run<MenuOutcome<CheckPlanResult>>('checkThePlan');
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

const notesOf = (opened: Opened, sheet: string) =>
  opened.runtime.spreadsheets.model().sheets.find((s) => s.name === sheet)?.notes ?? [];
const col = (header: string) => ACTION_HEADERS.indexOf(header);
/** A sheet as a person editing it would change it (through the runtime's own objects). */
const sheetNamed = (opened: Opened, name: string) => {
  const sheet = (opened.runtime.spreadsheets.active() as unknown as SpreadsheetPort).getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};

describe('checkThePlan (bundle)', () => {
  it('a clean plan says so', () => {
    const opened = openPlan(planData([action({ Code: 'CEA1' }), action({ Code: 'CEA2' })]));
    const result = check(opened);
    expect(result.problems).toEqual([]);
    const [dialog] = opened.runtime.spreadsheets.ui.dialogs;
    expect(dialog).toMatchObject({ kind: 'modal', title: 'Check the plan' });
    expect(dialog.content).toContain('No problems found in 2 actions.');
    expect(notesOf(opened, 'Actions').flat().filter(Boolean)).toEqual([]);
    const calls = opened.runtime.core.callsByMember();
    expect(calls['SpreadsheetApp.Range.setNotes']).toBeUndefined();
  });

  it('lists every problem grouped by sheet and row, and notes each offending cell in one write', () => {
    const opened = openPlan(
      planData(
        [
          action({ Code: 'CEA1', Lead: 'Nobody Known', Progress: 150 }),
          action({ Code: 'CEC3', Theme: 'Communications', Category: 'C' }),
          action({
            Code: 'CEA3',
            'Target date': londonMidnight('2010-03-31'),
            'Revised target date': londonMidnight('2010-03-01'),
          }),
          action({ Code: 'CEA4', 'Target date': 'next week', Progress: 12.5 }),
        ],
        { people: [...PEOPLE, { Name: 'Jo Bloggs', Email: 'jo@elsewhere.com' }] },
      ),
    );
    opened.runtime.spreadsheets.load('Settings', settingsSheet({ 'Allowed email domains': 'example.org' }));
    opened.runtime.core.resetCounts();
    const result = check(opened);
    expect(result.problems.map((p) => [p.sheet, p.row, p.column, p.message])).toEqual([
      ['Actions', 2, 'Lead', 'Lead "Nobody Known" is not in People; add them there or correct the name.'],
      ['Actions', 2, 'Progress', 'Progress 150 is outside 0–100.'],
      [
        'Actions',
        3,
        'Code',
        'Code CEC3 does not match theme Communications (CM) and category C; codes on this row start CMC.',
      ],
      [
        'Actions',
        4,
        'Revised target date',
        expect.stringMatching(/^Revised target date should be later than the Target date/),
      ],
      ['Actions', 4, 'Revision reason', 'A Revised target date needs a Revision reason.'],
      [
        'Actions',
        5,
        'Target date',
        'Target date holds the text "next week", not a date; enter a date such as 31/03/2010.',
      ],
      [
        'Actions',
        5,
        'Progress',
        'Progress 12.5 is not a whole number; enter a whole percentage from 0 to 100.',
      ],
      [
        'People',
        6,
        'Email',
        'jo@elsewhere.com is outside the allowed email domains (example.org); it will not be emailed.',
      ],
    ]);

    const notes = notesOf(opened, 'Actions');
    expect(notes[1][col('Lead')]).toBe(
      'Check the plan: Lead "Nobody Known" is not in People; add them there or correct the name.',
    );
    expect(notes[2][col('Code')]).toMatch(/^Check the plan: Code CEC3 does not match/);
    expect(notes[4][col('Progress')]).toMatch(/^Check the plan: Progress 12.5 is not a whole number/);
    expect(notesOf(opened, 'People')[5][1]).toMatch(/^Check the plan: jo@elsewhere.com is outside/);

    const content = opened.runtime.spreadsheets.ui.dialogs[0].content ?? '';
    expect(content).toContain('8 problems found in 4 actions.');
    expect(content).toMatch(/Actions — 7 problems[\s\S]*People — 1 problem</);
    expect(content).toContain('Lead &quot;Nobody Known&quot; is not in People');

    const calls = opened.runtime.core.callsByMember();
    expect(calls['SpreadsheetApp.Range.setNotes']).toBe(2); // Actions and People, once each
    expect(calls['SpreadsheetApp.Range.getNotes']).toBe(3); // Actions, People and Settings
    expect(result.notesWritten).toEqual(['Actions', 'People']);
    expect(opened.values('Run log')?.[1].slice(3, 6)).toEqual(['ok', 4, 8]);
  });

  it('keeps a person’s notes, replaces its own, blanks the ones no longer true, and writes nothing the second time', () => {
    const opened = openPlan(
      planData([action({ Code: 'CEA1', Lead: 'Nobody' }), action({ Code: 'CEA2', Status: 'Nearly' })]),
    );
    const actions = sheetNamed(opened, 'Actions');
    actions.getRange(2, col('Lead') + 1, 1, 1).setNotes([['Lead to be confirmed at Cabinet']]);
    actions.getRange(3, 1, 1, 1).setNotes([['Agreed in March']]);
    opened.runtime.core.resetCounts();
    check(opened);
    let notes = notesOf(opened, 'Actions');
    expect(notes[1][col('Lead')]).toBe(
      'Lead to be confirmed at Cabinet\n\nCheck the plan: Lead "Nobody" is not in People; add them there or correct the name.',
    );
    expect(notes[2][col('Status')]).toBe('Check the plan: Status "Nearly" is not in Lists › Statuses.');
    expect(notes[2][col('Code')]).toBe('Agreed in March');

    // Fix the status; the check's note on it goes, the others stay.
    actions.getRange(3, col('Status') + 1, 1, 1).setValues([['In progress']]);
    opened.runtime.core.resetCounts();
    check(opened);
    notes = notesOf(opened, 'Actions');
    expect(notes[2][col('Status')]).toBe('');
    expect(notes[2][col('Code')]).toBe('Agreed in March');
    expect(notes[1][col('Lead')]).toMatch(/^Lead to be confirmed at Cabinet\n\nCheck the plan: /);

    opened.runtime.core.resetCounts();
    check(opened);
    expect(opened.runtime.core.callsByMember()['SpreadsheetApp.Range.setNotes']).toBeUndefined();
    expect(opened.values('Run log')).toHaveLength(4); // header + one row per run
  });

  it('escapes every value in the dialog: a code or message holding HTML is shown as text', () => {
    const opened = openPlan(
      planData([action({ Code: '<b>X</b>', Theme: '<script>alert(1)</script>', Lead: '<i>Nobody</i>' })]),
    );
    check(opened);
    const content = opened.runtime.spreadsheets.ui.dialogs[0].content ?? '';
    expect(content).not.toContain('<script>alert(1)</script>');
    expect(content).not.toContain('<b>X</b>');
    expect(content).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(content).toContain('&lt;B&gt;X&lt;/B&gt;');
    expect(content).not.toContain('<i>Nobody</i>');
  });

  it('a plan whose Actions sheet cannot be read gives the clear error and writes no note', () => {
    const headers = ACTION_HEADERS.filter((h) => h !== 'Status');
    const { Status: _status, ...row } = action({ Lead: 'Nobody' });
    const opened = openPlan(planData([row], { headers }));
    const outcome = opened.bundle.run<MenuOutcome<CheckPlanResult>>('checkThePlan');
    expect(outcome.ok).toBe(false);
    expect(opened.runtime.spreadsheets.ui.alerts.map((a) => a.prompt)).toEqual([
      'Check the plan: Nothing was changed. Actions: the required column "Status" is missing from the header row.',
    ]);
    expect(opened.runtime.spreadsheets.ui.dialogs).toEqual([]);
    expect(notesOf(opened, 'Actions').flat().filter(Boolean)).toEqual([]);
  });

  it('makes the same number of Spreadsheet calls for 10 and 1,000 actions', () => {
    const count = (n: number) => {
      const opened = openPlan(
        planData(
          Array.from({ length: n }, (_, i) =>
            action({ Code: `CEA${i + 1}`, Lead: i % 3 ? 'Robert Hardy' : 'Nobody' }),
          ),
        ),
      );
      check(opened);
      return opened.runtime.core.callsByService().SpreadsheetApp;
    };
    expect(count(1000)).toBe(count(10));
  });
});
