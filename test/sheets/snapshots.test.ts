// The cycle record and the latest baseline read from Snapshots, against the local runtime's spreadsheet.
import { loadBaseline } from '../../local/baseline';
import { createPlanSpreadsheet } from '../../local/planSpreadsheet';
import { createLocalRuntime } from '../../local/runtime';
import { readPlan } from '../../src/domain/plan';
import type { PropertiesPort, SpreadsheetPort } from '../../src/gas/ports';
import {
  CYCLE_PROPERTY,
  parseCycleRecord,
  readCycleRecord,
  readLatestBaseline,
} from '../../src/sheets/snapshots';
import { ACTION_HEADERS, action, planValues, sheet } from '../builders/plan';

const TODAY = '2010-03-10';
const TAKEN = new Date('2009-10-01T09:30:00Z');

function open() {
  const runtime = createLocalRuntime({ now: `${TODAY}T09:00:00Z` });
  const values = planValues([action({ Code: 'CEA1' })]);
  createPlanSpreadsheet(runtime, { actions: values.actions as unknown[][], people: values.people });
  const plan = readPlan(values, 'Europe/London', TODAY);
  return {
    runtime,
    spreadsheet: runtime.spreadsheets.active() as unknown as SpreadsheetPort,
    properties: (
      runtime.globals.PropertiesService as { getDocumentProperties(): PropertiesPort }
    ).getDocumentProperties(),
    ctx: { lists: plan.lists, people: plan.people, timeZone: 'Europe/London' },
  };
}

/** A baseline as a CSV would give it: text, dates day first. */
const baselineCsv = sheet(ACTION_HEADERS, [
  action({ Code: 'CEA1', Timescale: '', 'Target date': '31/03/2010' }),
  action({ Code: 'CEA2', Status: 'Complete' }),
  action({ Code: 'CEA3', Status: 'Cancelled' }),
  action({ Code: 'CEA4', Lead: 'Amanda Beer', Timescale: 'Complete' }),
  action({ Code: 'CMA1', Theme: 'Communications', Lead: 'Robert Hardy / Amanda Beer' }),
]);

describe('readLatestBaseline', () => {
  it('is undefined before any cycle was started (the plan’s first report)', () => {
    const { spreadsheet, properties, ctx } = open();
    expect(readLatestBaseline(spreadsheet, properties, ctx)).toBeUndefined();
  });

  it('reads the recorded cycle’s live, not complete actions from Snapshots (loaded by loadBaseline)', () => {
    const opened = open();
    expect(loadBaseline(opened.runtime, baselineCsv, TAKEN)).toEqual({ cycle: 1, rows: 5 });
    expect(JSON.parse(opened.runtime.properties.snapshot('document')[CYCLE_PROPERTY])).toEqual({
      cycle: 1,
      takenAt: TAKEN.toISOString(),
      takenBy: 'plan.admin@example.org',
    });
    opened.runtime.core.resetCounts();
    const baseline = readLatestBaseline(opened.spreadsheet, opened.properties, opened.ctx);
    expect(baseline).toMatchObject({ cycle: 1, takenBy: 'plan.admin@example.org' });
    expect(baseline?.takenAt.toISOString()).toBe(TAKEN.toISOString());
    expect(baseline?.actions.map((a) => [a.code, a.effectiveTargetDate, a.lead])).toEqual([
      ['CEA1', '2010-03-31', 'Robert Hardy'],
      ['CMA1', undefined, 'Robert Hardy / Amanda Beer'],
    ]);
    // One read of Snapshots.
    expect(opened.runtime.core.callsByMember()['SpreadsheetApp.Range.getValues']).toBe(1);
  });

  it('reads only the recorded cycle when Snapshots holds several', () => {
    const opened = open();
    loadBaseline(opened.runtime, baselineCsv, TAKEN);
    const snapshots = opened.spreadsheet.getSheetByName('Snapshots');
    snapshots?.appendRow([
      2,
      new Date(),
      'someone@example.org',
      'OCA1',
      'Outcomes',
      'A',
      '',
      '',
      'Later action',
    ]);
    expect(
      readLatestBaseline(opened.spreadsheet, opened.properties, opened.ctx)?.actions.map((a) => a.code),
    ).toEqual(['CEA1', 'CMA1']);
  });

  it('says plainly when the record cannot be read or its Snapshots sheet is gone', () => {
    const opened = open();
    opened.runtime.properties.seed('document', { [CYCLE_PROPERTY]: 'cycle one' });
    expect(() => readCycleRecord(opened.properties)).toThrow(
      'The record of the latest update cycle (document property improvementPlan.cycle) is not readable: cycle one.',
    );
    opened.runtime.properties.seed('document', {
      [CYCLE_PROPERTY]: JSON.stringify({ cycle: 2, takenAt: TAKEN.toISOString(), takenBy: 'x@example.org' }),
    });
    expect(() => readLatestBaseline(opened.spreadsheet, opened.properties, opened.ctx)).toThrow(
      'Update cycle 2 was started, but the Snapshots sheet that holds its baseline is missing',
    );
  });

  it('parses the record the job writes', () => {
    expect(
      parseCycleRecord('{"cycle":3,"takenAt":"2010-03-10T09:00:00.000Z","takenBy":"a@example.org"}'),
    ).toEqual({
      cycle: 3,
      takenAt: new Date('2010-03-10T09:00:00.000Z'),
      takenBy: 'a@example.org',
    });
    expect(() => parseCycleRecord('{"cycle":0,"takenAt":"2010-03-10"}')).toThrow('is not readable');
  });
});
