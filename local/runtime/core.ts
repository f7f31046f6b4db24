// The heart of the local Apps Script runtime: the call counter, the simulated clock, injected faults and the
// guard that makes anything not implemented throw instead of silently doing nothing.

/** Thrown when code calls a member of a service object the local runtime does not implement. */
export class NotImplementedError extends Error {
  constructor(member: string) {
    super(`not implemented in the local runtime: ${member}`);
    this.name = 'NotImplementedError';
  }
}

/** What Apps Script reports for a script it stopped at its execution time limit. */
export const EXECUTION_TIME_EXCEEDED = 'Exceeded maximum execution time';

/** Faults a test can inject; each mirrors something the real service does to a running script. */
export interface Faults {
  /** 1-based numbers of the MailApp sends (counted across the runtime's life) that fail. */
  mailFailsOnSend?: number[];
  /** The message a failing send throws (Apps Script's own wording by default). */
  mailFailureMessage?: string;
  /** Another execution holds the script lock for as long as this is true. */
  scriptLockHeld?: boolean;
  /** ScriptApp.newTrigger(...).create() throws. */
  triggerCreationFails?: boolean;
  /** After this many counted calls in one execution, the clock jumps forward by `byMs` (once). */
  clockJump?: { afterCalls: number; byMs: number };
  /**
   * The execution dies right after the Nth successful MailApp send (counted across the runtime's life): its next
   * counted call throws EXECUTION_TIME_EXCEEDED, as does every later one in that execution, since Apps Script runs
   * nothing more of a script it has stopped. The next execution runs normally. An execution that makes no call after
   * the send has finished its work, so the crash lapses with it. Happens once.
   */
  crashAfterMailSend?: number;
}

/** Members every object answers without being counted or refused (probes from Node, Jest and JSON). */
const PASS_THROUGH = new Set([
  'then',
  'toJSON',
  'constructor',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  'inspect',
  'toString',
  'valueOf',
  '$$typeof',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
]);

export class RuntimeCore {
  /** Calls counted as "Service.Type.method", e.g. "SpreadsheetApp.Range.getValues". */
  readonly calls = new Map<string, number>();
  faults: Faults = {};
  private nowMs: number;
  private executionStartMs: number;
  private executionCalls = 0;
  private clockJumped = false;
  private uncountedDepth = 0;
  private mailSends = 0;
  private crashArmed = false;
  /** The execution the crashAfterMailSend fault stopped, if any. */
  private deadExecution: number | null = null;
  /** Identifies the simulated execution now running; locks belong to one execution. */
  executionId = 0;

  constructor(now: Date | string = new Date()) {
    this.nowMs = toMs(now);
    this.executionStartMs = this.nowMs;
  }

  /** The simulated "now": every service that reads the clock (new Date() in the bundle too) reads this. */
  now(): Date {
    return new Date(this.nowMs);
  }

  nowMillis(): number {
    return this.nowMs;
  }

  setNow(now: Date | string): void {
    this.nowMs = toMs(now);
  }

  advance(ms: number): void {
    this.nowMs += ms;
  }

  /** Milliseconds since the current execution started (Apps Script stops a script at 6 minutes). */
  elapsedInExecution(): number {
    return this.nowMs - this.executionStartMs;
  }

  /** Starts a new simulated execution (one entry point run, as a menu click or a trigger would). */
  beginExecution(): number {
    this.executionId += 1;
    this.executionStartMs = this.nowMs;
    this.executionCalls = 0;
    this.clockJumped = false;
    this.crashArmed = false;
    return this.executionId;
  }

  /** MailApp tells the core of each message it sent, for the crashAfterMailSend fault. */
  mailSent(): void {
    this.mailSends += 1;
    if (this.faults.crashAfterMailSend === this.mailSends) this.crashArmed = true;
  }

  count(service: string, member: string): void {
    if (this.uncountedDepth > 0) return;
    if (this.crashArmed || this.deadExecution === this.executionId) {
      this.crashArmed = false;
      this.deadExecution = this.executionId;
      throw new Error(EXECUTION_TIME_EXCEEDED);
    }
    const key = `${service}.${member}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    this.executionCalls += 1;
    const jump = this.faults.clockJump;
    if (jump && !this.clockJumped && this.executionCalls >= jump.afterCalls) {
      this.clockJumped = true;
      this.nowMs += jump.byMs;
    }
  }

  /** Counts per service: { SpreadsheetApp: 12, MailApp: 3 }. */
  callsByService(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, n] of this.calls) {
      const service = key.slice(0, key.indexOf('.'));
      out[service] = (out[service] ?? 0) + n;
    }
    return sortKeys(out);
  }

  /** Counts per member: { "SpreadsheetApp.Range.getValues": 4, ... }. */
  callsByMember(): Record<string, number> {
    return sortKeys(Object.fromEntries(this.calls));
  }

  resetCounts(): void {
    this.calls.clear();
  }

  /** Runs `work` without counting its calls: what a person does in the sheet is not a call the script makes. */
  uncounted<T>(work: () => T): T {
    this.uncountedDepth += 1;
    try {
      return work();
    } finally {
      this.uncountedDepth -= 1;
    }
  }

  /**
   * Wraps an implementation object so that every method call is counted under `service` and `typeName`,
   * a method that returns the object itself returns the wrapper (chaining keeps counting), and any other
   * member the implementation lacks throws NotImplementedError when called. Members starting with `_` are
   * the runtime's own plumbing: neither counted nor refused.
   */
  expose<T extends object>(service: string, typeName: string, target: T): T {
    const proxy: T = new Proxy(target, {
      get: (obj, prop, receiver) => {
        if (typeof prop === 'symbol' || prop.startsWith('_') || PASS_THROUGH.has(prop)) {
          return Reflect.get(obj, prop, receiver);
        }
        if (!(prop in obj)) {
          return () => {
            throw new NotImplementedError(`${typeName}.${prop}`);
          };
        }
        const value = Reflect.get(obj, prop, obj);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          this.count(service, `${typeName}.${prop}`);
          const result = (value as (...a: unknown[]) => unknown).apply(obj, args);
          return result === obj ? proxy : result;
        };
      },
    });
    return proxy;
  }
}

function toMs(d: Date | string): number {
  const ms = typeof d === 'string' ? Date.parse(d) : d.getTime();
  if (Number.isNaN(ms)) throw new Error(`Not a date: ${String(d)}`);
  return ms;
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

/** True for a Date from any realm (the bundle runs in its own vm context, with its own Date). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
