// `npm run preview`: loads a plan from CSV into the local runtime, runs the bundle's entry points as Sheets would,
// and writes summary.json and workbook.xlsx (the spreadsheet as the code left it) into the output folder.
import { mkdirSync, writeFileSync } from 'node:fs';
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
  if ('cancelled' in report.result) return fail(`The report could not be made: ${report.result.message}`);
  const made = report.result;

  const out = args.out as string;
  mkdirSync(out, { recursive: true });
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
  };
  const reportFile = join(out, 'report.html');
  writeFileSync(reportFile, renderDocumentHtml(runtime.documents.model(made.documentId)));
  const withReport = {
    ...summary,
    report: { file: reportFile, title: made.title, counts: made.counts, attention: made.attention },
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
  const c = made.counts;
  console.log(`  Report "${made.title}"`);
  console.log(
    `    ${c.total} in the baseline: ${c.retained} retained, ${c.deleted} deleted, ${c.updated} updated; ${c.added} added`,
  );
  console.log(`  Wrote ${join(out, 'summary.json')}, ${join(out, 'workbook.xlsx')} and ${reportFile}`);
  return 0;
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
