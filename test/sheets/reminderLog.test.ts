// The Reminder log ledger against the local runtime's spreadsheet: read once, one row per key (the later row wins),
// PENDING and SENT settled, rows rewritten in place and new keys appended in one write per block, text kept as text.
import { createPlanSpreadsheet } from '../../local/planSpreadsheet';
import { createLocalRuntime } from '../../local/runtime';
import { REMINDER_LOG_HEADERS } from '../../src/domain/layout';
import type { SpreadsheetPort } from '../../src/gas/ports';
import { type LedgerUpdate, ReminderLog, ReminderLogUnreadableError } from '../../src/sheets/reminderLog';
import { action, ACTION_HEADERS, sheet } from '../builders/plan';

const FIRST = new Date('2010-03-10T09:00:00Z');
const LATER = new Date('2010-03-10T09:05:00Z');

const SENT: LedgerUpdate = {
  kind: 'digest',
  recipients: 'a@example.org',
  status: 'SENT',
  actions: 'CEA1',
  details: '',
};
const QUEUED: LedgerUpdate = {
  ...SENT,
  status: 'QUEUED',
  details: 'Queued: the daily email quota ran short.',
};

/** A plan spreadsheet with the Reminder log holding `rows` under its headers (no Reminder log when undefined). */
function open(rows?: unknown[][]) {
  const runtime = createLocalRuntime({ now: FIRST });
  createPlanSpreadsheet(runtime, { actions: sheet(ACTION_HEADERS, [action()]) });
  if (rows) runtime.spreadsheets.load('Reminder log', [[...REMINDER_LOG_HEADERS], ...rows]);
  runtime.core.resetCounts();
  const spreadsheet = runtime.spreadsheets.active() as unknown as SpreadsheetPort;
  const values = () =>
    runtime.spreadsheets.model().sheets.find((s) => s.name === 'Reminder log')?.values ?? [];
  /** The sheet's rows as [key, status, actions, details]. */
  const rowsNow = () =>
    values()
      .slice(1)
      .filter((r) => r[0] !== '')
      .map((r) => [r[0], r[3], r[6], r[7]]);
  const writes = () => runtime.core.callsByMember()['SpreadsheetApp.Range.setValues'] ?? 0;
  return { runtime, spreadsheet, values, rowsNow, writes };
}

const row = (key: string, status: string, details = '') => [
  key,
  'digest',
  'a@example.org',
  status,
  FIRST,
  FIRST,
  'CEA1',
  details,
];

describe('ReminderLog.read', () => {
  it('is an empty ledger when the sheet does not exist yet, and makes it with its headers on the first record', () => {
    const { spreadsheet, values, rowsNow } = open();
    const ledger = ReminderLog.read(spreadsheet);
    expect(ledger.get('digest|a@example.org|2010-03-08')).toBeUndefined();
    expect(ledger.withStatus('SENT')).toEqual([]);
    expect(values()).toEqual([]);
    ledger.record(['digest|a@example.org|2010-03-08'], SENT, FIRST);
    expect(values()[0]).toEqual(REMINDER_LOG_HEADERS);
    expect(rowsNow()).toEqual([['digest|a@example.org|2010-03-08', 'SENT', 'CEA1', '']]);
  });

  it('settles SENT and PENDING keys only; FAILED and QUEUED ones may be sent', () => {
    const { spreadsheet } = open([
      row('k1', 'SENT'),
      row('k2', 'PENDING'),
      row('k3', 'FAILED'),
      row('k4', 'QUEUED'),
    ]);
    const ledger = ReminderLog.read(spreadsheet);
    expect(['k1', 'k2', 'k3', 'k4', 'k5'].map((k) => ledger.isSettled(k))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(ledger.withStatus('QUEUED').map((e) => e.key)).toEqual(['k4']);
    expect(ledger.get('k1')).toMatchObject({ kind: 'digest', recipients: 'a@example.org', created: FIRST });
  });

  it('takes a later row for the same key as the newer record, an unknown status as PENDING, and skips blank keys', () => {
    const { spreadsheet } = open([
      row('k1', 'QUEUED'),
      row('k1', 'sent'),
      row('', 'SENT'),
      row('k2', 'Maybe'),
      row('  k3  ', 'FAILED'),
    ]);
    const ledger = ReminderLog.read(spreadsheet);
    expect(ledger.get('k1')?.status).toBe('SENT');
    expect(ledger.get('k2')?.status).toBe('PENDING'); // the safe reading: not re-sent, and reported
    expect(ledger.get('k3')?.status).toBe('FAILED');
    expect(ledger.withStatus('PENDING').map((e) => e.key)).toEqual(['k2']);
  });

  it('refuses a sheet whose headers are out of place, naming them: without it a reminder could go twice', () => {
    const headers = [...REMINDER_LOG_HEADERS];
    [headers[1], headers[3]] = [headers[3], headers[1]];
    const { runtime, spreadsheet } = open();
    runtime.spreadsheets.load('Reminder log', [headers, row('k1', 'SENT')]);
    expect(() => ReminderLog.read(spreadsheet)).toThrow(ReminderLogUnreadableError);
    expect(() => ReminderLog.read(spreadsheet)).toThrow(
      /\(Kind, Status are out of place\), so no reminder was sent/,
    );
  });

  it('reads a sheet cleared by hand as empty, and writes its header row back on the first record', () => {
    const { runtime, spreadsheet, values, rowsNow } = open([row('k1', 'SENT')]);
    runtime.core.uncounted(() =>
      spreadsheet
        .getSheetByName('Reminder log')
        ?.getDataRange()
        .setValues([
          ['', '', '', '', '', '', '', ''],
          ['', '', '', '', '', '', '', ''],
        ]),
    );
    const ledger = ReminderLog.read(spreadsheet);
    expect(ledger.isSettled('k1')).toBe(false);
    ledger.record(['k2'], SENT, FIRST);
    expect(values()[0]).toEqual(REMINDER_LOG_HEADERS);
    expect(rowsNow()).toEqual([['k2', 'SENT', 'CEA1', '']]);
  });
});

describe('ReminderLog.record', () => {
  it('rewrites a known key’s row in place, keeping when it was made, and appends new keys', () => {
    const { spreadsheet, rowsNow, values } = open([row('k1', 'PENDING'), row('k2', 'SENT')]);
    const ledger = ReminderLog.read(spreadsheet);
    ledger.record(['k1', 'k3'], (key) => ({ ...SENT, details: `done ${key}` }), LATER);
    expect(rowsNow()).toEqual([
      ['k1', 'SENT', 'CEA1', 'done k1'],
      ['k2', 'SENT', 'CEA1', ''],
      ['k3', 'SENT', 'CEA1', 'done k3'],
    ]);
    expect(values()[1].slice(4, 6)).toEqual([FIRST, LATER]);
    expect(values()[3].slice(4, 6)).toEqual([LATER, LATER]);
    expect(ledger.get('k1')).toMatchObject({ status: 'SENT', created: FIRST, updated: LATER });
    // The ledger in memory is the sheet: a second read agrees.
    expect(ReminderLog.read(spreadsheet).get('k3')?.details).toBe('done k3');
  });

  it('writes each run of consecutive rows in one setValues, and a key given twice once', () => {
    const rows = ['k1', 'k2', 'k3', 'k4', 'k5'].map((k) => row(k, 'QUEUED'));
    const { spreadsheet, writes, rowsNow } = open(rows);
    const ledger = ReminderLog.read(spreadsheet);
    ledger.record(['k1', 'k2', 'k4', 'k5', 'k6', 'k7', 'k2'], SENT, LATER);
    // k1–k2, then k4–k7 (k6 and k7 appended straight after k5).
    expect(writes()).toBe(2);
    expect(rowsNow().map((r) => [r[0], r[1]])).toEqual([
      ['k1', 'SENT'],
      ['k2', 'SENT'],
      ['k3', 'QUEUED'],
      ['k4', 'SENT'],
      ['k5', 'SENT'],
      ['k6', 'SENT'],
      ['k7', 'SENT'],
    ]);
    ledger.record([], QUEUED, LATER);
    expect(writes()).toBe(2);
  });

  it('keeps user text as text: a key or detail that looks like a formula, number or date is written as typed', () => {
    const { spreadsheet, rowsNow } = open();
    const ledger = ReminderLog.read(spreadsheet);
    ledger.record(['=HYPERLINK("http://x")'], { ...SENT, actions: '40', details: '+44 20 7946 0000' }, FIRST);
    ledger.record(['k|2010-03-08'], { ...SENT, actions: '20/03/2010', details: '@admin' }, FIRST);
    expect(rowsNow()).toEqual([
      ['=HYPERLINK("http://x")', 'SENT', '40', '+44 20 7946 0000'],
      ['k|2010-03-08', 'SENT', '20/03/2010', '@admin'],
    ]);
  });

  it('grows the sheet when the new rows go past its last row', () => {
    const { spreadsheet, rowsNow } = open([row('k1', 'SENT')]);
    const log = spreadsheet.getSheetByName('Reminder log') as GoogleAppsScript.Spreadsheet.Sheet | null;
    if (!log) throw new Error('no Reminder log');
    log.deleteRows(3, log.getMaxRows() - 2);
    expect(log.getMaxRows()).toBe(2);
    ReminderLog.read(spreadsheet).record(['k2', 'k3', 'k4'], QUEUED, LATER);
    expect(log.getMaxRows()).toBe(5);
    expect(rowsNow().map((r) => r[0])).toEqual(['k1', 'k2', 'k3', 'k4']);
  });
});
