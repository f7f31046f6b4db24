// onOpen through the bundle: the menu Sheets shows, each item naming a real top-level function.
import { openPlan, planData } from './harness';
import { action } from '../builders/plan';

describe('onOpen (bundle)', () => {
  it('adds the Improvement Plan menu whose items call top-level functions of the bundle', () => {
    const { runtime, bundle } = openPlan(planData([action()]));
    bundle.run('onOpen');
    const menus = runtime.spreadsheets.ui.menus;
    expect(menus).toHaveLength(1);
    expect(menus[0].name).toBe('Improvement Plan');
    const handlers = menus[0].items.flatMap((i) => ('functionName' in i ? [i.functionName] : []));
    expect(handlers).toEqual([
      'updateProgress',
      'setUpOrRepairSpreadsheet',
      'refreshStatusColours',
      'assignCodesToNewActions',
      'checkThePlan',
      'generateCommitteeReport',
      'startNewUpdateCycle',
      'previewReminders',
      'sendRemindersNow',
      'settingsAndSchedules',
    ]);
    for (const h of handlers) expect(bundle.entryPoints()).toContain(h);
  });

  it('reads no plan data (a simple trigger must be quick and needs no authorisation)', () => {
    const { runtime, bundle } = openPlan(planData([action()]));
    bundle.run('onOpen');
    expect(runtime.core.callsByMember()['SpreadsheetApp.Range.getValues']).toBeUndefined();
  });
});
