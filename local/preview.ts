// `npm run preview`: loads a plan from CSV into the local runtime, runs the bundle's entry points as Sheets and its
// triggers would, and writes summary.json, workbook.xlsx (the spreadsheet as the code left it), report.html and the
// emails sent (emails/*.eml) into the output folder.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../src/domain/dates';
import type { RefreshResult } from '../src/jobs/refreshStatus';
import type { MenuOutcome } from '../src/ui/fromMenu';
import { loadBundle } from './bundle';
import { CsvError, readCsvSheet } from './csvSheet';
import { createPlanSpreadsheet } from './planSpreadsheet';
import { createLocalRuntime } from './runtime';
import { summariseSheets } from './summary';
import { writeWorkbook } from './workbook';
import { loadBaseline } from './baseline';
import { renderDocumentHtml } from './render/documentHtml';
import type { ReportMenuResult } from '../src/jobs/generateReport';
import type { ReminderRunResult, SentEmail } from '../src/jobs/reminderTypes';
import { writeEmlFiles } from './emails';
import type { LocalRuntime } from './runtime';
import type { SentMail } from './runtime/mail';
import type { Bundle } from './bundle';

const USAGE =
  'usage: npm run preview -- --plan FILE.csv [--people FILE.csv] [--lists FILE.csv] [--settings FILE.csv] [--baseline FILE.csv] [--today YYYY-MM-DD] [--meeting YYYY-MM-DD] [--out DIR]';

/** How long before --today the --baseline was taken (it only labels the baseline). */
const BASELINE_AGE_MS = 120 * 86_400_000;

/** The hour of the simulated "now" on --today: a working morning, as when an officer opens the sheet. */
const PREVIEW_HOUR_UTC = 9;

export async function preview(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        plan: { type: 'string' },
        people: { type: 'string' },
        lists: { type: 'string' },
        settings: { type: 'string' },
        baseline: { type: 'string' },
        meeting: { type: 'string' },
        today: { type: 'string' },
        out: { type: 'string', default: 'out' },
      },
      strict: true,
    }).values;
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (!args.plan) return fail(`--plan is required.\n${USAGE}`);
  const today = args.today ?? new Date().toISOString().slice(0, 10);
  if (!isIsoDate(today)) return fail(`--today must be a date written YYYY-MM-DD, not "${today}".`);

  if (args.meeting && !isIsoDate(args.meeting)) {
    return fail(`--meeting must be a date written YYYY-MM-DD, not "${args.meeting}".`);
  }

  let data;
  let baselineRows: string[][] | undefined;
  try {
    baselineRows = args.baseline ? readCsvSheet(args.baseline) : undefined;
    data = {
      actions: readCsvSheet(args.plan),
      people: args.people ? readCsvSheet(args.people) : undefined,
      lists: args.lists ? readCsvSheet(args.lists) : undefined,
      settings: args.settings ? readCsvSheet(args.settings) : undefined,
    };
  } catch (e) {
    if (e instanceof CsvError) return fail(e.message);
    throw e;
  }

  const runtime = createLocalRuntime({ now: `${today}T${String(PREVIEW_HOUR_UTC).padStart(2, '0')}:00:00Z` });
  createPlanSpreadsheet(runtime, data);
  // The baseline is the plan as it stood when the last update cycle started; its date only labels it.
  if (baselineRows) loadBaseline(runtime, baselineRows, new Date(Date.parse(today) - BASELINE_AGE_MS));
  runtime.core.resetCounts();
  const bundle = loadBundle(runtime);
  // As a plan administrator would on a new spreadsheet: open it, set it up, then refresh and check the plan.
  bundle.run('onOpen');
  const setup = bundle.run<MenuOutcome<unknown>>('setUpOrRepairSpreadsheet');
  if (!setup.ok) return fail(`The plan could not be set up: ${setup.message}`);
  const outcome = bundle.run<MenuOutcome<RefreshResult>>('refreshStatusColours');
  if (!outcome.ok) return fail(`The plan could not be read: ${outcome.message}`);
  const result = outcome.result;
  bundle.run('checkThePlan');
  // Generate committee report… asks for the meeting date (blank: the next one in Settings) and the committee
  // (blank: Settings' Committee); the preview answers as a person clicking OK would.
  runtime.spreadsheets.ui.answer(
    { button: 'OK', text: args.meeting ? args.meeting.split('-').reverse().join('/') : '' },
    { button: 'OK', text: '' },
  );
  const report = bundle.run<MenuOutcome<ReportMenuResult>>('generateCommitteeReport');
  if (!report.ok) return fail(`The report could not be made: ${report.message}`);
  // No meeting on or after --today (none given, none in Settings): the rest of the preview still runs, and says so.
  const made = 'cancelled' in report.result ? undefined : report.result;
  const noReport = 'cancelled' in report.result ? report.result.message : '';
  // The reminder triggers, as they would fire on --today: the weekly digest and escalation, the daily nudges, then
  // the weekly job again, which must find everything already sent.
  const reminders = runReminders(runtime, bundle);
  if ('failed' in reminders) return fail(reminders.failed);

  const out = args.out as string;
  mkdirSync(out, { recursive: true });
  const emailsDir = join(out, 'emails');
  clearEmlFiles(emailsDir);
  const emlFiles = await writeEmlFiles(
    runtime.mail.outbox,
    emailsDir,
    reminders.emails.map((e) => e.kind),
    runtime.owner,
  );
  const summary = {
    today: result.today,
    actions: result.actions,
    byStatus: result.byStatus,
    problems: result.problems.map((p) => ({
      row: p.row,
      code: p.code,
      message: p.message,
      sheet: p.sheet,
      column: p.column ?? '',
    })),
    sheets: summariseSheets(runtime),
    serviceCalls: runtime.core.callsByService(),
    emails: reminders.emails.map(({ kind, to, cc, subject, actions }) => ({
      kind,
      to,
      cc,
      subject,
      actions,
    })),
    reminders: {
      weekly: reminderCounts(reminders.weekly),
      daily: reminderCounts(reminders.daily),
      secondWeekly: reminderCounts(reminders.secondWeekly),
    },
  };
  const reportFile = join(out, 'report.html');
  if (made) writeFileSync(reportFile, renderDocumentHtml(runtime.documents.model(made.documentId)));
  else rmSync(reportFile, { force: true }); // an earlier run's report must not pass for this one's
  const withReport = {
    ...summary,
    report: made
      ? { file: reportFile, title: made.title, counts: made.counts, attention: made.attention }
      : { skipped: noReport },
  };
  writeFileSync(join(out, 'summary.json'), `${JSON.stringify(withReport, null, 2)}\n`);
  await writeWorkbook(runtime.spreadsheets.model(), join(out, 'workbook.xlsx'));

  console.log(`Improvement plan on ${result.today}: ${result.actions} live actions`);
  console.log(
    `  ${Object.entries(result.byStatus)
      .map(([rag, n]) => `${rag} ${n}`)
      .join(' · ')}`,
  );
  console.log(
    `  ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}${result.problems.length ? ':' : ''}`,
  );
  for (const p of result.problems)
    console.log(`    ${p.sheet} row ${p.row}${p.code ? ` (${p.code})` : ''}: ${p.message}`);
  if (made) {
    const c = made.counts;
    console.log(`  Report "${made.title}"`);
    console.log(
      c.total === c.retained + c.deleted + c.updated
        ? `    ${c.total} in the baseline: ${c.retained} retained, ${c.deleted} deleted, ${c.updated} updated; ${c.added} added`
        : `    First report (no --baseline): ${c.added} live actions, all new`,
    );
  } else console.log(`  No committee report: ${noReport} (give --meeting YYYY-MM-DD)`);
  console.log(`  Reminders`);
  for (const [label, run] of [
    ['Weekly run', reminders.weekly],
    ['Daily run', reminders.daily],
  ] as const) {
    console.log(`    ${label}: ${emailCount(run.sent.length)} sent${runDetails(run)}`);
  }
  const kinds = new Map<string, number>();
  for (const e of reminders.emails) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  if (kinds.size) console.log(`    By kind: ${[...kinds].map(([kind, n]) => `${kind} ${n}`).join(' · ')}`);
  for (const p of new Set([...reminders.weekly.problems, ...reminders.daily.problems]))
    console.log(`    ${p}`);
  const again = reminders.secondWeekly;
  console.log(
    again.sent.length === 0
      ? `    Second weekly run: nothing new sent (${again.alreadySent} already sent)`
      : `    Second weekly run: ${emailCount(again.sent.length)} sent again`,
  );
  console.log(
    `  Wrote ${join(out, 'summary.json')}, ${join(out, 'workbook.xlsx')}${made ? ` and ${reportFile}` : ''}`,
  );
  console.log(`  Wrote ${emailCount(emlFiles.length)} to ${emailsDir}`);
  return 0;
}

interface ReminderRuns {
  weekly: ReminderRunResult;
  daily: ReminderRunResult;
  secondWeekly: ReminderRunResult;
  /** Every email the three runs sent, in send order: one for each mail in the outbox. */
  emails: SentEmail[];
}

/**
 * Fires the weekly, daily and again the weekly reminder trigger. A run that fails throws (after telling the
 * administrator), and its result is lost with it, so the preview stops there. What the runs say they sent must be
 * exactly what reached the runtime's outbox: the .eml files are labelled from it.
 */
function runReminders(runtime: LocalRuntime, bundle: Bundle): ReminderRuns | { failed: string } {
  const firstMail = runtime.mail.outbox.length;
  const runs: ReminderRunResult[] = [];
  for (const [entryPoint, label] of [
    ['sendWeeklyReminders', 'The weekly reminder run'],
    ['sendDailyReminders', 'The daily reminder run'],
    ['sendWeeklyReminders', 'The second weekly reminder run'],
  ] as const) {
    try {
      runs.push(bundle.trigger<ReminderRunResult>(entryPoint));
    } catch (e) {
      return { failed: `${label} failed: ${(e as Error).message}` };
    }
  }
  const emails = runs.flatMap((r) => r.sent);
  const mismatch = outboxMismatch(emails, runtime.mail.outbox.slice(firstMail));
  if (firstMail !== 0 || mismatch) {
    throw new Error(
      `preview: the reminder runs and the outbox disagree: ${mismatch ?? `${firstMail} emails were sent before the reminder runs`}`,
    );
  }
  const [weekly, daily, secondWeekly] = runs;
  return { weekly, daily, secondWeekly, emails };
}

/** How the emails the runs reported sending differ from the mail the runtime saw sent, if they do. */
function outboxMismatch(emails: SentEmail[], outbox: SentMail[]): string | undefined {
  if (outbox.length !== emails.length) {
    return `${outbox.length} emails in the outbox, ${emails.length} reported sent by the reminder runs`;
  }
  const list = (addresses: string[]) => addresses.join(', ');
  const i = emails.findIndex(
    (e, n) =>
      e.subject !== outbox[n].subject ||
      list(e.to) !== list(outbox[n].to) ||
      list(e.cc) !== list(outbox[n].cc),
  );
  if (i < 0) return undefined;
  return `email ${i + 1} was reported as "${emails[i].subject}" to ${list(emails[i].to)} but the outbox holds "${outbox[i].subject}" to ${list(outbox[i].to)}`;
}

function reminderCounts(r: ReminderRunResult) {
  return {
    outcome: r.outcome,
    sent: r.sent.length,
    alreadySent: r.alreadySent,
    skipped: r.skipped,
    queued: r.queued,
    failed: r.failed,
    problems: r.problems,
  };
}

function runDetails(r: ReminderRunResult): string {
  const parts = [
    r.alreadySent ? `${r.alreadySent} already sent` : '',
    r.skipped ? `${r.skipped} not emailed` : '',
    r.queued ? `${r.queued} queued` : '',
    r.failed ? `${r.failed} failed` : '',
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function emailCount(n: number): string {
  return `${n} email${n === 1 ? '' : 's'}`;
}

/** Old .eml files go first, so a rerun's folder holds only this run's emails. */
function clearEmlFiles(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (name.endsWith('.eml')) rmSync(join(dir, name));
}

function fail(message: string): number {
  console.error(`preview: ${message}`);
  return 1;
}

if (require.main === module) {
  preview(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
