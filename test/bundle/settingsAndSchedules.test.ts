// Settings and schedules… through the bundle: the dialog's settings, triggers, last runs and mail quota, all escaped.
import type { SettingsAndSchedules } from '../../src/ui/settingsDialog';
import { NOT_INSTALLED, SETTINGS_DIALOG_TITLE } from '../../src/ui/settingsDialog';
import { TRIGGERS_PROPERTY } from '../../src/jobs/installTriggers';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import { action, settingsSheet } from '../builders/plan';
import { openPlan, planData } from './harness';

type Opened = ReturnType<typeof openPlan>;

function showDialog(bundle: Opened['bundle']): SettingsAndSchedules {
  const outcome = bundle.run<MenuOutcome<SettingsAndSchedules>>('settingsAndSchedules');
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

describe('settingsAndSchedules (bundle)', () => {
  it('before setup: default settings, no triggers, no runs, and the mail quota, in a modal dialog', () => {
    const { runtime, bundle } = openPlan(planData([action()]), { mailQuota: 1500 });
    const view = showDialog(bundle);
    expect(view.settings).toHaveLength(17);
    expect(view.settings.every((s) => s.isDefault)).toBe(true);
    expect(view.triggers.map((t) => [t.handler, t.installed, t.status])).toEqual([
      ['dailyRefresh', false, NOT_INSTALLED],
      ['onPlanEdit', false, NOT_INSTALLED],
      ['applyQueuedSaves', false, NOT_INSTALLED],
      ['scheduledDraftReport', false, NOT_INSTALLED],
      ['sendWeeklyReminders', false, NOT_INSTALLED],
      ['sendDailyReminders', false, NOT_INSTALLED],
    ]);
    expect(view.triggers.slice(2).map((t) => t.schedule)).toEqual([
      'every 5 minutes',
      'every day between 7:00 and 8:00',
      'every Monday between 8:00 and 9:00',
      'every day between 8:00 and 9:00',
    ]);
    expect(NOT_INSTALLED).toBe('not installed — run Set up or repair');
    expect(view.lastRuns).toEqual([]);
    expect(view.mailQuota).toBe(1500);
    const dialogs = runtime.spreadsheets.ui.dialogs;
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toMatchObject({ kind: 'modal', title: SETTINGS_DIALOG_TITLE, content: view.html });
    expect(view.html).toContain('not installed — run Set up or repair');
    expect(view.html).toContain('No job has finished successfully yet');
    expect(view.mailAccount).toBe('plan.admin@example.org');
    expect(view.html).toContain('Emails left today for plan.admin@example.org: 1500');
  });

  it('after setup and a refresh: who installed each trigger and when, and the last successful run of each job', () => {
    const { runtime, bundle } = openPlan(planData([action()]));
    bundle.run('setUpOrRepairSpreadsheet');
    runtime.core.advance(3_600_000);
    bundle.run('refreshStatusColours');
    runtime.core.faults.scriptLockHeld = true; // a failed run is not a successful one
    bundle.run('refreshStatusColours');
    runtime.core.faults.scriptLockHeld = false;
    runtime.mail.MailApp.sendEmail('someone@example.org', 'Test', 'Body');
    const view = showDialog(bundle);
    expect(view.triggers.map((t) => t.status)).toEqual([
      'installed by plan.admin@example.org on 10/03/2010 09:00',
      'installed by plan.admin@example.org on 10/03/2010 09:00',
      'installed by plan.admin@example.org on 10/03/2010 09:00',
      'installed by plan.admin@example.org on 10/03/2010 09:00',
      'installed by plan.admin@example.org on 10/03/2010 09:00',
      'installed by plan.admin@example.org on 10/03/2010 09:00',
    ]);
    expect(view.lastRuns).toEqual([
      { job: 'Refresh status colours', finished: '10/03/2010 10:00' },
      { job: 'Set up or repair', finished: '10/03/2010 09:00' },
    ]);
    expect(view.mailQuota).toBe(99);
    expect(view.html).toContain('<tr><td>Refresh status colours</td><td>10/03/2010 10:00</td></tr>');
  });

  it('a trigger setup recorded but someone since deleted shows as not installed; another person’s as theirs', () => {
    const { runtime, bundle } = openPlan(planData([action()]));
    bundle.run('setUpOrRepairSpreadsheet');
    const scriptApp = runtime.globals.ScriptApp as {
      getProjectTriggers(): { getHandlerFunction(): string }[];
      deleteTrigger(t: unknown): void;
    };
    const daily = scriptApp.getProjectTriggers().find((t) => t.getHandlerFunction() === 'dailyRefresh');
    scriptApp.deleteTrigger(daily);
    const records = JSON.parse(runtime.properties.snapshot('document')[TRIGGERS_PROPERTY]);
    records.onPlanEdit = { ...records.onPlanEdit, by: 'deputy@example.org', id: 'theirs' };
    runtime.properties.seed('document', { [TRIGGERS_PROPERTY]: JSON.stringify(records) });
    const view = showDialog(bundle);
    expect(view.triggers.map((t) => [t.installed, t.status])).toEqual([
      [false, NOT_INSTALLED],
      [
        true,
        'installed by deputy@example.org on 10/03/2010 09:00, known from setup’s record only (only they can see ' +
          'or change it)',
      ],
      [true, 'installed by plan.admin@example.org on 10/03/2010 09:00'],
      [true, 'installed by plan.admin@example.org on 10/03/2010 09:00'],
      [true, 'installed by plan.admin@example.org on 10/03/2010 09:00'],
      [true, 'installed by plan.admin@example.org on 10/03/2010 09:00'],
    ]);
  });

  it('each setting’s value in use, whether it is the default, and any problem with it', () => {
    const { bundle } = openPlan({
      ...planData([action()]),
      settings: settingsSheet({
        Committee: 'Scrutiny Committee',
        'Due-soon window (days)': 'soon',
        'Favourite colour': 'blue',
      }),
    });
    const view = showDialog(bundle);
    const byName = new Map(view.settings.map((s) => [s.name, s]));
    expect(byName.get('Committee')).toMatchObject({ value: 'Scrutiny Committee', isDefault: false });
    expect(byName.get('Due-soon window (days)')).toMatchObject({
      value: '28',
      isDefault: true,
      problem: 'Due-soon window (days) should be a whole number from 1 to 365; the default (28) is used.',
    });
    expect(view.settingProblems).toEqual([
      'Settings row 4: "Favourite colour" is not a setting this plan knows; check the spelling.',
    ]);
    expect(view.html).toContain('<td>Scrutiny Committee</td>');
    expect(view.html).toContain(
      '<div class="problem">Due-soon window (days) should be a whole number from 1 to 365; the default (28) is used.</div>',
    );
    expect(view.html).toContain('&quot;Favourite colour&quot; is not a setting');
  });

  it('every value is escaped: text from the sheet never becomes markup', () => {
    const { bundle } = openPlan({
      ...planData([action()]),
      settings: settingsSheet({ 'Organisation name': '<script>alert("x")</script> & <b>Co</b>' }),
    });
    const view = showDialog(bundle);
    expect(view.settings[0].value).toBe('<script>alert("x")</script> & <b>Co</b>');
    expect(view.html).not.toContain('<script>alert');
    expect(view.html).not.toContain('<b>Co</b>');
    expect(view.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;',
    );
  });

  it('reads each sheet once, for the health check and the rest of the dialog alike, and writes nothing', () => {
    const { runtime, bundle } = openPlan(planData([action()]));
    bundle.run('setUpOrRepairSpreadsheet');
    runtime.core.resetCounts();
    const before = runtime.spreadsheets.model();
    showDialog(bundle);
    const calls = runtime.core.callsByMember();
    // The health check's reads, which the settings and last runs are shown from too: Actions, People, Lists,
    // Settings and Run log whole (the problems count and the last runs), and the header rows of Audit log, Reminder
    // log, Snapshots, Archive and Reports. The Dashboard only has to exist.
    expect(calls['SpreadsheetApp.Range.getValues']).toBe(10);
    expect(Object.keys(calls).filter((m) => /SpreadsheetApp\.\w+\.(set|insert|protect)/.test(m))).toEqual([]);
    expect(runtime.spreadsheets.model()).toEqual(before);
  });
});
