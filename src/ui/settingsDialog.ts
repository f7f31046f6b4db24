// Settings and schedules…: a dialog showing the settings in use, the product's triggers and who installed them, the
// last successful run of each job and the mail quota left today. Every value goes through <?= ?>, so it is escaped.
import { RUN_LOG_SHEET } from '../domain/layout';
import { SETTINGS_SHEET } from '../domain/settings';
import { formatDateTime, lastSuccessfulRuns, type SettingView, viewSettings } from '../domain/settingsView';
import type { Services } from '../gas/ports';
import {
  type InstalledTrigger,
  PRODUCT_TRIGGERS,
  type ProductTrigger,
  readTriggerRecords,
} from '../jobs/installTriggers';

export const SETTINGS_DIALOG_TITLE = 'Settings and schedules';

export const NOT_INSTALLED = 'not installed — run Set up or repair';

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
  settings: SettingView[];
  /** Problems on the Settings sheet that are not about one known setting. */
  settingProblems: string[];
  triggers: TriggerView[];
  /** The latest ok run of each job, its finish time in the spreadsheet's zone. */
  lastRuns: { job: string; finished: string }[];
  mailQuota: number;
}

/**
 * Only reads, so it takes no script lock: a job running at the time must not keep the administrator from looking.
 * Settings and Run log are each read once.
 */
export function showSettingsAndSchedules(services: Services): SettingsAndSchedules {
  const ss = services.spreadsheet;
  const timeZone = ss.getSpreadsheetTimeZone();
  const read = (name: string) => ss.getSheetByName(name)?.getDataRange().getValues();
  const { settings, otherProblems } = viewSettings(read(SETTINGS_SHEET), timeZone);
  const lastRuns = lastSuccessfulRuns(read(RUN_LOG_SHEET)).map((r) => ({
    job: r.job,
    finished: formatDateTime(r.finished, timeZone),
  }));
  const records = readTriggerRecords(services.documentProperties());
  const mine = services.triggers.getProjectTriggers().map((t) => ({
    id: t.getUniqueId(),
    handler: t.getHandlerFunction(),
  }));
  const me = services.effectiveUserEmail();
  const triggers = PRODUCT_TRIGGERS.map((spec) =>
    viewTrigger(spec, records[spec.handler], mine, me, timeZone),
  );
  const view = {
    settings,
    settingProblems: otherProblems,
    triggers,
    lastRuns,
    mailQuota: services.remainingMailQuota(),
  };
  const template = services.createHtmlTemplate(DIALOG_HTML);
  template.view = view;
  const output = template.evaluate().setWidth(720).setHeight(600);
  services.ui().showModalDialog(output, SETTINGS_DIALOG_TITLE);
  return { html: output.getContent(), ...view };
}

/**
 * A trigger belongs to whoever made it and getProjectTriggers lists only the current user's, so one installed by
 * someone else is known only from setup's record; one recorded as the current user's must also still exist.
 */
function viewTrigger(
  spec: ProductTrigger,
  record: InstalledTrigger | undefined,
  mine: readonly { id: string; handler: string }[],
  me: string,
  timeZone: string,
): TriggerView {
  const base = { handler: spec.handler, label: spec.label, schedule: spec.schedule };
  const when = (r: InstalledTrigger) => {
    const at = new Date(r.at);
    return Number.isNaN(at.getTime()) ? '' : ` on ${formatDateTime(at, timeZone)}`;
  };
  if (record && record.by !== me) {
    return {
      ...base,
      installed: true,
      status: `installed by ${record.by}${when(record)} (only they can see or change it)`,
    };
  }
  const found = mine.find((t) => (record ? t.id === record.id : t.handler === spec.handler));
  if (!found) return { ...base, installed: false, status: NOT_INSTALLED };
  return {
    ...base,
    installed: true,
    status: record ? `installed by ${record.by}${when(record)}` : `installed by ${me}`,
  };
}

const DIALOG_HTML = `<!DOCTYPE html>
<html>
<head>
<base target="_top">
<style>
  body { font-family: Arial, sans-serif; font-size: 13px; color: #202124; }
  h2 { font-size: 15px; margin: 18px 0 6px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid #e0e0e0; }
  th { background: #efefef; }
  .note { color: #5f6368; }
  .problem { color: #a50e0e; }
</style>
</head>
<body>
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
<p>Emails left today: <?= view.mailQuota ?></p>
</body>
</html>
`;
