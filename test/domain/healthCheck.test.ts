// The health check's pass / fail list, decided from what was read: sheets and headers, settings, triggers and whose,
// last successful runs, staff saves waiting, email quota (whose), problems counted as Check the plan counts them.
import {
  checkHealth,
  type HealthCheckItem,
  healthCheckInWords,
  type HealthReads,
  NOT_INSTALLED,
  SAVES_WAIT_MINUTES,
  type TriggerRecord,
  type WatchedJob,
} from '../../src/domain/healthCheck';
import { layoutOf, SHEET_LAYOUTS } from '../../src/domain/layout';
import { readPlan } from '../../src/domain/plan';
import { checkProblems } from '../../src/domain/planCheck';
import { action, PEOPLE_HEADERS, planValues, settingsSheet, sheet } from '../builders/plan';

const NOW = new Date('2010-03-10T09:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ME = 'plan.admin@example.org';

const TRIGGERS = [
  { handler: 'dailyRefresh', label: 'Daily refresh', schedule: 'every day between 6:00 and 7:00' },
  { handler: 'onPlanEdit', label: 'Audit trail of edits', schedule: 'on every edit to this spreadsheet' },
  {
    handler: 'sendWeeklyReminders',
    label: 'Weekly reminders',
    schedule: 'every Monday between 8:00 and 9:00',
  },
];

const JOBS: WatchedJob[] = [
  { job: 'Set up or repair', advice: 'choose Set up or repair' },
  { job: 'Refresh status colours', handler: 'dailyRefresh', everyDays: 1, advice: 'choose Refresh' },
  {
    job: 'Weekly reminders',
    handler: 'sendWeeklyReminders',
    everyDays: 7,
    advice: 'choose Send reminders now',
  },
];

const RUN_LOG_HEADERS = layoutOf('Run log').headers;

function run(job: string, finished: Date, outcome = 'ok'): unknown[] {
  return [job, finished, finished, outcome, 0, 0, '', '', '', '', ''];
}

function record(handler: string, by = ME, at = new Date(NOW.getTime() - 10 * DAY)): TriggerRecord {
  return { id: `${handler}-id`, by, at: at.toISOString() };
}

/** A plan set up ten days ago, its jobs all run within their periods: every check passes. */
function healthy(overrides: Partial<HealthReads> = {}): HealthReads {
  return {
    now: NOW,
    timeZone: 'Europe/London',
    me: ME,
    sheets: SHEET_LAYOUTS.map((layout) => ({ layout, headerRow: [...layout.headers] })),
    plan: planValues([action()]),
    runLog: [
      RUN_LOG_HEADERS,
      run('Set up or repair', new Date(NOW.getTime() - 10 * DAY)),
      run('Refresh status colours', new Date(NOW.getTime() - 3 * HOUR)),
      run('Weekly reminders', new Date(NOW.getTime() - 2 * DAY)),
    ],
    triggers: TRIGGERS,
    records: Object.fromEntries(TRIGGERS.map((t) => [t.handler, record(t.handler)])),
    mine: TRIGGERS.map((t) => ({ id: `${t.handler}-id`, handler: t.handler })),
    mailQuota: 1500,
    jobs: JOBS,
    waitingSaves: [],
    ...overrides,
  };
}

function byName(checks: HealthCheckItem[], name: string): HealthCheckItem {
  const found = checks.find((c) => c.name === name);
  if (!found) throw new Error(`no check named ${name}: ${checks.map((c) => c.name).join(', ')}`);
  return found;
}

function withSheet(name: string, headerRow: unknown[] | null): HealthReads['sheets'] {
  return healthy().sheets.map((s) => (s.layout.name === name ? { ...s, headerRow } : s));
}

describe('checkHealth', () => {
  it('a plan set up and running: every check passes, in the order an administrator puts things right', () => {
    const checks = checkHealth(healthy());
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.map((c) => c.name)).toEqual([
      ...SHEET_LAYOUTS.map((l) => `${l.name} sheet`),
      'Settings',
      'Trigger: Daily refresh',
      'Trigger: Audit trail of edits',
      'Trigger: Weekly reminders',
      'Last successful run: Set up or repair',
      'Last successful run: Refresh status colours',
      'Last successful run: Weekly reminders',
      'Staff saves waiting',
      'Email quota',
      'Problems in the plan',
    ]);
    expect(byName(checks, 'Actions sheet').detail).toBe('every column is there.');
    expect(byName(checks, 'Dashboard sheet').detail).toBe('present.');
    expect(byName(checks, 'Trigger: Daily refresh').detail).toBe(
      `installed by ${ME} on 28/02/2010 09:00; runs every day between 6:00 and 7:00.`,
    );
    expect(byName(checks, 'Last successful run: Refresh status colours').detail).toBe('10/03/2010 06:00');
    expect(byName(checks, 'Staff saves waiting').detail).toBe(
      'none: every Update progress save is in the Audit log.',
    );
    expect(byName(checks, 'Email quota').detail).toBe(
      `Emails left today for ${ME}: 1500 — the reminder triggers use their installer’s quota.`,
    );
    expect(byName(checks, 'Problems in the plan').detail).toBe('none.');
  });

  it('a missing or empty sheet fails, saying setup makes or lays it out; the Dashboard only has to exist', () => {
    const missing = checkHealth(healthy({ sheets: withSheet('Reminder log', null) }));
    expect(byName(missing, 'Reminder log sheet')).toEqual({
      name: 'Reminder log sheet',
      ok: false,
      detail: 'missing: choose Improvement Plan › Set up or repair this spreadsheet to make it.',
    });
    const empty = checkHealth(healthy({ sheets: withSheet('Lists', []) }));
    expect(byName(empty, 'Lists sheet')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^empty:/),
    });
    expect(byName(checkHealth(healthy({ sheets: withSheet('Dashboard', []) })), 'Dashboard sheet').ok).toBe(
      true,
    );
    expect(byName(checkHealth(healthy({ sheets: withSheet('Dashboard', null) })), 'Dashboard sheet').ok).toBe(
      false,
    );
  });

  it('a required header missing or doubled fails naming it; an optional one missing passes, named', () => {
    const noEmail = checkHealth(
      healthy({
        sheets: withSheet(
          'People',
          PEOPLE_HEADERS.filter((h) => h !== 'Email'),
        ),
      }),
    );
    expect(byName(noEmail, 'People sheet')).toEqual({
      name: 'People sheet',
      ok: false,
      detail: 'People: the required column "Email" is missing from the header row.',
    });
    const twice = checkHealth(
      healthy({ sheets: withSheet('Settings', ['Setting', 'Value', 'Notes', 'Value']) }),
    );
    expect(byName(twice, 'Settings sheet').detail).toBe(
      'Settings: the header "Value" appears 2 times (columns B, D); keep one.',
    );
    const noManager = checkHealth(
      healthy({
        sheets: withSheet(
          'People',
          PEOPLE_HEADERS.filter((h) => h !== 'Manager email'),
        ),
      }),
    );
    expect(byName(noManager, 'People sheet')).toEqual({
      name: 'People sheet',
      ok: true,
      detail: 'every column the jobs need is there (no "Manager email" column, which is optional).',
    });
  });

  it('an Actions column setup adds, a log header missing, or an older Run log fails, saying what to do', () => {
    const actions = layoutOf('Actions').headers.filter((h) => h !== 'RAG');
    expect(byName(checkHealth(healthy({ sheets: withSheet('Actions', actions) })), 'Actions sheet')).toEqual({
      name: 'Actions sheet',
      ok: false,
      detail:
        'no "RAG" column: choose Improvement Plan › Set up or repair this spreadsheet to add it after the last column.',
    });
    const olderRunLog = RUN_LOG_HEADERS.slice(0, 7);
    expect(
      byName(checkHealth(healthy({ sheets: withSheet('Run log', olderRunLog) })), 'Run log sheet').detail,
    ).toMatch(/^no "Sent", "Skipped", "Queued", "Failed" column: choose Improvement Plan › Set up or repair/);
    const renamed = layoutOf('Audit log').headers.map((h) => (h === 'Editor' ? 'Who' : h));
    const audit = byName(
      checkHealth(healthy({ sheets: withSheet('Audit log', renamed) })),
      'Audit log sheet',
    );
    expect(audit.ok).toBe(false);
    expect(audit.detail).toMatch(/^no "Editor" column: the script writes this sheet column by column/);
  });

  it('settings: a bad value fails naming the setting and its row; no Settings sheet means the defaults', () => {
    const bad = checkHealth(
      healthy({
        plan: {
          ...planValues([action()]),
          settings: settingsSheet({ Committee: 'Cabinet', 'Due-soon window (days)': 'soon' }),
        },
      }),
    );
    expect(byName(bad, 'Settings')).toEqual({
      name: 'Settings',
      ok: false,
      detail:
        'Settings row 3: Due-soon window (days) should be a whole number from 1 to 365; the default (28) is used.',
    });
    expect(byName(checkHealth(healthy()), 'Settings')).toEqual({
      name: 'Settings',
      ok: true,
      detail: 'no Settings sheet, so every default is used.',
    });
    const fine = checkHealth(healthy({ plan: { ...planValues([action()]), settings: settingsSheet({}) } }));
    expect(byName(fine, 'Settings').detail).toBe('every setting on the sheet is usable.');
  });

  it('triggers: another administrator’s pass as theirs; one setup recorded but since deleted fails; none fails', () => {
    const theirs = checkHealth(
      healthy({
        records: { ...healthy().records, onPlanEdit: record('onPlanEdit', 'deputy@example.org') },
        mine: healthy().mine.filter((t) => t.handler !== 'onPlanEdit'),
      }),
    );
    expect(byName(theirs, 'Trigger: Audit trail of edits')).toEqual({
      name: 'Trigger: Audit trail of edits',
      ok: true,
      detail:
        'installed by deputy@example.org on 28/02/2010 09:00, known from setup’s record only (only they can see or ' +
        'change it); runs on every edit to this spreadsheet.',
    });
    const deleted = checkHealth(
      healthy({ mine: healthy().mine.filter((t) => t.handler !== 'dailyRefresh') }),
    );
    expect(byName(deleted, 'Trigger: Daily refresh')).toEqual({
      name: 'Trigger: Daily refresh',
      ok: false,
      detail: `${NOT_INSTALLED}.`,
    });
    // Made by hand in the editor, with no record from setup: installed, as the current user.
    const byHand = checkHealth(healthy({ records: {} }));
    expect(byName(byHand, 'Trigger: Daily refresh').detail).toBe(
      `installed by ${ME}; runs every day between 6:00 and 7:00.`,
    );
    const none = checkHealth(healthy({ records: {}, mine: [] }));
    expect(
      none
        .filter((c) => c.name.startsWith('Trigger:'))
        .every((c) => !c.ok && c.detail === `${NOT_INSTALLED}.`),
    ).toBe(true);
  });

  it('last runs: setup must have run; a triggered job fails once its period and a day have passed without success', () => {
    const stale = checkHealth(
      healthy({
        runLog: [
          RUN_LOG_HEADERS,
          run('Refresh status colours', new Date(NOW.getTime() - 3 * DAY)),
          run('Refresh status colours', new Date(NOW.getTime() - 3 * HOUR), 'failed'),
          run('Weekly reminders', new Date(NOW.getTime() - 7 * DAY)),
          run('Check the plan', new Date(NOW.getTime() - HOUR)),
        ],
      }),
    );
    expect(byName(stale, 'Last successful run: Set up or repair')).toEqual({
      name: 'Last successful run: Set up or repair',
      ok: false,
      detail: 'none yet: choose Set up or repair.',
    });
    expect(byName(stale, 'Last successful run: Refresh status colours')).toEqual({
      name: 'Last successful run: Refresh status colours',
      ok: false,
      detail:
        '07/03/2010 09:00, more than 2 days ago; its trigger should run it every day: the Run log’s failed rows, ' +
        'or Google’s failure emails to whoever installed the trigger, say why.',
    });
    expect(byName(stale, 'Last successful run: Weekly reminders').ok).toBe(true);
    // A job no trigger watches is listed with its last success.
    expect(byName(stale, 'Last successful run: Check the plan')).toEqual({
      name: 'Last successful run: Check the plan',
      ok: true,
      detail: '10/03/2010 08:00',
    });
  });

  it('last runs: a trigger installed within its period passes before its first run; one not installed fails', () => {
    const justInstalled = Object.fromEntries(
      TRIGGERS.map((t) => [t.handler, record(t.handler, ME, new Date(NOW.getTime() - HOUR))]),
    );
    const setUp = [RUN_LOG_HEADERS, run('Set up or repair', new Date(NOW.getTime() - HOUR))];
    const fresh = checkHealth(healthy({ records: justInstalled, runLog: setUp }));
    expect(fresh.filter((c) => !c.ok)).toEqual([]);
    expect(byName(fresh, 'Last successful run: Refresh status colours').detail).toBe(
      'none yet; its trigger was installed on 10/03/2010 08:00 and runs every day between 6:00 and 7:00.',
    );
    const noTriggers = checkHealth(healthy({ records: {}, mine: [], runLog: setUp }));
    expect(byName(noTriggers, 'Last successful run: Weekly reminders')).toEqual({
      name: 'Last successful run: Weekly reminders',
      ok: false,
      detail: `none recorded; its trigger is ${NOT_INSTALLED}.`,
    });
    // An unreadable Run log is no run at all.
    expect(
      byName(checkHealth(healthy({ runLog: undefined })), 'Last successful run: Set up or repair').ok,
    ).toBe(false);
  });

  it('email quota: the viewer’s, so labelled; none left fails; one left passes', () => {
    expect(byName(checkHealth(healthy({ mailQuota: 0 })), 'Email quota')).toEqual({
      name: 'Email quota',
      ok: false,
      detail:
        `Emails left today for ${ME}: 0 — the reminder triggers use their installer’s quota. Email sent as ` +
        `${ME} is queued and goes when Google renews the quota, within 24 hours.`,
    });
    expect(byName(checkHealth(healthy({ mailQuota: 1 })), 'Email quota')).toEqual({
      name: 'Email quota',
      ok: true,
      detail: `Emails left today for ${ME}: 1 — the reminder triggers use their installer’s quota.`,
    });
    // Reminder triggers another administrator installed send from their account: the viewer's quota is not theirs.
    const deputy = 'deputy@example.org';
    const theirs = checkHealth(
      healthy({
        records: { ...healthy().records, sendWeeklyReminders: record('sendWeeklyReminders', deputy) },
      }),
    );
    expect(byName(theirs, 'Email quota').detail).toBe(
      `Emails left today for ${ME}: 1500 — the reminder triggers use their installer’s quota ` +
        `(${deputy}’s, not this one).`,
    );
  });

  it('staff saves waiting: none passes; some within 15 minutes pass; one older, or without a time, fails', () => {
    const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
    const recent = byName(
      checkHealth(healthy({ waitingSaves: [minutesAgo(2), minutesAgo(14)] })),
      'Staff saves waiting',
    );
    expect(recent).toEqual({
      name: 'Staff saves waiting',
      ok: true,
      detail:
        '2 Update progress saves waiting for the Audit log, the oldest from 10/03/2010 08:46: the staff saves ' +
        'trigger writes them within minutes.',
    });
    const late = byName(
      checkHealth(healthy({ waitingSaves: [minutesAgo(3), minutesAgo(16), minutesAgo(40)] })),
      'Staff saves waiting',
    );
    expect(late.ok).toBe(false);
    expect(late.detail).toBe(
      '3 Update progress saves waiting for the Audit log, the oldest from 10/03/2010 08:20 (more than 15 minutes ' +
        'ago): their Audit log rows, Last updated and colours are not written. See that the trigger for "Staff ' +
        'saves from Update progress into the Audit log" is installed, and the Run log’s failed rows; Refresh ' +
        'status colours writes them at once.',
    );
    expect(SAVES_WAIT_MINUTES).toBe(15);
    const exactly = checkHealth(healthy({ waitingSaves: [minutesAgo(SAVES_WAIT_MINUTES)] }));
    expect(byName(exactly, 'Staff saves waiting').ok).toBe(true);
    const unreadable = byName(checkHealth(healthy({ waitingSaves: [undefined] })), 'Staff saves waiting');
    expect(unreadable.ok).toBe(false);
    expect(unreadable.detail).toMatch(
      /^1 Update progress save waiting for the Audit log, some with no time in their record: /,
    );
  });

  it('problems are counted as Check the plan counts them, its own rules included; an unreadable plan fails', () => {
    const plan = planValues([
      action({ Lead: '' }),
      action({ Progress: 12.5 }), // a problem only the full check finds
      action({ Status: 'Sleeping' }),
    ]);
    const expected = checkProblems(plan, readPlan(plan, 'Europe/London', '2010-03-10')).length;
    expect(expected).toBeGreaterThan(readPlan(plan, 'Europe/London', '2010-03-10').problems.length);
    expect(byName(checkHealth(healthy({ plan })), 'Problems in the plan')).toEqual({
      name: 'Problems in the plan',
      ok: false,
      detail: `${expected} problems: choose Improvement Plan › Check the plan to see each one.`,
    });
    const unreadable = { ...plan, actions: sheet(['Code', 'Theme'], []) };
    const check = byName(checkHealth(healthy({ plan: unreadable })), 'Problems in the plan');
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(
      /^the plan cannot be read: Actions: the required column "Category" is missing/,
    );
  });
});

describe('healthCheckInWords', () => {
  it('a count, then one line a check', () => {
    const checks = [
      { name: 'Email quota', ok: true, detail: '5 emails left today.' },
      { name: 'Settings', ok: false, detail: 'Settings row 3: bad.' },
    ];
    expect(healthCheckInWords(checks)).toBe(
      [
        'Health check: 1 of 2 checks fail.',
        'PASS  Email quota: 5 emails left today.',
        'FAIL  Settings: Settings row 3: bad.',
      ].join('\n'),
    );
    expect(healthCheckInWords(checks.slice(0, 1)).split('\n')[0]).toBe('Health check: all 1 checks pass.');
  });
});
