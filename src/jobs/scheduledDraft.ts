// The daily scheduled draft: "Draft report days before meeting" before each Committee meeting date, one draft report
// per meeting, its link emailed to the Administrator email. Safe to run twice: the Reports sheet says what is done.
import { addDays, formatLongDate, type IsoDate, isoDateInZone } from '../domain/dates';
import { isAllowedDomain, isValidEmail } from '../domain/email';
import { REPORTS_SHEET } from '../domain/layout';
import { normaliseHeader } from '../domain/schema';
import { parseSettings, SETTINGS_SHEET, type Settings } from '../domain/settings';
import { parseExactDate } from '../domain/timescale';
import { isDate } from '../domain/values';
import type { Services } from '../gas/ports';
import { appendRunLog } from '../sheets/runLog';
import { countsInWords, generateReportLocked, type ReportResult } from './generateReport';
import { refreshStatus } from './refreshStatus';
import { withScriptLock } from './withScriptLock';

export const DRAFT_JOB = 'Scheduled draft report';
/** The Reports sheet's By for drafts this job made (a person's own report for the meeting does not stop the draft). */
export const SCHEDULED_BY = 'scheduled draft';

export interface DraftOutcome {
  meeting: IsoDate;
  report?: ReportResult;
  emailedTo: string[];
  note: string;
}

export interface ScheduledDraftResult {
  today: IsoDate;
  drafts: DraftOutcome[];
}

/** Meetings whose draft window has opened (from `days` before, to the day before the meeting) and not yet drafted. */
export function draftsDue(
  meetings: readonly IsoDate[],
  days: number,
  today: IsoDate,
  drafted: ReadonlySet<IsoDate>,
): IsoDate[] {
  return [...new Set(meetings)]
    .sort()
    .filter((m) => today >= addDays(m, -days) && today < m && !drafted.has(m));
}

export function scheduledDraft(services: Services): ScheduledDraftResult {
  const ss = services.spreadsheet;
  const timeZone = ss.getSpreadsheetTimeZone();
  const today = isoDateInZone(services.now(), timeZone);
  const due = () => {
    const { settings } = parseSettings(
      ss.getSheetByName(SETTINGS_SHEET)?.getDataRange().getValues(),
      timeZone,
    );
    return {
      settings,
      meetings: draftsDue(
        settings.committeeMeetingDates,
        settings.draftReportDaysBeforeMeeting,
        today,
        drafted(),
      ),
    };
  };
  const drafted = () =>
    draftedMeetings(ss.getSheetByName(REPORTS_SHEET)?.getDataRange().getValues(), timeZone);
  // Most days nothing is due: decided from Settings and Reports alone, without refreshing or taking the lock.
  if (due().meetings.length === 0) return { today, drafts: [] };
  refreshStatus(services);
  return withScriptLock(services.lock, DRAFT_JOB, () => {
    // Decided again under the lock: a run that overlapped this one may have made the draft meanwhile.
    const { settings, meetings } = due();
    // One meeting's failure (a broken template, say) must not stop the others' drafts. The report job has logged it;
    // it is thrown at the end so Google's own failure notice still reaches the owner.
    const failures: string[] = [];
    const drafts = meetings.flatMap((meeting) => {
      try {
        const report = generateReportLocked(
          services,
          { meeting, committee: settings.committee, by: SCHEDULED_BY },
          DRAFT_JOB,
        );
        return [{ meeting, report, ...emailLink(services, settings, report) }];
      } catch (e) {
        failures.push(
          `The draft for ${formatLongDate(meeting)} failed: ${e instanceof Error ? e.message : String(e)}`,
        );
        return [];
      }
    });
    const started = services.now();
    for (const d of drafts) {
      if (!d.note) continue;
      appendRunLog(ss, {
        job: DRAFT_JOB,
        started,
        finished: services.now(),
        outcome: 'skipped',
        actions: 0,
        problems: 0,
        details: d.note,
      });
    }
    if (failures.length) throw new Error(failures.join(' '));
    return { today, drafts };
  });
}

/** The meetings the Reports sheet already holds a scheduled draft for. */
function draftedMeetings(values: unknown[][] | undefined, timeZone: string): Set<IsoDate> {
  const out = new Set<IsoDate>();
  if (!values?.length) return out;
  const header = values[0].map(normaliseHeader);
  const meetingCol = header.indexOf(normaliseHeader('Meeting'));
  const byCol = header.indexOf(normaliseHeader('By'));
  if (meetingCol < 0 || byCol < 0) return out;
  for (const row of values.slice(1)) {
    if (String(row[byCol]).trim().toLowerCase() !== SCHEDULED_BY) continue;
    const cell = row[meetingCol];
    const day = isDate(cell) ? isoDateInZone(cell, timeZone) : parseExactDate(String(cell ?? '').trim());
    if (day) out.add(day);
  }
  return out;
}

/**
 * Emails the draft's link to the Administrator email, under the same safety rules as every email (DESIGN 2.6):
 * only allowed domains, redirected in test mode, nothing when those settings are unreadable or the quota is spent.
 */
function emailLink(
  services: Services,
  settings: Settings,
  report: ReportResult,
): { emailedTo: string[]; note: string } {
  const admin = settings.administratorEmail.trim();
  const skip = (why: string) => ({
    emailedTo: [],
    note: `Draft "${report.title}" made (${report.url}); ${why}`,
  });
  if (!admin) return skip('no email sent: Settings › Administrator email is blank.');
  if (!isValidEmail(admin))
    return skip(`no email sent: Administrator email "${admin}" is not an email address.`);
  if (settings.unsafeEmailSettings.length) {
    return skip(`no email sent: fix Settings › ${settings.unsafeEmailSettings.join(' and ')} first.`);
  }
  const redirected = settings.sendAllEmailTo.length > 0;
  const to = redirected ? settings.sendAllEmailTo : [admin];
  if (
    !redirected &&
    settings.allowedEmailDomains.length &&
    !isAllowedDomain(admin, settings.allowedEmailDomains)
  ) {
    return skip(`no email sent: ${admin} is outside Settings › Allowed email domains.`);
  }
  if (services.remainingMailQuota() < to.length)
    return skip('no email sent: the daily email quota is used up.');
  const subject = `Draft committee report ready: ${report.title}`.replace(/[\r\n]+/g, ' ');
  const c = report.counts;
  const body = [
    ...(redirected ? [`(Test mode: this email was meant for ${admin}.)`, ''] : []),
    `The draft committee report for the meeting on ${formatLongDate(report.meeting)} is ready:`,
    report.url,
    '',
    `${countsInWords(c)} ${report.attention.length} overdue.`,
    ...(report.notes.length ? ['', ...report.notes] : []),
    '',
    'Check it and make any changes before it goes to the committee.',
  ].join('\n');
  try {
    services.sendEmail(to.join(','), subject, body);
  } catch (e) {
    return skip(`the email to ${to.join(', ')} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return {
    emailedTo: to,
    note: redirected ? `Draft emailed to ${to.join(', ')} (test mode) instead of ${admin}.` : '',
  };
}
