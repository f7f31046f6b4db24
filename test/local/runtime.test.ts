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
