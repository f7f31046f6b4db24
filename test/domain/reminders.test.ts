// Who is reminded of what: digest sections and order, nudges by threshold, escalations to managers, one email per
// address, the ledger keys, the digest week and the problems that stop a reminder.
import { addDays, daysBetween } from '../../src/domain/dates';
import type { Plan } from '../../src/domain/plan';
import {
  digestWeek,
  nudgeKey,
  periodKey,
  type PlannedReminder,
  REMINDER_KINDS,
  type ReminderKind,
  selectReminders,
  withoutSettled,
} from '../../src/domain/reminders';
import { DEFAULT_SETTINGS, WEEKDAYS } from '../../src/domain/settings';
import { londonMidnight, planFrom, type Row, daysFromToday, ledAction } from '../builders/plan';

const TODAY = '2010-03-10'; // a Wednesday
const WEEK = '2010-03-08'; // its Monday

const PEOPLE: Row[] = [
  { Name: 'Head of Service 01', Email: 'hos01@example.org', 'Manager email': 'director.01@example.org' },
  {
    Name: 'Head of Service 02',
    Email: 'hos02@example.org',
    'Manager email': 'director.01@example.org, director.02@example.org',
  },
  { Name: 'Director 01', Email: 'Director.01@example.org' },
  { Name: 'Policy Team', Email: 'policy.a@example.org; policy.b@example.org,\npolicy.c@example.org' },
  { Name: 'Performance Team', Email: 'HOS01@Example.org' },
  { Name: 'Head of Service 03', Email: 'hos03@elsewhere.test', 'Manager email': 'boss@elsewhere.test' },
  { Name: 'Head of Service 04', Email: 'hos04@example.org' },
];

const row = ledAction;

/** A target date `days` after today (negative: before). */
const target = daysFromToday;

function plan(rows: Row[], settings?: Record<string, unknown>, today = TODAY): Plan {
  return planFrom(rows, { people: PEOPLE, settings, today });
}

function select(p: Plan, kinds: readonly ReminderKind[] = REMINDER_KINDS) {
  return selectReminders(p, kinds);
}

const codes = (r: PlannedReminder | undefined) => r?.lines.map((l) => l.code);
const sections = (r: PlannedReminder | undefined) => r?.lines.map((l) => `${l.section} ${l.code}`);
const only = (rs: PlannedReminder[], kind: ReminderKind, recipient?: string) =>
  rs.filter((r) => r.kind === kind && (!recipient || r.recipient.toLowerCase() === recipient));

describe('digestWeek', () => {
  it('is the latest Weekly digest day on or before today, for each day of the week', () => {
    const week = (day: string) => digestWeek(TODAY, { ...DEFAULT_SETTINGS, weeklyDigestDay: day as never });
    expect(WEEKDAYS.map(week)).toEqual([
      '2010-03-08', // Monday
      '2010-03-09', // Tuesday
      '2010-03-10', // Wednesday: today itself
      '2010-03-04', // Thursday
      '2010-03-05',
      '2010-03-06',
      '2010-03-07', // Sunday
    ]);
  });

  it('agrees with the calendar for every day of two years and every digest day', () => {
    // Date#getUTCDay counts from Sunday: an independent check of the arithmetic.
    const jsDay = (iso: string) => (new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7;
    for (let i = 0; i < 731; i += 1) {
      const today = addDays('2009-01-01', i);
      WEEKDAYS.forEach((day, index) => {
        const week = digestWeek(today, { ...DEFAULT_SETTINGS, weeklyDigestDay: day });
        expect(jsDay(week)).toBe(index);
        expect(daysBetween(week, today)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(week, today)).toBeLessThan(7);
      });
    }
  });

  it('works before 1970 too (day numbers below zero)', () => {
    expect(digestWeek('1969-12-31', DEFAULT_SETTINGS)).toBe('1969-12-29');
  });
});

describe('ledger keys', () => {
  it('lower-case the address and keep the rest as given', () => {
    expect(periodKey('digest', 'HoS01@Example.org', WEEK)).toBe('digest|hos01@example.org|2010-03-08');
    expect(periodKey('escalation', 'Director.01@example.org', WEEK)).toBe(
      'escalation|director.01@example.org|2010-03-08',
    );
    expect(nudgeKey('HoS01@Example.org', 'CEA1', '2010-03-24', 14)).toBe(
      'nudge|hos01@example.org|CEA1|2010-03-24|14',
    );
  });
});

describe('selectReminders: weekly digest', () => {
  const rows = [
    row('CEA1', { 'Target date': target(-9) }),
    row('CEA2', { 'Target date': target(-30), 'Last updated': '' }), // overdue and never updated
    row('CEA3', { 'Target date': target(10) }),
    row('CEA4', { 'Target date': target(5), 'Last updated': londonMidnight('2009-11-01') }), // due soon, stale
    row('CEA5', { Timescale: 'Ongoing', 'Last updated': '' }), // only stale
    row('CEA6', { 'Target date': target(200) }), // on track, updated: nothing to say
    row('CEA7', { 'Target date': target(-9), Status: 'Complete', 'Last updated': '' }),
    row('CEA8', { 'Target date': target(-9), Status: 'Cancelled', 'Last updated': '' }),
    row('CEA9', {
      'Target date': target(-60),
      'Revised target date': target(2),
      'Revision reason': 'Waiting for the new system',
    }),
    row('CEA10', { 'Target date': target(200), 'Last updated': londonMidnight('2009-12-01') }), // only stale
    row('CEA11', { 'Target date': target(-9) }),
  ];

  it('sends each lead one email with sections overdue, due soon and stale, each in its own order', () => {
    const digests = only(select(plan(rows)).reminders, 'digest');
    expect(digests).toHaveLength(1);
    expect(sections(digests[0])).toEqual([
      'overdue CEA2', // most overdue first
      'overdue CEA1', // then by code (1 before 11)
      'overdue CEA11',
      'dueSoon CEA9', // by (revised) target date
      'dueSoon CEA4',
      'dueSoon CEA3',
      'stale CEA5', // by code: 5 before 10
      'stale CEA10',
    ]);
    expect(digests[0]).toMatchObject({
      kind: 'digest',
      recipient: 'hos01@example.org',
      names: ['Head of Service 01'],
      period: WEEK,
      keys: ['digest|hos01@example.org|2010-03-08'],
    });
  });

  it('gives each line its days overdue or until due, its effective target date, status, stale flag and row', () => {
    const p = plan(rows);
    const lines = only(select(p).reminders, 'digest')[0].lines;
    const line = (code: string) => lines.find((l) => l.code === code)!;
    expect(line('CEA2')).toEqual({
      section: 'overdue',
      code: 'CEA2',
      row: 3,
      action: 'Action CEA2',
      leads: ['Head of Service 01'],
      status: 'In progress',
      effectiveTargetDate: '2010-02-08',
      daysOverdue: 30,
      stale: true,
      keys: [],
    });
    expect(line('CEA1')).toMatchObject({ daysOverdue: 9, stale: false, lastUpdated: '2010-03-01' });
    // The revised date is the one that counts, not the original two months ago.
    expect(line('CEA9')).toMatchObject({
      effectiveTargetDate: '2010-03-12',
      daysOverdue: 0,
      daysUntilDue: 2,
    });
    expect(line('CEA4')).toMatchObject({ daysUntilDue: 5, stale: true, lastUpdated: '2009-11-01' });
    expect(line('CEA10')).toMatchObject({ section: 'stale', lastUpdated: '2009-12-01', stale: true });
    expect(line('CEA5').effectiveTargetDate).toBeUndefined();
    for (const l of lines) expect(l.row).toBe(p.actions.find((a) => a.code === l.code)!.row);
  });

  it('leaves out complete, cancelled and on-track-and-updated actions', () => {
    const listed = codes(only(select(plan(rows)).reminders, 'digest')[0]);
    expect(listed).not.toContain('CEA6');
    expect(listed).not.toContain('CEA7');
    expect(listed).not.toContain('CEA8');
  });

  it('sends no digest to a lead with nothing overdue, due soon or stale', () => {
    const p = plan([row('CEA1', { Lead: 'Head of Service 02', 'Target date': target(200) }), ...rows]);
    expect(only(select(p).reminders, 'digest', 'hos02@example.org')).toEqual([]);
  });

  it('counts the stale window from Settings, and the due-soon window too', () => {
    const p = plan(rows, { 'Stale after (days)': 200, 'Due-soon window (days)': 7 });
    expect(sections(only(select(p).reminders, 'digest')[0])).toEqual([
      'overdue CEA2',
      'overdue CEA1',
      'overdue CEA11',
      'dueSoon CEA9',
      'dueSoon CEA4',
      'stale CEA5', // never updated: stale whatever the window
    ]);
  });

  it('uses the Weekly digest day for the period and key', () => {
    const [digest] = only(select(plan(rows, { 'Weekly digest day': 'Thursday' })).reminders, 'digest');
    expect(digest.period).toBe('2010-03-04');
    expect(digest.keys).toEqual(['digest|hos01@example.org|2010-03-04']);
  });
});

describe('selectReminders: one email per address', () => {
  it('splits a People row holding three addresses into three emails, one address each', () => {
    const r = select(plan([row('CEA1', { Lead: 'Policy Team', 'Target date': target(-3) })]));
    const digests = only(r.reminders, 'digest');
    expect(digests.map((d) => d.recipient)).toEqual([
      'policy.a@example.org',
      'policy.b@example.org',
      'policy.c@example.org',
    ]);
    for (const d of digests) {
      expect(d.names).toEqual(['Policy Team']);
      expect(codes(d)).toEqual(['CEA1']);
      expect(d.keys).toEqual([periodKey('digest', d.recipient, WEEK)]);
    }
    expect(r.problems).toEqual([]);
  });

  it('sends an address two People rows share one email with both their actions, each once', () => {
    const r = select(
      plan([
        row('CEA1', { Lead: 'Performance Team', 'Target date': target(-3) }),
        row('CEA2', { Lead: 'Head of Service 01', 'Target date': target(-5) }),
        row('CEA3', { Lead: 'Head of Service 01 / Performance Team', 'Target date': target(-1) }),
      ]),
    );
    const digests = only(r.reminders, 'digest');
    expect(digests).toHaveLength(1);
    expect(digests[0].recipient).toBe('HOS01@Example.org'); // as first written
    expect(digests[0].keys).toEqual(['digest|hos01@example.org|2010-03-08']);
    expect(digests[0].names).toEqual(['Head of Service 01', 'Performance Team']);
    expect(codes(digests[0])).toEqual(['CEA2', 'CEA1', 'CEA3']);
  });

  it('sends an action with two leads to each, and each lead only their own actions', () => {
    const r = select(
      plan([
        row('CEA1', { Lead: 'Head of Service 01 and Head of Service 02', 'Target date': target(-3) }),
        row('CEA2', { Lead: 'Head of Service 02', 'Target date': target(-4) }),
        row('CEA3', { Lead: 'Head of Service 01', 'Target date': target(4) }),
      ]),
    );
    expect(codes(only(r.reminders, 'digest', 'hos01@example.org')[0])).toEqual(['CEA1', 'CEA3']);
    expect(codes(only(r.reminders, 'digest', 'hos02@example.org')[0])).toEqual(['CEA2', 'CEA1']);
  });

  it('orders the reminders by kind, then by address', () => {
    const r = select(
      plan([
        row('CEA1', { Lead: 'Head of Service 02', 'Target date': target(-40) }),
        row('CEA2', { Lead: 'Head of Service 01', 'Target date': target(3) }),
      ]),
    );
    expect(r.reminders.map((x) => `${x.kind} ${x.recipient}`)).toEqual([
      'digest hos01@example.org',
      'digest hos02@example.org',
      'nudge hos01@example.org',
      'escalation director.01@example.org',
      'escalation director.02@example.org',
    ]);
  });
});

describe('selectReminders: problems', () => {
  it('reports a lead not in People, never guessing an address, and reminds the other leads', () => {
    const r = select(
      plan([row('CEA1', { Lead: 'Head of Service 99 / Head of Service 01', 'Target date': target(3) })]),
    );
    expect(r.problems).toEqual([
      'Lead "Head of Service 99" on CEA1 is not in People, so they were not reminded of it.',
    ]); // once, though both the digest and the nudge were held back
    expect(r.reminders.map((x) => `${x.kind} ${x.recipient}`)).toEqual([
      'digest hos01@example.org',
      'nudge hos01@example.org',
    ]);
  });

  it('reports a lead whose only address is outside the allowed domains, and sends to no one there', () => {
    const p = plan([row('CEA1', { Lead: 'Head of Service 03', 'Target date': target(-40) })], {
      'Allowed email domains': 'example.org',
    });
    expect(p.problems.map((x) => x.message)).toContain(
      'hos03@elsewhere.test is outside the allowed email domains (example.org); it will not be emailed.',
    );
    const r = select(p);
    expect(r.reminders).toEqual([]);
    expect(r.problems).toEqual([
      'Head of Service 03 has no email address the plan may use (see People), so they were not reminded of CEA1.',
      'Head of Service 03 has no Manager email the plan may use (see People), so CEA1 (40 days overdue) was not escalated.',
    ]);
  });

  it('skips a row with no Code (it cannot be keyed) and says so once', () => {
    const p = plan([row('', { 'Target date': target(3) }), row('CEA2', { 'Target date': target(-1) })]);
    const r = select(p);
    expect(r.problems).toEqual([
      'Row 2 has no Code, so its leads were not reminded of it; run Assign codes.',
    ]);
    expect(r.reminders.flatMap((x) => codes(x))).toEqual(['CEA2']);
  });

  it('says nothing of a row with no Code that no one would be reminded of', () => {
    expect(select(plan([row('', { 'Target date': target(200) })])).problems).toEqual([]);
  });

  it('reports an action with no Lead', () => {
    expect(select(plan([row('CEA1', { Lead: '', 'Target date': target(-1) })])).problems).toEqual([
      'CEA1 has no Lead, so no one was reminded of it.',
    ]);
  });

  it('reports a lead with no usable address only for actions that would be reminded', () => {
    const p = plan(
      [
        row('CEA1', { Lead: 'Head of Service 03', 'Target date': target(200) }),
        row('CEA2', { Lead: 'Head of Service 03', 'Target date': target(-1) }),
      ],
      { 'Allowed email domains': 'example.org' },
    );
    expect(select(p).problems).toEqual([
      'Head of Service 03 has no email address the plan may use (see People), so they were not reminded of CEA2.',
    ]);
  });
});

describe('selectReminders: escalation', () => {
  const rows = [
    row('CEA1', { 'Target date': target(-28) }), // exactly the threshold
    row('CEA2', { 'Target date': target(-27) }), // one day short
    row('CEA3', { Lead: 'Head of Service 02', 'Target date': target(-60) }),
    row('CEA4', { 'Target date': target(-90), Status: 'Complete' }),
    row('CEA5', { 'Target date': target(-90), Status: 'Cancelled' }),
    row('CEA6', { 'Target date': target(-90), Status: 'Deferred' }),
    row('CEA7', { Lead: 'Head of Service 02 / Head of Service 01', 'Target date': target(-35) }),
  ];

  it('sends the overdue-by-N actions to each manager address, one email each, most overdue first', () => {
    const escalations = only(select(plan(rows)).reminders, 'escalation');
    expect(escalations.map((e) => e.recipient)).toEqual([
      'director.01@example.org', // as the Manager email column writes it
      'director.02@example.org',
    ]);
    const [one, two] = escalations;
    // Director 01 manages both heads of service: the union of their actions, CEA7 once.
    expect(sections(one)).toEqual(['escalation CEA3', 'escalation CEA7', 'escalation CEA1']);
    expect(one.lines.map((l) => l.daysOverdue)).toEqual([60, 35, 28]);
    expect(one.lines[1].leads).toEqual(['Head of Service 02', 'Head of Service 01']);
    expect(one).toMatchObject({
      kind: 'escalation',
      period: WEEK,
      keys: ['escalation|director.01@example.org|2010-03-08'],
      names: ['Director 01'], // the People row whose own address it is
    });
    expect(codes(two)).toEqual(['CEA3', 'CEA7']);
    expect(two.names).toEqual([]); // an address no People row holds
  });

  it('follows the Escalate after setting', () => {
    const escalations = only(
      select(plan(rows, { 'Escalate after (days overdue)': 40 })).reminders,
      'escalation',
    );
    expect(escalations.map(codes)).toEqual([['CEA3'], ['CEA3']]);
  });

  it('reports a lead with no Manager email and a lead not in People', () => {
    const r = select(
      plan([
        row('CEA1', { Lead: 'Head of Service 04', 'Target date': target(-40) }),
        row('CEA2', { Lead: 'Head of Service 98', 'Target date': target(-1) }),
        row('CEA3', { Lead: 'Head of Service 99', 'Target date': target(-29) }),
      ]),
      ['escalation'],
    );
    expect(r.reminders).toEqual([]);
    expect(r.problems).toEqual([
      'Head of Service 04 has no Manager email the plan may use (see People), so CEA1 (40 days overdue) was not escalated.',
      'Lead "Head of Service 99" on CEA3 is not in People, so CEA3 (29 days overdue) was not escalated.',
    ]);
  });
});

describe('selectReminders: before-due nudges', () => {
  const rows = [
    row('CEA1', { 'Target date': target(21) }), // not yet within 14
    row('CEA2', { 'Target date': target(14) }), // within 14 today
    row('CEA3', { 'Target date': target(10) }),
    row('CEA4', { 'Target date': target(3) }), // within 14 and 3
    row('CEA5', { 'Target date': target(0) }), // due today
    row('CEA6', { 'Target date': target(-1) }), // overdue: the digest's business
    row('CEA7', { 'Target date': target(3), Status: 'Complete' }),
    row('CEA8', { 'Target date': target(3), Status: 'Deferred' }),
    row('CEA9', { 'Target date': target(3), Status: 'Cancelled' }),
    row('CEA10', { Timescale: 'Ongoing' }),
    row('CEA11', {
      'Target date': target(-30),
      'Revised target date': target(14),
      'Revision reason': 'Waiting for the new system',
    }),
  ];

  it('nudges each action whose date has come within a threshold, keyed per threshold reached', () => {
    const nudges = only(select(plan(rows)).reminders, 'nudge');
    expect(nudges).toHaveLength(1);
    const [nudge] = nudges;
    expect(nudge.lines.map((l) => `${l.code} ${l.effectiveTargetDate} ${l.daysUntilDue}`)).toEqual([
      'CEA5 2010-03-10 0',
      'CEA4 2010-03-13 3',
      'CEA3 2010-03-20 10',
      'CEA2 2010-03-24 14',
      'CEA11 2010-03-24 14', // the revised date, not the original
    ]);
    const key = (code: string, date: string, t: number) => nudgeKey('hos01@example.org', code, date, t);
    expect(nudge.lines.map((l) => l.keys)).toEqual([
      [key('CEA5', '2010-03-10', 14), key('CEA5', '2010-03-10', 3)],
      [key('CEA4', '2010-03-13', 14), key('CEA4', '2010-03-13', 3)],
      [key('CEA3', '2010-03-20', 14)],
      [key('CEA2', '2010-03-24', 14)],
      [key('CEA11', '2010-03-24', 14)],
    ]);
    expect(nudge.keys).toEqual(nudge.lines.flatMap((l) => l.keys));
    expect(nudge).toMatchObject({ kind: 'nudge', recipient: 'hos01@example.org', period: TODAY });
    expect(nudge.lines.every((l) => l.section === 'nudge' && l.daysOverdue === 0)).toBe(true);
  });

  it('follows the Remind before setting', () => {
    const [nudge] = only(select(plan(rows, { 'Remind before (days)': '7, 1' })).reminders, 'nudge');
    expect(nudge.lines.map((l) => [l.code, l.keys.map((k) => k.split('|')[4])])).toEqual([
      ['CEA5', ['7', '1']],
      ['CEA4', ['7']],
    ]);
  });

  it('nudges an on-track action beyond the due-soon window when a threshold is wider', () => {
    const p = plan([row('CEA1', { 'Target date': target(40) })], { 'Remind before (days)': '60, 3' });
    expect(p.actions[0].rag).toBe('On track');
    expect(only(select(p).reminders, 'nudge')[0].keys).toEqual([
      nudgeKey('hos01@example.org', 'CEA1', '2010-04-19', 60),
    ]);
  });

  it('starts again with new keys when the target date is revised', () => {
    const before = only(select(plan([row('CEA1', { 'Target date': target(3) })])).reminders, 'nudge')[0];
    const revised = plan([
      row('CEA1', {
        'Target date': target(3),
        'Revised target date': target(10),
        'Revision reason': 'More time agreed',
      }),
    ]);
    const after = only(select(revised).reminders, 'nudge')[0];
    expect(after.keys).toEqual([nudgeKey('hos01@example.org', 'CEA1', '2010-03-20', 14)]);
    const settled = new Set(before.keys);
    expect(withoutSettled(after, (k) => settled.has(k))).toEqual(after);
  });

  it('keys each address of a three-address row separately', () => {
    const nudges = only(
      select(plan([row('CEA1', { Lead: 'Policy Team', 'Target date': target(5) })])).reminders,
      'nudge',
    );
    expect(nudges.map((n) => n.keys)).toEqual([
      ['nudge|policy.a@example.org|CEA1|2010-03-15|14'],
      ['nudge|policy.b@example.org|CEA1|2010-03-15|14'],
      ['nudge|policy.c@example.org|CEA1|2010-03-15|14'],
    ]);
  });

  it('selects only the kinds asked for', () => {
    const p = plan([...rows, row('CEA20', { 'Target date': target(-40) })]);
    expect(new Set(select(p, ['nudge']).reminders.map((r) => r.kind))).toEqual(new Set(['nudge']));
    expect(new Set(select(p, ['digest', 'escalation']).reminders.map((r) => r.kind))).toEqual(
      new Set(['digest', 'escalation']),
    );
    expect(select(p, []).reminders).toEqual([]);
  });
});

describe('withoutSettled', () => {
  const p = plan([
    row('CEA1', { 'Target date': target(2) }),
    row('CEA2', { 'Target date': target(10) }),
    row('CEA3', { 'Target date': target(-40) }),
  ]);
  const reminders = select(p).reminders;
  const [digest] = only(reminders, 'digest');
  const [nudge] = only(reminders, 'nudge');
  const [escalation] = only(reminders, 'escalation');

  it('drops a digest or an escalation whose key is settled, and keeps it whole otherwise', () => {
    expect(withoutSettled(digest, (k) => k === digest.keys[0])).toBeUndefined();
    expect(withoutSettled(digest, () => false)).toBe(digest);
    expect(withoutSettled(escalation, (k) => k === escalation.keys[0])).toBeUndefined();
    // Another week's key does not settle this week's.
    const lastWeek = periodKey('digest', digest.recipient, addDays(WEEK, -7));
    expect(withoutSettled(digest, (k) => k === lastWeek)).toBe(digest);
  });

  it('keeps the nudge lines with a key left, with only their unsettled keys', () => {
    const settled = new Set([
      nudgeKey('hos01@example.org', 'CEA1', '2010-03-12', 14),
      nudgeKey('hos01@example.org', 'CEA2', '2010-03-20', 14),
    ]);
    const left = withoutSettled(nudge, (k) => settled.has(k))!;
    expect(left.lines.map((l) => [l.code, l.keys])).toEqual([
      ['CEA1', [nudgeKey('hos01@example.org', 'CEA1', '2010-03-12', 3)]],
    ]);
    expect(left.keys).toEqual([nudgeKey('hos01@example.org', 'CEA1', '2010-03-12', 3)]);
    expect(nudge.lines).toHaveLength(2); // the original is untouched
    expect(withoutSettled(nudge, () => true)).toBeUndefined();
  });
});
