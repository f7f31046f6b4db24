// selectedCode through the bundle: the Code of the selected Actions row, which an open Update progress sidebar asks
// for every few seconds to follow the selection; '' off an action's row; the same few calls whatever the plan's size.
import { loadBundle } from '../../local/bundle';
import { generatePlan } from '../../local/generatePlan';
import { createPlanSpreadsheet } from '../../local/planSpreadsheet';
import { createLocalRuntime } from '../../local/runtime';
import type { SpreadsheetPort } from '../../src/gas/ports';
import { ACTION_HEADERS, action } from '../builders/plan';
import { openPlan, planData, TODAY } from './harness';

const OFFICER = 'robert.hardy@example.org';

function opened(headers = ACTION_HEADERS) {
  return openPlan(
    planData(
      [
        action({ Code: 'CEA1' }), // row 2
        action({ Code: ' cea2 ' }), // row 3: typed in lower case, with spaces
        action({ Code: '' }), // row 4: no code yet
      ],
      { headers },
    ),
  );
}

/** selectedCode as the officer, with `a1` selected. */
function selectedAt(plan: ReturnType<typeof opened>, a1: string): string {
  plan.runtime.spreadsheets.select(a1);
  return plan.bundle.runAs<string>(OFFICER, 'selectedCode');
}

describe('selectedCode (bundle)', () => {
  it.each([
    ['the header row', 'Actions!C1'],
    ['a blank row', 'Actions!C40'],
    ['another sheet', 'People!B2'],
    ['a row with no code yet', 'Actions!C4'],
  ])('is blank on %s', (_, a1) => {
    expect(selectedAt(opened(), a1)).toBe('');
  });

  it('is the Code of the selected row, as the plan reads it, wherever in the row the selection is', () => {
    const plan = opened();
    expect(selectedAt(plan, 'Actions!A2')).toBe('CEA1');
    expect(selectedAt(plan, 'Actions!P2')).toBe('CEA1');
    expect(selectedAt(plan, 'Actions!D3')).toBe('CEA2');
    // A block of rows: its first row, as the menu item takes it.
    expect(selectedAt(plan, 'Actions!B2:E3')).toBe('CEA1');
  });

  it('finds the Code column by its header, wherever it has been moved', () => {
    const moved = [...ACTION_HEADERS.filter((h) => h !== 'Code'), 'Code'];
    expect(selectedAt(opened(moved), 'Actions!A3')).toBe('CEA2');
  });

  it('is blank when Actions has no Code column', () => {
    const plan = opened();
    plan.runtime.core.uncounted(() => {
      const ss = plan.runtime.spreadsheets.active() as unknown as SpreadsheetPort;
      ss.getSheetByName('Actions')
        ?.getRange(1, 1, 1, 1)
        .setValues([['Reference code']]);
    });
    expect(selectedAt(plan, 'Actions!A2')).toBe('');
  });

  it('makes the same calls for 100 and 1,000 actions: the header row and one cell', () => {
    const calls = (size: number) => {
      const runtime = createLocalRuntime({ now: `${TODAY}T09:00:00Z` });
      createPlanSpreadsheet(runtime, generatePlan(size, TODAY));
      const bundle = loadBundle(runtime);
      runtime.spreadsheets.select('Actions!C60');
      runtime.core.resetCounts();
      const code = bundle.runAs<string>(OFFICER, 'selectedCode');
      const actions = runtime.spreadsheets.model().sheets.find((s) => s.name === 'Actions');
      expect(code).toBe(String(actions?.values[59][ACTION_HEADERS.indexOf('Code')]).toUpperCase());
      expect(code).not.toBe('');
      return runtime.core.callsByMember();
    };
    const small = calls(100);
    expect(calls(1_000)).toEqual(small);
    expect(small['SpreadsheetApp.Range.getValues']).toBe(2);
    expect(Object.keys(small).filter((k) => /getDataRange|getSheetByName/.test(k))).toEqual([]);
  });
});
