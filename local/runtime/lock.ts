// LockService of the local Apps Script runtime: script, user and document locks shared between simulated
// executions, with waiting simulated by moving the clock.
import type { RuntimeCore } from './core';

/** Apps Script's message when waitLock gives up (quoted by scripts that hit it; not in the reference). */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

export type LockScope = 'script' | 'user' | 'document';

export interface LockOptions {
  /** Whose user lock getUserLock() returns: the user the script runs as. Default 'user'. */
  currentUser?: () => string;
  /** Bound to a spreadsheet (the project's case); when false getDocumentLock() returns null. */
  containerBound?: boolean;
}

/** Who holds a lock: the execution that acquired it and which Lock object it used. */
interface Holder {
  executionId: number;
  handle: number;
}

interface LockState {
  holder: Holder | null;
}

class LockImpl {
  constructor(
    private readonly _core: RuntimeCore,
    private readonly _state: LockState,
    private readonly _handle: number,
    private readonly _heldElsewhere: () => boolean,
  ) {}

  /**
   * No effect if this Lock already holds it (reference: Lock.tryLock). Another Lock object, even one from the
   * same execution, has to wait like anyone else: the local runtime treats the lock as not re-entrant, so a job
   * that takes the script lock and then calls another job that takes it too fails here rather than in production.
   */
  tryLock(timeoutInMillis: number): boolean {
    const timeout = checkTimeout(timeoutInMillis);
    if (this.hasLock()) return true;
    if (this._state.holder === null && !this._heldElsewhere()) {
      this._state.holder = { executionId: this._core.executionId, handle: this._handle };
      return true;
    }
    // Simulated executions run one after another, so nothing can release the lock while this one waits:
    // the wait always runs to its end.
    this._core.advance(timeout);
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  /** No effect if the lock was not acquired through this Lock (reference: Lock.releaseLock). */
  releaseLock(): void {
    if (this.hasLock()) this._state.holder = null;
  }

  hasLock(): boolean {
    return this._state.holder !== null && this._state.holder.handle === this._handle;
  }
}

class LockServiceImpl {
  constructor(
    private readonly _core: RuntimeCore,
    private readonly _locks: { script: LockState; document: LockState; user: Map<string, LockState> },
    private readonly _newHandle: () => number,
    private readonly _currentUser: () => string,
    private readonly _bound: boolean,
  ) {}

  getScriptLock(): LockImpl {
    return this._wrap(this._locks.script, () => Boolean(this._core.faults.scriptLockHeld));
  }

  getUserLock(): LockImpl {
    return this._wrap(userLock(this._locks.user, this._currentUser()), () => false);
  }

  /** null outside a containing document (reference: LockService.getDocumentLock). */
  getDocumentLock(): LockImpl | null {
    return this._bound ? this._wrap(this._locks.document, () => false) : null;
  }

  private _wrap(state: LockState, heldElsewhere: () => boolean): LockImpl {
    return this._core.expose(
      'LockService',
      'Lock',
      new LockImpl(this._core, state, this._newHandle(), heldElsewhere),
    );
  }
}

export function createLockService(
  core: RuntimeCore,
  opts: LockOptions = {},
): {
  LockService: LockServiceImpl;
  /** What the runtime calls when an execution ends: Apps Script releases a script's locks when it terminates. */
  releaseAll(executionId: number): void;
  /** The execution holding a lock, or null when it is free ('user' needs the user's email). */
  heldBy(scope: LockScope, user?: string): number | null;
} {
  const locks = {
    script: { holder: null },
    document: { holder: null },
    user: new Map<string, LockState>(),
  } as {
    script: LockState;
    document: LockState;
    user: Map<string, LockState>;
  };
  let handles = 0;
  const currentUser = opts.currentUser ?? (() => 'user');
  const all = (): LockState[] => [locks.script, locks.document, ...locks.user.values()];
  return {
    LockService: core.expose(
      'LockService',
      'LockService',
      new LockServiceImpl(core, locks, () => ++handles, currentUser, opts.containerBound ?? true),
    ),
    releaseAll(executionId: number): void {
      for (const state of all()) if (state.holder?.executionId === executionId) state.holder = null;
    },
    heldBy(scope: LockScope, user?: string): number | null {
      const state =
        scope === 'script'
          ? locks.script
          : scope === 'document'
            ? locks.document
            : userLock(locks.user, user ?? currentUser());
      return state.holder?.executionId ?? null;
    },
  };
}

function userLock(users: Map<string, LockState>, email: string): LockState {
  let state = users.get(email);
  if (!state) {
    state = { holder: null };
    users.set(email, state);
  }
  return state;
}

/**
 * The reference gives no upper bound for the timeout (a wait is bounded by the 6-minute execution limit,
 * which the runtime enforces, not the lock). A negative or non-numeric timeout is refused; the wording of
 * that error is not documented.
 */
function checkTimeout(timeoutInMillis: number): number {
  const ms = Number(timeoutInMillis);
  if (!Number.isFinite(ms) || ms < 0) throw new Error('Invalid argument: timeoutInMillis');
  return Math.floor(ms);
}
