// Start a new update cycle through the bundle: the confirmation, Snapshots, Archive, Actions without the finished
// rows, the cycle record, and nothing lost when the job is interrupted at any step and run again.
import { generatePlan } from '../../local/generatePlan';
import type { PlanData } from '../../local/planSpreadsheet';
import type { StartCycleResult } from '../../src/jobs/startCycle';
import { readPlan } from '../../src/domain/plan';
import type { PropertiesPort, SpreadsheetPort } from '../../src/gas/ports';
import { CYCLE_PROPERTY, readLatestBaseline } from '../../src/sheets/snapshots';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import {
  ACTION_HEADERS,
  action,
  londonMidnight,
  PEOPLE,
  PEOPLE_HEADERS,
  type Row,
  sheet,
} from '../builders/plan';
import { planData, TODAY, openSetUpPlan } from './harness';

const JOB = 'Start a new update cycle';
const NOW = `${TODAY}T09:00:00.000Z`;
const OWNER = 'plan.admin@example.org';
/** A council's own column, which every copy must keep. */
const HEADERS = [...ACTION_HEADERS, 'Directorate'];

const rows: Row[] = [
  action({ Code: 'CEA1', Directorate: 'Chief Executive’s' }),
  action({ Code: 'CEA2', Status: 'Complete', 'Latest update': "'=SUM(A1)" }),
  action({ Code: 'CEA3', Timescale: "'2009/10", 'Target date': londonMidnight('2010-03-31') }),
  action({ Code: 'CEA4', Status: 'Cancelled', Directorate: 'Resources' }),
  action({ Code: 'CEA5', Action: '+44 is not a formula', Progress: "'40" }),
  action({ Code: 'CEA6', Status: 'Complete' }),
];

function openSetUp(actions: Row[] | PlanData = rows, headers = HEADERS) {
  return openSetUpPlan(Array.isArray(actions) ? planData(actions, { headers }) : actions);
}

type Opened = ReturnType<typeof openSetUp>;

/** Clicks the menu item and answers the confirmation. */
function startCycle(opened: Opened, answer: 'YES' | 'NO' = 'YES'): MenuOutcome<StartCycleResult> {
  opened.runtime.spreadsheets.ui.answer({ button: answer });
  return opened.bundle.run<MenuOutcome<StartCycleResult>>('startNewUpdateCycle');
}

function started(opened: Opened): StartCycleResult {
  const outcome = startCycle(opened);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

/** A sheet's data rows as {header: value}. */
function records(opened: Opened, name: string): Row[] {
  const [header = [], ...data] = opened.values(name) ?? [];
  return data
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

const codes = (rs: Row[]) => rs.map((r) => r.Code);
/** Outcomes of this job's Run log rows (setup has its own). */
const runLog = (opened: Opened) =>
  records(opened, 'Run log')
    .filter((r) => r.Job === JOB)
    .map((r) => r.Outcome);
const iso = (v: unknown) =>
  v instanceof Date || Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString() : v;

/**
 * Makes the n-th counted call of `member` throw before it acts, as a service failure or a timeout at that point
 * would. The runtime's own call counter is the hook: every service call passes through it first.
 */
function failOn(opened: Opened, member: string, nth: number): { fired: () => boolean; clear: () => void } {
  const core = opened.runtime.core;
  const original = core.count.bind(core);
  let seen = 0;
  let fired = false;
  core.count = (service: string, name: string) => {
    const key = `${service}.${name}`;
    const before = core.calls.get(key) ?? 0;
    original(service, name);
    if (key === member && (core.calls.get(key) ?? 0) > before && ++seen === nth) {
      fired = true;
      throw new Error(`Service error: ${member} (simulated)`);
    }
  };
  return {
    fired: () => fired,
    clear: () => Reflect.deleteProperty(core, 'count'),
  };
}

describe('startNewUpdateCycle (bundle)', () => {
  it('asks first, naming the cycle, the copy and the actions that will move', () => {
    const opened = openSetUp();
    started(opened);
    const [question, outcome] = opened.runtime.spreadsheets.ui.alerts;
    expect(question).toMatchObject({ kind: 'alert', title: JOB, buttons: 'YES_NO', button: 'YES' });
    expect(question.prompt).toContain('This starts update cycle 1');
    expect(question.prompt).toContain('A copy of all 6 actions in Actions goes to Snapshots.');
    expect(question.prompt).toContain(
      '3 complete or cancelled actions (CEA2, CEA4, CEA6) will move from Actions to Archive.',
    );
    expect(outcome.prompt).toBe(
      'Started update cycle 1: copied 6 rows to Snapshots. Moved 3 to Archive: CEA2, CEA4, CEA6.\n\n' +
        'The next committee report counts against this baseline.',
    );
  });

  it('No changes nothing at all', () => {
    const opened = openSetUp();
    const before = opened.runtime.spreadsheets.model();
    const outcome = startCycle(opened, 'NO');
    expect(outcome).toMatchObject({ ok: true, result: { started: false, cycle: 1 } });
    expect(opened.runtime.spreadsheets.model()).toEqual(before);
    expect(opened.runtime.properties.snapshot('document')[CYCLE_PROPERTY]).toBeUndefined();
    expect(opened.runtime.core.callsByMember()['SpreadsheetApp.Range.setValues']).toBeUndefined();
  });

  it('copies Actions to Snapshots, moves finished rows to Archive, and records the cycle', () => {
    const opened = openSetUp();
    const before = records(opened, 'Actions');
    const result = started(opened);
    expect(result).toEqual({
      started: true,
      cycle: 1,
      resumed: false,
      snapshotRows: 6,
      moved: ['CEA2', 'CEA4', 'CEA6'],
      archived: 3,
      alreadyArchived: 0,
    });

    // Snapshots: every row, every column (the council's own included), values exactly as they were.
    const snapshots = records(opened, 'Snapshots');
    expect(snapshots.map((r) => [r.Cycle, iso(r.Taken), r['Taken by']])).toEqual(
      before.map(() => [1, NOW, OWNER]),
    );
    expect(snapshots.map((r) => Object.fromEntries(HEADERS.map((h) => [h, iso(r[h])])))).toEqual(
      before.map((r) => Object.fromEntries(HEADERS.map((h) => [h, iso(r[h])]))),
    );
    // Text stays text: a formula-looking update, "2009/10" and "40" are not turned into a formula, a date, a number.
    const cea = (rs: Row[], code: string) => rs.find((r) => r.Code === code) as Row;
    expect(cea(snapshots, 'CEA2')['Latest update']).toBe('=SUM(A1)');
    expect(cea(snapshots, 'CEA3').Timescale).toBe('2009/10');
    expect(cea(snapshots, 'CEA5')).toMatchObject({ Action: '+44 is not a formula', Progress: '40' });

    // Archive: the finished rows, whole, with when, who and which cycle.
    const archive = records(opened, 'Archive');
    expect(
      archive.map((r) => [iso(r.Archived), r['Archived by'], r.Cycle, r.Code, r.Status, r.Directorate]),
    ).toEqual([
      [NOW, OWNER, 1, 'CEA2', 'Complete', ''],
      [NOW, OWNER, 1, 'CEA4', 'Cancelled', 'Resources'],
      [NOW, OWNER, 1, 'CEA6', 'Complete', ''],
    ]);
    expect(cea(archive, 'CEA2')['Latest update']).toBe('=SUM(A1)');

    // Actions: the rest, in order and unchanged, and the freed rows at the bottom blank.
    const actions = opened.values('Actions') ?? [];
    expect(actions[0]).toEqual(HEADERS);
    expect(records(opened, 'Actions')).toEqual(
      before.filter((r) => ['CEA1', 'CEA3', 'CEA5'].includes(r.Code as string)),
    );
    expect(actions.slice(4).every((r) => r.every((c) => c === ''))).toBe(true);
    expect(cea(records(opened, 'Actions'), 'CEA3').Timescale).toBe('2009/10');

    expect(JSON.parse(opened.runtime.properties.snapshot('document')[CYCLE_PROPERTY])).toEqual({
      cycle: 1,
      takenAt: NOW,
      takenBy: OWNER,
    });
    expect(
      records(opened, 'Audit log').map((r) => [r.Editor, r.Sheet, r.Cell, r.Code, r['New value']]),
    ).toEqual([
      [JOB, 'Actions', 'A3:T3', 'CEA2', 'Moved to Archive (update cycle 1)'],
      [JOB, 'Actions', 'A5:T5', 'CEA4', 'Moved to Archive (update cycle 1)'],
      [JOB, 'Actions', 'A7:T7', 'CEA6', 'Moved to Archive (update cycle 1)'],
    ]);
    expect(runLog(opened)).toEqual(['ok']);

    // The report's baseline is this copy: the actions that were live and not complete.
    const { runtime } = opened;
    const plan = readPlan(
      { actions: sheet(HEADERS, rows), people: sheet(PEOPLE_HEADERS, PEOPLE) },
      'Europe/London',
      TODAY,
    );
    const baseline = readLatestBaseline(
      runtime.spreadsheets.active() as unknown as SpreadsheetPort,
      (
        runtime.globals.PropertiesService as { getDocumentProperties(): PropertiesPort }
      ).getDocumentProperties(),
      { lists: plan.lists, people: plan.people, timeZone: 'Europe/London' },
    );
    expect(baseline?.actions.map((a) => a.code)).toEqual(['CEA1', 'CEA3', 'CEA5']);
    expect(baseline?.takenAt.toISOString()).toBe(NOW);
  });

  it('writes each block once: one read of each sheet, no call per action', () => {
    const calls = (n: number) => {
      const opened = openSetUp(generatePlan(n, TODAY));
      const result = started(opened);
      expect(result.moved.length).toBeGreaterThan(n / 10);
      const byMember = opened.runtime.core.callsByMember();
      expect(byMember['SpreadsheetApp.Range.getValues']).toBe(11); // the plan's 4 sheets and Snapshots, twice; Archive
      expect(byMember['SpreadsheetApp.Range.setValues']).toBe(5); // Snapshots, Archive, Actions, Audit log, Run log
      // Growing a sheet's grid to fit the copies is the only call that depends on size (once per sheet at most).
      const {
        'SpreadsheetApp.Sheet.insertRowsAfter': grown = 0,
        'SpreadsheetApp.Sheet.getMaxRows': _,
        ...rest
      } = byMember;
      expect(grown).toBeLessThanOrEqual(3);
      return rest;
    };
    expect(calls(100)).toEqual(calls(2000));
  });

  it('starts cycle 2 after cycle 1, each with its own copy', () => {
    const opened = openSetUp();
    started(opened);
    opened.bundle.userEdit('Actions', `${String.fromCharCode(65 + ACTION_HEADERS.indexOf('Status'))}2`, [
      ['Complete'],
    ]);
    opened.runtime.spreadsheets.ui.reset();
    const second = started(opened);
    expect(second).toMatchObject({ cycle: 2, resumed: false, snapshotRows: 3, moved: ['CEA1'] });
    expect(records(opened, 'Snapshots').map((r) => [r.Cycle, r.Code])).toEqual([
      ...['CEA1', 'CEA2', 'CEA3', 'CEA4', 'CEA5', 'CEA6'].map((c) => [1, c]),
      ...['CEA1', 'CEA3', 'CEA5'].map((c) => [2, c]),
    ]);
    expect(records(opened, 'Archive').map((r) => [r.Cycle, r.Code])).toEqual([
      [1, 'CEA2'],
      [1, 'CEA4'],
      [1, 'CEA6'],
      [2, 'CEA1'],
    ]);
    expect(codes(records(opened, 'Actions'))).toEqual(['CEA3', 'CEA5']);
    expect(JSON.parse(opened.runtime.properties.snapshot('document')[CYCLE_PROPERTY]).cycle).toBe(2);
  });

  describe('interrupted at any step, nothing is lost and a second run finishes the job', () => {
    const finalState = (opened: Opened) => ({
      actions: opened.values('Actions'),
      snapshots: opened.values('Snapshots'),
      archive: opened.values('Archive'),
      cycle: opened.runtime.properties.snapshot('document')[CYCLE_PROPERTY],
    });
    let expected: ReturnType<typeof finalState>;
    beforeAll(() => {
      const clean = openSetUp();
      started(clean);
      expected = finalState(clean);
    });
    const allCodes = codes(rows);

    // Every write the job makes before the cycle is recorded, in order (the council's Directorate column is added
    // to the Snapshots and Archive headers first).
    const steps: [string, string, number][] = [
      ['the Snapshots header', 'SpreadsheetApp.Range.setValues', 1],
      ['the Snapshots copy', 'SpreadsheetApp.Range.setValues', 2],
      ['the Archive header', 'SpreadsheetApp.Range.setValues', 3],
      ['the Archive rows', 'SpreadsheetApp.Range.setValues', 4],
      ['the Actions rewrite', 'SpreadsheetApp.Range.setValues', 5],
      ['the Audit log', 'SpreadsheetApp.Range.setValues', 6],
      ['recording the cycle', 'PropertiesService.Properties.setProperty', 1],
    ];
    it.each(steps)('stopped at %s', (_, member, nth) => {
      const opened = openSetUp();
      const fault = failOn(opened, member, nth);
      const outcome = startCycle(opened);
      fault.clear();
      expect(fault.fired()).toBe(true);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.message).toContain('Stopped part-way through starting update cycle 1');
        expect(outcome.message).toContain('Run Start a new update cycle again to finish it.');
      }
      // Every action is still in Actions or archived for this cycle; the cycle is not recorded yet.
      const archivedNow = records(opened, 'Archive').filter((r) => r.Cycle === 1);
      expect(new Set([...codes(records(opened, 'Actions')), ...codes(archivedNow)])).toEqual(
        new Set(allCodes),
      );
      expect(opened.runtime.properties.snapshot('document')[CYCLE_PROPERTY]).toBeUndefined();
      expect(runLog(opened)).toEqual(['failed']);

      // The second run finishes it: the same end as an uninterrupted run, nothing copied twice.
      opened.runtime.spreadsheets.ui.reset();
      const second = started(opened);
      expect(second.cycle).toBe(1);
      expect(finalState(opened)).toEqual(expected);
      expect(opened.runtime.spreadsheets.ui.alerts[0].prompt).toContain(
        nth <= 2 && member.endsWith('setValues')
          ? 'This starts update cycle 1'
          : 'Starting update cycle 1 was interrupted',
      );
    });
  });

  it('an archive row edited after an interrupted run is archived again as it now stands, not lost', () => {
    const opened = openSetUp();
    const fault = failOn(opened, 'SpreadsheetApp.Range.setValues', 5); // after Snapshots and Archive
    startCycle(opened);
    fault.clear();
    const latest = `${String.fromCharCode(65 + ACTION_HEADERS.indexOf('Latest update'))}7`;
    opened.bundle.userEdit('Actions', latest, [['Signed off by Cabinet']]);
    started(opened);
    expect(records(opened, 'Archive').map((r) => [r.Code, r['Latest update']])).toEqual([
      ['CEA2', '=SUM(A1)'],
      ['CEA4', ''],
      ['CEA6', ''],
      ['CEA6', 'Signed off by Cabinet'],
    ]);
    expect(codes(records(opened, 'Actions'))).toEqual(['CEA1', 'CEA3', 'CEA5']);
  });

  it('a Run log that cannot be written does not undo or repeat the cycle', () => {
    const opened = openSetUp();
    const fault = failOn(opened, 'SpreadsheetApp.Range.setValues', 7);
    const result = started(opened);
    fault.clear();
    expect(fault.fired()).toBe(true);
    expect(result.runLogWarning).toContain('The Run log line could not be written');
    expect(JSON.parse(opened.runtime.properties.snapshot('document')[CYCLE_PROPERTY]).cycle).toBe(1);
    expect(opened.runtime.spreadsheets.ui.alerts[1].prompt).toContain(
      'The Run log line could not be written',
    );
  });

  it('two rows sharing a code are both archived', () => {
    const opened = openSetUp([
      action({ Code: 'CEA1' }),
      action({ Code: 'CEA2', Status: 'Complete', Action: 'First' }),
      action({ Code: 'CEA2', Status: 'Complete', Action: 'Second' }),
    ]);
    started(opened);
    expect(records(opened, 'Archive').map((r) => [r.Code, r.Action])).toEqual([
      ['CEA2', 'First'],
      ['CEA2', 'Second'],
    ]);
    expect(codes(records(opened, 'Actions'))).toEqual(['CEA1']);
  });

  it('an Archive without its Cycle header stops the job before anything is written', () => {
    const opened = openSetUp();
    opened.runtime.core.uncounted(() => {
      const ss = opened.runtime.spreadsheets.active() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
      ss.getSheetByName('Archive')?.getRange('C1').setValue('Round');
    });
    const before = opened.runtime.spreadsheets.model().sheets.filter((s) => s.name !== 'Run log');
    const outcome = startCycle(opened);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toContain('The Archive sheet has no "Cycle" column');
    expect(opened.runtime.spreadsheets.model().sheets.filter((s) => s.name !== 'Run log')).toEqual(before);
    expect(opened.runtime.properties.snapshot('document')[CYCLE_PROPERTY]).toBeUndefined();
  });

  it('is for plan administrators only', () => {
    const opened = openSetUp();
    const outcome = opened.bundle.runAs<MenuOutcome<StartCycleResult>>(
      'jane.clarke@example.org',
      'startNewUpdateCycle',
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toContain('Start a new update cycle needs a plan administrator');
    expect(records(opened, 'Snapshots')).toEqual([]);
  });
});
