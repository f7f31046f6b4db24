// Reminder emails: sender name, one-line subjects, the text and HTML bodies of each kind, escaping and test mode.
import type { Plan } from '../../src/domain/plan';
import {
  MAX_ACTION_LENGTH,
  MAX_SUBJECT_LENGTH,
  type ReminderEmailContext,
  renderReminder,
  senderName,
} from '../../src/domain/reminderEmail';
import {
  listedOnly,
  MAX_LINES_PER_EMAIL,
  type PlannedReminder,
  REMINDER_KINDS,
  type ReminderKind,
  selectReminders,
  withoutSettled,
} from '../../src/domain/reminders';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { londonMidnight, planFrom, type Row, daysFromToday, ledAction } from '../builders/plan';

const TODAY = '2010-03-10';
const PLAN_URL = 'https://docs.google.com/spreadsheets/d/plan-id/edit';

const PEOPLE: Row[] = [
  { Name: 'Head of Service 01', Email: 'hos01@example.org', 'Manager email': 'director.01@example.org' },
  { Name: 'Head of Service 02', Email: 'hos02@example.org', 'Manager email': 'director.01@example.org' },
  { Name: 'Performance Team', Email: 'hos01@example.org' },
  { Name: 'Director 01', Email: 'director.01@example.org' },
  { Name: 'Head of Service 03', Email: 'hos03@example.org', 'Manager email': 'director.03@example.org' },
  { Name: `Head of "Policy" & Partnerships' Office`, Email: 'policy@example.org' },
];

const row = ledAction;

/** A target date `days` after today (negative: before). */
const target = daysFromToday;

function plan(rows: Row[], settings?: Record<string, unknown>): Plan {
  return planFrom(rows, { people: PEOPLE, settings, today: TODAY });
}

function contextOf(p: Plan, extra: Partial<ReminderEmailContext> = {}): ReminderEmailContext {
  return {
    settings: p.settings,
    today: p.today,
    rowUrl: (r) => `${PLAN_URL}#gid=0&range=A${r}`,
    planUrl: PLAN_URL,
    ...extra,
  };
}

/** The one reminder of `kind` to `recipient` the plan calls for, rendered. */
function emailFor(p: Plan, kind: ReminderKind, recipient: string, extra: Partial<ReminderEmailContext> = {}) {
  const reminder = reminderFor(p, kind, recipient);
  return renderReminder(reminder, contextOf(p, extra));
}

function reminderFor(p: Plan, kind: ReminderKind, recipient: string): PlannedReminder {
  const found = selectReminders(p, REMINDER_KINDS).reminders.filter(
    (r) => r.kind === kind && r.recipient === recipient,
  );
  expect(found).toHaveLength(1);
  return found[0];
}

/** The HTML's tags, by name: a reminder's HTML is built from these and nothing a user typed. */
function tagNames(html: string): Set<string> {
  return new Set([...html.matchAll(/<\/?([a-zA-Z!][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
}
const OUR_TAGS = [
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'body',
  'p',
  'h2',
  'table',
  'tr',
  'th',
  'td',
  'a',
  'br',
];

describe('senderName', () => {
  it('is the organisation name with "Improvement Plan", on one line', () => {
    expect(senderName({ ...DEFAULT_SETTINGS, organisationName: '  Anytown\r\nBorough   Council ' })).toBe(
      'Anytown Borough Council Improvement Plan',
    );
  });

  it('is the plan title when there is no organisation name, or the default title', () => {
    expect(senderName(DEFAULT_SETTINGS)).toBe('Corporate Improvement Plan');
    expect(senderName({ ...DEFAULT_SETTINGS, planTitle: 'Performance\nImprovement Plan' })).toBe(
      'Performance Improvement Plan',
    );
    expect(senderName({ ...DEFAULT_SETTINGS, planTitle: '  ' })).toBe(DEFAULT_SETTINGS.planTitle);
  });

  it('comes with every rendered email', () => {
    const p = plan([row('CEA1', { 'Target date': target(-1) })], { 'Organisation name': 'Anytown Council' });
    expect(emailFor(p, 'digest', 'hos01@example.org').senderName).toBe('Anytown Council Improvement Plan');
  });
});

describe('renderReminder: weekly digest', () => {
  const rows = [
    row('CEA1', { 'Target date': target(-9) }),
    row('CEA2', { 'Target date': target(-30), 'Last updated': '' }),
    row('CEA3', { 'Target date': target(5), 'Last updated': londonMidnight('2009-12-01') }),
    row('CEA4', { Timescale: 'Ongoing', 'Last updated': londonMidnight('2009-11-01') }),
    row('CEA5', {
      'Target date': target(-60),
      'Revised target date': target(14),
      'Revision reason': 'Waiting for the new system',
    }),
  ];

  it('counts its sections in the subject, with the week it is for', () => {
    expect(emailFor(plan(rows), 'digest', 'hos01@example.org').subject).toBe(
      'Corporate Improvement Plan: 2 overdue, 2 due soon, 1 without an update – week of 8 March 2010',
    );
  });

  it('leaves sections with nothing in them out of the subject and the body', () => {
    const email = emailFor(plan([row('CEA1', { 'Target date': target(-9) })]), 'digest', 'hos01@example.org');
    expect(email.subject).toBe('Corporate Improvement Plan: 1 overdue – week of 8 March 2010');
    expect(email.text).toContain('Overdue\n');
    expect(email.text).not.toContain('Due in the next');
    expect(email.text).not.toContain('No update for');
    expect(email.html).not.toContain('Due in the next');
  });

  it('lists each section under its heading, each line with its code, text, facts and row link', () => {
    const p = plan(rows);
    const { text } = emailFor(p, 'digest', 'hos01@example.org');
    const row = (code: string) => p.actions.find((a) => a.code === code)!.row;
    const at = (s: string) => {
      expect(text).toContain(s);
      return text.indexOf(s);
    };
    const order = [
      at('Dear Head of Service 01,'),
      at('Overdue\n-------\n'),
      at(
        `* CEA2: Action CEA2\n  target 8 February 2010 · 30 days overdue · status: In progress · no update recorded\n  Row ${row('CEA2')}: ${PLAN_URL}#gid=0&range=A${row('CEA2')}\n`,
      ),
      at(`* CEA1: Action CEA1\n  target 1 March 2010 · 9 days overdue · status: In progress\n`),
      at('Due in the next 28 days\n'),
      at(
        '* CEA3: Action CEA3\n  target 15 March 2010 · due in 5 days · status: In progress · no update since 1 December 2009\n',
      ),
      at('* CEA5: Action CEA5\n  target 24 March 2010 · due in 14 days · status: In progress\n'), // the revised date
      at('No update for 90 days\n'),
      at('* CEA4: Action CEA4\n  status: In progress · no update since 1 November 2009\n'),
      at(`Open the plan: ${PLAN_URL}\n`),
      at('gives this address for Head of Service 01.'),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).not.toMatch(/<[a-z/!]/i);
  });

  it('greets everyone whose actions share the address, and says why each gets it', () => {
    const p = plan([...rows, row('CEA9', { Lead: 'Performance Team', 'Target date': target(-2) })]);
    const { text, html } = emailFor(p, 'digest', 'hos01@example.org');
    expect(text.split('\n')[0]).toBe('Dear Head of Service 01 and Performance Team,');
    expect(text).toContain('gives this address for Head of Service 01 and Performance Team.');
    expect(html).toContain('>Dear Head of Service 01 and Performance Team,</p>');
  });

  it('names the windows from Settings in its headings', () => {
    const { text, html } = emailFor(
      plan(rows, { 'Due-soon window (days)': 14, 'Stale after (days)': 60 }),
      'digest',
      'hos01@example.org',
    );
    for (const body of [text, html]) {
      expect(body).toContain('Due in the next 14 days');
      expect(body).toContain('No update for 60 days');
    }
  });

  it('says who to ask to stop the emails, naming the administrator when there is one', () => {
    const p = plan(rows, { 'Administrator email': 'plan.admin@example.org' });
    const { text } = emailFor(p, 'digest', 'hos01@example.org');
    expect(text).toContain(
      'To stop these emails or change the address, contact the plan’s administrators (plan.admin@example.org).',
    );
    expect(emailFor(plan(rows), 'digest', 'hos01@example.org').text).toContain(
      'contact the plan’s administrators.',
    );
  });

  it('is a complete HTML document with inline styles, a table per section and escaped links', () => {
    const p = plan(rows);
    const { html } = emailFor(p, 'digest', 'hos01@example.org');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<style|class=/);
    expect([...tagNames(html)].filter((t) => !OUR_TAGS.includes(t))).toEqual([]);
    expect(html.match(/<table /g)).toHaveLength(3);
    const row = p.actions.find((a) => a.code === 'CEA2')!.row;
    expect(html).toContain(`<a href="${PLAN_URL}#gid=0&amp;range=A${row}" style="color:#1155cc;">CEA2</a>`);
    expect(html).toContain('30 days overdue<br>status: In progress<br>no update recorded');
    expect(html).toContain(`Open the plan: <a href="${PLAN_URL}"`);
  });
});

describe('renderReminder: nudge', () => {
  it('names the one action and its date in the subject', () => {
    const email = emailFor(plan([row('CEA1', { 'Target date': target(14) })]), 'nudge', 'hos01@example.org');
    expect(email.subject).toBe('Reminder: CEA1 is due on 24 March 2010');
    expect(email.text).toContain(
      'CEA1, an action you lead in the Corporate Improvement Plan, is due in 14 days.',
    );
    expect(email.text).toContain('target 24 March 2010 · due in 14 days');
  });

  it('says "due today" on the day', () => {
    const email = emailFor(plan([row('CEA1', { 'Target date': target(0) })]), 'nudge', 'hos01@example.org');
    expect(email.subject).toBe('Reminder: CEA1 is due on 10 March 2010');
    expect(email.text).toContain('is due today.');
    expect(email.text).toContain('target 10 March 2010 · due today');
    expect(email.html).toContain('due today');
  });

  it('counts several actions in the subject and lists each, soonest first', () => {
    const p = plan([
      row('CEA1', { 'Target date': target(10) }),
      row('CEA2', { 'Target date': target(1) }),
      row('CEA3', { 'Target date': target(3) }),
    ]);
    const email = emailFor(p, 'nudge', 'hos01@example.org');
    expect(email.subject).toBe('Reminder: 3 actions due soon');
    expect(email.text).toContain('3 actions you lead in the Corporate Improvement Plan are due soon.');
    expect(email.text).toContain('due in 1 day ·');
    const at = ['* CEA2', '* CEA3', '* CEA1'].map((s) => email.text.indexOf(s));
    expect(at.every((i) => i > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });
});

describe('renderReminder: escalation', () => {
  const rows = [
    row('CEA1', { 'Target date': target(-30) }),
    row('CEA2', { Lead: 'Head of Service 02 / Head of Service 01', 'Target date': target(-45) }),
    row('CEA3', { Lead: 'Head of Service 03', 'Target date': target(-50) }),
  ];

  it('counts the actions and the threshold in the subject', () => {
    expect(emailFor(plan(rows), 'escalation', 'director.01@example.org').subject).toBe(
      'Escalation: 2 improvement actions overdue by 28 days or more',
    );
    expect(
      emailFor(plan(rows, { 'Escalate after (days overdue)': 40 }), 'escalation', 'director.01@example.org')
        .subject,
    ).toBe('Escalation: 1 improvement action overdue by 40 days or more');
  });

  it('names each action’s leads, most overdue first, and greets the manager by their People name', () => {
    const { text } = emailFor(plan(rows), 'escalation', 'director.01@example.org');
    expect(text).toContain('Dear Director 01,');
    expect(text).toContain('Overdue by 28 days or more\n');
    const two = text.indexOf(
      '* CEA2: Action CEA2\n  leads: Head of Service 02 and Head of Service 01 · target 24 January 2010 · 45 days overdue',
    );
    const one = text.indexOf(
      '* CEA1: Action CEA1\n  lead: Head of Service 01 · target 8 February 2010 · 30 days overdue',
    );
    expect(two).toBeGreaterThan(0);
    expect(one).toBeGreaterThan(two);
    expect(text).toContain('gives this address as the Manager email of the leads named above');
  });

  it('greets a manager address no People row holds without a name', () => {
    expect(emailFor(plan(rows), 'escalation', 'director.03@example.org').text).toMatch(/^Hello,\n/);
  });
});

describe('renderReminder: what comes from users', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const p = plan(
    [
      row('CEA1', {
        Action: `Publish the results ${hostile}\r\nand report them`,
        Lead: `Head of "Policy" & Partnerships' Office`,
        'Target date': target(-40),
      }),
    ],
    { 'Plan title': '<script>alert(1)</script>\nPlan' },
  );

  it('escapes every value in the HTML and keeps the plain text as written, on one line', () => {
    const { html, text, subject } = emailFor(p, 'digest', 'policy@example.org');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Plan');
    expect(html).toContain('Dear Head of &quot;Policy&quot; &amp; Partnerships&#39; Office,');
    expect([...tagNames(html)].filter((t) => !OUR_TAGS.includes(t))).toEqual([]);
    expect(text).toContain(`* CEA1: Publish the results ${hostile} and report them\n`);
    expect(text).toContain(`Dear Head of "Policy" & Partnerships' Office,`);
    expect(subject).toBe('<script>alert(1)</script> Plan: 1 overdue – week of 8 March 2010');
  });

  it('never lets a line break into the subject, and caps its length', () => {
    const long = plan([row('CEA1', { 'Target date': target(-1) })], {
      'Plan title': `Corporate\r\nImprovement \t Plan ${'x'.repeat(400)}`,
    });
    const { subject } = emailFor(long, 'digest', 'hos01@example.org');
    expect(subject).not.toMatch(/[\r\n\t]|\s{2}/);
    expect(subject.startsWith('Corporate Improvement Plan x')).toBe(true);
    expect(subject).toHaveLength(MAX_SUBJECT_LENGTH);
    expect(subject.endsWith('…')).toBe(true);
  });

  it('shortens a long action text with an ellipsis', () => {
    const words = 'Review the consultation responses and publish them '.repeat(10);
    const email = emailFor(
      plan([row('CEA1', { Action: words, 'Target date': target(-1) })]),
      'digest',
      'hos01@example.org',
    );
    const line = email.text.split('\n').find((l) => l.startsWith('* CEA1: '))!;
    const shown = line.slice('* CEA1: '.length);
    expect(shown.length).toBeLessThanOrEqual(MAX_ACTION_LENGTH);
    expect(shown.endsWith('…')).toBe(true);
    expect(words.startsWith(shown.slice(0, -1))).toBe(true);
  });

  it('escapes a row link and does not link one that is not a web address', () => {
    const odd = plan([row('CEA1', { 'Target date': target(-1) })]);
    const quoted = emailFor(odd, 'digest', 'hos01@example.org', {
      rowUrl: () => 'https://docs.example.org/edit#a=1&b="2"',
    });
    expect(quoted.html).toContain('href="https://docs.example.org/edit#a=1&amp;b=&quot;2&quot;"');
    const script = emailFor(odd, 'digest', 'hos01@example.org', { rowUrl: () => 'javascript:alert(1)' });
    expect(script.html).not.toContain('javascript:');
    expect(script.html).toContain('>CEA1</td>');
  });
});

describe('renderReminder: test mode', () => {
  const p = plan([row('CEA1', { 'Target date': target(-40) }), row('CEA2', { 'Target date': target(3) })]);

  it.each(['digest', 'nudge', 'escalation'] as const)(
    'opens both bodies of a %s with the address it was meant for',
    (kind) => {
      const recipient = kind === 'escalation' ? 'director.01@example.org' : 'hos01@example.org';
      const email = emailFor(p, kind, recipient, { meantFor: recipient });
      const note = `Test mode: this email was meant for ${recipient}.`;
      expect(email.text.split('\n')[0]).toBe(note);
      const body = email.html.slice(email.html.indexOf('<body'));
      expect(body.split('\n')[1]).toMatch(new RegExp(`^<p style="[^"]*">${note.replace(/\./g, '\\.')}</p>$`));
      // Every test email lands in one inbox: the subject says whose it would have been.
      expect(email.subject).toBe(`[Test for ${recipient}] ${emailFor(p, kind, recipient).subject}`);
    },
  );

  it('says nothing of test mode when the email goes to its own recipient', () => {
    const email = emailFor(p, 'digest', 'hos01@example.org');
    expect(email.text).not.toContain('Test mode');
    expect(email.html).not.toContain('Test mode');
    expect(email.text.split('\n')[0]).toBe('Dear Head of Service 01,');
  });
});

describe('a reminder for more actions than one email lists', () => {
  const many = Array.from({ length: MAX_LINES_PER_EMAIL + 30 }, (_, i) =>
    row(`CEA${i + 1}`, { 'Target date': target(-1 - i) }),
  );

  it('lists the most urgent, counts them all in its subject and opening, and says how many are left off', () => {
    const p = plan(many);
    const reminder = listedOnly(reminderFor(p, 'digest', 'hos01@example.org'));
    expect(reminder.lines).toHaveLength(MAX_LINES_PER_EMAIL);
    expect(reminder.unlisted).toBe(30);
    expect(reminder.lines[0].code).toBe(`CEA${MAX_LINES_PER_EMAIL + 30}`); // the most overdue first
    const email = renderReminder(reminder, contextOf(p));
    expect(email.subject).toMatch(/: 130 overdue – week of/);
    expect(email.text).toContain('…and 30 more actions not listed here');
    expect(email.html).toContain('…and 30 more actions not listed here');
    expect(email.text.match(/^\* CEA/gm)).toHaveLength(MAX_LINES_PER_EMAIL);
  });

  it('keeps a nudge’s left-off actions unrecorded, so the next day lists them', () => {
    const soon = Array.from({ length: MAX_LINES_PER_EMAIL + 5 }, (_, i) =>
      row(`CEB${i + 1}`, { 'Target date': target(2) }),
    );
    const planned = reminderFor(plan(soon), 'nudge', 'hos01@example.org');
    const first = listedOnly(planned);
    expect(first.lines).toHaveLength(MAX_LINES_PER_EMAIL);
    expect(first.keys).toEqual(first.lines.flatMap((l) => l.keys));
    expect(new Set(first.keys.map((k) => k.split('|')[2])).size).toBe(MAX_LINES_PER_EMAIL);
    expect(renderReminder(first, contextOf(plan(soon))).subject).toBe('Reminder: 105 actions due soon');
    // The next day the ledger holds the first email's keys: the five left off are what is listed.
    const sent = new Set(first.keys);
    const next = withoutSettled(planned, (k) => sent.has(k));
    expect(next && listedOnly(next).lines.map((l) => l.code)).toHaveLength(5);
    expect(next && renderReminder(listedOnly(next), contextOf(plan(soon))).subject).toBe(
      'Reminder: 5 actions due soon',
    );
  });
});
