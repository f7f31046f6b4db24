// The reminder runs through the bundle (DESIGN 2.6): one email per recipient per kind per period and never twice,
// only a person's own actions, only addresses the plan may email, every user value escaped, test mode, escalation,
// a revised date's new nudge, and "today" and Last updated read in the spreadsheet's time zone.
import { columnLetter } from '../../src/domain/schema';
import type { ReminderRunResult } from '../../src/jobs/reminderTypes';
import { DAILY_REMINDERS_JOB, WEEKLY_REMINDERS_JOB } from '../../src/jobs/reminderTypes';
import { ACTION_HEADERS, PEOPLE, type Row } from '../builders/plan';
import {
  dueIn,
  headEmail,
  headName,
  heads,
  oneDigestEach,
  onTrack,
  openReminders,
  type OpenedReminders,
  overdue,
  sentTo,
} from '../builders/reminders';

const DAY_MS = 86_400_000;

const weekly = (o: OpenedReminders) => o.bundle.trigger<ReminderRunResult>('sendWeeklyReminders');
const daily = (o: OpenedReminders) => o.bundle.trigger<ReminderRunResult>('sendDailyReminders');

/** The sheet cell of an Actions header on a row. */
const actionCell = (header: string, row: number) => `${columnLetter(ACTION_HEADERS.indexOf(header))}${row}`;

/** The Settings row holding `setting`, for a person to retype its value. */
function settingCell(o: OpenedReminders, setting: string): string {
  const row = (o.values('Settings') ?? []).findIndex((r) => r[0] === setting);
  if (row < 1) throw new Error(`no Settings row for ${setting}`);
  return `B${row + 1}`;
}

describe('weekly digest (bundle)', () => {
  it('a second run in the same week sends nothing new; the next digest week sends again', () => {
    const { actions, people } = oneDigestEach(3);
    const o = openReminders(actions, { people });
    const first = weekly(o);
    expect(first.sent.map((e) => [e.kind, e.to])).toEqual([
      ['digest', [headEmail(1)]],
      ['digest', [headEmail(2)]],
      ['digest', [headEmail(3)]],
    ]);
    expect(o.ledger().map((r) => [r.key, r.status])).toEqual([
      ['digest|head.01@example.org|2010-03-08', 'SENT'],
      ['digest|head.02@example.org|2010-03-08', 'SENT'],
      ['digest|head.03@example.org|2010-03-08', 'SENT'],
    ]);

    o.runtime.core.advance(DAY_MS); // Thursday, the same digest week
    const second = weekly(o);
    expect(second.sent).toEqual([]);
    expect(second.alreadySent).toBe(3);
    expect(o.runtime.mail.outbox).toHaveLength(3);
    expect(o.ledger().map((r) => r.status)).toEqual(['SENT', 'SENT', 'SENT']);

    o.runtime.core.setNow('2010-03-15T08:00:00Z'); // the next Monday: a new digest week
    const third = weekly(o);
    expect(third.sent.map((e) => e.to)).toEqual([[headEmail(1)], [headEmail(2)], [headEmail(3)]]);
    expect(o.ledger().filter((r) => r.key.endsWith('|2010-03-15'))).toHaveLength(3);
    expect(o.runtime.mail.outbox).toHaveLength(6);
  });

  it('the digest week starts on the Weekly digest day of Settings', () => {
    const { actions, people } = oneDigestEach(1);
    const o = openReminders(actions, { people, settings: { 'Weekly digest day': 'Friday' } });
    expect(weekly(o).sent).toHaveLength(1); // Wednesday 10 March: the week of Friday 5 March
    expect(o.ledger()[0].key).toBe('digest|head.01@example.org|2010-03-05');
    o.runtime.core.advance(DAY_MS); // Thursday: still that week
    expect(weekly(o).sent).toEqual([]);
    o.runtime.core.advance(DAY_MS); // Friday 12 March: a new week
    expect(weekly(o).sent.map((e) => e.to)).toEqual([[headEmail(1)]]);
    expect(o.ledger().map((r) => r.key)).toEqual([
      'digest|head.01@example.org|2010-03-05',
      'digest|head.01@example.org|2010-03-12',
    ]);
  });

  it('writes one Run log row with its Sent, Skipped, Queued and Failed counts', () => {
    const { actions, people } = oneDigestEach(2);
    const o = openReminders(actions, { people });
    weekly(o);
    weekly(o);
    expect(o.runLog(WEEKLY_REMINDERS_JOB)).toEqual([
      expect.objectContaining({ Outcome: 'ok', Actions: 2, Sent: 2, Skipped: 0, Queued: 0, Failed: 0 }),
      expect.objectContaining({ Outcome: 'ok', Actions: 2, Sent: 0, Skipped: 0, Queued: 0, Failed: 0 }),
    ]);
  });

  it('each person gets only the actions they lead, in one email, under the organisation’s name', () => {
    const o = openReminders(
      [
        overdue(3, { Code: 'CEA1', Lead: headName(1) }),
        dueIn(20, { Code: 'CEA2', Lead: headName(2) }),
        overdue(10, { Code: 'CEA3', Lead: `${headName(1)} / ${headName(3)}` }),
        onTrack({ Code: 'CEA4', Lead: headName(2), 'Last updated': '' }), // stale: never updated
        onTrack({ Code: 'CEA5', Lead: headName(3) }), // nothing to say
      ],
      { people: [...PEOPLE, ...heads(3)] },
    );
    const sent = weekly(o).sent;
    expect(sent.map((e) => [e.to, e.actions])).toEqual([
      [[headEmail(1)], ['CEA3', 'CEA1']], // most overdue first
      [[headEmail(2)], ['CEA2', 'CEA4']], // due soon, then stale
      [[headEmail(3)], ['CEA3']],
    ]);
    const codes = ['CEA1', 'CEA2', 'CEA3', 'CEA4', 'CEA5'];
    for (const [i, mail] of o.runtime.mail.outbox.entries()) {
      expect(mail.name).toBe('Example Borough Council Improvement Plan');
      for (const code of codes) {
        expect(mail.body.includes(`${code}:`)).toBe(sent[i].actions.includes(code));
        expect(mail.htmlBody?.includes(`>${code}</a>`)).toBe(sent[i].actions.includes(code));
      }
    }
  });

  it('subject lines and the sender name stay on one line whatever the settings and actions hold', () => {
    const o = openReminders(
      [
        overdue(3, { Code: 'CEA1', Action: 'Publish the plan\nand consult\r\non it' }),
        dueIn(3, { Code: 'CEA2', Action: 'Agree the\nbudget', Lead: 'Amanda Beer' }),
      ],
      {
        settings: { 'Plan title': 'Corporate\nImprovement\r\nPlan', 'Organisation name': 'Example\nBorough' },
      },
    );
    weekly(o);
    daily(o);
    const outbox = o.runtime.mail.outbox;
    expect(outbox.map((m) => m.to)).toEqual([
      ['amanda.beer@example.org'],
      ['robert.hardy@example.org'],
      ['amanda.beer@example.org'],
    ]);
    for (const mail of outbox) {
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.name).toBe('Example Borough Improvement Plan');
    }
    expect(outbox[1].subject).toMatch(/^Corporate Improvement Plan: 1 overdue/);
    expect(outbox[2].subject).toBe('Reminder: CEA2 is due on 13 March 2010');
    expect(outbox[1].body).toContain('Publish the plan and consult on it');
  });

  it('escalates, weekly, only actions overdue by 28 days or more, to the lead’s Manager email', () => {
    const o = openReminders([
      overdue(27, { Code: 'CEA1' }),
      overdue(28, { Code: 'CEA2' }),
      overdue(40, { Code: 'CEA3' }),
      overdue(30, { Code: 'CEA4', Lead: 'Amanda Beer' }),
      overdue(50, { Code: 'CEA5', Lead: 'Managing Directors' }), // a row with no Manager email
    ]);
    const sent = weekly(o).sent;
    const escalations = sent.filter((e) => e.kind === 'escalation');
    expect(escalations.map((e) => [e.to, e.actions])).toEqual([
      [['chief.executive@example.org'], ['CEA3', 'CEA4', 'CEA2']],
    ]);
    expect(sent.filter((e) => e.to.includes('chief.executive@example.org'))).toHaveLength(1);
    const mail = o.runtime.mail.outbox.find((m) => m.to[0] === 'chief.executive@example.org');
    expect(mail?.body).toContain('Amanda Beer'); // whose action it is
    expect(mail?.body).not.toContain('CEA1:');
    expect(String(o.runLog(WEEKLY_REMINDERS_JOB)[0].Details)).toContain(
      'Managing Directors has no Manager email the plan may use (see People), so CEA5 (50 days overdue) was not escalated.',
    );
    // The daily run nudges; it does not escalate.
    o.runtime.core.advance(DAY_MS);
    expect(daily(o).sent).toEqual([]);
  });
});

describe('who may be emailed (bundle)', () => {
  it('a lead not in People is reported in the Run log and nobody is emailed about it; the others are', () => {
    const o = openReminders([
      overdue(5, { Code: 'CEA1', Lead: 'Jane Smith' }),
      overdue(5, { Code: 'CEA2', Lead: 'Robert Hardy' }),
      overdue(5, { Code: 'CEA3', Lead: 'Jane Smith / Amanda Beer' }),
    ]);
    const result = weekly(o);
    expect(result.sent.map((e) => [e.to, e.actions])).toEqual([
      [['amanda.beer@example.org'], ['CEA3']],
      [['robert.hardy@example.org'], ['CEA2']],
    ]);
    expect(sentTo(o.runtime).flat().join(' ')).not.toMatch(/jane|smith/i);
    const [row] = o.runLog(WEEKLY_REMINDERS_JOB);
    expect(row.Outcome).toBe('ok');
    expect(row.Problems).toBeGreaterThanOrEqual(2);
    expect(String(row.Details)).toContain('Lead "Jane Smith" on CEA1 is not in People');
    expect(String(row.Details)).toContain('Lead "Jane Smith" on CEA3 is not in People');
  });

  it('an address outside Allowed email domains is never emailed, and is reported', () => {
    const people: Row[] = [
      { Name: headName(1), Email: 'x@gmail.com', 'Manager email': 'chief.executive@example.org' },
      { Name: headName(2), Email: headEmail(2), 'Manager email': 'boss@gmail.com' },
      { Name: 'Managing Directors', Email: 'md.one@example.org, x@gmail.com' },
    ];
    const o = openReminders(
      [
        overdue(5, { Code: 'CEA1', Lead: headName(1) }),
        overdue(30, { Code: 'CEA2', Lead: headName(2) }),
        overdue(5, { Code: 'CEA3', Lead: 'Managing Directors' }),
      ],
      { people, settings: { 'Allowed email domains': 'example.org' } },
    );
    weekly(o);
    daily(o);
    expect(sentTo(o.runtime)).toEqual([[headEmail(2)], ['md.one@example.org']]);
    const details = String(o.runLog(WEEKLY_REMINDERS_JOB)[0].Details);
    expect(details).toContain(`${headName(1)} has no email address the plan may use`);
    expect(details).toContain('x@gmail.com is outside the allowed email domains');
    expect(details).toContain('boss@gmail.com is outside the allowed email domains');
    expect(o.runLog(WEEKLY_REMINDERS_JOB)[0].Skipped).toBe(3); // the three gmail.com addresses in People
    // Said once a week, with the digests: the daily run after it repeats neither them nor the escalation's problems.
    const dailyRow = o.runLog(DAILY_REMINDERS_JOB)[0];
    expect(dailyRow.Skipped).toBe(0);
    expect(String(dailyRow.Details)).not.toMatch(/gmail|escalated/);
  });

  it('a People row whose Email holds three addresses: one email to each', () => {
    const group = {
      Name: 'Corporate Directors',
      Email: 'cd.one@example.org; cd.two@example.org, cd.three@example.org',
    };
    const o = openReminders([overdue(5, { Code: 'CEA1', Lead: 'Corporate Directors' })], {
      people: [...PEOPLE, group],
    });
    const sent = weekly(o).sent;
    expect(sent.map((e) => e.to)).toEqual([
      ['cd.one@example.org'],
      ['cd.three@example.org'],
      ['cd.two@example.org'],
    ]);
    expect(sent.every((e) => e.actions.join() === 'CEA1')).toBe(true);
    expect(o.runtime.mail.outbox.every((m) => m.body.startsWith('Dear Corporate Directors,'))).toBe(true);
    expect(o.ledger().map((r) => r.key)).toEqual([
      'digest|cd.one@example.org|2010-03-08',
      'digest|cd.three@example.org|2010-03-08',
      'digest|cd.two@example.org|2010-03-08',
    ]);
  });

  it('an action text with HTML is escaped in the HTML body and kept as text in the plain one', () => {
    const attack = '<img src=x onerror=alert(1)>';
    const o = openReminders([overdue(5, { Code: 'CEA1', Action: attack, Lead: 'Robert <b>Hardy</b>' })], {
      people: [...PEOPLE.slice(1), { ...PEOPLE[0], Name: 'Robert <b>Hardy</b>' }],
    });
    weekly(o);
    const [mail] = o.runtime.mail.outbox;
    expect(mail.to).toEqual(['robert.hardy@example.org']);
    expect(mail.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.htmlBody).not.toContain('<img');
    expect(mail.htmlBody).not.toContain('<b>');
    expect(mail.htmlBody).toContain('Robert &lt;b&gt;Hardy&lt;/b&gt;');
    expect(mail.body).toContain(`CEA1: ${attack}`);
    expect(mail.body).not.toContain('&lt;');
  });
});

describe('test mode (bundle)', () => {
  it('"Send all email to" redirects every email naming its recipient; switched off, the real ones go', () => {
    const o = openReminders(
      [overdue(5, { Code: 'CEA1' }), overdue(5, { Code: 'CEA2', Lead: 'Amanda Beer' })],
      {
        settings: { 'Send all email to': 'tester@example.org' },
      },
    );
    weekly(o);
    expect(sentTo(o.runtime)).toEqual([['tester@example.org'], ['tester@example.org']]);
    const [toAmanda, toRobert] = o.runtime.mail.outbox;
    expect(toAmanda.body).toContain('meant for amanda.beer@example.org');
    expect(toRobert.body).toContain('meant for robert.hardy@example.org');
    expect(toRobert.htmlBody).toContain('meant for robert.hardy@example.org');
    expect(o.ledger().map((r) => [r.key, r.recipients, r.status])).toEqual([
      ['test|digest|amanda.beer@example.org|2010-03-08', 'tester@example.org', 'SENT'],
      ['test|digest|robert.hardy@example.org|2010-03-08', 'tester@example.org', 'SENT'],
    ]);
    expect(weekly(o).sent).toEqual([]); // test mode is not sent twice either

    o.bundle.userEdit('Settings', settingCell(o, 'Send all email to'), [['']]);
    const real = weekly(o);
    expect(real.sent.map((e) => e.to)).toEqual([['amanda.beer@example.org'], ['robert.hardy@example.org']]);
    expect(o.runtime.mail.outbox[2].body).not.toContain('meant for');
    expect(o.ledger().map((r) => r.key)).toEqual([
      'test|digest|amanda.beer@example.org|2010-03-08',
      'test|digest|robert.hardy@example.org|2010-03-08',
      'digest|amanda.beer@example.org|2010-03-08',
      'digest|robert.hardy@example.org|2010-03-08',
    ]);
  });

  it('a "Send all email to" outside Allowed email domains is not emailed either: nothing is sent', () => {
    const o = openReminders([overdue(5, { Code: 'CEA1' })], {
      settings: { 'Send all email to': 'tester@gmail.com', 'Allowed email domains': 'example.org' },
    });
    expect(() => weekly(o)).toThrow(/tester@gmail\.com/);
    expect(o.runtime.mail.outbox).toEqual([]);
    expect(o.ledger()).toEqual([]);
    expect(String(o.runLog(WEEKLY_REMINDERS_JOB)[0].Details)).toContain('outside Allowed email domains');
  });
});

describe('before-due nudges (bundle)', () => {
  it('a revised target date starts the nudges again under a new key', () => {
    const o = openReminders([dueIn(14, { Code: 'CEA1' })]);
    const nudges = () => daily(o).sent.filter((e) => e.kind === 'nudge');
    // The daily run also sends the week's digest nobody has had yet (the weekly run did not run here).
    expect(daily(o).sent.map((e) => [e.kind, e.subject])).toEqual([
      ['digest', 'Corporate Improvement Plan: 1 due soon – week of 8 March 2010'],
      ['nudge', 'Reminder: CEA1 is due on 24 March 2010'],
    ]);
    expect(daily(o).sent).toEqual([]); // the same threshold is not nudged twice, the digest not sent twice
    expect(o.ledger().map((r) => r.key)).toEqual([
      'digest|robert.hardy@example.org|2010-03-08',
      'nudge|robert.hardy@example.org|CEA1|2010-03-24|14',
    ]);

    o.bundle.userEdit(
      'Actions',
      `${actionCell('Revised target date', 2)}:${actionCell('Revision reason', 2)}`,
      [['30/04/2010', 'Consultation extended by Cabinet']],
    );
    o.runtime.core.advance(DAY_MS);
    expect(nudges()).toEqual([]); // 50 days away now
    o.runtime.core.setNow('2010-04-16T08:00:00Z'); // 14 days before the revised date
    expect(nudges().map((e) => e.subject)).toEqual(['Reminder: CEA1 is due on 30 April 2010']);
    expect(
      o
        .ledger()
        .filter((r) => r.key.startsWith('nudge'))
        .map((r) => [r.key, r.status]),
    ).toEqual([
      ['nudge|robert.hardy@example.org|CEA1|2010-03-24|14', 'SENT'],
      ['nudge|robert.hardy@example.org|CEA1|2010-04-30|14', 'SENT'],
    ]);
    o.runtime.core.setNow('2010-04-27T08:00:00Z'); // 3 days before: the second threshold
    expect(nudges().map((e) => e.actions)).toEqual([['CEA1']]);
    expect(o.ledger().map((r) => r.key)).toContain('nudge|robert.hardy@example.org|CEA1|2010-04-30|3');
    expect(o.runLog(DAILY_REMINDERS_JOB)).toHaveLength(5);
  });
});

describe('the spreadsheet’s time zone (bundle)', () => {
  // Los Angeles (UTC-8 in winter) while the script runs in London and the tests in Auckland: at 02:00 UTC on
  // 11 March it is still 10 March in the spreadsheet.
  const NOW = '2010-03-11T02:00:00Z';
  /** hh:mm on a day in Los Angeles (PST) as the instant Sheets hands over. */
  const losAngeles = (iso: string, time = '00:00') => new Date(`${iso}T${time}:00-08:00`);

  it('"today" is the spreadsheet’s date, and a 23:30 update on the last day of the stale window is not stale', () => {
    const o = openReminders(
      [
        // Due on the spreadsheet's today: due soon, not overdue (it is already 11 March in London).
        onTrack({ Code: 'CEA1', 'Target date': losAngeles('2010-03-10') }),
        // Updated at 23:30 on 10 December: 90 days before today, the last day of the window.
        onTrack({ Code: 'CEA2', Lead: 'Amanda Beer', 'Last updated': losAngeles('2009-12-10', '23:30') }),
        // Updated at 23:30 a day earlier (10 December in London): 91 days, stale.
        onTrack({ Code: 'CEA3', Lead: 'Chief Executive', 'Last updated': losAngeles('2009-12-09', '23:30') }),
      ],
      { spreadsheetTimeZone: 'America/Los_Angeles', now: NOW },
    );
    const result = weekly(o);
    expect(result.today).toBe('2010-03-10');
    expect(result.sent.map((e) => [e.to, e.actions])).toEqual([
      [['chief.executive@example.org'], ['CEA3']],
      [['robert.hardy@example.org'], ['CEA1']],
    ]);
    const [stale, dueToday] = o.runtime.mail.outbox;
    expect(stale.body).toContain('no update since 9 December 2009');
    expect(dueToday.subject).toMatch(/: 1 due soon – week of 8 March 2010$/);
    expect(dueToday.body).toContain('due today');
    expect(o.ledger().map((r) => r.key)).toEqual([
      'digest|chief.executive@example.org|2010-03-08',
      'digest|robert.hardy@example.org|2010-03-08',
    ]);
  });
});
