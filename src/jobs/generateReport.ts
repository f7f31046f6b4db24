// Generate committee report: asks for the meeting and committee, refreshes statuses, then under the script lock reads
// the plan and the latest baseline once, builds the report model, writes it into a new Doc, records it in Reports and
// the Run log, and shows the link.
import { diffAgainstBaseline } from '../domain/cycle';
import { addDays, type IsoDate, isoDateInZone, midnightInZone } from '../domain/dates';
import { REPORTS_HEADERS, REPORTS_SHEET } from '../domain/layout';
import { buildReportModel } from '../domain/reportModel';
import type { ReportModel } from '../domain/reportTypes';
import { parseSettings, SETTINGS_SHEET } from '../domain/settings';
import { parseExactDate } from '../domain/timescale';
import { createReportDocument } from '../docs/reportDocument';
import type { Services } from '../gas/ports';
import { appendLogRows } from '../sheets/logSheet';
import { appendRunLog } from '../sheets/runLog';
import { readLatestBaseline } from '../sheets/snapshots';
import { readPlanForJob } from './readPlanForJob';
import { refreshStatus } from './refreshStatus';
import { withScriptLock } from './withScriptLock';

export const REPORT_JOB = 'Generate committee report';

export interface ReportRequest {
  meeting: IsoDate;
  committee: string;
  /** Who asked: the person's email, or "scheduled draft". Goes in the Reports sheet's By column. */
  by: string;
}

export interface ReportResult {
  documentId: string;
  url: string;
  title: string;
  meeting: IsoDate;
  counts: ReportModel['counts'];
  /** Codes listed as overdue in "Actions needing attention". */
  attention: string[];
  notes: string[];
}

export type ReportMenuResult = ReportResult | { cancelled: true; message: string };

/** Menu › Generate committee report…: the two questions, then the report and a dialog with its link. */
export function generateReportFromMenu(services: Services): ReportMenuResult {
  const request = askForMeeting(services);
  if ('cancelled' in request) return request;
  refreshStatus(services);
  const result = generateReport(services, request);
  showReportLink(services, result);
  return result;
}

/** Builds the report under the script lock. */
export function generateReport(services: Services, request: ReportRequest, job = REPORT_JOB): ReportResult {
  return withScriptLock(services.lock, job, () => generateReportLocked(services, request, job));
}

/** The report itself, for a caller already holding the script lock. */
export function generateReportLocked(
  services: Services,
  request: ReportRequest,
  job = REPORT_JOB,
): ReportResult {
  const ss = services.spreadsheet;
  const { started, timeZone, plan } = readPlanForJob(services, job);
  const fail = (e: unknown): never => {
    appendRunLog(ss, {
      job,
      started,
      finished: services.now(),
      outcome: 'failed',
      actions: plan.actions.length,
      problems: plan.problems.length,
      details: e instanceof Error ? e.message : String(e),
    });
    throw e;
  };
  let model: ReportModel;
  let cycle: number | '';
  let document: ReturnType<typeof createReportDocument>;
  try {
    const baseline = readLatestBaseline(ss, services.documentProperties(), {
      lists: plan.lists,
      people: plan.people,
      timeZone,
    });
    const diff = diffAgainstBaseline(plan, baseline);
    cycle = diff.baseline?.cycle ?? '';
    model = buildReportModel({
      plan,
      diff,
      meeting: { date: request.meeting, committee: request.committee },
      generatedAt: started,
      timeZone,
    });
    document = createReportDocument(services, model, plan.settings.reportTemplateDocumentId.trim());
  } catch (e) {
    return fail(e);
  }
  try {
    appendLogRows(ss, REPORTS_SHEET, REPORTS_HEADERS, [
      [
        started,
        midnightInZone(request.meeting, timeZone),
        request.committee,
        cycle,
        document.url,
        request.by,
      ],
    ]);
  } catch (e) {
    // The Doc is made and saved: say where, so it is not lost for want of its Reports row.
    return fail(
      new Error(
        `The report was made (${document.url}) but could not be recorded in the ${REPORTS_SHEET} sheet: ` +
          `${e instanceof Error ? e.message : String(e)}`,
      ),
    );
  }
  const { counts } = model;
  appendRunLog(ss, {
    job,
    started,
    finished: services.now(),
    outcome: 'ok',
    actions: plan.actions.length,
    problems: plan.problems.length,
    details: `"${model.title}": ${countsInWords(counts)} ${document.url} ${document.notes.join(' ')}`.trim(),
  });
  return {
    documentId: document.documentId,
    url: document.url,
    title: model.title,
    meeting: request.meeting,
    counts,
    attention: model.attention,
    notes: document.notes,
  };
}

/** The meeting's date and committee, each defaulting from Settings; Cancel (or an unreadable date) does nothing. */
function askForMeeting(services: Services): ReportRequest | { cancelled: true; message: string } {
  const ss = services.spreadsheet;
  const timeZone = ss.getSpreadsheetTimeZone();
  const today = isoDateInZone(services.now(), timeZone);
  // Only Settings is read here, for the defaults; the plan itself is read once, under the lock.
  const { settings } = parseSettings(ss.getSheetByName(SETTINGS_SHEET)?.getDataRange().getValues(), timeZone);
  const nextMeeting = [...settings.committeeMeetingDates].sort().find((d) => d >= today);
  const ui = services.ui();
  const cancelled = (message: string) => ({ cancelled: true as const, message });
  const ok = String(services.enums.okButton());
  const dateReply = ui.prompt(
    REPORT_JOB,
    'Date of the committee meeting (dd/mm/yyyy)' +
      (nextMeeting ? `. Leave blank for the next meeting in Settings, ${ddmmyyyy(nextMeeting)}.` : ':'),
    services.enums.okCancel(),
  );
  if (String(dateReply.getSelectedButton()) !== ok) return cancelled('Cancelled: no report was made.');
  const typed = dateReply.getResponseText().trim();
  const meeting = typed ? parseExactDate(typed) : nextMeeting;
  if (!meeting) {
    const message = typed
      ? `"${typed}" is not a date this tool can read: type the meeting date as dd/mm/yyyy, for example ` +
        `${ddmmyyyy(addDays(today, 14))}. No report was made.`
      : 'No meeting date was given and Settings › Committee meeting dates has none from today on. No report was made.';
    ui.alert(message);
    return cancelled(message);
  }
  const committeeReply = ui.prompt(
    REPORT_JOB,
    `Committee the report goes to. Leave blank for ${settings.committee}.`,
    services.enums.okCancel(),
  );
  if (String(committeeReply.getSelectedButton()) !== ok) return cancelled('Cancelled: no report was made.');
  const committee = committeeReply.getResponseText().trim() || settings.committee;
  return { meeting, committee, by: services.userEmail() || services.effectiveUserEmail() };
}

const LINK_DIALOG = `<!DOCTYPE html>
<html><head><base target="_blank"><style>
body { font-family: Arial, sans-serif; font-size: 14px; }
p { margin: 0.6em 0; }
</style></head><body>
<p>The report is ready:</p>
<p><a href="<?= url ?>"><?= title ?></a></p>
<p><?= counts ?></p>
<p><?= notes ?></p>
</body></html>`;

function showReportLink(services: Services, result: ReportResult): void {
  const c = result.counts;
  const template = services.createHtmlTemplate(LINK_DIALOG);
  template.url = result.url;
  template.title = result.title;
  template.counts = `${countsInWords(c)} ${result.attention.length} overdue.`;
  template.notes = result.notes.join(' ');
  services.ui().showModalDialog(template.evaluate().setWidth(520).setHeight(220), REPORT_JOB);
}

function ddmmyyyy(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The counts for a dialog, an email or the Run log; a first report has no baseline to count against. */
export function countsInWords(c: ReportResult['counts']): string {
  // Against a baseline, total = retained + deleted + updated (DESIGN 2.5); a first report's total is its added.
  if (c.total !== c.retained + c.deleted + c.updated) {
    return `First report: ${c.added} live action${c.added === 1 ? '' : 's'}, all new.`;
  }
  return (
    `${c.total} in the baseline: ${c.retained} retained, ${c.deleted} proposed for deletion, ${c.updated} updated; ` +
    `${c.added} added.`
  );
}
