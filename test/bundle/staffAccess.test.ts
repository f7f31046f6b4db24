// Staff who are not plan administrators, through the bundle: a menu click runs as the person who clicked, so the
// protections setup made apply to them. Their edits are still logged and stamped (the on-edit trigger runs as the
// administrator); the administrators' items tell them so and write nothing; Check the plan and Settings work.
import { loadBundle } from '../../local/bundle';
import { generatePlan } from '../../local/generatePlan';
import { createPlanSpreadsheet } from '../../local/planSpreadsheet';
import { createLocalRuntime } from '../../local/runtime';
import { PROTECTED_MESSAGE } from '../../local/runtime/spreadsheet/permissions';
import { columnLetter } from '../../src/domain/schema';
import type { SpreadsheetPort } from '../../src/gas/ports';
import type { AssignCodesResult } from '../../src/jobs/assignCodes';
import type { CheckPlanResult } from '../../src/jobs/checkPlan';
import type { RefreshResult } from '../../src/jobs/refreshStatus';
import type { SettingsAndSchedules } from '../../src/ui/settingsDialog';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import { ACTION_HEADERS, action, londonMidnight, type Row } from '../builders/plan';
import { planData, TODAY, openSetUpPlan } from './harness';

/** A member of staff: an editor of the spreadsheet, neither its owner nor the administrator who ran setup. */
const JANE = 'jane.clarke@example.org';

const cell = (header: string, row: number) => `${columnLetter(ACTION_HEADERS.indexOf(header))}${row}`;
const col = (header: string) => ACTION_HEADERS.indexOf(header);

const rows: Row[] = [
  action({ Code: 'CEA1', RAG: 'Ongoing' }),
  action({ Code: 'CEA2', 'Target date': londonMidnight('2010-03-01') }), // overdue, RAG not yet written
  action({ Code: '', Category: 'C' }), // a new action without a code
  action({ Code: 'CEA4', Lead: 'Nobody Known', 'Last updated': 'next week' }),
];

/** The plan set up by its administrator (the owner), who so owns the triggers; counts and UI records cleared. */
function openSetUp(actions: Row[] = rows) {
  return openSetUpPlan(planData(actions));
}

type Opened = ReturnType<typeof openSetUp>;

/** The spreadsheet as the owner sees it in Sheets (through the runtime's own objects). */
const spreadsheetOf = ({ runtime }: Opened) => runtime.spreadsheets.active() as unknown as SpreadsheetPort;

const sheetOf = ({ runtime }: Opened, name: string) =>
  runtime.spreadsheets.model().sheets.find((s) => s.name === name);

/** Everything a job could change: the workbook, the document's properties and the installed triggers. */
const state = ({ runtime }: Opened) => ({
  workbook: runtime.spreadsheets.model(),
  properties: runtime.properties.snapshot('document'),
  triggers: runtime.triggers.list(),
});

const refusal = (job: string, why: string) =>
  `${job} needs a plan administrator: it writes to sheets only administrators can edit (${why}). ` +
  'Ask plan.admin@example.org or another plan administrator. Nothing was changed.';

describe('staff who are not plan administrators (bundle)', () => {
  it('their edits to Actions are logged and stamped by the on-edit trigger, which runs as the administrator', () => {
    const opened = openSetUp();
    const { bundle, values } = opened;
    expect(bundle.userEdit('Actions', cell('Status', 2), [['Complete']], { user: JANE })).toBe(1);
    const [headers, ...logged] = sheetOf(opened, 'Audit log')?.displayValues ?? [[]];
    expect(logged.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])))).toEqual([
      expect.objectContaining({
        Editor: JANE,
        Cell: cell('Status', 2),
        Code: 'CEA1',
        'Old value': 'In progress',
        'New value': 'Complete',
      }),
    ]);
    const row = values('Actions')?.[1] ?? [];
    expect(row[col('Updated by')]).toBe(JANE);
    expect(row[col('Last updated')]).toEqual(londonMidnight(TODAY));
    expect(row[col('RAG')]).toBe('Complete');
  });

  it('typing into a column only the script writes is refused to them, as Sheets refuses it', () => {
    const opened = openSetUp();
    expect(() => opened.bundle.userEdit('Actions', cell('RAG', 2), [['Complete']], { user: JANE })).toThrow(
      PROTECTED_MESSAGE,
    );
    expect(opened.values('Actions')?.[1][col('RAG')]).toBe('Ongoing');
  });

  it('Refresh status colours tells them it needs a plan administrator, and writes nothing', () => {
    const opened = openSetUp();
    const before = state(opened);
    const outcome = opened.bundle.runAs<MenuOutcome<RefreshResult>>(JANE, 'refreshStatusColours');
    const message = refusal(
      'Refresh status colours',
      'the status colours also refresh by themselves every morning and after each edit',
    );
    expect(outcome).toEqual({ ok: false, message });
    expect(opened.runtime.spreadsheets.ui.alerts.map((a) => a.prompt)).toEqual([message]);
    expect(state(opened)).toEqual(before);
  });

  it('Assign codes tells them it needs a plan administrator, and writes no code, log row or property', () => {
    const opened = openSetUp();
    const before = state(opened);
    const outcome = opened.bundle.runAs<MenuOutcome<AssignCodesResult>>(JANE, 'assignCodesToNewActions');
    expect(outcome).toEqual({
      ok: false,
      message: refusal('Assign codes', 'every code it gives is recorded in the Audit log'),
    });
    expect(state(opened)).toEqual(before);
  });

  it('Set up or repair tells them it needs a plan administrator, and installs no trigger of theirs', () => {
    const opened = openSetUp();
    const before = state(opened);
    const outcome = opened.bundle.runAs<MenuOutcome<unknown>>(JANE, 'setUpOrRepairSpreadsheet');
    expect(outcome).toEqual({
      ok: false,
      message: refusal(
        'Set up or repair',
        'and the daily and on-edit schedules it installs run as whoever runs it',
      ),
    });
    expect(state(opened)).toEqual(before);
    expect(opened.runtime.triggers.list().map((t) => t.owner)).not.toContain(JANE);
  });

  it('Check the plan works for them: the dialog lists every problem, notes go on cells they may edit, no Run log row', () => {
    const opened = openSetUp();
    const runLogBefore = sheetOf(opened, 'Run log')?.values;
    const outcome = opened.bundle.runAs<MenuOutcome<CheckPlanResult>>(JANE, 'checkThePlan');
    if (!outcome.ok) throw new Error(outcome.message);
    const problems = outcome.result.problems.map((p) => [p.row, p.column]);
    expect(problems).toEqual(
      expect.arrayContaining([
        [5, 'Lead'],
        [5, 'Last updated'],
      ]),
    );
    const [dialog] = opened.runtime.spreadsheets.ui.dialogs;
    expect(dialog.title).toBe('Check the plan');
    expect(dialog.content).toContain('Last updated');
    expect(opened.runtime.spreadsheets.ui.alerts).toEqual([]);
    const notes = sheetOf(opened, 'Actions')?.notes ?? [];
    expect(notes[4][col('Lead')]).toMatch(/^Check the plan: Lead "Nobody Known" is not in People/);
    // Last updated is protected (only the script writes it), so its problem is noted on the row's Code.
    expect(notes[4][col('Code')]).toMatch(/^Check the plan: Last updated holds the text "next week"/);
    expect(notes[4][col('Last updated')]).toBe('');
    expect(sheetOf(opened, 'Run log')?.values).toEqual(runLogBefore);
  });

  it('Check the plan run by the administrator leaves the same notes, and its Run log row', () => {
    const staff = openSetUp();
    staff.bundle.runAs(JANE, 'checkThePlan');
    const admin = openSetUp();
    const outcome = admin.bundle.run<MenuOutcome<CheckPlanResult>>('checkThePlan');
    expect(outcome.ok).toBe(true);
    expect(sheetOf(admin, 'Actions')?.notes).toEqual(sheetOf(staff, 'Actions')?.notes);
    const runLog = sheetOf(admin, 'Run log')?.values ?? [];
    expect(runLog[runLog.length - 1][0]).toBe('Check the plan');
    // A second run by staff after the administrator's changes nothing.
    const before = state(admin);
    admin.bundle.runAs(JANE, 'checkThePlan');
    expect(state(admin).workbook).toEqual(before.workbook);
  });

  it('Settings and schedules works for them and names the administrator whose triggers run', () => {
    const opened = openSetUp();
    const outcome = opened.bundle.runAs<MenuOutcome<SettingsAndSchedules>>(JANE, 'settingsAndSchedules');
    if (!outcome.ok) throw new Error(outcome.message);
    const statuses = outcome.result.triggers.map((t) => t.status);
    expect(statuses).toHaveLength(6);
    for (const status of statuses) {
      expect(status).toMatch(
        /^installed by plan\.admin@example\.org on .*, known from setup’s record only \(only they can see or change it\)$/,
      );
    }
  });

  it('the administrator running the same items after them gets the work done as before', () => {
    const opened = openSetUp();
    const { bundle, values } = opened;
    bundle.runAs(JANE, 'refreshStatusColours');
    bundle.runAs(JANE, 'assignCodesToNewActions');
    const refreshed = bundle.run<MenuOutcome<RefreshResult>>('refreshStatusColours');
    expect(refreshed.ok).toBe(true);
    expect(values('Actions')?.[2][col('RAG')]).toBe('Overdue');
    const assigned = bundle.run<MenuOutcome<AssignCodesResult>>('assignCodesToNewActions');
    expect(assigned.ok && assigned.result.assigned).toEqual([[4, 'CEC1']]);
    expect(sheetOf(opened, 'Audit log')?.displayValues.map((r) => r[1])).toContain('Assign codes');
  });

  it('the daily refresh runs as the administrator who installed it, whoever clicked last', () => {
    const opened = openSetUp();
    opened.bundle.runAs(JANE, 'checkThePlan');
    // Even with Jane as the Session's user, the trigger runs as the administrator who installed it.
    const result = opened.runtime.withUser({ effective: JANE }, () =>
      opened.bundle.trigger<RefreshResult>('dailyRefresh'),
    );
    expect(result.ragWritten).toBe(true);
    expect(opened.values('Actions')?.[2][col('RAG')]).toBe('Overdue');
  });

  it('a plan administrator other than the owner (a listed editor of every protection) may run them', () => {
    const opened = openSetUp();
    const ss = spreadsheetOf(opened);
    const { ProtectionType } = opened.runtime.globals
      .SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const protections = [
      ...ss.getProtections(ProtectionType.SHEET),
      ...ss.getProtections(ProtectionType.RANGE),
    ];
    expect(protections).toHaveLength(10); // seven log sheets and the Dashboard's, three columns' of Actions
    for (const p of protections) p.addEditor('deputy@example.org');
    const outcome = opened.bundle.runAs<MenuOutcome<RefreshResult>>(
      'deputy@example.org',
      'refreshStatusColours',
    );
    expect(outcome.ok).toBe(true);
  });

  it('a protection of the council’s own that stops a job midway is reported in plain terms, nothing written', () => {
    const opened = openSetUp();
    const ss = spreadsheetOf(opened);
    const { ProtectionType } = opened.runtime.globals
      .SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    for (const p of [
      ...ss.getProtections(ProtectionType.SHEET),
      ...ss.getProtections(ProtectionType.RANGE),
    ]) {
      p.addEditor('deputy@example.org'); // a plan administrator…
    }
    const actions = ss.getSheetByName('Actions');
    if (!actions) throw new Error('no Actions sheet');
    const own = actions
      .getRange(1, col('Code') + 1, actions.getMaxRows(), 1)
      .protect()
      .setDescription('Codes are agreed by the Policy team');
    own.removeEditors(own.getEditors().map((u) => u.getEmail())); // …whom the council's own protection leaves out
    if (own.canDomainEdit()) own.setDomainEdit(false);
    const before = state(opened);
    const outcome = opened.bundle.runAs<MenuOutcome<AssignCodesResult>>(
      'deputy@example.org',
      'assignCodesToNewActions',
    );
    expect(outcome).toEqual({
      ok: false,
      message:
        'Assign codes could not finish: it had to write to cells protected against you (Data › Protected sheets ' +
        'and ranges says who may edit them). Ask plan.admin@example.org to run it, or to let you edit them.',
    });
    // The Code column is the job's first write, so nothing was written.
    expect(state(opened)).toEqual(before);
  });

  it('staff running Check the plan make the same number of Spreadsheet calls for 100 and 10,000 actions', () => {
    const calls = [100, 10_000].map((size) => {
      const runtime = createLocalRuntime({ now: `${TODAY}T09:00:00Z` });
      createPlanSpreadsheet(runtime, generatePlan(size, TODAY));
      const bundle = loadBundle(runtime);
      bundle.run('setUpOrRepairSpreadsheet');
      runtime.core.resetCounts();
      const outcome = bundle.runAs<MenuOutcome<unknown>>(JANE, 'checkThePlan');
      expect(outcome.ok).toBe(true);
      const refused = runtime.core.callsByService().SpreadsheetApp;
      runtime.core.resetCounts();
      bundle.runAs(JANE, 'refreshStatusColours');
      return [refused, runtime.core.callsByService().SpreadsheetApp];
    });
    expect(calls[1]).toEqual(calls[0]);
  });
});
