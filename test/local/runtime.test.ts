// The assembled runtime: the bundle's clock is the simulated one, executions release their locks, calls are counted.
import * as vm from 'node:vm';
import { NotImplementedError } from '../../local/runtime/core';
import { createLocalRuntime } from '../../local/runtime';

function inContext<T>(runtime: ReturnType<typeof createLocalRuntime>, code: string): T {
  return vm.runInContext(code, vm.createContext({ ...runtime.globals })) as T;
}

describe('createLocalRuntime', () => {
  it('the tests run in a machine zone far from London, so local-time slips fail them', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Pacific/Auckland');
  });

  it('new Date() and Date.now() in script code read the simulated clock; dated arguments work as usual', () => {
    const runtime = createLocalRuntime({ now: '2010-03-10T09:00:00Z' });
    expect(inContext(runtime, 'new Date().toISOString()')).toBe('2010-03-10T09:00:00.000Z');
    runtime.core.advance(60_000);
    expect(inContext(runtime, 'Date.now()')).toBe(Date.parse('2010-03-10T09:01:00Z'));
    expect(inContext(runtime, 'new Date("2011-01-01T00:00:00Z").getTime()')).toBe(
      Date.parse('2011-01-01T00:00:00Z'),
    );
  });

  it('date cells handed to script code are Dates of the script’s realm', () => {
    const runtime = createLocalRuntime({ now: '2010-03-10T09:00:00Z' });
    const ss = runtime.spreadsheets.create('Plan');
    runtime.spreadsheets.load('Sheet1', [['31/03/2010']], ss);
    const isDate = inContext<boolean>(
      runtime,
      'SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1).getValue() instanceof Date',
    );
    expect(isDate).toBe(true);
  });

  it('an execution releases the script lock when it ends, as Apps Script does', () => {
    const runtime = createLocalRuntime();
    const lock = runtime.globals.LockService as { getScriptLock(): { tryLock(ms: number): boolean } };
    expect(runtime.execute(() => lock.getScriptLock().tryLock(1000))).toBe(true);
    expect(runtime.execute(() => lock.getScriptLock().tryLock(1000))).toBe(true); // the first run's lock is gone
  });

  it('a lock held by a running execution makes another wait and fail', () => {
    const runtime = createLocalRuntime({ now: '2010-03-10T09:00:00Z' });
    const lock = runtime.globals.LockService as {
      getScriptLock(): { tryLock(ms: number): boolean; waitLock(ms: number): void };
    };
    runtime.core.beginExecution();
    expect(lock.getScriptLock().tryLock(0)).toBe(true);
    runtime.core.beginExecution(); // a second execution starts while the first still holds the lock
    expect(() => lock.getScriptLock().waitLock(10_000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(runtime.core.now().toISOString()).toBe('2010-03-10T09:00:10.000Z');
  });

  it('counts calls per service and throws on what it does not implement', () => {
    const runtime = createLocalRuntime();
    runtime.spreadsheets.create('Plan');
    inContext(runtime, 'SpreadsheetApp.getActiveSpreadsheet().getSheets()');
    expect(runtime.core.callsByService()).toEqual({ SpreadsheetApp: 2 });
    expect(() =>
      inContext(runtime, 'SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("A1").foo()'),
    ).toThrow('not implemented in the local runtime: Range.foo');
    expect(() =>
      inContext(runtime, 'SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("A1").foo()'),
    ).toThrow(NotImplementedError);
  });

  it('the clock-jump fault moves time past the execution budget mid-run', () => {
    const runtime = createLocalRuntime({ now: '2010-03-10T09:00:00Z' });
    runtime.spreadsheets.create('Plan');
    runtime.core.faults.clockJump = { afterCalls: 2, byMs: 5 * 60_000 };
    runtime.execute(() => inContext(runtime, 'SpreadsheetApp.getActiveSpreadsheet().getSheets()'));
    expect(runtime.core.elapsedInExecution()).toBe(5 * 60_000);
  });
});

describe('runs as a user', () => {
  const JANE = 'jane.clarke@example.org';
  type Globals = {
    Session: GoogleAppsScript.Base.Session;
    ScriptApp: GoogleAppsScript.Script.ScriptApp;
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  const globalsOf = (runtime: ReturnType<typeof createLocalRuntime>) => runtime.globals as unknown as Globals;

  it('executeAs makes the person Session’s active and effective user for that execution only', () => {
    const runtime = createLocalRuntime();
    const { Session } = globalsOf(runtime);
    const who = () => [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()];
    expect(runtime.executeAs({ effective: JANE }, who)).toEqual([JANE, JANE]);
    expect(runtime.executeAs({ effective: runtime.owner, active: '' }, who)).toEqual(['', runtime.owner]);
    expect(runtime.execute(who)).toEqual([runtime.owner, runtime.owner]);
  });

  it('a trigger made in someone’s execution is theirs: only they see it, and it runs as them', () => {
    const runtime = createLocalRuntime();
    runtime.spreadsheets.create('Plan');
    const { ScriptApp } = globalsOf(runtime);
    runtime.executeAs({ effective: JANE }, () =>
      ScriptApp.newTrigger('dailyRefresh').timeBased().everyDays(1).atHour(6).create(),
    );
    expect(runtime.triggers.list().map((t) => t.owner)).toEqual([JANE]);
    expect(runtime.execute(() => ScriptApp.getProjectTriggers())).toHaveLength(0);
    expect(runtime.executeAs({ effective: JANE }, () => ScriptApp.getProjectTriggers())).toHaveLength(1);
  });

  it('the spreadsheet’s protections apply to whoever the execution runs as', () => {
    const runtime = createLocalRuntime();
    runtime.spreadsheets.create('Plan');
    const { SpreadsheetApp } = globalsOf(runtime);
    const sheet = () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    runtime.execute(() => {
      const p = sheet().protect();
      p.removeEditors(p.getEditors());
      if (p.canDomainEdit()) p.setDomainEdit(false);
    });
    expect(() => runtime.executeAs({ effective: JANE }, () => sheet().getRange('A1').setValue('x'))).toThrow(
      'You are trying to edit a protected cell or object.',
    );
    runtime.execute(() => sheet().getRange('A1').setValue('x'));
    expect(runtime.spreadsheets.model().sheets[0].values[0][0]).toBe('x');
  });
});
