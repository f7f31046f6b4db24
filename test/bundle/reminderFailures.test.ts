// The reminder runs under the local runtime's faults (issue 5): a run at the same time, a failing send, the mail
// quota running short, a crash between send and record, the time budget running out and a trigger Google refuses.
// Nothing is ever sent twice or lost, the administrator hears once per run, and a failed run ends by throwing.
import { EXECUTION_TIME_EXCEEDED } from '../../local/runtime/core';
import { columnLetter } from '../../src/domain/schema';
import { CONTINUATION_HANDLER, TIME_BUDGET_MS } from '../../src/jobs/sendReminders';
import {
  CONTINUED_REMINDERS_JOB,
  DAILY_REMINDERS_JOB,
  type ReminderRunResult,
  WEEKLY_REMINDERS_JOB,
} from '../../src/jobs/reminderTypes';
import { ACTION_HEADERS } from '../builders/plan';
import {
  ADMIN,
  alertsIn,
  headEmail,
  oneDigestEach,
  openReminders,
  overdue,
  type OpenedReminders,
  sentTo,
} from '../builders/reminders';

const DAY_MS = 86_400_000;

const weekly = (o: OpenedReminders) => o.bundle.trigger<ReminderRunResult>('sendWeeklyReminders');
const daily = (o: OpenedReminders) => o.bundle.trigger<ReminderRunResult>('sendDailyReminders');

/** Five heads of service, each with one action five days overdue: five weekly digests, one to each. */
function fiveDigests(opts: Parameters<typeof openReminders>[1] = {}) {
  const { actions, people } = oneDigestEach(5);
  return openReminders(actions, { people, ...opts });
}

const STATUS_COLUMN = columnLetter(ACTION_HEADERS.indexOf('Status'));
const FIVE = [1, 2, 3, 4, 5].map(headEmail);
const statuses = (o: OpenedReminders) => o.ledger().map((r) => [r.recipients, r.status]);
const continuations = (o: OpenedReminders) =>
  o.runtime.triggers.list().filter((t) => t.handlerFunction === CONTINUATION_HANDLER);

const SEND = 'MailApp.MailApp.sendEmail';

/** Every counted call the runtime sees from now on, in order ("SpreadsheetApp.Range.setValues"). */
function recordCalls(o: OpenedReminders): string[] {
  const seen: string[] = [];
  const count = o.runtime.core.count.bind(o.runtime.core);
  o.runtime.core.count = (service, member) => {
    seen.push(`${service}.${member}`);
    count(service, member);
  };
  return seen;
}

/**
 * How many counted calls the weekly run makes up to and including its `n`th send, measured on a copy of the plan:
 * a clock jump at that call leaves the time budget spent just after that send.
 */
function callsThroughSend(n: number): number {
  const copy = fiveDigests();
  const seen = recordCalls(copy);
  weekly(copy);
  const sends = seen.flatMap((call, i) => (call === SEND ? [i + 1] : []));
  if (sends.length !== 5) throw new Error(`expected 5 sends, saw ${sends.length}`);
  return sends[n - 1];
}

describe('two runs at once (bundle)', () => {
  it('a run that finds the script lock held logs "skipped" and sends and records nothing', () => {
    const o = fiveDigests();
    o.runtime.core.faults.scriptLockHeld = true;
    const result = weekly(o);
    expect(result.outcome).toBe('skipped');
    expect(o.runtime.mail.outbox).toEqual([]);
    expect(o.ledger()).toEqual([]);
    expect(o.runLog(WEEKLY_REMINDERS_JOB)).toEqual([
      expect.objectContaining({ Outcome: 'skipped', Sent: 0, Skipped: 0, Queued: 0, Failed: 0 }),
    ]);
    expect(String(o.runLog(WEEKLY_REMINDERS_JOB)[0].Details)).toMatch(/Another job on this plan was running/);

    // Nothing was lost: the next run sends what was due.
    o.runtime.core.faults.scriptLockHeld = false;
    expect(weekly(o).sent.map((e) => e.to[0])).toEqual(FIVE);
  });
});

describe('a failing send (bundle)', () => {
  it('the 3rd of 5 failing: the others go, its row is FAILED with the message, one alert, and the run throws', () => {
    const o = fiveDigests();
    o.runtime.core.faults.mailFailsOnSend = [3];
    o.runtime.core.faults.mailFailureMessage = 'Mail service unavailable for this address.';
    expect(() => weekly(o)).toThrow(/The digest to head\.03@example\.org failed: Mail service unavailable/);
    expect(statuses(o)).toEqual([
      [FIVE[0], 'SENT'],
      [FIVE[1], 'SENT'],
      [FIVE[2], 'FAILED'],
      [FIVE[3], 'SENT'],
      [FIVE[4], 'SENT'],
    ]);
    expect(o.ledger()[2].details).toContain('Mail service unavailable for this address.');
    expect(sentTo(o.runtime)).toEqual([[FIVE[0]], [FIVE[1]], [FIVE[3]], [FIVE[4]], [ADMIN]]);
    const alerts = alertsIn(o.runtime);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].subject).not.toMatch(/[\r\n]/);
    expect(alerts[0].body).toContain('The digest to head.03@example.org failed');
    expect(o.runLog(WEEKLY_REMINDERS_JOB)).toEqual([
      expect.objectContaining({ Outcome: 'failed', Sent: 4, Queued: 0, Failed: 1 }),
    ]);

    // FAILED is not settled: the next run tries that one again, and only that one.
    o.runtime.core.advance(60 * 60_000);
    expect(weekly(o).sent.map((e) => e.to[0])).toEqual([FIVE[2]]);
    expect(statuses(o)[2]).toEqual([FIVE[2], 'SENT']);
  });
});

describe('the mail quota (bundle)', () => {
  it('a quota of 3 for 5: two go, one is kept for the alert, three wait QUEUED and go the next day, none twice', () => {
    const o = fiveDigests();
    o.runtime.mail.setQuota(3);
    expect(() => weekly(o)).toThrow(/daily email quota ran short/);
    expect(sentTo(o.runtime)).toEqual([[FIVE[0]], [FIVE[1]], [ADMIN]]);
    expect(alertsIn(o.runtime)[0].body).toContain('3 reminders were queued');
    expect(statuses(o)).toEqual([
      [FIVE[0], 'SENT'],
      [FIVE[1], 'SENT'],
      [FIVE[2], 'QUEUED'],
      [FIVE[3], 'QUEUED'],
      [FIVE[4], 'QUEUED'],
    ]);
    expect(o.runLog(WEEKLY_REMINDERS_JOB)).toEqual([
      expect.objectContaining({ Outcome: 'failed', Sent: 2, Queued: 3, Failed: 0 }),
    ]);

    // The next morning the quota is new: the daily run sends the queue, and only the queue.
    o.runtime.core.advance(DAY_MS);
    expect(o.runtime.mail.MailApp.getRemainingDailyQuota()).toBe(100);
    const next = daily(o);
    expect(next.sent.map((e) => [e.kind, e.to[0]])).toEqual([
      ['digest', FIVE[2]],
      ['digest', FIVE[3]],
      ['digest', FIVE[4]],
    ]);
    expect(statuses(o).every(([, status]) => status === 'SENT')).toBe(true);
    expect(o.runLog(DAILY_REMINDERS_JOB)).toEqual([
      expect.objectContaining({ Outcome: 'ok', Sent: 3, Queued: 0, Failed: 0 }),
    ]);
    expect(weekly(o).sent).toEqual([]);
    const recipients = sentTo(o.runtime).flat();
    expect(recipients.filter((r) => r !== ADMIN)).toEqual(FIVE);
    expect(alertsIn(o.runtime)).toHaveLength(1);
  });

  it('a queued digest whose action was completed before the next run is closed, not sent', () => {
    const o = fiveDigests();
    o.runtime.mail.setQuota(3);
    expect(() => weekly(o)).toThrow();
    o.bundle.userEdit('Actions', `${STATUS_COLUMN}6`, [['Complete']]); // CEA5: head 05 has nothing due now
    o.runtime.core.advance(DAY_MS);
    expect(daily(o).sent.map((e) => e.to[0])).toEqual([FIVE[2], FIVE[3]]);
    expect(o.ledger()[4]).toMatchObject({ recipients: FIVE[4], status: 'FAILED' });
    expect(o.ledger()[4].details).toMatch(/no longer due/);
  });
});

describe('a crash between sending and recording (bundle)', () => {
  it('leaves the row PENDING; the next run does not resend it, reports it and alerts once; a third does not alert', () => {
    const o = fiveDigests();
    o.runtime.core.faults.crashAfterMailSend = 2;
    expect(() => weekly(o)).toThrow(EXECUTION_TIME_EXCEEDED);
    expect(sentTo(o.runtime)).toEqual([[FIVE[0]], [FIVE[1]]]);
    expect(statuses(o)).toEqual([
      [FIVE[0], 'SENT'],
      [FIVE[1], 'PENDING'],
    ]);

    o.runtime.core.advance(60 * 60_000);
    expect(() => weekly(o)).toThrow(/may or may not have gone/);
    expect(sentTo(o.runtime)).toEqual([[FIVE[0]], [FIVE[1]], [FIVE[2]], [FIVE[3]], [FIVE[4]], [ADMIN]]);
    expect(alertsIn(o.runtime)[0].body).toContain(`the digest to ${FIVE[1]} may or may not have gone`);
    expect(statuses(o)[1]).toEqual([FIVE[1], 'PENDING']);
    const [second] = o.runLog(WEEKLY_REMINDERS_JOB);
    expect(second).toMatchObject({ Outcome: 'failed', Sent: 3 });
    expect(String(second.Details)).toContain(`digest to ${FIVE[1]}`);

    o.runtime.core.advance(60 * 60_000);
    const third = weekly(o);
    expect(third.sent).toEqual([]);
    expect(third.problems.join(' ')).toContain(`digest to ${FIVE[1]}`); // still reported…
    expect(alertsIn(o.runtime)).toHaveLength(1); // …but the administrator was told once
    expect(o.runLog(WEEKLY_REMINDERS_JOB)[1]).toMatchObject({ Outcome: 'ok', Sent: 0 });
  });
});

describe('PENDING before every send (bundle)', () => {
  it('writes each email’s PENDING row and flushes it to the sheet before sending, then records it SENT', () => {
    const o = fiveDigests();
    const calls = recordCalls(o);
    weekly(o);
    const sends = calls.flatMap((call, i) => (call === SEND ? [i] : []));
    expect(sends).toHaveLength(5);
    for (const at of sends) {
      expect(calls.slice(at - 2, at + 2)).toEqual([
        'SpreadsheetApp.Range.setValues', // PENDING
        'SpreadsheetApp.SpreadsheetApp.flush',
        SEND,
        'SpreadsheetApp.Sheet.getRange', // SENT
      ]);
    }
  });
});

describe('the time budget (bundle)', () => {
  it('running out mid-run queues the rest under one continuation trigger, which sends it and goes', () => {
    const o = fiveDigests();
    o.runtime.core.faults.clockJump = { afterCalls: callsThroughSend(2), byMs: TIME_BUDGET_MS + 60_000 };
    const first = weekly(o);
    expect(first).toMatchObject({ outcome: 'ok', queued: 3, continues: true });
    expect(sentTo(o.runtime)).toEqual([[FIVE[0]], [FIVE[1]]]);
    expect(statuses(o).map(([, status]) => status)).toEqual(['SENT', 'SENT', 'QUEUED', 'QUEUED', 'QUEUED']);
    expect(continuations(o)).toHaveLength(1);
    expect(o.runLog(WEEKLY_REMINDERS_JOB)).toEqual([expect.objectContaining({ Sent: 2, Queued: 3 })]);

    delete o.runtime.core.faults.clockJump;
    o.runtime.core.advance(60_000);
    const rest = o.bundle.trigger<ReminderRunResult>('continueReminders');
    expect(rest.sent.map((e) => e.to[0])).toEqual(FIVE.slice(2));
    expect(statuses(o).every(([, status]) => status === 'SENT')).toBe(true);
    expect(continuations(o)).toEqual([]);
    expect(o.runLog(CONTINUED_REMINDERS_JOB)).toEqual([expect.objectContaining({ Outcome: 'ok', Sent: 3 })]);
    expect(alertsIn(o.runtime)).toEqual([]);
  });

  it('a continuation Google refuses to create: the administrator is told, the run throws, the mail stays QUEUED', () => {
    const o = fiveDigests();
    o.runtime.core.faults.clockJump = { afterCalls: callsThroughSend(2), byMs: TIME_BUDGET_MS + 60_000 };
    o.runtime.core.faults.triggerCreationFails = true;
    expect(() => weekly(o)).toThrow(/continuation could not be scheduled/);
    expect(continuations(o)).toEqual([]);
    expect(statuses(o).map(([, status]) => status)).toEqual(['SENT', 'SENT', 'QUEUED', 'QUEUED', 'QUEUED']);
    expect(alertsIn(o.runtime)).toHaveLength(1);
    expect(o.runLog(WEEKLY_REMINDERS_JOB)).toEqual([
      expect.objectContaining({ Outcome: 'failed', Sent: 2, Queued: 3 }),
    ]);

    // The queue goes with the next daily run instead.
    o.runtime.core.faults = {};
    o.runtime.core.advance(DAY_MS);
    expect(daily(o).sent.map((e) => e.to[0])).toEqual(FIVE.slice(2));
  });
});

describe('unsafe email settings (bundle)', () => {
  it('a "Send all email to" that cannot be read: nothing is sent or recorded, and the run throws', () => {
    const o = fiveDigests({ settings: { 'Send all email to': 'tester at example.org' } });
    expect(() => weekly(o)).toThrow(/Send all email to could not be read/);
    expect(o.runtime.mail.outbox).toEqual([]);
    expect(o.ledger()).toEqual([]);
    expect(o.runLog(WEEKLY_REMINDERS_JOB)).toEqual([expect.objectContaining({ Outcome: 'failed', Sent: 0 })]);
  });

  it('an unreadable Allowed email domains stops every send as well', () => {
    const o = fiveDigests({ settings: { 'Allowed email domains': 'example.org, not a domain!' } });
    expect(() => daily(o)).toThrow(/Allowed email domains could not be read/);
    expect(o.runtime.mail.outbox).toEqual([]);
  });
});

describe('unreadable sheets (bundle)', () => {
  it('Actions without its Lead header: nothing is sent, both runs’ Run log rows say why, the administrator is told', () => {
    const o = fiveDigests();
    o.runtime.spreadsheets.load('Actions', [ACTION_HEADERS.map((h) => (h === 'Lead' ? 'Leader' : h))]);
    expect(() => weekly(o)).toThrow(/Lead/);
    expect(sentTo(o.runtime)).toEqual([[ADMIN]]);
    expect(o.ledger()).toEqual([]);
    const rows = o.runLog(WEEKLY_REMINDERS_JOB);
    expect(rows).toEqual([expect.objectContaining({ Outcome: 'failed', Sent: 0 })]);
    expect(String(rows[0].Details)).toMatch(/^Nothing was changed\. .*Lead/);
    expect(o.runLog('Refresh status colours')).toEqual([expect.objectContaining({ Outcome: 'failed' })]);
  });

  it('no People sheet: nothing is sent, and the administrator is told why', () => {
    const o = fiveDigests();
    const ss = o.runtime.spreadsheets.active() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    o.runtime.core.uncounted(() =>
      ss.deleteSheet(ss.getSheetByName('People') as GoogleAppsScript.Spreadsheet.Sheet),
    );
    expect(() => weekly(o)).toThrow(/Nothing was sent: The People sheet is missing or empty/);
    expect(sentTo(o.runtime)).toEqual([[ADMIN]]);
    expect(o.ledger()).toEqual([]);
    expect(o.runLog(WEEKLY_REMINDERS_JOB)).toEqual([expect.objectContaining({ Outcome: 'failed', Sent: 0 })]);
  });

  it('a Reminder log with its headers out of place: nothing is sent, the run is logged, the administrator told', () => {
    const o = fiveDigests();
    o.runtime.spreadsheets.load('Reminder log', [['Key', 'Status', 'Kind']], o.runtime.spreadsheets.active());
    expect(() => weekly(o)).toThrow(/Reminder log sheet's headers/);
    expect(sentTo(o.runtime)).toEqual([[ADMIN]]);
    expect(alertsIn(o.runtime)[0].body).toContain("The Reminder log sheet's headers are not");
    const rows = o.runLog(WEEKLY_REMINDERS_JOB);
    expect(rows).toEqual([expect.objectContaining({ Outcome: 'failed', Sent: 0 })]);
    expect(String(rows[0].Details)).toContain('so no reminder was sent');
  });
});

describe('a weekly run that could not run (bundle)', () => {
  it('leaves the week’s digests to the next daily run, which sends each once', () => {
    const o = openReminders([overdue(5, { Code: 'CEA1' })]);
    o.runtime.core.faults.scriptLockHeld = true;
    expect(weekly(o).outcome).toBe('skipped');
    expect(o.runtime.mail.outbox).toEqual([]);
    o.runtime.core.faults.scriptLockHeld = false;
    expect(daily(o).sent.map((e) => [e.kind, e.actions])).toEqual([['digest', ['CEA1']]]);
    expect(daily(o).sent).toEqual([]);
    expect(weekly(o).alreadySent).toBe(1);
  });
});
