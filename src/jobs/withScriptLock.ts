// Every job runs under the script lock, released in `finally`, so two runs never interleave their writes.
import type { LockPort } from '../gas/ports';

export const LOCK_TIMEOUT_MS = 30_000;

/** Thrown when another run holds the lock past the timeout; the message is for the person who clicked. */
export class LockBusyError extends Error {
  constructor(job: string) {
    super(`${job} did not run: another job on this plan is still running. Try again in a minute.`);
    this.name = 'LockBusyError';
  }
}

export function withScriptLock<T>(lock: LockPort, job: string, work: () => T): T {
  if (!lock.tryLock(LOCK_TIMEOUT_MS)) throw new LockBusyError(job);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
