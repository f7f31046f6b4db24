// The health check through the bundle, as an administrator runs it after deploying (the Run list's healthCheck, and
// the top of Settings and schedules…): sheets, settings, triggers and whose, last runs, email quota, problems.
import type { HealthCheckItem } from '../../src/domain/healthCheck';
import type { CheckPlanResult } from '../../src/jobs/checkPlan';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import type { SettingsAndSchedules } from '../../src/ui/settingsDialog';
import { action, PEOPLE, PEOPLE_HEADERS, settingsSheet, sheet } from '../builders/plan';
import { openPlan, planData } from './harness';

type Opened = ReturnType<typeof openPlan>;

const DAY = 86_400_000;
const TRIGGER_LABELS = [
  'Trigger: Daily refresh of status colours and the Dashboard',
  'Trigger: Audit trail of edits',
  'Trigger: Staff saves from Update progress into the Audit log',
  'Trigger: Draft committee report before each meeting',
  'Trigger: Weekly reminder digest and escalation emails',
  'Trigger: Before-due reminder emails (and any queued ones)',
];

function healthCheck(opened: Opened): HealthCheckItem[] {
  return opened.bundle.run<HealthCheckItem[]>('healthCheck');
}

function failing(checks: HealthCheckItem[]): string[] {
  return checks.filter((c) => !c.ok).map((c) => c.name);
}

function check(checks: HealthCheckItem[], name: string): HealthCheckItem {
  const found = checks.find((c) => c.name === name);
  if (!found) throw new Error(`no check named ${name}`);
  return found;
}

function setUpAndRefresh(opened: Opened): void {
  opened.bundle.run('setUpOrRepairSpreadsheet');
  opened.bundle.run('refreshStatusColours');
}

function spreadsheet(opened: Opened): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const app = opened.runtime.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return app.getActiveSpreadsheet();
}

describe('healthCheck (bundle)', () => {
  it('a fresh spreadsheet before setup fails the sheets and triggers setup makes, and logs the list', () => {
    const opened = openPlan(planData([action()]));
    const checks = healthCheck(opened);
    expect(failing(checks)).toEqual([
      'Lists sheet',
      'Settings sheet',
      'Dashboard sheet',
      'Audit log sheet',
      'Reminder log sheet',
      'Snapshots sheet',
      'Archive sheet',
      'Run log sheet',
      'Reports sheet',
      ...TRIGGER_LABELS,
      'Last successful run: Set up or repair',
      'Last successful run: Refresh status colours',
      'Last successful run: Weekly reminders',
      'Last successful run: Daily reminders',
    ]);
    expect(check(checks, 'Actions sheet').ok).toBe(true);
    expect(check(checks, 'Run log sheet').detail).toBe(
      'missing: choose Improvement Plan › Set up or repair this spreadsheet to make it.',
    );
    expect(check(checks, TRIGGER_LABELS[0]).detail).toBe('not installed — run Set up or repair.');
    const logged = opened.runtime.logger.lines.join('\n');
    expect(logged).toContain(`INFO Health check: ${failing(checks).length} of ${checks.length} checks fail.`);
    expect(logged).toContain('FAIL  Run log sheet: missing:');
    expect(logged).toContain('PASS  Actions sheet: every column is there.');
  });

  it('after setup and a refresh every check passes; three days without the triggers running, the jobs fail', () => {
    const opened = openPlan(planData([action()]));
    setUpAndRefresh(opened);
    const checks = healthCheck(opened);
    expect(failing(checks)).toEqual([]);
    expect(check(checks, TRIGGER_LABELS[1]).detail).toBe(
      'installed by plan.admin@example.org on 10/03/2010 09:00; runs on every edit to this spreadsheet.',
    );
    expect(check(checks, 'Last successful run: Daily reminders').detail).toBe(
      'none yet; its trigger was installed on 10/03/2010 09:00 and runs every day between 8:00 and 9:00.',
    );
    expect(opened.runtime.logger.lines.join('\n')).toContain(
      `INFO Health check: all ${checks.length} checks pass.`,
    );

    opened.runtime.core.advance(3 * DAY);
    const stale = healthCheck(opened);
    expect(failing(stale)).toEqual([
      'Last successful run: Refresh status colours',
      'Last successful run: Daily reminders',
    ]);
    expect(check(stale, 'Last successful run: Refresh status colours').detail).toMatch(
      /^10\/03\/2010 09:00, more than 2 days ago; its trigger should run it every day/,
    );
    opened.bundle.trigger('dailyRefresh');
    opened.bundle.trigger('sendDailyReminders');
    expect(failing(healthCheck(opened))).toEqual([]);
  });

  it('a header missing from People fails, naming it; the rest of the sheets still pass', () => {
    const opened = openPlan(planData([action()]));
    setUpAndRefresh(opened);
    const people = spreadsheet(opened).getSheetByName('People');
    people?.getRange(1, PEOPLE_HEADERS.indexOf('Email') + 1).setValue('E-mail address');
    const checks = healthCheck(opened);
    expect(check(checks, 'People sheet')).toEqual({
      name: 'People sheet',
      ok: false,
      detail: 'People: the required column "Email" is missing from the header row.',
    });
    expect(failing(checks).filter((n) => n.endsWith(' sheet'))).toEqual(['People sheet']);
  });

  it('a bad setting fails, naming it', () => {
    const opened = openPlan({
      ...planData([action()]),
      settings: settingsSheet({ 'Weekly digest hour': 25 }),
    });
    setUpAndRefresh(opened);
    const checks = healthCheck(opened);
    expect(check(checks, 'Settings')).toMatchObject({ ok: false });
    expect(check(checks, 'Settings').detail).toMatch(/^Settings row 2: Weekly digest hour /);
    expect(check(checks, 'Settings sheet').ok).toBe(true);
  });

  it('triggers another administrator installed show as theirs, though the owner’s trigger list cannot see them', () => {
    const opened = openPlan(planData([action()]));
    opened.runtime.session.setEffectiveUser('deputy@example.org');
    setUpAndRefresh(opened);
    opened.runtime.session.setEffectiveUser(opened.runtime.owner);
    const scriptApp = opened.runtime.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    expect(opened.runtime.execute(() => scriptApp.getProjectTriggers())).toEqual([]);
    const checks = healthCheck(opened);
    expect(failing(checks)).toEqual([]);
    for (const label of TRIGGER_LABELS) {
      expect(check(checks, label).detail).toMatch(
        /^installed by deputy@example\.org on 10\/03\/2010 09:00, known from setup’s record only \(only they can see or change it\); runs /,
      );
    }
  });

  it('no email quota left fails', () => {
    const opened = openPlan(planData([action()]));
    setUpAndRefresh(opened);
    opened.runtime.mail.setQuota(0);
    const checks = healthCheck(opened);
    expect(failing(checks)).toEqual(['Email quota']);
    expect(check(checks, 'Email quota').detail).toMatch(
      /^Emails left today for plan\.admin@example\.org: 0 — the reminder triggers use their installer’s quota\. /,
    );
  });

  it('the problems count is the one Check the plan finds', () => {
    const opened = openPlan({
      ...planData(
        [action({ Lead: '' }), action({ Progress: 12.5 }), action({ Status: 'Sleeping' }), action()],
        {
          people: [...PEOPLE, { Name: 'Nobody', Email: 'not an address' }],
        },
      ),
    });
    setUpAndRefresh(opened);
    const checked = opened.bundle.run<MenuOutcome<CheckPlanResult>>('checkThePlan');
    if (!checked.ok) throw new Error(checked.message);
    const count = checked.result.problems.length;
    expect(count).toBeGreaterThanOrEqual(4);
    expect(check(healthCheck(opened), 'Problems in the plan')).toEqual({
      name: 'Problems in the plan',
      ok: false,
      detail: `${count} problems: choose Improvement Plan › Check the plan to see each one.`,
    });
  });

  it('an Actions sheet without a required header: the plan cannot be read, and both checks say why', () => {
    const opened = openPlan({
      actions: sheet(['Code', 'Theme', 'Category', 'Action', 'Status'], [{ Code: 'CEA1' }]),
      people: sheet(PEOPLE_HEADERS, PEOPLE),
    });
    const checks = healthCheck(opened);
    const why = 'Actions: the required column "Lead" is missing from the header row.';
    expect(check(checks, 'Actions sheet')).toMatchObject({ ok: false, detail: why });
    expect(check(checks, 'Problems in the plan')).toMatchObject({
      ok: false,
      detail: `the plan cannot be read: ${why}`,
    });
  });

  it('Settings and schedules… that moves the reminder triggers to a new digest day shows them as moved', () => {
    const opened = openPlan(planData([action()]));
    setUpAndRefresh(opened);
    opened.runtime.core.advance(3_600_000);
    const settings = spreadsheet(opened).getSheetByName('Settings');
    const row =
      settings
        ?.getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'Weekly digest day') ?? -1;
    expect(row).toBeGreaterThan(0);
    settings?.getRange(row + 1, 2).setValue('Tuesday'); // not typed, so no on-edit trigger moves them first
    const outcome = opened.bundle.run<MenuOutcome<SettingsAndSchedules>>('settingsAndSchedules');
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.result.scheduleChanges).toEqual([expect.stringContaining('every Tuesday')]);
    expect(check(outcome.result.health, TRIGGER_LABELS[4])).toEqual({
      name: TRIGGER_LABELS[4],
      ok: true,
      detail:
        'installed by plan.admin@example.org on 10/03/2010 10:00; runs every Tuesday between 8:00 and 9:00.',
    });
    expect(outcome.result.health).toEqual(healthCheck(opened));
  });

  it('Settings and schedules… opens with the same list, every value escaped', () => {
    const opened = openPlan({
      ...planData([action()]),
      settings: settingsSheet({ '<b>Colour</b>': 'blue' }),
    });
    setUpAndRefresh(opened);
    const outcome = opened.bundle.run<MenuOutcome<SettingsAndSchedules>>('settingsAndSchedules');
    if (!outcome.ok) throw new Error(outcome.message);
    const { health, html } = outcome.result;
    expect(health).toEqual(healthCheck(opened));
    // The unknown setting is one of Check the plan's problems too.
    expect(failing(health)).toEqual(['Settings', 'Problems in the plan']);
    expect(html.indexOf('<h2>Health check</h2>')).toBeGreaterThan(0);
    expect(html.indexOf('<h2>Health check</h2>')).toBeLessThan(html.indexOf('<h2>Settings</h2>'));
    expect(html).toContain(`2 of ${health.length} checks fail: put them right, then open this again.`);
    expect(html).toContain('<td class="fail">Fail</td>\n    <td>Settings</td>');
    expect(html).toContain('<td class="pass">Pass</td>\n    <td>Actions sheet</td>');
    expect(html).toContain('&quot;&lt;b&gt;Colour&lt;/b&gt;&quot; is not a setting');
    expect(html).not.toContain('<b>Colour</b>');
  });
});
