// The only file Apps Script sees: every export becomes a top-level function (menu handlers, triggers, the Run list).
import type { Services } from './gas/ports';
import { assignCodes } from './jobs/assignCodes';
import { checkPlan } from './jobs/checkPlan';
import { generateReportFromMenu, REPORT_JOB, type ReportMenuResult } from './jobs/generateReport';
import { scheduledDraft, type ScheduledDraftResult } from './jobs/scheduledDraft';
import { handleEdit, type EditEvent } from './jobs/onEdit';
import { REFRESH_JOB, type RefreshResult, refreshStatus } from './jobs/refreshStatus';
import { setUpOrRepair } from './jobs/setup';
import { START_CYCLE_JOB, type StartCycleResult, startCycle } from './jobs/startCycle';
import { showSettingsAndSchedules } from './ui/settingsDialog';
import { type HealthCheckItem, healthCheckInWords } from './domain/healthCheck';
import { runHealthCheck } from './jobs/healthCheck';
import { buildMenu } from './ui/menu';
import { fromMenu, type MenuOutcome } from './ui/fromMenu';
import { type ReminderPreview, showReminderPreview } from './ui/remindersDialog';
import { reminderRunInWords, sendReminders } from './jobs/sendReminders';
import type { ReminderRunResult } from './jobs/reminderTypes';
import { saveProgressFromSidebar } from './jobs/saveProgress';
import {
  applyQueuedSavesRun,
  hasQueuedSaves,
  NOTHING_TO_APPLY,
  type QueuedSavesRun,
} from './jobs/queuedSaves';
import {
  showUpdateProgress,
  sidebarStateFor,
  UPDATE_PROGRESS_JOB,
  type UpdateProgressResult,
} from './ui/sidebar';
import type { SaveRequest, SaveResult, SidebarState } from './ui/sidebarTypes';
import { selectedCodeIn } from './ui/selectedCode';

/** Simple trigger: Sheets runs it when the spreadsheet opens; it only adds the menu (no authorisation needed). */
export function onOpen(): void {
  buildMenu(SpreadsheetApp.getUi());
}

/** Menu › Set up or repair this spreadsheet. */
export function setUpOrRepairSpreadsheet(): MenuOutcome<ReturnType<typeof setUpOrRepair>> {
  return fromMenu(liveServices(), 'Set up or repair', setUpOrRepair, {
    administratorsOnly: 'and the daily and on-edit schedules it installs run as whoever runs it',
  });
}

/** Menu › Refresh status colours. Returns its outcome for the local preview; Apps Script ignores it. */
export function refreshStatusColours(): MenuOutcome<RefreshResult> {
  return fromMenu(
    liveServices(),
    REFRESH_JOB,
    (services) => {
      const result = refreshStatus(services);
      const problems = result.problems.length;
      services.spreadsheet.toast(
        `${result.actions} live actions: ${result.byStatus.Overdue} overdue, ${result.byStatus['Due soon']} due soon.` +
          (problems ? ` ${problems} problem${problems === 1 ? '' : 's'}: see Check the plan.` : ''),
        REFRESH_JOB,
        10,
      );
      return result;
    },
    {
      administratorsOnly: 'the status colours also refresh by themselves every morning and after each edit',
    },
  );
}

/** Daily trigger (installed by setup): refreshes statuses and the Dashboard. Throws on failure so Google's own
 * failure notice reaches the owner. */
export function dailyRefresh(): RefreshResult {
  return refreshStatus(liveServices());
}

/** Menu › Assign codes to new actions. */
export function assignCodesToNewActions(): MenuOutcome<ReturnType<typeof assignCodes>> {
  return fromMenu(liveServices(), 'Assign codes', assignCodes, {
    administratorsOnly: 'every code it gives is recorded in the Audit log',
  });
}

/** Menu › Check the plan. Staff may run it: its notes go only on cells they may edit. */
export function checkThePlan(): MenuOutcome<ReturnType<typeof checkPlan>> {
  return fromMenu(liveServices(), 'Check the plan', checkPlan);
}

/** Menu › Update progress…: the sidebar for the action in the selected Actions row. Staff may use it. */
export function updateProgress(): MenuOutcome<UpdateProgressResult> {
  return fromMenu(liveServices(), UPDATE_PROGRESS_JOB, showUpdateProgress);
}

/** google.script.run from the sidebar: the state for the action with `code`, or for the selection when none. */
export function sidebarState(code?: string): SidebarState {
  return sidebarStateFor(liveServices(), code);
}

/**
 * google.script.run from the sidebar, every few seconds while it is open: the Code of the selected Actions row ('' when
 * the selection is elsewhere), so the sidebar can follow the selection. Light: the header row and one cell.
 */
export function selectedCode(): string {
  return selectedCodeIn(SpreadsheetApp.getActiveSpreadsheet());
}

/** google.script.run from the sidebar: saves one action's fields (runs as the person at the keyboard). */
export function saveProgress(request: SaveRequest): SaveResult {
  return saveProgressFromSidebar(liveServices(), request);
}

/** Menu › Settings and schedules… Only reads, so staff may run it. */
export function settingsAndSchedules(): MenuOutcome<ReturnType<typeof showSettingsAndSchedules>> {
  return fromMenu(liveServices(), 'Settings and schedules', showSettingsAndSchedules);
}

/**
 * Run list (Apps Script editor), after deploying: the health check's pass / fail list, also written to the execution
 * log. Only reads, so anyone may run it; Settings and schedules… shows the same list.
 */
export function healthCheck(): HealthCheckItem[] {
  const checks = runHealthCheck(liveServices());
  console.log(healthCheckInWords(checks));
  return checks;
}

/**
 * Installable on-edit trigger (installed by setup, so it runs as the administrator who ran setup and may stamp
 * protected columns, whoever made the edit). Not named onEdit: a simple trigger of that name would run as well and
 * log every edit twice.
 */
export function onPlanEdit(event: EditEvent): void {
  handleEdit(liveServices(), event);
}

/**
 * Trigger every 5 minutes (installed by setup, so it runs as the administrator): writes the Audit log rows, stamps
 * and colours of the saves staff made in Update progress. With nothing queued it only reads the document's properties.
 */
export function applyQueuedSaves(): QueuedSavesRun {
  // Asked before liveServices(), which opens the spreadsheet: nearly every run finds nothing queued.
  if (!hasQueuedSaves(PropertiesService.getDocumentProperties())) return NOTHING_TO_APPLY;
  return applyQueuedSavesRun(liveServices());
}

/** Menu › Generate committee report… Returns the report's link and counts for the local preview. */
export function generateCommitteeReport(): MenuOutcome<ReportMenuResult> {
  return fromMenu(liveServices(), REPORT_JOB, generateReportFromMenu, {
    administratorsOnly: 'it records each report in the Reports sheet',
  });
}

/** Daily trigger (installed by setup): makes each meeting's draft report when its time comes, once. */
export function scheduledDraftReport(): ScheduledDraftResult {
  return scheduledDraft(liveServices());
}

/** Menu › Start a new update cycle…: asks first, then snapshots Actions and archives finished actions. */
export function startNewUpdateCycle(): MenuOutcome<StartCycleResult> {
  return fromMenu(liveServices(), START_CYCLE_JOB, startCycle, {
    administratorsOnly: 'it writes Snapshots and Archive and takes finished actions out of Actions',
  });
}

/** Menu › Preview reminders: per recipient, what would be sent now; sends and records nothing, so staff may look. */
export function previewReminders(): MenuOutcome<ReminderPreview> {
  return fromMenu(liveServices(), 'Preview reminders', showReminderPreview);
}

/** Menu › Send reminders now: the weekly digest and escalation run at once (what is already sent does not go again). */
export function sendRemindersNow(): MenuOutcome<ReminderRunResult> {
  return fromMenu(
    liveServices(),
    'Send reminders now',
    (services) => {
      const result = sendReminders(services, 'weekly');
      services.ui().alert(reminderRunInWords(result));
      return result;
    },
    { administratorsOnly: 'it records every email in the Reminder log' },
  );
}

/** Weekly trigger (installed by setup, on the Weekly digest day and hour): digests and escalations. */
export function sendWeeklyReminders(): ReminderRunResult {
  return sendReminders(liveServices(), 'weekly');
}

/** Daily trigger (installed by setup): before-due nudges, and whatever an earlier run left queued. */
export function sendDailyReminders(): ReminderRunResult {
  return sendReminders(liveServices(), 'daily');
}

/** One-off trigger a reminder run schedules when it runs out of time; it sends what that run queued. */
export function continueReminders(): ReminderRunResult {
  return sendReminders(liveServices(), 'continued');
}

function liveServices(): Services {
  return {
    spreadsheet: SpreadsheetApp.getActiveSpreadsheet(),
    lock: LockService.getScriptLock(),
    now: () => new Date(),
    userEmail: () => Session.getActiveUser().getEmail(),
    temporaryUserKey: () => Session.getTemporaryActiveUserKey(),
    effectiveUserEmail: () => Session.getEffectiveUser().getEmail(),
    ui: () => SpreadsheetApp.getUi(),
    newDataValidation: () => SpreadsheetApp.newDataValidation(),
    newConditionalFormatRule: () => SpreadsheetApp.newConditionalFormatRule(),
    createHtmlTemplate: (html) => HtmlService.createTemplate(html),
    triggers: {
      newTrigger: (functionName) => ScriptApp.newTrigger(functionName),
      getProjectTriggers: () => ScriptApp.getProjectTriggers(),
      deleteTrigger: (trigger) => ScriptApp.deleteTrigger(trigger as GoogleAppsScript.Script.Trigger),
    },
    documentProperties: () => PropertiesService.getDocumentProperties(),
    remainingMailQuota: () => MailApp.getRemainingDailyQuota(),
    enums: {
      protectionSheet: SpreadsheetApp.ProtectionType.SHEET,
      protectionRange: SpreadsheetApp.ProtectionType.RANGE,
      chartBar: Charts.ChartType.BAR,
      weekDay: (name) => ScriptApp.WeekDay[name.toUpperCase() as keyof typeof ScriptApp.WeekDay],
      paragraphHeading: (name) => DocumentApp.ParagraphHeading[name],
      chartColumn: (name) => Charts.ColumnType[name],
      okCancel: () => SpreadsheetApp.getUi().ButtonSet.OK_CANCEL,
      okButton: () => SpreadsheetApp.getUi().Button.OK,
    },
    documents: {
      create: (name) => DocumentApp.create(name),
      openById: (id) => DocumentApp.openById(id),
    },
    charts: () => Charts,
    sendEmail: (recipient, subject, body, options) =>
      MailApp.sendEmail(recipient, subject, body, options ?? {}),
    flush: () => SpreadsheetApp.flush(),
  };
}
