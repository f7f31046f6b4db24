// The only file Apps Script sees: every export becomes a top-level function (menu handlers, triggers, the Run list).
import { REFRESH_JOB, type RefreshResult, refreshStatus } from './jobs/refreshStatus';
import type { Services } from './gas/ports';
import { buildMenu } from './ui/menu';

/** Simple trigger: Sheets runs it when the spreadsheet opens; it only adds the menu (no authorisation needed). */
export function onOpen(): void {
  buildMenu(SpreadsheetApp.getUi());
}

/** Menu › Refresh status colours. Returns its result for the local preview; Apps Script ignores it. */
export function refreshStatusColours(): RefreshResult {
  const services = liveServices();
  const result = refreshStatus(services);
  const problems = result.problems.length;
  services.spreadsheet.toast(
    `${result.actions} live actions: ${result.byStatus.Overdue} overdue, ${result.byStatus['Due soon']} due soon.` +
      (problems ? ` ${problems} problem${problems === 1 ? '' : 's'} to fix.` : ''),
    REFRESH_JOB,
    10,
  );
  return result;
}

function liveServices(): Services {
  return {
    spreadsheet: SpreadsheetApp.getActiveSpreadsheet(),
    lock: LockService.getScriptLock(),
    now: () => new Date(),
    userEmail: () => Session.getActiveUser().getEmail(),
  };
}
