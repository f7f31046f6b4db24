// Settings and schedules…: a dialog opening with the health check's pass / fail list, then the settings in use, the
// product's triggers and who installed them, the last successful run of each job and the mail quota left today. Every
// value goes through <?= ?>, so it is escaped.
import { DIALOG_HEAD } from './dialogHead';
import { checkHealth, type HealthCheckItem, NOT_INSTALLED, triggerStatus } from '../domain/healthCheck';
import { parseSettings } from '../domain/settings';
import { formatDateTime, lastSuccessfulRuns, type SettingView, viewSettings } from '../domain/settingsView';
import type { Services } from '../gas/ports';
import { readForHealthCheck, readTriggerState } from '../jobs/healthCheck';
import { installTriggers } from '../jobs/installTriggers';
import { isPlanAdministrator } from '../sheets/administrators';

export const SETTINGS_DIALOG_TITLE = 'Settings and schedules';

export { NOT_INSTALLED };

export interface TriggerView {
  handler: string;
  label: string;
  schedule: string;
  installed: boolean;
  /** In words: who installed it and when, or NOT_INSTALLED. */
  status: string;
}

export interface SettingsAndSchedules {
  html: string;
  /** The health check, as the healthCheck entry point gives it. */
  health: HealthCheckItem[];
  settings: SettingView[];
  /** Problems on the Settings sheet that are not about one known setting. */
  settingProblems: string[];
  triggers: TriggerView[];
  /** The latest ok run of each job, its finish time in the spreadsheet's zone. */
  lastRuns: { job: string; finished: string }[];
  mailQuota: number;
  /** Whose quota mailQuota is: the person looking (the reminder triggers use their installer's). */
  mailAccount: string;
  /** Schedules this opening brought into line with Settings (an administrator changed the digest day or hour). */
  scheduleChanges: string[];
}

/**
 * Reads, and takes no script lock: a job running at the time must not keep the administrator from looking. Each
 * sheet is read once, by the health check, and the rest of the dialog is made from the same values. When a plan
 * administrator opens it after changing the Weekly digest day or hour, the reminder triggers are moved to the new
 * schedule first (staff only see the schedules), and the triggers are then read again.
 */
export function showSettingsAndSchedules(services: Services): SettingsAndSchedules {
  const ss = services.spreadsheet;
  const first = readForHealthCheck(services);
  const { timeZone } = first;
  const settingValues = first.plan.settings;
  const inForce = parseSettings(settingValues, timeZone).settings;
  const reinstalled = isPlanAdministrator(ss, services.enums)
    ? installTriggers(services, { scheduleChangesOnly: true, settings: inForce })
    : { changes: [], problems: [] };
  const reads = reinstalled.changes.length ? { ...first, ...readTriggerState(services, inForce) } : first;
  const { settings, otherProblems } = viewSettings(settingValues, timeZone);
  const lastRuns = lastSuccessfulRuns(reads.runLog).map((r) => ({
    job: r.job,
    finished: formatDateTime(r.finished, timeZone),
  }));
  const triggers = reads.triggers.map((spec) => {
    const { installed, status } = triggerStatus(
      spec,
      reads.records[spec.handler],
      reads.mine,
      reads.me,
      timeZone,
    );
    return { handler: spec.handler, label: spec.label, schedule: spec.schedule, installed, status };
  });
  const view = {
    health: checkHealth(reads),
    settings,
    settingProblems: otherProblems,
    triggers,
    lastRuns,
    mailQuota: reads.mailQuota,
    mailAccount: reads.me,
    scheduleChanges: [...reinstalled.changes, ...reinstalled.problems],
  };
  const template = services.createHtmlTemplate(DIALOG_HTML);
  template.view = view;
  const output = template.evaluate().setWidth(720).setHeight(600);
  services.ui().showModalDialog(output, SETTINGS_DIALOG_TITLE);
  return { html: output.getContent(), ...view };
}

const DIALOG_HTML = `${DIALOG_HEAD}<h2>Health check</h2>
<? var failing = 0; for (var h = 0; h < view.health.length; h++) { if (!view.health[h].ok) failing++; } ?>
<p class="<?= failing ? 'problem' : 'note' ?>"><?= failing ? failing + ' of ' + view.health.length + ' checks fail: put them right, then open this again.' : 'All ' + view.health.length + ' checks pass.' ?></p>
<table>
  <tr><th>Result</th><th>Check</th><th>Detail</th></tr>
  <? for (var x = 0; x < view.health.length; x++) { var item = view.health[x]; ?>
  <tr>
    <td class="<?= item.ok ? 'pass' : 'fail' ?>"><?= item.ok ? 'Pass' : 'Fail' ?></td>
    <td><?= item.name ?></td>
    <td><?= item.detail ?></td>
  </tr>
  <? } ?>
</table>

<h2>Settings</h2>
<p class="note">Change these on the Settings sheet; a blank or unusable value means the default is used.</p>
<table>
  <tr><th>Setting</th><th>Value in use</th><th>Where it comes from</th></tr>
  <? for (var i = 0; i < view.settings.length; i++) { var s = view.settings[i]; ?>
  <tr>
    <td><?= s.name ?></td>
    <td><?= s.value ?></td>
    <td><?= s.isDefault ? 'the default' : 'the Settings sheet' ?><? if (s.problem) { ?><div class="problem"><?= s.problem ?></div><? } ?></td>
  </tr>
  <? } ?>
</table>
<? for (var j = 0; j < view.settingProblems.length; j++) { ?>
<p class="problem"><?= view.settingProblems[j] ?></p>
<? } ?>

<h2>Schedules</h2>
<table>
  <tr><th>What</th><th>When</th><th>Installed</th></tr>
  <? for (var k = 0; k < view.triggers.length; k++) { var t = view.triggers[k]; ?>
  <tr>
    <td><?= t.label ?></td>
    <td><?= t.schedule ?></td>
    <td class="<?= t.installed ? '' : 'problem' ?>"><?= t.status ?></td>
  </tr>
  <? } ?>
</table>
<? for (var c = 0; c < view.scheduleChanges.length; c++) { ?>
<p class="note"><?= view.scheduleChanges[c] ?></p>
<? } ?>

<h2>Last successful runs</h2>
<? if (view.lastRuns.length === 0) { ?>
<p class="note">No job has finished successfully yet (the Run log sheet is empty).</p>
<? } else { ?>
<table>
  <tr><th>Job</th><th>Finished</th></tr>
  <? for (var r = 0; r < view.lastRuns.length; r++) { ?>
  <tr><td><?= view.lastRuns[r].job ?></td><td><?= view.lastRuns[r].finished ?></td></tr>
  <? } ?>
</table>
<? } ?>

<h2>Email</h2>
<p>Emails left today for <?= view.mailAccount ?>: <?= view.mailQuota ?></p>
<p class="note">The reminder triggers send from, and use the quota of, whoever installed them (Triggers above).</p>
</body>
</html>
`;
