// The daily scheduled draft through the bundle: one draft per meeting when its window opens, its link emailed to the
// Administrator email, nothing the second time, and a Run log note when there is nowhere to send it.
import type { ScheduledDraftResult } from '../../src/jobs/scheduledDraft';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import { action, settingsSheet } from '../builders/plan';
import { openPlan, planData } from './harness';

function openWith(settings: Record<string, unknown>) {
  const data = planData([action({ Code: 'CEA1' }), action({ Code: 'CEA2', Status: 'Complete' })]);
  data.settings = settingsSheet(settings);
  const opened = openPlan(data);
  const outcome = opened.bundle.run<MenuOutcome<unknown>>('setUpOrRepairSpreadsheet');
  if (!outcome.ok) throw new Error(outcome.message);
  return opened;
}

describe('Scheduled draft report (bundle trigger)', () => {
  it('setup installs its daily trigger once', () => {
    const opened = openWith({});
    expect(
      opened.runtime.triggers.list().filter((t) => t.handlerFunction === 'scheduledDraftReport'),
    ).toHaveLength(1);
    opened.bundle.run('setUpOrRepairSpreadsheet');
    expect(
      opened.runtime.triggers.list().filter((t) => t.handlerFunction === 'scheduledDraftReport'),
    ).toHaveLength(1);
  });

  it('makes the draft once when the meeting is within "Draft report days before meeting", and emails its link', () => {
    // Today is 10 March 2010: 20 March is 10 days away (within 14); 30 June is not yet due; 1 March has passed.
    const opened = openWith({
      'Committee meeting dates': '01/03/2010, 20/03/2010, 30/06/2010',
      Committee: 'Cabinet',
      'Administrator email': 'plan.admin@example.org',
    });
    const first = opened.bundle.trigger<ScheduledDraftResult>('scheduledDraftReport');
    expect(first.drafts.map((d) => d.meeting)).toEqual(['2010-03-20']);
    const docs = opened.runtime.documents.documents();
    expect(docs).toHaveLength(1);
    expect(docs[0].name).toContain('Cabinet');
    const mail = opened.runtime.mail.outbox;
    expect(mail).toHaveLength(1);
    expect(mail[0].to).toEqual(['plan.admin@example.org']);
    expect(mail[0].subject).not.toMatch(/[\r\n]/);
    expect(mail[0].body).toContain(docs[0].url);
    const reports = opened.values('Reports') ?? [];
    expect(reports).toHaveLength(2);
    expect(reports[1][5]).toBe('scheduled draft');

    // The next day, and a second run the same day: nothing more.
    const second = opened.bundle.trigger<ScheduledDraftResult>('scheduledDraftReport');
    expect(second.drafts).toEqual([]);
    opened.runtime.core.advance(86_400_000);
    opened.bundle.trigger('scheduledDraftReport');
    expect(opened.runtime.documents.documents()).toHaveLength(1);
    expect(opened.runtime.mail.outbox).toHaveLength(1);
  });

  it('a draft that fails is logged per meeting and the run ends by throwing, so the owner hears of it', () => {
    const opened = openWith({
      'Committee meeting dates': '15/03/2010, 20/03/2010',
      'Report template document ID': 'no-such-template',
    });
    expect(() => opened.bundle.trigger('scheduledDraftReport')).toThrow(
      /The draft for 15 March 2010 failed: .*The draft for 20 March 2010 failed: /,
    );
    const failed = (opened.values('Run log') ?? []).filter(
      (r) => r[0] === 'Scheduled draft report' && r[3] === 'failed',
    );
    expect(failed).toHaveLength(2); // one per meeting, each naming the template problem
    for (const row of failed) expect(String(row[6])).toMatch(/^The report template \(ID no-such-template\)/);
    expect(opened.runtime.documents.documents()).toHaveLength(0);
  });

  it('with no Administrator email, makes the draft and notes in the Run log that no email was sent', () => {
    const opened = openWith({ 'Committee meeting dates': '20/03/2010' });
    const result = opened.bundle.trigger<ScheduledDraftResult>('scheduledDraftReport');
    expect(result.drafts).toHaveLength(1);
    expect(opened.runtime.mail.outbox).toHaveLength(0);
    const runLog = opened.values('Run log') ?? [];
    expect(runLog.map((r) => String(r[6])).join('\n')).toMatch(
      /no email sent: Settings › Administrator email is blank/,
    );
  });

  it('with no meeting due, does nothing at all', () => {
    const opened = openWith({
      'Committee meeting dates': '30/06/2010',
      'Administrator email': 'plan.admin@example.org',
    });
    const before = (opened.values('Run log') ?? []).length;
    expect(opened.bundle.trigger<ScheduledDraftResult>('scheduledDraftReport').drafts).toEqual([]);
    expect(opened.runtime.documents.documents()).toHaveLength(0);
    expect((opened.values('Run log') ?? []).length).toBe(before);
  });

  it('in test mode the link goes to "Send all email to", naming the administrator', () => {
    const opened = openWith({
      'Committee meeting dates': '20/03/2010',
      'Administrator email': 'plan.admin@example.org',
      'Send all email to': 'tester@example.org',
    });
    opened.bundle.trigger('scheduledDraftReport');
    expect(opened.runtime.mail.outbox.map((m) => m.to)).toEqual([['tester@example.org']]);
    expect(opened.runtime.mail.outbox[0].body).toContain('meant for plan.admin@example.org');
  });
});
