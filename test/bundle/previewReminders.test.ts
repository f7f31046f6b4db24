// The reminder menu items through the bundle: Preview reminders lists per recipient what would go now, escaped,
// and sends and writes nothing; Send reminders now runs the weekly job for a plan administrator only, says what it
// did, and says so plainly when another job holds the lock.
import type { ReminderRunResult } from '../../src/jobs/reminderTypes';
import { WEEKLY_REMINDERS_JOB } from '../../src/jobs/reminderTypes';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import { REMINDERS_DIALOG_TITLE, type ReminderPreview } from '../../src/ui/remindersDialog';
import { PEOPLE } from '../builders/plan';
import { ADMIN, dueIn, openReminders, type OpenedReminders, overdue, sentTo } from '../builders/reminders';

/** A member of staff: an editor of the spreadsheet who is not a plan administrator. */
const STAFF = 'officer.01@example.org';

/** Robert: two overdue (one escalated to the Chief Executive); Amanda: one due in 3 days (digest and nudge). */
const ACTIONS = [
  overdue(5, { Code: 'CEA1' }),
  overdue(30, { Code: 'CEA2', Action: 'Review <script>alert("x")</script> procedures' }),
  dueIn(3, { Code: 'CEA3', Lead: 'Amanda <i>Beer</i>' }),
];
const PEOPLE_WITH_MARKUP = [PEOPLE[0], { ...PEOPLE[1], Name: 'Amanda <i>Beer</i>' }, ...PEOPLE.slice(2)];

const open = (settings: Record<string, unknown> = {}) =>
  openReminders(ACTIONS, { people: PEOPLE_WITH_MARKUP, settings, setUp: true });

function preview(o: OpenedReminders, as?: string): ReminderPreview {
  const outcome = as
    ? o.bundle.runAs<MenuOutcome<ReminderPreview>>(as, 'previewReminders')
    : o.bundle.run<MenuOutcome<ReminderPreview>>('previewReminders');
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

/** What a run could change: every sheet, the outbox and the triggers. */
const state = (o: OpenedReminders) => ({
  workbook: o.runtime.spreadsheets.model(),
  outbox: o.runtime.mail.outbox.length,
  triggers: o.runtime.triggers.list(),
});

describe('Preview reminders (bundle)', () => {
  it('lists per recipient what the runs would send now, escaped, and sends and writes nothing', () => {
    const o = open();
    const before = state(o);
    const view = preview(o);
    expect(state(o)).toEqual(before);
    expect(view.recipients.map((r) => [r.recipient, r.names, r.emails])).toEqual([
      [
        'amanda.beer@example.org',
        ['Amanda <i>Beer</i>'],
        [
          { kind: 'digest', actions: ['CEA3'] },
          { kind: 'nudge', actions: ['CEA3'] },
        ],
      ],
      ['chief.executive@example.org', ['Chief Executive'], [{ kind: 'escalation', actions: ['CEA2'] }]],
      ['robert.hardy@example.org', ['Robert Hardy'], [{ kind: 'digest', actions: ['CEA2', 'CEA1'] }]],
    ]);
    const dialogs = o.runtime.spreadsheets.ui.dialogs;
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toMatchObject({ kind: 'modal', title: REMINDERS_DIALOG_TITLE, content: view.html });
    expect(view.html).toContain('Amanda &lt;i&gt;Beer&lt;/i&gt;');
    expect(view.html).not.toContain('<i>');
    expect(view.html).toContain('<td>Before-due reminder</td>');
    expect(view.html).toContain('<td>Escalation to a manager</td>');
  });

  it('leaves out what was already sent, and says so', () => {
    const o = open();
    o.bundle.trigger('sendWeeklyReminders');
    const view = preview(o);
    expect(view.recipients.map((r) => [r.recipient, r.emails.map((e) => e.kind)])).toEqual([
      ['amanda.beer@example.org', ['nudge']],
    ]);
    expect(view.alreadySent).toBe(3);
    expect(view.html).toContain('3 reminder(s) due now were already sent');
  });

  it('in test mode names the address every email would go to instead', () => {
    const o = open({ 'Send all email to': 'tester@example.org' });
    const view = preview(o);
    expect(view.redirectedTo).toEqual(['tester@example.org']);
    expect(view.html).toContain('every email would go to tester@example.org instead');
    expect(view.recipients).toHaveLength(3);
  });

  it('staff may look too: it changes nothing', () => {
    const o = open();
    const before = state(o);
    expect(preview(o, STAFF).recipients).toHaveLength(3);
    expect(state(o)).toEqual(before);
  });
});

describe('Send reminders now (bundle)', () => {
  it('as the plan administrator: sends the weekly digests and escalations and says what it did', () => {
    const o = open();
    const outcome = o.bundle.run<MenuOutcome<ReminderRunResult>>('sendRemindersNow');
    expect(outcome.ok).toBe(true);
    expect(sentTo(o.runtime)).toEqual([
      ['amanda.beer@example.org'],
      ['robert.hardy@example.org'],
      ['chief.executive@example.org'],
    ]);
    const alerts = o.runtime.spreadsheets.ui.alerts.map((a) => a.prompt);
    expect(alerts).toEqual(['3 emails sent; 0 reminders already sent before.']);

    o.bundle.run('sendRemindersNow');
    expect(o.runtime.mail.outbox).toHaveLength(3);
    expect(o.runtime.spreadsheets.ui.alerts[1].prompt).toBe(
      '0 emails sent; 3 reminders already sent before.',
    );
  });

  it('as staff: refused before anything is sent or written', () => {
    const o = open();
    const before = state(o);
    const outcome = o.bundle.runAs<MenuOutcome<ReminderRunResult>>(STAFF, 'sendRemindersNow');
    expect(outcome.ok).toBe(false);
    expect(outcome.ok || outcome.message).toMatch(/^Send reminders now needs a plan administrator/);
    expect(outcome.ok || outcome.message).toContain(`Ask ${ADMIN}`);
    expect(state(o)).toEqual(before);
  });

  it('while another job holds the lock: the alert says it did not run, and nothing is sent', () => {
    const o = open();
    o.runtime.core.faults.scriptLockHeld = true;
    const outcome = o.bundle.run<MenuOutcome<ReminderRunResult>>('sendRemindersNow');
    expect(outcome.ok && outcome.result.outcome).toBe('skipped');
    expect(o.runtime.spreadsheets.ui.alerts.map((a) => a.prompt)).toEqual([
      `${WEEKLY_REMINDERS_JOB} did not run: another job on this plan is still running. Try again in a minute.`,
    ]);
    expect(o.runtime.mail.outbox).toEqual([]);
    expect(o.ledger()).toEqual([]);
  });

  it('a run that fails tells the person who clicked, as well as the administrator by email', () => {
    const o = open();
    o.runtime.core.faults.mailFailsOnSend = [1];
    const outcome = o.bundle.run<MenuOutcome<ReminderRunResult>>('sendRemindersNow');
    expect(outcome.ok).toBe(false);
    expect(o.runtime.spreadsheets.ui.alerts[0].prompt).toMatch(
      /^Send reminders now: Weekly reminders: The digest to amanda\.beer@example\.org failed/,
    );
    expect(sentTo(o.runtime).at(-1)).toEqual([ADMIN]);
  });
});
