// Logger and console of the local Apps Script runtime: both record lines (with their level) instead of
// printing, since Apps Script sends them to the execution log / Cloud Logging rather than a terminal.
import { format } from 'node:util';
import type { RuntimeCore } from './core';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

export interface LogEntry {
  source: 'Logger' | 'console';
  level: LogLevel;
  message: string;
  time: Date;
  executionId: number;
}

class LoggerImpl {
  constructor(
    private readonly _core: RuntimeCore,
    private readonly _record: (entry: LogEntry) => void,
    private readonly _entries: LogEntry[],
  ) {}

  /**
   * log(data) writes the value; log(format, ...values) replaces each %s with the next value
   * (reference: Logger.log(String,Object...)). A %s with no value left stays as written.
   */
  log(data: unknown, ...values: unknown[]): LoggerImpl {
    let message: string;
    if (values.length === 0) {
      message = show(data);
    } else {
      let next = 0;
      message = String(data).replace(/%s/g, (m) => (next < values.length ? show(values[next++]) : m));
    }
    this._record({
      source: 'Logger',
      level: 'INFO',
      message,
      time: this._core.now(),
      executionId: this._core.executionId,
    });
    return this;
  }

  /** The messages logged with Logger in the current execution, one a line. */
  getLog(): string {
    return this._current()
      .map((e) => e.message)
      .join('\n');
  }

  /** Clears the current execution's Logger log; what the runtime recorded (`lines`) is kept. */
  clear(): void {
    this._clearedAt.set(this._core.executionId, this._entries.length);
  }

  /** Per execution, how many entries existed when Logger.clear() was last called. */
  private readonly _clearedAt = new Map<number, number>();

  private _current(): LogEntry[] {
    const id = this._core.executionId;
    const from = this._clearedAt.get(id) ?? 0;
    return this._entries.slice(from).filter((e) => e.source === 'Logger' && e.executionId === id);
  }
}

class ConsoleImpl {
  private readonly _timers = new Map<string, number>();

  constructor(
    private readonly _core: RuntimeCore,
    private readonly _record: (entry: LogEntry) => void,
  ) {}

  log(...args: unknown[]): void {
    this._write('INFO', args);
  }
  info(...args: unknown[]): void {
    this._write('INFO', args);
  }
  warn(...args: unknown[]): void {
    this._write('WARNING', args);
  }
  error(...args: unknown[]): void {
    this._write('ERROR', args);
  }
  time(label = 'default'): void {
    this._timers.set(String(label), this._core.nowMillis());
  }
  timeEnd(label = 'default'): void {
    const started = this._timers.get(String(label));
    if (started === undefined) return;
    this._timers.delete(String(label));
    this._write('INFO', [`${String(label)}: ${this._core.nowMillis() - started}ms`]);
  }

  private _write(level: LogLevel, args: unknown[]): void {
    this._record({
      source: 'console',
      level,
      message: format(...args),
      time: this._core.now(),
      executionId: this._core.executionId,
    });
  }
}

export function createLogger(core: RuntimeCore): {
  Logger: LoggerImpl;
  console: ConsoleImpl;
  /** Every line logged over the runtime's life, as "LEVEL message" (Logger.log lines are INFO). */
  lines: string[];
  /** The same, with source, time and execution. */
  entries: LogEntry[];
} {
  const lines: string[] = [];
  const entries: LogEntry[] = [];
  const record = (entry: LogEntry): void => {
    entries.push(entry);
    lines.push(`${entry.level} ${entry.message}`);
  };
  return {
    Logger: core.expose('Logger', 'Logger', new LoggerImpl(core, record, entries)),
    console: core.expose('console', 'console', new ConsoleImpl(core, record)),
    lines,
    entries,
  };
}

/** How a logged value reads: strings as they are, other values as JSON where that says more than String(). */
function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined || typeof v !== 'object') return String(v);
  if (Object.prototype.toString.call(v) === '[object Date]') return String(v);
  if (Object.prototype.toString.call(v) === '[object Error]') return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
