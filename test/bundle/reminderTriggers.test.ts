// The reminder triggers through the bundle: setup installs one weekly and one daily, however often it runs, and
// leaves every other trigger alone; they follow Settings' Weekly digest day and hour when a person edits Settings
// and when an administrator opens Settings and schedules…; a trigger Google refuses is reported.
import type { TriggerRecord } from '../../local/runtime/triggers';
import type { SpreadsheetPort } from '../../src/gas/ports';
import { SCHEDULES_JOB } from '../../src/jobs/onEdit';
import type { SetupResult } from '../../src/jobs/setup';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import type { SettingsAndSchedules } from '../../src/ui/settingsDialog';
import { oneDigestEach, openReminders, type OpenedReminders } from '../builders/reminders';

/** A member of staff: an editor of the spreadsheet who is not a plan administrator. */
const STAFF = 'officer.01@example.org';

const REMINDER_HANDLERS = ['sendWeeklyReminders', 'sendDailyReminders'];

function openSetUp(settings: Record<string, unknown> = {}) {
  const { actions, people } = oneDigestEach(1);
  return openReminders(actions, {
    people,
    settings: { 'Weekly digest day': 'Monday', 'Weekly digest hour': 8, ...settings },
    setUp: true,
  });
}

function setUp(o: OpenedReminders): SetupResult {
  const outcome = o.bundle.run<MenuOutcome<SetupResult>>('setUpOrRepairSpreadsheet');
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

/** The reminder triggers as when they run: handler, weekday (1 Monday … 7 Sunday) and hour, and their ids. */
function reminderTriggers(o: OpenedReminders) {
  return o.runtime.triggers
    .list()
    .filter((t) => REMINDER_HANDLERS.includes(t.handlerFunction))
    .map((t) => ({ handler: t.handlerFunction, when: when(t), owner: t.owner, id: t.id }));
}

function when(t: TriggerRecord): string {
  const s = t.schedule;
  if (s?.kind === 'weeks') return `weekday ${s.weekday} at ${s.hour}:${String(s.minute).padStart(2, '0')}`;
  if (s?.kind === 'days') return `every ${s.every} day at ${s.hour}:${String(s.minute).padStart(2, '0')}`;
  return JSON.stringify(s);
}

/** [handler, when] of each reminder trigger, weekly first (a replaced trigger is listed last). */
const schedules = (o: OpenedReminders) =>
  reminderTriggers(o)
    .map((t) => [t.handler, t.when])
    .sort(([a], [b]) => REMINDER_HANDLERS.indexOf(a) - REMINDER_HANDLERS.indexOf(b));

const idOf = (o: OpenedReminders, handler: string) =>
  reminderTriggers(o).find((t) => t.handler === handler)?.id;

const scriptApp = (o: OpenedReminders) => o.runtime.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;

/** The Settings row holding `setting`, for a person to retype its value. */
function settingCell(o: OpenedReminders, setting: string): string {
  const row = (o.values('Settings') ?? []).findIndex((r) => r[0] === setting);
  if (row < 1) throw new Error(`no Settings row for ${setting}`);
  return `B${row + 1}`;
}

/** Changes a setting behind the script's back (as a restore from version history would): no on-edit trigger. */
function changeQuietly(o: OpenedReminders, setting: string, value: unknown): void {
  const ss = o.runtime.spreadsheets.active() as unknown as SpreadsheetPort;
  o.runtime.core.uncounted(() =>
    ss
      .getSheetByName('Settings')
      ?.getRange(settingCell(o, setting))
      .setValues([[value]]),
  );
}

function openSettingsDialog(o: OpenedReminders, as?: string): SettingsAndSchedules {
  const outcome = as
    ? o.bundle.runAs<MenuOutcome<SettingsAndSchedules>>(as, 'settingsAndSchedules')
    : o.bundle.run<MenuOutcome<SettingsAndSchedules>>('settingsAndSchedules');
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

describe('reminder triggers (bundle)', () => {
  it('setup installs one weekly and one daily reminder trigger however often it runs, touching no other', () => {
    const { actions, people } = oneDigestEach(1);
    const o = openReminders(actions, { people });
    // Another tool's trigger in the same project, and a stray weekly one from some earlier install.
    const other = scriptApp(o).newTrigger('archiveOldMail').timeBased().everyHours(4).create();
    scriptApp(o).newTrigger('sendWeeklyReminders').timeBased().everyDays(1).atHour(3).create();
    setUp(o);
    const installed = reminderTriggers(o);
    expect(schedules(o)).toEqual([
      ['sendWeeklyReminders', 'weekday 1 at 8:00'],
      ['sendDailyReminders', 'every 1 day at 8:00'],
    ]);
    expect(installed.every((t) => t.owner === 'plan.admin@example.org')).toBe(true);

    setUp(o);
    setUp(o);
    expect(reminderTriggers(o)).toEqual(installed); // kept, not replaced
    const handlers = o.runtime.triggers.list().map((t) => t.handlerFunction);
    expect(handlers.filter((h) => h === 'archiveOldMail')).toHaveLength(1);
    expect(o.runtime.triggers.list().find((t) => t.handlerFunction === 'archiveOldMail')?.id).toBe(
      other.getUniqueId(),
    );
  });

  it('follows Settings: a weekly digest on Friday at 17:00 from the start', () => {
    const o = openSetUp({ 'Weekly digest day': 'Friday', 'Weekly digest hour': 17 });
    expect(schedules(o)).toEqual([
      ['sendWeeklyReminders', 'weekday 5 at 17:00'],
      ['sendDailyReminders', 'every 1 day at 17:00'],
    ]);
  });

  it('setup that Google refuses triggers to reports the reminder triggers as not installed', () => {
    const { actions, people } = oneDigestEach(1);
    const o = openReminders(actions, { people });
    o.runtime.core.faults.triggerCreationFails = true;
    const result = setUp(o);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^The trigger for "Weekly reminder digest and escalation emails" could not be installed/,
        ),
        expect.stringMatching(
          /^The trigger for "Before-due reminder emails \(and any queued ones\)" could not be/,
        ),
      ]),
    );
    expect(reminderTriggers(o)).toEqual([]);
    o.runtime.core.faults.triggerCreationFails = false;
    setUp(o);
    expect(reminderTriggers(o)).toHaveLength(2);
  });

  it('editing Weekly digest day or hour in Settings moves the reminder triggers at once', () => {
    const o = openSetUp();
    const daily = idOf(o, 'sendDailyReminders');
    o.bundle.userEdit('Settings', settingCell(o, 'Weekly digest day'), [['Friday']]);
    expect(schedules(o)).toEqual([
      ['sendWeeklyReminders', 'weekday 5 at 8:00'],
      ['sendDailyReminders', 'every 1 day at 8:00'],
    ]);
    expect(idOf(o, 'sendDailyReminders')).toBe(daily); // its schedule did not change, so it was kept
    expect(o.runLog(SCHEDULES_JOB)).toEqual([expect.objectContaining({ Outcome: 'ok' })]);
    expect(String(o.runLog(SCHEDULES_JOB)[0].Details)).toContain('every Friday between 8:00 and 9:00');

    o.bundle.userEdit('Settings', settingCell(o, 'Weekly digest hour'), [[17]]);
    expect(schedules(o)).toEqual([
      ['sendWeeklyReminders', 'weekday 5 at 17:00'],
      ['sendDailyReminders', 'every 1 day at 17:00'],
    ]);
    expect(reminderTriggers(o)).toHaveLength(2);

    // An edit elsewhere in Settings moves nothing and logs no schedule change.
    o.bundle.userEdit('Settings', settingCell(o, 'Organisation name'), [['Example District Council']]);
    expect(o.runLog(SCHEDULES_JOB)).toHaveLength(2);
  });

  it('an administrator opening Settings and schedules… brings the triggers into line; staff opening it do not', () => {
    const o = openSetUp();
    changeQuietly(o, 'Weekly digest day', 'Tuesday');
    expect(openSettingsDialog(o, STAFF).scheduleChanges).toEqual([]);
    expect(schedules(o)[0]).toEqual(['sendWeeklyReminders', 'weekday 1 at 8:00']);

    const view = openSettingsDialog(o);
    expect(view.scheduleChanges).toEqual([expect.stringContaining('every Tuesday between 8:00 and 9:00')]);
    expect(schedules(o)).toEqual([
      ['sendWeeklyReminders', 'weekday 2 at 8:00'],
      ['sendDailyReminders', 'every 1 day at 8:00'],
    ]);
    expect(openSettingsDialog(o).scheduleChanges).toEqual([]); // nothing more to move
  });

  it('the weekly trigger fires on the digest day and sends that week’s digest', () => {
    const o = openSetUp();
    const due = o.runtime.triggers.due(new Date('2010-03-15T12:00:00Z'), new Date('2010-03-10T09:00:00Z'));
    const weeklyAt = due.filter((d) => d.trigger.handlerFunction === 'sendWeeklyReminders').map((d) => d.at);
    expect(weeklyAt).toEqual([new Date('2010-03-15T08:00:00Z')]); // Monday 08:00 in London (GMT)
    o.runtime.core.setNow(weeklyAt[0]);
    const result = o.bundle.trigger<{ sent: { to: string[] }[] }>('sendWeeklyReminders');
    expect(result.sent.map((e) => e.to)).toEqual([['head.01@example.org']]);
    expect(o.ledger().map((r) => r.key)).toEqual(['digest|head.01@example.org|2010-03-15']);
  });
});
