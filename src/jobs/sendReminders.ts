// The reminder runs (DESIGN 2.6): the weekly digest and escalation, the daily before-due nudges, and the continuation
// of a run that ran out of time. Each send is recorded in the Reminder log before and after, so nothing goes twice.
import { formatLongDate, isoDateInZone } from '../domain/dates';
import { isAllowedDomain, isValidEmail } from '../domain/email';
import { messageOf } from '../domain/messageOf';
import { PEOPLE_COLUMNS, PEOPLE_SHEET } from '../domain/people';
import { liveActions, type Plan } from '../domain/plan';
import { renderReminder, senderName } from '../domain/reminderEmail';
import {
  type PlannedReminder,
  REMINDER_KINDS,
  type ReminderKind,
  selectReminders,
  digestWeek,
  listedOnly,
  withoutSettled,
} from '../domain/reminders';
import type { Settings } from '../domain/settings';
import type { Services, SheetPort } from '../gas/ports';
import type * as Main from '../main';
import { type LedgerEntry, ReminderLog } from '../sheets/reminderLog';
import { appendRunLog } from '../sheets/runLog';
import { settingsOf } from './installTriggers';
import { PlanUnreadableError, readPlanForJob } from './readPlanForJob';
import { refreshStatus } from './refreshStatus';
import {
  CONTINUED_REMINDERS_JOB,
  DAILY_REMINDERS_JOB,
  type ReminderRunResult,
  type SentEmail,
  WEEKLY_REMINDERS_JOB,
} from './reminderTypes';
import { LockBusyError, withScriptLock } from './withScriptLock';

/** Apps Script stops a run at 6 minutes; past this a run saves its place (QUEUED) and a continuation carries on. */
export const TIME_BUDGET_MS = 4.5 * 60_000;
/** How soon the continuation runs. */
export const CONTINUATION_DELAY_MS = 60_000;
/** The continuation trigger's handler: typed as an entry point of main.ts, so a rename is a compile error. */
export const CONTINUATION_HANDLER: keyof typeof Main = 'continueReminders';
/** Recipients kept back from the daily quota so the administrator can still be told that the quota ran short
 * (in test mode, one for each "Send all email to" address, where the alert goes). */
export function quotaKeptForAlert(settings: Settings): number {
  return Math.max(1, settings.sendAllEmailTo.length);
}
/** Ledger keys of test-mode sends start with this, so switching test mode off later still sends the real emails. */
export const TEST_MODE_KEY_PREFIX = 'test|';

export type ReminderRun = 'weekly' | 'daily' | 'continued';

const JOB_OF: Record<ReminderRun, string> = {
  weekly: WEEKLY_REMINDERS_JOB,
  daily: DAILY_REMINDERS_JOB,
  continued: CONTINUED_REMINDERS_JOB,
};

/**
 * The kinds each run plans afresh; every run also sends whatever an earlier run left QUEUED or FAILED (while still
 * due). When no weekly run has reached its sending this digest week (another job held the lock at that hour, say),
 * the daily run plans the digests and escalations too, so nobody waits a week; the ledger keeps it to one per week.
 */
const KINDS_OF: Record<ReminderRun, readonly ReminderKind[]> = {
  weekly: ['digest', 'escalation'],
  daily: ['nudge'],
  continued: [],
};

/** Document property: the digest week (its first day) whose digests and escalations a run has planned. */
export const DIGEST_WEEK_PROPERTY = 'improvementPlan.digestWeekPlanned';

/** Thrown at the end of a run that failed or stopped short, after the Run log and the administrator's alert. */
export class RemindersFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RemindersFailedError';
  }
}

/**
 * One reminder run. Returns what it did; when a send failed, the quota ran short or a continuation could not be
 * scheduled it tells the administrator (one email) and then throws, so Google's own failure notice fires too.
 * Another run holding the lock makes it log "skipped" and send nothing.
 */
export function sendReminders(services: Services, run: ReminderRun): ReminderRunResult {
  const job = JOB_OF[run];
  const started = services.now();
  let refreshed = false;
  try {
    // RAG is written before every reminder run (DESIGN 2.4), so what the emails say is what the sheet shows.
    let refreshFault: string | undefined;
    try {
      refreshStatus(services);
      refreshed = true;
    } catch (e) {
      // A busy lock skips the run. Anything else the refresh met (the Dashboard refused a write) is logged by it
      // and must not cost a week's reminders: the run reads the plan itself, and stops if that cannot be done.
      if (e instanceof LockBusyError || e instanceof PlanUnreadableError) throw e;
      refreshFault = `The status refresh before this run failed (${messageOf(e)}); the reminders were decided from the plan as it stands.`;
    }
    return withScriptLock(services.lock, job, () => sendLocked(services, run, started, refreshFault));
  } catch (e) {
    // The refresh's own lock can be the busy one: the run is skipped all the same, and says so in its own name.
    if (e instanceof LockBusyError) return skippedRun(services, job, started);
    // A run that got as far as sending has logged its row and sent its alert already.
    if (!(e instanceof RemindersFailedError)) {
      // readPlanForJob logs an unreadable plan under the reminder job's name; the refresh logs under its own.
      failedBeforeSending(services, job, started, e, !(refreshed && e instanceof PlanUnreadableError));
    }
    throw e;
  }
}

/** Another run held the lock: a "skipped" row, nothing sent or recorded. */
function skippedRun(services: Services, job: string, started: Date): ReminderRunResult {
  appendRunLog(services.spreadsheet, {
    job,
    started,
    finished: services.now(),
    outcome: 'skipped',
    actions: 0,
    problems: 0,
    details: 'Another job on this plan was running, so nothing was sent; the next run sends what is due.',
    mail: { sent: 0, skipped: 0, queued: 0, failed: 0 },
  });
  return {
    job,
    today: '',
    outcome: 'skipped',
    sent: [],
    alreadySent: 0,
    skipped: 0,
    queued: 0,
    failed: 0,
    problems: [new LockBusyError(job).message],
    continues: false,
  };
}

/**
 * A fault before or outside the sending (the plan or the Reminder log unreadable, a sheet refusing a write): the
 * run's Run log row and the administrator's alert, as for any failed run, each as far as the fault lets them go.
 */
function failedBeforeSending(services: Services, job: string, started: Date, e: unknown, log: boolean): void {
  const message = messageOf(e);
  if (log) {
    try {
      appendRunLog(services.spreadsheet, {
        job,
        started,
        finished: services.now(),
        outcome: 'failed',
        actions: 0,
        problems: 0,
        details: message,
        mail: { sent: 0, skipped: 0, queued: 0, failed: 0 },
      });
    } catch {
      // a run Apps Script has stopped can write nothing more; its throw still reaches Google's failure notice
    }
  }
  try {
    alertAdministrator(
      services,
      settingsOf(services),
      job,
      isoDateInZone(started, services.spreadsheet.getSpreadsheetTimeZone()),
      [message],
    );
  } catch {
    // the throw that follows still reaches Google's failure notice
  }
}

/** A run's outcome for the person who clicked Send reminders now. */
export function reminderRunInWords(r: ReminderRunResult): string {
  if (r.outcome === 'skipped') return r.problems.join(' ');
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
  return [
    `${n(r.sent.length, 'email')} sent; ${n(r.alreadySent, 'reminder')} already sent before.`,
    r.skipped ? `${n(r.skipped, 'address')} not emailed.` : '',
    r.queued ? `${n(r.queued, 'reminder')} queued for the next run.` : '',
    ...r.problems,
  ]
    .filter(Boolean)
    .join(' ');
}

/** What would go out now, for Preview reminders: decided as a run would, with nothing sent or written. */
export function plannedNow(services: Services): {
  today: string;
  reminders: PlannedReminder[];
  alreadySent: number;
  problems: string[];
  redirectedTo: string[];
} {
  const { plan, today } = readPlanForJob(services, 'Preview reminders');
  const refusal = refusalOf(plan);
  const selection = selectReminders(plan, REMINDER_KINDS);
  const problems = [...refusedAddresses(plan), ...selection.problems];
  if (refusal) {
    return {
      today,
      reminders: [],
      alreadySent: 0,
      problems: [`Nothing would be sent: ${refusal}`, ...problems],
      redirectedTo: plan.settings.sendAllEmailTo,
    };
  }
  const ledger = ReminderLog.read(services.spreadsheet);
  const testMode = plan.settings.sendAllEmailTo.length > 0;
  const due = dueNow(selection.reminders, ledger, testMode, REMINDER_KINDS);
  return {
    today,
    reminders: due.reminders,
    alreadySent: due.alreadySent,
    problems,
    redirectedTo: plan.settings.sendAllEmailTo,
  };
}

/** Why a run would send nothing at all (People unreadable, unsafe email settings), or undefined. */
function refusalOf(plan: Plan): string | undefined {
  const settings = plan.settings;
  if (plan.peopleErrors.length) return plan.peopleErrors.join(' ');
  if (settings.unsafeEmailSettings.length) {
    return (
      `Settings › ${settings.unsafeEmailSettings.join(' and ')} could not be read, and without them the plan ` +
      'cannot tell whom it may email.'
    );
  }
  return redirectNotAllowed(settings);
}

function sendLocked(
  services: Services,
  run: ReminderRun,
  started: Date,
  refreshFault: string | undefined,
): ReminderRunResult {
  const job = JOB_OF[run];
  const ss = services.spreadsheet;
  const { plan, today, actionsSheet } = readPlanForJob(services, job);
  const settings = plan.settings;
  const result: ReminderRunResult = {
    job,
    today,
    outcome: 'ok',
    sent: [],
    alreadySent: 0,
    skipped: 0,
    queued: 0,
    failed: 0,
    problems: [],
    continues: false,
  };
  /** What the administrator must hear about; non-empty ends the run in an alert and a throw. */
  const alarms: string[] = [];
  const finish = (): ReminderRunResult => {
    if (alarms.length) result.outcome = 'failed';
    appendRunLog(ss, {
      job,
      started,
      finished: services.now(),
      outcome: result.outcome,
      actions: liveActions(plan).length,
      problems: result.problems.length,
      details: [...alarms, ...result.problems].join(' '),
      mail: {
        sent: result.sent.length,
        skipped: result.skipped,
        queued: result.queued,
        failed: result.failed,
      },
    });
    if (!alarms.length) return result;
    const alert = alertAdministrator(services, settings, job, today, alarms);
    if (alert) result.sent.push(alert);
    throw new RemindersFailedError(`${job}: ${alarms.join(' ')}`);
  };

  if (refreshFault) result.problems.push(refreshFault);
  if (run === 'continued') removeContinuations(services);
  const refusal = refusalOf(plan);
  if (refusal) {
    alarms.push(`Nothing was sent: ${refusal}`);
    return finish();
  }
  const kinds = kindsFor(services, run, digestWeek(today, settings));
  const ledger = ReminderLog.read(ss);
  const testMode = settings.sendAllEmailTo.length > 0;
  // Every kind is selected, to find what earlier runs left QUEUED or FAILED; problems are reported for the kinds
  // this run plans, and refused People addresses once a week (with the digests), not every day.
  const selection = selectReminders(plan, REMINDER_KINDS);
  const refused = kinds.includes('digest') ? refusedAddresses(plan) : [];
  result.skipped += refused.length;
  result.problems.push(...refused, ...selectReminders(plan, kinds).problems);
  const due = dueNow(selection.reminders, ledger, testMode, kinds);
  result.alreadySent = due.alreadySent;
  reportCrashedSends(ledger, result, alarms, services.now());
  // QUEUED keys nothing plans any more (last week's digest, an action since completed) are closed, not left waiting.
  const stale = due.queuedNotDue;
  if (stale.length) {
    ledger.record(
      stale.map((e) => e.key),
      (key) => ({
        ...entryOf(ledger.get(key)),
        status: 'FAILED',
        details: `Not sent: it was no longer due on ${formatLongDate(today)}, when the queue was next sent.`,
      }),
      services.now(),
    );
  }

  const context = {
    settings,
    today,
    planUrl: ss.getUrl(),
    rowUrl: rowLink(ss.getUrl(), actionsSheet),
  };
  const from = senderName(settings);
  const queue = due.reminders;
  for (let i = 0; i < queue.length; i++) {
    const reminder = queue[i];
    const rest = () => queue.slice(i);
    if (services.now().getTime() - started.getTime() > TIME_BUDGET_MS) {
      queueAll(
        ledger,
        rest(),
        testMode,
        services.now(),
        'Queued: the run ran out of time; a continuation sends it.',
      );
      result.queued += rest().length;
      if (scheduleContinuation(services, alarms)) result.continues = true;
      break;
    }
    const intended = reminder.recipient;
    if (!testMode && !(isValidEmail(intended) && isAllowedDomain(intended, settings.allowedEmailDomains))) {
      // People's parsing already leaves such addresses out; this is the last guard before a send.
      result.skipped += 1;
      result.problems.push(`${intended} was not emailed: it is not an address the plan may email.`);
      continue;
    }
    const to = testMode ? settings.sendAllEmailTo : [intended];
    if (services.remainingMailQuota() < to.length + quotaKeptForAlert(settings)) {
      queueAll(ledger, rest(), testMode, services.now(), 'Queued: the daily email quota ran short.');
      result.queued += rest().length;
      alarms.push(
        `The daily email quota ran short: ${rest().length} reminder${rest().length === 1 ? '' : 's'} ` +
          'were queued and go out with the next reminder run.',
      );
      break;
    }
    const keys = ledgerKeys(reminder, testMode);
    const codes = reminder.lines.map((l) => l.code);
    const base = {
      kind: reminder.kind,
      recipients: to.join(', '),
      actions: codes.join(', '),
      details: testMode ? `Test mode: meant for ${intended}.` : '',
    };
    // Made before PENDING is written, so a PENDING row only ever stands for a send that was about to happen.
    const email = renderReminder(reminder, { ...context, meantFor: testMode ? intended : undefined });
    // PENDING reaches the sheet before the send: if the run dies between the two, the next run finds it and does
    // not send again.
    ledger.record(keys, { ...base, status: 'PENDING' }, services.now());
    services.flush();
    try {
      services.sendEmail(to.join(','), email.subject, email.text, { htmlBody: email.html, name: from });
    } catch (e) {
      const message = messageOf(e);
      ledger.record(
        keys,
        { ...base, status: 'FAILED', details: `${base.details} ${message}`.trim() },
        services.now(),
      );
      result.failed += 1;
      alarms.push(`The ${reminder.kind} to ${to.join(', ')} failed: ${message}`);
      continue;
    }
    ledger.record(keys, { ...base, status: 'SENT' }, services.now());
    result.sent.push({ kind: reminder.kind, to, cc: [], subject: email.subject, actions: codes });
  }
  if (!result.continues && !result.queued) removeContinuations(services);
  return finish();
}

/** Test mode's address must be one the plan may email too: "Send all email to" is no way past Allowed email domains. */
function redirectNotAllowed(settings: Settings): string | undefined {
  const outside = settings.sendAllEmailTo.filter((a) => !isAllowedDomain(a, settings.allowedEmailDomains));
  if (!outside.length) return undefined;
  return (
    `Settings › Send all email to (${outside.join(', ')}) is outside Allowed email domains ` +
    `(${settings.allowedEmailDomains.join(', ')}), and only addresses in those domains are ever emailed.`
  );
}

/**
 * The People addresses no reminder goes to (invalid, or outside Allowed email domains), said in every run's Run log:
 * People's parsing leaves them out, so without this a group's one refused address would be skipped unreported.
 */
function refusedAddresses(plan: Plan): string[] {
  const columns: string[] = [PEOPLE_COLUMNS.headers.email, PEOPLE_COLUMNS.headers.managerEmail];
  return plan.problems
    .filter((p) => p.sheet === PEOPLE_SHEET && p.column !== undefined && columns.includes(p.column))
    .map((p) => `People row ${p.row}: ${p.message}`);
}

/**
 * The kinds a run plans: its own, and the digest week's digests and escalations on the first daily run of a week no
 * weekly run has reached (recorded as the run reaches its sending, so a skipped weekly run is made up for once).
 */
function kindsFor(services: Services, run: ReminderRun, week: string): readonly ReminderKind[] {
  const properties = services.documentProperties();
  const planned = properties.getProperty(DIGEST_WEEK_PROPERTY) === week;
  const kinds: readonly ReminderKind[] =
    run === 'daily' && !planned ? [...KINDS_OF.daily, 'digest', 'escalation'] : KINDS_OF[run];
  if (kinds.includes('digest') && !planned) properties.setProperty(DIGEST_WEEK_PROPERTY, week);
  return kinds;
}

/**
 * The reminders to send now: those of `kinds`, and any other an earlier run left QUEUED, with what the ledger has
 * settled taken out; and the QUEUED entries nothing plans any more.
 */
function dueNow(
  planned: readonly PlannedReminder[],
  ledger: ReminderLog,
  testMode: boolean,
  kinds: readonly ReminderKind[],
): { reminders: PlannedReminder[]; alreadySent: number; queuedNotDue: LedgerEntry[] } {
  const prefix = testMode ? TEST_MODE_KEY_PREFIX : '';
  // A FAILED send is tried again by the next run while it is still due (a digest until its week is over).
  const retried = new Set([...ledger.withStatus('QUEUED'), ...ledger.withStatus('FAILED')].map((e) => e.key));
  const isRetried = (r: PlannedReminder) => r.keys.some((k) => retried.has(prefix + k));
  const reminders: PlannedReminder[] = [];
  let alreadySent = 0;
  const planning = new Set<string>();
  for (const r of planned) {
    if (!kinds.includes(r.kind) && !isRetried(r)) continue;
    const unsettled = withoutSettled(r, (k) => ledger.isSettled(prefix + k));
    if (!unsettled) alreadySent += 1;
    else {
      const left = listedOnly(unsettled);
      reminders.push(left);
      for (const k of left.keys) planning.add(prefix + k);
    }
  }
  return {
    reminders,
    alreadySent,
    queuedNotDue: ledger.withStatus('QUEUED').filter((e) => !planning.has(e.key)),
  };
}

/** PENDING rows are sends a run may or may not have made before it died: reported every run, alarmed about once. */
function reportCrashedSends(
  ledger: ReminderLog,
  result: ReminderRunResult,
  alarms: string[],
  now: Date,
): void {
  const pending = ledger.withStatus('PENDING');
  if (!pending.length) return;
  result.problems.push(
    `${pending.length} reminder${pending.length === 1 ? ' was' : 's were'} being sent when a run stopped ` +
      `(${pending.map((e) => `${e.kind} to ${e.recipients}`).join('; ')}). They may have gone, so they are not ` +
      'sent again: check with the recipient, then set the Status in the Reminder log to SENT or FAILED.',
  );
  const fresh = pending.filter((e) => !e.details.startsWith(REPORTED));
  if (!fresh.length) return;
  alarms.push(
    `A run stopped while sending: ${fresh.map((e) => `the ${e.kind} to ${e.recipients}`).join('; ')} may or may ` +
      'not have gone and will not be sent again. See the PENDING rows in the Reminder log.',
  );
  ledger.record(
    fresh.map((e) => e.key),
    (key) => {
      const entry = entryOf(ledger.get(key));
      return { ...entry, details: `${REPORTED} ${entry.details}`.trim() };
    },
    now,
  );
}

const REPORTED = 'Reported to the administrator.';

function queueAll(
  ledger: ReminderLog,
  reminders: readonly PlannedReminder[],
  testMode: boolean,
  now: Date,
  details: string,
): void {
  const kindOf = new Map<string, PlannedReminder>();
  for (const r of reminders) for (const k of ledgerKeys(r, testMode)) kindOf.set(k, r);
  ledger.record(
    [...kindOf.keys()],
    (key) => {
      const r = kindOf.get(key) as PlannedReminder;
      return {
        kind: r.kind,
        recipients: r.recipient,
        status: 'QUEUED',
        actions: r.lines.map((l) => l.code).join(', '),
        details,
      };
    },
    now,
  );
}

function ledgerKeys(reminder: PlannedReminder, testMode: boolean): string[] {
  return reminder.keys.map((k) => (testMode ? TEST_MODE_KEY_PREFIX + k : k));
}

function entryOf(entry: LedgerEntry | undefined) {
  return {
    kind: entry?.kind ?? '',
    recipients: entry?.recipients ?? '',
    status: entry?.status ?? 'PENDING',
    actions: entry?.actions ?? '',
    details: entry?.details ?? '',
  };
}

/**
 * One continuation at a time. A listed one may have fired already (a one-off trigger stays listed until deleted), so
 * it is replaced rather than trusted. False (and an alarm) when Google refuses the new one.
 */
function scheduleContinuation(services: Services, alarms: string[]): boolean {
  removeContinuations(services);
  try {
    services.triggers.newTrigger(CONTINUATION_HANDLER).timeBased().after(CONTINUATION_DELAY_MS).create();
    return true;
  } catch (e) {
    alarms.push(
      `The run ran out of time and its continuation could not be scheduled (Google said: ${messageOf(e)}); ` +
        'the queued reminders go out with the next daily run.',
    );
    return false;
  }
}

/** A continuation trigger fires once but stays listed (and counts toward the 20 a user may have) until deleted. */
function removeContinuations(services: Services): void {
  for (const t of services.triggers.getProjectTriggers()) {
    if (t.getHandlerFunction() === CONTINUATION_HANDLER) services.triggers.deleteTrigger(t);
  }
}

/** The administrator's one email of a run; undefined when it cannot be sent safely (it is in the Run log anyway). */
function alertAdministrator(
  services: Services,
  settings: Settings,
  job: string,
  today: string,
  alarms: readonly string[],
): SentEmail | undefined {
  const admin = settings.administratorEmail.trim();
  if (!admin || !isValidEmail(admin) || settings.unsafeEmailSettings.length) return undefined;
  const testMode = settings.sendAllEmailTo.length > 0;
  const to = testMode ? settings.sendAllEmailTo : [admin];
  if (!to.every((a) => isAllowedDomain(a, settings.allowedEmailDomains))) return undefined;
  if (services.remainingMailQuota() < to.length) return undefined;
  const subject = `${job} needs attention (${formatLongDate(today)})`;
  const body = [
    ...(testMode ? [`Test mode: this email was meant for ${admin}.`, ''] : []),
    `${job} on ${formatLongDate(today)} did not finish cleanly:`,
    '',
    ...alarms.map((a) => `- ${a}`),
    '',
    `The Run log and Reminder log sheets say more: ${services.spreadsheet.getUrl()}`,
  ].join('\n');
  try {
    services.sendEmail(to.join(','), subject, body, { name: senderName(settings) });
  } catch {
    return undefined; // the Run log holds the same, and the run's throw reaches Google's failure notice
  }
  return { kind: 'alert', to, cc: [], subject, actions: [] };
}

/** A link that opens the Actions sheet at a row. */
function rowLink(planUrl: string, sheet: SheetPort): (row: number) => string {
  const gid = sheet.getSheetId();
  return (row) => `${planUrl}#gid=${gid}&range=A${row}`;
}
