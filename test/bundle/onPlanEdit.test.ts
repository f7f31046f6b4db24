// The audit trail through the bundle: a person edits the sheet, the on-edit trigger that setup installed logs every
// changed cell, stamps the row, recomputes its colour, and does it in a fixed number of calls.
import { loadBundle } from '../../local/bundle';
import { generatePlan } from '../../local/generatePlan';
import { createPlanSpreadsheet } from '../../local/planSpreadsheet';
import { createLocalRuntime } from '../../local/runtime';
import { MULTI_CELL_OLD_VALUE, TARGET_DATE_REVISION_MESSAGE } from '../../src/domain/audit';
import { columnLetter } from '../../src/domain/schema';
import { ACTION_HEADERS, action, londonMidnight, type Row } from '../builders/plan';
import { openPlan, planData, TODAY, sheetRows, openSetUpPlan } from './harness';

const AMANDA = 'amanda.beer@example.org';

/** A1 of a header's column on a row, in the standard layout. */
const cell = (header: string, row: number) => `${columnLetter(ACTION_HEADERS.indexOf(header))}${row}`;

/** A plan opened in the runtime and set up with the bundle's own Set up or repair, which installs the trigger. */
function openSetUp(rows: Row[], opts: Parameters<typeof openPlan>[1] = {}) {
  return openSetUpPlan(planData(rows), opts);
}

type Opened = ReturnType<typeof openSetUp>;

/** A sheet as the code left it (uncounted). */
const sheetModel = ({ runtime }: Opened, name: string) =>
  runtime.spreadsheets.model().sheets.find((s) => s.name === name);

/** Audit log rows under their headers, as the log shows them. */
const auditRows = (opened: Opened) => sheetRows(opened.runtime, 'Audit log');

/** An Actions row under its headers. */
function actionRow({ values }: Opened, row: number): Record<string, unknown> {
  const sheet = values('Actions') ?? [[]];
  return Object.fromEntries(sheet[0].map((h, i) => [String(h), sheet[row - 1][i]]));
}

const setValuesCalls = (opened: Opened) =>
  opened.runtime.core.callsByMember()['SpreadsheetApp.Range.setValues'] ?? 0;

describe('onPlanEdit (bundle)', () => {
  const rows = [
    action({ Code: 'CEA1', RAG: 'Ongoing' }),
    action({ Code: 'CEA2', 'Target date': londonMidnight('2010-03-20'), RAG: 'Due soon' }),
    action({ Code: 'CEA3', RAG: 'Ongoing', 'Latest update': 'Survey sent' }),
  ];

  it('setup installs the trigger, and a one-cell edit is logged with old and new value and the editor’s email', () => {
    const opened = openSetUp(rows);
    expect(opened.bundle.userEdit('Actions', cell('Status', 2), [['Complete']], { user: AMANDA })).toBe(1);
    expect(auditRows(opened)).toEqual([
      {
        Time: '10/03/2010 09:00:00',
        Editor: AMANDA,
        Sheet: 'Actions',
        Cell: cell('Status', 2),
        Code: 'CEA1',
        Header: 'Status',
        'Old value': 'In progress',
        'New value': 'Complete',
      },
    ]);
  });

  it('a Status change stamps Last updated (today, a date) and Updated by, and recomputes the row’s RAG', () => {
    const opened = openSetUp(rows);
    opened.bundle.userEdit('Actions', cell('Status', 2), [['Complete']], { user: AMANDA });
    expect(actionRow(opened, 2)).toMatchObject({
      Status: 'Complete',
      'Last updated': londonMidnight(TODAY),
      'Updated by': AMANDA,
      RAG: 'Complete',
    });
    // The other rows are untouched.
    expect(actionRow(opened, 3)).toMatchObject({ 'Last updated': '', 'Updated by': '', RAG: 'Due soon' });
    // The stamp shows as a day, not a time of midnight.
    const shown = sheetModel(opened, 'Actions')?.displayValues[1];
    expect(shown?.[ACTION_HEADERS.indexOf('Last updated')]).toBe('10/03/2010');
    // One write for the Audit log row, one for Last updated, Updated by and RAG side by side.
    expect(setValuesCalls(opened)).toBe(2);
  });

  it('Progress and Latest update stamp the row too; an edit of the Action text does not', () => {
    const opened = openSetUp(rows);
    opened.bundle.userEdit('Actions', cell('Progress', 3), [['40']], { user: AMANDA });
    opened.bundle.userEdit('Actions', cell('Latest update', 4), [['Results published']], { user: AMANDA });
    opened.bundle.userEdit('Actions', cell('Action', 2), [['Record every response']], { user: AMANDA });
    expect(actionRow(opened, 3)['Updated by']).toBe(AMANDA);
    expect(actionRow(opened, 4)['Updated by']).toBe(AMANDA);
    expect(actionRow(opened, 2)['Updated by']).toBe('');
    expect(auditRows(opened).map((r) => [r.Cell, r['Old value'], r['New value']])).toEqual([
      [cell('Progress', 3), '', '40'],
      [cell('Latest update', 4), 'Survey sent', 'Results published'],
      [cell('Action', 2), 'Ensure consultation responses are recorded', 'Record every response'],
    ]);
  });

  it('when Google withholds the editor’s email, the editor is "unknown (temporary key)", never the owner', () => {
    const opened = openSetUp(rows);
    const { runtime } = opened;
    runtime.session.setActiveUser('');
    const key = runtime.core.uncounted(() =>
      (runtime.globals.Session as GoogleAppsScript.Base.Session).getTemporaryActiveUserKey(),
    );
    runtime.session.setActiveUser(runtime.owner);
    opened.bundle.userEdit('Actions', cell('Status', 2), [['Deferred']], { user: '' });
    const [row] = auditRows(opened);
    expect(row.Editor).toBe(`unknown (${key})`);
    expect(row.Editor).not.toContain(runtime.owner);
    expect(actionRow(opened, 2)['Updated by']).toBe(`unknown (${key})`);
  });

  it('a paste of 50 rows × 8 columns is 400 Audit log rows in one write, and the rows are stamped in one block', () => {
    const many = Array.from({ length: 60 }, (_, i) => action({ Code: `CEA${i + 1}`, RAG: 'Ongoing' }));
    const opened = openSetUp(many);
    // Target date … Progress on rows 5–54.
    const paste = Array.from({ length: 50 }, (_, i) => [
      '30/09/2010',
      '',
      '',
      'Amanda Beer',
      `Evidence ${i}`,
      'Quarterly report',
      'Complete',
      '100',
    ]);
    const range = `${cell('Target date', 5)}:${cell('Progress', 54)}`;
    opened.bundle.userEdit('Actions', range, paste, { user: AMANDA });
    const audit = auditRows(opened);
    expect(audit).toHaveLength(400);
    expect(audit.every((r) => r['Old value'] === MULTI_CELL_OLD_VALUE && r.Editor === AMANDA)).toBe(true);
    expect(audit[0]).toMatchObject({ Cell: cell('Target date', 5), Code: 'CEA4', 'New value': '30/09/2010' });
    expect(audit[399]).toMatchObject({ Cell: cell('Progress', 54), Code: 'CEA53', 'New value': '100' });
    const actions = opened.values('Actions') ?? [];
    const [lastUpdated, updatedBy, rag] = ['Last updated', 'Updated by', 'RAG'].map((h) =>
      ACTION_HEADERS.indexOf(h),
    );
    expect(actions.slice(4, 54).map((r) => [r[lastUpdated], r[updatedBy], r[rag]])).toEqual(
      Array.from({ length: 50 }, () => [londonMidnight(TODAY), AMANDA, 'Complete']),
    );
    expect(actionRow(opened, 4)).toMatchObject({ 'Updated by': '', RAG: 'Ongoing' });
    expect(actionRow(opened, 55)).toMatchObject({ 'Updated by': '', RAG: 'Ongoing' });
    expect(setValuesCalls(opened)).toBe(2); // the 400 audit rows, then Last updated + Updated by + RAG
  });

  it('a clear of a range is logged cell by cell; a row left blank loses its colour and gets no stamp', () => {
    const opened = openSetUp(rows);
    // Row 3 is cleared from Code to Latest update (the script's columns are the owner's, and stay).
    const range = `${cell('Code', 3)}:${cell('Latest update', 3)}`;
    const width = ACTION_HEADERS.indexOf('Latest update') + 1;
    opened.bundle.userEdit('Actions', range, [Array(width).fill('')], { user: AMANDA });
    const audit = auditRows(opened);
    expect(audit).toHaveLength(width);
    expect(audit.every((r) => r['New value'] === '' && r['Old value'] === MULTI_CELL_OLD_VALUE)).toBe(true);
    expect(audit.map((r) => r.Header)).toEqual(ACTION_HEADERS.slice(0, width));
    expect(actionRow(opened, 3)).toMatchObject({ RAG: '', 'Last updated': '', 'Updated by': '' });
    // A clear of Latest update on rows that stay actions is an update: stamped.
    opened.bundle.userEdit(
      'Actions',
      `${cell('Latest update', 2)}:${cell('Latest update', 4)}`,
      [[''], [''], ['']],
      {
        user: AMANDA,
      },
    );
    expect(
      auditRows(opened)
        .slice(width)
        .map((r) => r.Cell),
    ).toEqual([cell('Latest update', 2), cell('Latest update', 3), cell('Latest update', 4)]);
    expect([2, 3, 4].map((r) => actionRow(opened, r)['Updated by'])).toEqual([AMANDA, '', AMANDA]);
  });

  it('changing an existing Target date keeps both dates in the log, tells the person, and never writes it back', () => {
    const opened = openSetUp(rows);
    opened.bundle.userEdit('Actions', cell('Target date', 3), [['30/09/2010']], { user: AMANDA });
    const [logged] = auditRows(opened);
    expect(logged).toMatchObject({ Cell: cell('Target date', 3), Code: 'CEA2', Header: 'Target date' });
    // Both days are there (the log may show them with a time of day: see the failing test below).
    expect(logged['Old value']).toMatch(/^20\/03\/2010/);
    expect(logged['New value']).toMatch(/^30\/09\/2010/);
    expect(opened.runtime.spreadsheets.ui.toasts).toEqual([
      { message: TARGET_DATE_REVISION_MESSAGE, title: 'Target date', timeoutSeconds: 20 },
    ]);
    // What the person typed stays; the colour follows it (DESIGN 2.3); the script wrote only RAG.
    expect(actionRow(opened, 3)).toMatchObject({
      'Target date': londonMidnight('2010-09-30'),
      RAG: 'On track',
      'Updated by': '',
    });
    // A first Target date is no revision: no toast.
    opened.bundle.userEdit('Actions', cell('Target date', 2), [['30/06/2010']], { user: AMANDA });
    expect(opened.runtime.spreadsheets.ui.toasts).toHaveLength(1);
    expect(actionRow(opened, 2).RAG).toBe('On track');
  });

  it('=IMPORTXML typed into Action is logged as its text, and the Audit log cell is text, never a formula', () => {
    const opened = openSetUp(rows);
    const evaluated: string[] = [];
    opened.runtime.spreadsheets.setFormulaEvaluator((formula, a1) => {
      evaluated.push(a1);
      return formula.startsWith('=IMPORTXML') ? '#N/A' : undefined;
    });
    const typed = '=IMPORTXML("http://x","//a")';
    opened.bundle.userEdit('Actions', cell('Action', 2), [[typed]], { user: AMANDA });
    expect(auditRows(opened)).toEqual([
      expect.objectContaining({
        Cell: cell('Action', 2),
        'Old value': 'Ensure consultation responses are recorded',
        'New value': typed,
      }),
    ]);
    const log = sheetModel(opened, 'Audit log');
    expect(log?.formulas.flat().every((f) => f === '')).toBe(true);
    expect(log?.values[1][7]).toBe(typed);
    // Only the person's own Actions cell was ever calculated; nothing the script wrote was.
    expect(new Set(evaluated)).toEqual(new Set([`Actions!${cell('Action', 2)}`]));
    // Text that merely starts with = (typed with an apostrophe) and text starting with + or - stay text too.
    opened.bundle.userEdit('Actions', cell('Latest update', 2), [["'=1+1"]], { user: AMANDA });
    opened.bundle.userEdit('Actions', cell('Latest update', 3), [["'+44 1622 000000"]], { user: AMANDA });
    expect(
      auditRows(opened)
        .slice(1)
        .map((r) => r['New value']),
    ).toEqual(['=1+1', '+44 1622 000000']);
    expect(
      sheetModel(opened, 'Audit log')
        ?.formulas.flat()
        .every((f) => f === ''),
    ).toBe(true);
  });

  it('keeps a logged date or number as the text the person saw, not as a date or number', () => {
    const opened = openSetUp(rows);
    opened.bundle.userEdit('Actions', cell('Target date', 3), [['30/09/2010']], { user: AMANDA });
    opened.bundle.userEdit('Actions', cell('Progress', 3), [['40']], { user: AMANDA });
    const log = sheetModel(opened, 'Audit log');
    expect(log?.values.slice(1).map((r) => [r[6], r[7]])).toEqual([
      ['20/03/2010', '30/09/2010'],
      ['', '40'],
    ]);
  });

  it('edits on Run log, the Dashboard and the Audit log itself are not logged, and write nothing', () => {
    const opened = openSetUp(rows);
    opened.bundle.userEdit('Run log', 'G2', [['edited by hand']]);
    opened.bundle.userEdit('Dashboard', 'A1', [['x']]);
    expect(auditRows(opened)).toEqual([]);
    opened.bundle.userEdit('Audit log', 'B2', [['typed over']]);
    expect(opened.values('Audit log')).toHaveLength(2); // the header and the owner's own typing, nothing more
    expect(setValuesCalls(opened)).toBe(0);
  });

  it('edits on People are logged with their header and no code, and stamp nothing', () => {
    const opened = openSetUp(rows);
    opened.bundle.userEdit('People', 'B3', [['a.beer@example.org']], { user: AMANDA });
    expect(auditRows(opened)).toEqual([
      expect.objectContaining({
        Sheet: 'People',
        Cell: 'B3',
        Code: '',
        Header: 'Email',
        'Old value': AMANDA,
        'New value': 'a.beer@example.org',
      }),
    ]);
    expect(setValuesCalls(opened)).toBe(1);
  });

  it('typing the same value again logs nothing and writes nothing; a second Status edit writes only its log row', () => {
    const opened = openSetUp(rows);
    opened.bundle.userEdit('Actions', cell('Status', 2), [['In progress']], { user: AMANDA });
    expect(auditRows(opened)).toEqual([]);
    expect(setValuesCalls(opened)).toBe(0);
    opened.bundle.userEdit('Actions', cell('Status', 2), [['Complete']], { user: AMANDA });
    opened.runtime.core.resetCounts();
    opened.bundle.userEdit('Actions', cell('Status', 2), [['Complete ']], { user: AMANDA });
    // "Complete " differs from "Complete" as typed, so it is logged, but the stamp and RAG are already right.
    expect(setValuesCalls(opened)).toBe(1);
  });

  it('when another job holds the lock the edit is still logged; the stamp is left and Run log says so', () => {
    const opened = openSetUp(rows);
    opened.runtime.core.faults.scriptLockHeld = true;
    opened.bundle.userEdit('Actions', cell('Status', 2), [['Complete']], { user: AMANDA });
    expect(auditRows(opened)).toHaveLength(1);
    expect(actionRow(opened, 2)).toMatchObject({ 'Updated by': '', RAG: 'Ongoing' });
    const runLog = opened.values('Run log') ?? [];
    expect(runLog[runLog.length - 1].slice(0, 1)).toEqual(['Audit trail']);
    expect(runLog[runLog.length - 1][3]).toBe('skipped');
    expect(String(runLog[runLog.length - 1][6])).toMatch(/Last updated was not stamped on rows 2/);
  });

  it('never throws for a run without an edit; a real fault goes into Run log as failed and reaches the owner', () => {
    const opened = openSetUp(rows);
    expect(() => opened.bundle.trigger('onPlanEdit')).not.toThrow();
    const broken = {
      range: {
        getSheet: () => {
          throw new Error('Service Spreadsheets failed while accessing document');
        },
      },
    };
    expect(() => opened.bundle.trigger('onPlanEdit', broken)).toThrow('Service Spreadsheets failed');
    const runLog = (opened.values('Run log') ?? []).slice(-2);
    expect(runLog.map((r) => [r[0], r[3]])).toEqual([
      ['Audit trail', 'failed'],
      ['Audit trail', 'failed'],
    ]);
    expect(String(runLog[0][6])).toMatch(/run without an edit/);
    expect(String(runLog[1][6])).toMatch(/Service Spreadsheets failed/);
  });
});

describe('onPlanEdit calls (bundle)', () => {
  /** Spreadsheet calls for a one-cell Status edit and a 50 × 8 paste on a generated plan of `size` actions. */
  function measure(size: number) {
    const runtime = createLocalRuntime({ now: `${TODAY}T09:00:00Z` });
    createPlanSpreadsheet(runtime, generatePlan(size, TODAY));
    const bundle = loadBundle(runtime);
    bundle.run('setUpOrRepairSpreadsheet');
    const count = (edit: () => void) => {
      runtime.core.resetCounts();
      edit();
      return runtime.core.callsByMember();
    };
    const single = count(() =>
      bundle.userEdit('Actions', cell('Status', 50), [['Complete']], { user: AMANDA }),
    );
    const paste = Array.from({ length: 50 }, () => [
      '30/09/2010',
      '',
      '',
      'Head of Service 01',
      'Evidence',
      'Monitoring',
      'Complete',
      '50',
    ]);
    const pasted = count(() =>
      bundle.userEdit('Actions', `${cell('Target date', 10)}:${cell('Progress', 59)}`, paste, {
        user: AMANDA,
      }),
    );
    const spreadsheet = (calls: Record<string, number>) =>
      Object.entries(calls)
        .filter(([k]) => k.startsWith('SpreadsheetApp.'))
        .reduce((n, [, v]) => n + v, 0);
    return { single, pasted, singleTotal: spreadsheet(single), pasteTotal: spreadsheet(pasted) };
  }

  it('are the same, call by call, for 100 and 10,000 actions, and for one cell and a 400-cell paste', () => {
    const small = measure(100);
    const large = measure(10_000);
    expect(large.single).toEqual(small.single);
    expect(large.pasted).toEqual(small.pasted);
    expect(small.pasteTotal).toBe(small.singleTotal);
    expect(small.singleTotal).toBeLessThanOrEqual(35);
    expect(small.single['SpreadsheetApp.Range.setValues']).toBe(2);
  });
});
