// Pins LockService of the local runtime: locks shared between executions, simulated waits, release at the end.
import { RuntimeCore } from '../../local/runtime/core';
import { createLockService, LOCK_TIMEOUT_MESSAGE } from '../../local/runtime/lock';

function setup(opts: { containerBound?: boolean } = {}) {
  const core = new RuntimeCore('2010-03-10T09:00:00Z');
  let user = 'alice@council.gov.uk';
  const service = createLockService(core, { currentUser: () => user, ...opts });
  return { core, ...service, switchUser: (email: string) => (user = email) };
}

describe('script lock', () => {
  it('is taken by the first execution and held against the next', () => {
    const { core, LockService, heldBy } = setup();
    const first = core.beginExecution();
    const lock = LockService.getScriptLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(10000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(heldBy('script')).toBe(first);

    core.beginExecution();
    const before = core.nowMillis();
    const other = LockService.getScriptLock();
    expect(other.tryLock(5000)).toBe(false);
    expect(core.nowMillis() - before).toBe(5000); // the wait ran to its end
    expect(other.hasLock()).toBe(false);
  });

  it('makes waitLock throw the service message after waiting the full timeout', () => {
    const { core, LockService } = setup();
    core.beginExecution();
    LockService.getScriptLock().waitLock(1000);
    core.beginExecution();
    const before = core.nowMillis();
    expect(() => LockService.getScriptLock().waitLock(30000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(core.nowMillis() - before).toBe(30000);
  });

  it('is free again once the holding execution ends or releases it', () => {
    const { core, LockService, releaseAll, heldBy } = setup();
    const first = core.beginExecution();
    LockService.getScriptLock().waitLock(1000);
    releaseAll(first);
    expect(heldBy('script')).toBeNull();
    core.beginExecution();
    const lock = LockService.getScriptLock();
    expect(lock.tryLock(0)).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    lock.releaseLock(); // no effect when not held
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  it('is not re-entrant through a second Lock object in the same execution', () => {
    const { core, LockService } = setup();
    core.beginExecution();
    const outer = LockService.getScriptLock();
    outer.waitLock(1000);
    expect(outer.tryLock(1000)).toBe(true); // the same Lock: no effect, no wait
    expect(LockService.getScriptLock().tryLock(1000)).toBe(false);
  });

  it('is held by someone else while the scriptLockHeld fault is on', () => {
    const { core, LockService } = setup();
    core.beginExecution();
    core.faults.scriptLockHeld = true;
    expect(LockService.getScriptLock().tryLock(2000)).toBe(false);
    expect(LockService.getUserLock().tryLock(0)).toBe(true);
    core.faults.scriptLockHeld = false;
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  it('refuses a negative timeout', () => {
    const { LockService } = setup();
    expect(() => LockService.getScriptLock().tryLock(-1)).toThrow('Invalid argument: timeoutInMillis');
  });

  it('counts calls', () => {
    const { core, LockService } = setup();
    LockService.getScriptLock().tryLock(0);
    expect(core.calls.get('LockService.LockService.getScriptLock')).toBe(1);
    expect(core.calls.get('LockService.Lock.tryLock')).toBe(1);
  });
});

describe('user and document locks', () => {
  it('keeps one user lock per user', () => {
    const { core, LockService, switchUser } = setup();
    core.beginExecution();
    expect(LockService.getUserLock().tryLock(0)).toBe(true);
    core.beginExecution();
    expect(LockService.getUserLock().tryLock(0)).toBe(false);
    switchUser('bob@council.gov.uk');
    expect(LockService.getUserLock().tryLock(0)).toBe(true);
  });

  it('has a document lock only when bound to a document', () => {
    expect(setup().LockService.getDocumentLock()).not.toBeNull();
    expect(setup({ containerBound: false }).LockService.getDocumentLock()).toBeNull();
  });
});
