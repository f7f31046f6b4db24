// The Reminder log ledger (DESIGN 2.6): one row per key, PENDING before a send and SENT, FAILED or QUEUED after, so
// no run sends what another has sent or may have sent. Read once per run; each record is one write per block.
import { runsOf } from '../domain/runs';
import { REMINDER_LOG_HEADERS, REMINDER_LOG_SHEET } from '../domain/layout';
import { isBlankRow, normaliseHeader } from '../domain/schema';
import { isDate } from '../domain/values';
import type { SheetPort, SpreadsheetPort } from '../gas/ports';
import { logSheet, logText } from './logSheet';

export const LEDGER_STATUSES = ['PENDING', 'SENT', 'FAILED', 'QUEUED'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

export interface LedgerEntry {
  key: string;
  kind: string;
  /** The addresses it went (or was to go) to, comma-separated. */
  recipients: string;
  status: LedgerStatus;
  created?: Date;
  updated?: Date;
  /** The codes it listed, comma-separated. */
  actions: string;
  details: string;
}

/** What a record changes: everything but the key and when it was first made. */
export type LedgerUpdate = Omit<LedgerEntry, 'key' | 'created' | 'updated'>;

/** Thrown when the Reminder log cannot be trusted (a header missing): sending without it could send twice. */
export class ReminderLogUnreadableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReminderLogUnreadableError';
  }
}

export class ReminderLog {
  private readonly byKey = new Map<string, LedgerEntry & { row: number }>();
  private sheet: SheetPort | null;
  private lastRow: number;
  private headerMissing: boolean;

  private constructor(
    private readonly spreadsheet: SpreadsheetPort,
    sheet: SheetPort | null,
    values: unknown[][],
  ) {
    this.sheet = sheet;
    // A sheet cleared by hand reads as one blank cell: an empty ledger, its header row written on the first record.
    if (values.every((row) => isBlankRow(row))) values = [];
    this.lastRow = values.length;
    this.headerMissing = !!sheet && !values.length;
    if (!values.length) return;
    const header = values[0].map(normaliseHeader);
    const missing = REMINDER_LOG_HEADERS.filter((h, i) => header[i] !== normaliseHeader(h));
    if (missing.length) {
      throw new ReminderLogUnreadableError(
        `The ${REMINDER_LOG_SHEET} sheet's headers are not ${REMINDER_LOG_HEADERS.join(', ')} in that order ` +
          `(${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} out of place), so no reminder was sent: ` +
          'it is how the plan knows what it has already sent. Run Set up or repair, or restore the sheet from ' +
          'its version history.',
      );
    }
    values.slice(1).forEach((row, i) => {
      const key = String(row[0] ?? '').trim();
      if (!key) return;
      const status = String(row[3] ?? '')
        .trim()
        .toUpperCase();
      // A later row for the same key wins: it is the newer record. An unknown status is taken as PENDING, the
      // safe reading (not re-sent, and reported).
      this.byKey.set(key, {
        key,
        kind: String(row[1] ?? ''),
        recipients: String(row[2] ?? ''),
        status: (LEDGER_STATUSES as readonly string[]).includes(status)
          ? (status as LedgerStatus)
          : 'PENDING',
        created: isDate(row[4]) ? row[4] : undefined,
        updated: isDate(row[5]) ? row[5] : undefined,
        actions: String(row[6] ?? ''),
        details: String(row[7] ?? ''),
        row: i + 2,
      });
    });
  }

  /** Reads the whole Reminder log once (an absent sheet is an empty ledger, made on the first record). */
  static read(spreadsheet: SpreadsheetPort): ReminderLog {
    const sheet = spreadsheet.getSheetByName(REMINDER_LOG_SHEET);
    return new ReminderLog(spreadsheet, sheet, sheet ? sheet.getDataRange().getValues() : []);
  }

  get(key: string): LedgerEntry | undefined {
    return this.byKey.get(key);
  }

  /** SENT, or PENDING (a send that may have happened): either way it must not be sent again. */
  isSettled(key: string): boolean {
    const status = this.byKey.get(key)?.status;
    return status === 'SENT' || status === 'PENDING';
  }

  withStatus(status: LedgerStatus): LedgerEntry[] {
    return [...this.byKey.values()].filter((e) => e.status === status);
  }

  /**
   * Records `keys` with `update`: keys already in the ledger have their rows rewritten, new keys are appended,
   * each contiguous block in one setValues. Strings are written as text (user text never becomes a formula).
   */
  record(keys: readonly string[], update: LedgerUpdate | ((key: string) => LedgerUpdate), now: Date): void {
    if (!keys.length) return;
    const sheet = this.ensureSheet();
    const updateOf = typeof update === 'function' ? update : () => update;
    const existing: (LedgerEntry & { row: number })[] = [];
    const appended: (LedgerEntry & { row: number })[] = [];
    for (const key of new Set(keys)) {
      const before = this.byKey.get(key);
      const entry = { ...updateOf(key), key, created: before?.created ?? now, updated: now };
      if (before) existing.push({ ...entry, row: before.row });
      else appended.push({ ...entry, row: ++this.lastRow });
      this.byKey.set(key, before ? { ...entry, row: before.row } : appended[appended.length - 1]);
    }
    if (appended.length && this.lastRow > sheet.getMaxRows()) {
      sheet.insertRowsAfter(sheet.getMaxRows(), this.lastRow - sheet.getMaxRows());
    }
    for (const block of runsOf([...existing, ...appended], (e) => e.row)) {
      sheet.getRange(block[0].row, 1, block.length, REMINDER_LOG_HEADERS.length).setValues(block.map(cells));
    }
  }

  private ensureSheet(): SheetPort {
    if (!this.sheet) this.sheet = logSheet(this.spreadsheet, REMINDER_LOG_SHEET, REMINDER_LOG_HEADERS);
    else if (this.headerMissing) {
      this.sheet.getRange(1, 1, 1, REMINDER_LOG_HEADERS.length).setValues([[...REMINDER_LOG_HEADERS]]);
    }
    if (this.lastRow === 0) this.lastRow = 1;
    this.headerMissing = false;
    return this.sheet;
  }
}

function cells(e: LedgerEntry): unknown[] {
  return [
    logText(e.key),
    logText(e.kind),
    logText(e.recipients),
    e.status,
    e.created ?? '',
    e.updated ?? '',
    logText(e.actions),
    logText(e.details),
  ];
}
