// Pins MailApp of the local runtime: the outbox, the recipient quota and limits, address checks and faults.
import { createLocalRuntime } from '../../local/runtime';
import { EXECUTION_TIME_EXCEEDED, RuntimeCore } from '../../local/runtime/core';
import { createMailApp, MAIL_MESSAGES, MAX_RECIPIENTS_PER_MESSAGE } from '../../local/runtime/mail';
import { createUtilities } from '../../local/runtime/utilities';

function setup(opts: { dailyQuota?: number; bodyLimitBytes?: number } = {}) {
  const core = new RuntimeCore('2010-03-10T09:00:00Z');
  return { core, ...createMailApp(core, opts) };
}

const addresses = (n: number): string =>
  Array.from({ length: n }, (_, i) => `p${i}@council.gov.uk`).join(',');

describe('sendEmail forms', () => {
  it('sends (recipient, subject, body) into the outbox with the simulated time', () => {
    const { MailApp, outbox } = setup();
    MailApp.sendEmail('lead@council.gov.uk', 'Weekly digest', 'Two actions are overdue.');
    expect(outbox).toEqual([
      {
        to: ['lead@council.gov.uk'],
        cc: [],
        bcc: [],
        replyTo: null,
        name: null,
        subject: 'Weekly digest',
        body: 'Two actions are overdue.',
        htmlBody: null,
        attachments: [],
        inlineImages: {},
        noReply: false,
        time: new Date('2010-03-10T09:00:00Z'),
      },
    ]);
  });

  it('takes the options of the four-argument form', () => {
    const { core, MailApp, outbox } = setup();
    const blob = createUtilities(core).Utilities.newBlob('report', 'text/plain', 'report.txt');
    MailApp.sendEmail('a@council.gov.uk, b@council.gov.uk', 'Subject', 'Plain', {
      cc: 'c@council.gov.uk',
      bcc: 'd@council.gov.uk',
      name: 'Improvement Plan',
      replyTo: 'admin@council.gov.uk',
      htmlBody: '<p>Rich</p>',
      noReply: true,
      attachments: [blob],
    });
    expect(outbox[0]).toMatchObject({
      to: ['a@council.gov.uk', 'b@council.gov.uk'],
      cc: ['c@council.gov.uk'],
      bcc: ['d@council.gov.uk'],
      name: 'Improvement Plan',
      replyTo: 'admin@council.gov.uk',
      htmlBody: '<p>Rich</p>',
      noReply: true,
      attachments: [blob],
    });
  });

  it('takes (to, replyTo, subject, body) and the message object', () => {
    const { MailApp, outbox } = setup();
    MailApp.sendEmail(
      'a@council.gov.uk',
      'replies@council.gov.uk',
      'TPS report status',
      'What is the status?',
    );
    MailApp.sendEmail({ to: 'b@council.gov.uk', subject: 'Logos', htmlBody: '<b>hi</b>' });
    expect(outbox.map((m) => [m.to[0], m.replyTo, m.subject, m.body, m.htmlBody])).toEqual([
      ['a@council.gov.uk', 'replies@council.gov.uk', 'TPS report status', 'What is the status?', null],
      ['b@council.gov.uk', null, 'Logos', '', '<b>hi</b>'],
    ]);
  });

  it('refuses argument lists that match no form, and counts calls', () => {
    const { core, MailApp } = setup();
    expect(() => (MailApp.sendEmail as (...a: unknown[]) => void)('a@council.gov.uk')).toThrow(
      "The parameters (String) don't match the method signature for MailApp.sendEmail.",
    );
    MailApp.getRemainingDailyQuota();
    expect(core.calls.get('MailApp.MailApp.sendEmail')).toBe(1);
    expect(core.calls.get('MailApp.MailApp.getRemainingDailyQuota')).toBe(1);
  });
});

describe('quota', () => {
  it('starts at 100 a day and goes down once per recipient, to + cc + bcc', () => {
    const { MailApp } = setup();
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    MailApp.sendEmail('a@council.gov.uk,b@council.gov.uk', 'S', 'B', {
      cc: 'c@council.gov.uk',
      bcc: 'd@x.org',
    });
    expect(MailApp.getRemainingDailyQuota()).toBe(96);
  });

  it('refuses a send that would pass the quota, recording nothing', () => {
    const { MailApp, outbox, setQuota } = setup();
    setQuota(2);
    expect(() => MailApp.sendEmail(addresses(3), 'S', 'B')).toThrow(MAIL_MESSAGES.quota);
    expect(outbox).toHaveLength(0);
    expect(MailApp.getRemainingDailyQuota()).toBe(2);
    MailApp.sendEmail(addresses(2), 'S', 'B');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => MailApp.sendEmail('a@council.gov.uk', 'S', 'B')).toThrow(
      'Service invoked too many times for one day: email.',
    );
  });

  it('comes back 24 hours after the first send', () => {
    const { core, MailApp } = setup();
    MailApp.sendEmail(addresses(40), 'S', 'B');
    core.advance(23 * 3600000);
    expect(MailApp.getRemainingDailyQuota()).toBe(60);
    core.advance(3600000);
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
  });

  it('can be set to a Workspace account quota', () => {
    expect(setup({ dailyQuota: 1500 }).MailApp.getRemainingDailyQuota()).toBe(1500);
  });
});

describe('recipients and content', () => {
  it(`allows ${MAX_RECIPIENTS_PER_MESSAGE} recipients in one message and refuses more`, () => {
    const { MailApp, outbox } = setup();
    MailApp.sendEmail(addresses(49), 'S', 'B', { bcc: 'x@council.gov.uk' });
    expect(() => MailApp.sendEmail(addresses(50), 'S', 'B', { cc: 'x@council.gov.uk' })).toThrow(
      'Limit Exceeded: Email Recipients Per Message.',
    );
    expect(outbox).toHaveLength(1);
  });

  it('refuses an address that is not one', () => {
    const { MailApp } = setup();
    expect(() => MailApp.sendEmail('bob', 'S', 'B')).toThrow('Invalid email: bob');
    expect(() => MailApp.sendEmail('a@council.gov.uk;b@council.gov.uk', 'S', 'B')).toThrow(
      'Invalid email: a@council.gov.uk;b@council.gov.uk',
    );
    expect(() => MailApp.sendEmail('a@council.gov.uk', 'S', 'B', { replyTo: 'nobody' })).toThrow(
      'Invalid email: nobody',
    );
  });

  it('accepts a display name and skips empty pieces of the list', () => {
    const { MailApp, outbox } = setup();
    MailApp.sendEmail('Jo Bloggs <jo@council.gov.uk>, ', 'S', 'B');
    expect(outbox[0].to).toEqual(['Jo Bloggs <jo@council.gov.uk>']);
  });

  it('refuses a send with no recipient at all', () => {
    const { MailApp } = setup();
    expect(() => MailApp.sendEmail('', 'S', 'B')).toThrow('Failed to send email: no recipient');
    expect(() => MailApp.sendEmail({ subject: 'S', body: 'B' })).toThrow(
      'Failed to send email: no recipient',
    );
  });

  it('refuses a line break in the subject', () => {
    const { MailApp } = setup();
    expect(() => MailApp.sendEmail('a@council.gov.uk', 'Overdue:\nAction 3', 'B')).toThrow(
      MAIL_MESSAGES.subjectLineBreak,
    );
  });

  it('refuses a body over the size limit', () => {
    const { MailApp } = setup({ bodyLimitBytes: 10 });
    MailApp.sendEmail('a@council.gov.uk', 'S', '0123456789');
    expect(() => MailApp.sendEmail('a@council.gov.uk', 'S', 'B', { htmlBody: '<p>too long</p>' })).toThrow(
      MAIL_MESSAGES.bodyTooLarge,
    );
  });
});

describe('injected failures', () => {
  it('fails the chosen attempts with nothing recorded and no quota taken', () => {
    const { core, MailApp, outbox } = setup();
    core.faults.mailFailsOnSend = [2];
    MailApp.sendEmail('a@council.gov.uk', 'one', 'B');
    expect(() => MailApp.sendEmail('b@council.gov.uk', 'two', 'B')).toThrow(MAIL_MESSAGES.serverError);
    MailApp.sendEmail('c@council.gov.uk', 'three', 'B');
    expect(outbox.map((m) => m.subject)).toEqual(['one', 'three']);
    expect(MailApp.getRemainingDailyQuota()).toBe(98);
  });

  it('uses the configured failure message', () => {
    const { core, MailApp } = setup();
    core.faults.mailFailsOnSend = [1];
    core.faults.mailFailureMessage = 'Mail service unavailable';
    expect(() => MailApp.sendEmail('a@council.gov.uk', 'S', 'B')).toThrow('Mail service unavailable');
  });
});

describe('a crash after a send', () => {
  it('stops the execution at its next call after the chosen send, once, as Apps Script stops a script at its time limit', () => {
    const { core, MailApp, outbox } = setup();
    core.faults.crashAfterMailSend = 2;
    core.beginExecution();
    MailApp.sendEmail('a@council.gov.uk', 'one', 'B');
    MailApp.getRemainingDailyQuota();
    MailApp.sendEmail('b@council.gov.uk', 'two', 'B');
    // The second send went out; what the script would do next (record it) never happens.
    expect(outbox.map((m) => m.subject)).toEqual(['one', 'two']);
    const before = core.calls.get('MailApp.MailApp.getRemainingDailyQuota');
    expect(() => MailApp.getRemainingDailyQuota()).toThrow(EXECUTION_TIME_EXCEEDED);
    expect(EXECUTION_TIME_EXCEEDED).toBe('Exceeded maximum execution time');
    // A stopped script runs nothing more: its catch and finally blocks cannot send an alert either.
    expect(() => MailApp.sendEmail('admin@council.gov.uk', 'alert', 'B')).toThrow(EXECUTION_TIME_EXCEEDED);
    expect(outbox).toHaveLength(2);
    expect(core.calls.get('MailApp.MailApp.getRemainingDailyQuota')).toBe(before);
    // The next execution runs, and later sends do not crash it again.
    core.beginExecution();
    MailApp.sendEmail('c@council.gov.uk', 'three', 'B');
    MailApp.sendEmail('d@council.gov.uk', 'four', 'B');
    expect(MailApp.getRemainingDailyQuota()).toBe(96);
  });

  it('counts successful sends across executions, not failed ones', () => {
    const { core, MailApp, outbox } = setup();
    core.faults.mailFailsOnSend = [2];
    core.faults.crashAfterMailSend = 2;
    core.beginExecution();
    MailApp.sendEmail('a@council.gov.uk', 'one', 'B');
    expect(() => MailApp.sendEmail('b@council.gov.uk', 'two', 'B')).toThrow(MAIL_MESSAGES.serverError);
    MailApp.getRemainingDailyQuota();
    core.beginExecution();
    MailApp.sendEmail('c@council.gov.uk', 'three', 'B');
    expect(() => MailApp.getRemainingDailyQuota()).toThrow(EXECUTION_TIME_EXCEEDED);
    expect(outbox.map((m) => m.subject)).toEqual(['one', 'three']);
  });

  it('lapses when the execution ends with the send', () => {
    const { core, MailApp } = setup();
    core.faults.crashAfterMailSend = 1;
    core.beginExecution();
    MailApp.sendEmail('a@council.gov.uk', 'one', 'B');
    core.beginExecution();
    expect(MailApp.getRemainingDailyQuota()).toBe(99);
  });

  it('stops a write to the sheet after the send, and SpreadsheetApp.flush is a counted call', () => {
    const runtime = createLocalRuntime({ now: '2010-03-10T09:00:00Z' });
    runtime.spreadsheets.create('Plan');
    const mail = runtime.globals.MailApp as GoogleAppsScript.Mail.MailApp;
    const app = runtime.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    runtime.core.faults.crashAfterMailSend = 1;
    const cell = () => app.getActiveSpreadsheet().getSheets()[0].getRange('A1');
    expect(() =>
      runtime.execute(() => {
        cell().setValue('PENDING');
        app.flush();
        mail.sendEmail('lead@council.gov.uk', 'Digest', 'B');
        cell().setValue('SENT');
      }),
    ).toThrow(EXECUTION_TIME_EXCEEDED);
    expect(runtime.core.calls.get('SpreadsheetApp.SpreadsheetApp.flush')).toBe(1);
    expect(runtime.execute(() => cell().getValue())).toBe('PENDING');
    expect(runtime.mail.outbox).toHaveLength(1);
  });
});
