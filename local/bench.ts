// `npm run bench`: each job run through the bundle on generated plans of 100, 1,000 and 10,000 actions, counting
// Apps Script calls per service, emails sent and wall milliseconds. `--json` prints one object per line.
import { parseArgs } from 'node:util';
import { loadBundle } from './bundle';
import { generatePlan } from './generatePlan';
import { createPlanSpreadsheet } from './planSpreadsheet';
import { createLocalRuntime, type LocalRuntime } from './runtime';

export const BENCH_SIZES = [100, 1_000, 10_000];
export const BENCH_TODAY = '2010-03-10';

/** Jobs as a person or a trigger starts them; later issues add theirs here. */
export const BENCH_JOBS: {
  job: string;
  entryPoint: string;
  as: 'menu' | 'trigger' | 'edit';
  /** For `as: 'edit'`: what a person types (the on-edit trigger setup installed then runs). */
  edit?: { sheet: string; a1: string; values: unknown[][] };
  /** For a menu item that asks questions: the person's replies (button and text), in order. */
  answers?: { button: 'OK' | 'CANCEL'; text?: string }[];
}[] = [
  { job: 'setup', entryPoint: 'setUpOrRepairSpreadsheet', as: 'menu' },
  { job: 'open', entryPoint: 'onOpen', as: 'menu' },
  { job: 'refresh', entryPoint: 'refreshStatusColours', as: 'menu' },
  { job: 'codes', entryPoint: 'assignCodesToNewActions', as: 'menu' },
  { job: 'check', entryPoint: 'checkThePlan', as: 'menu' },
  // The committee report for a meeting on 12 April 2010, to the Settings committee.
  {
    job: 'report',
    entryPoint: 'generateCommitteeReport',
    as: 'menu',
    answers: [
      { button: 'OK', text: '12/04/2010' },
      { button: 'OK', text: '' },
    ],
  },
  // Status on row 50, then Target date … Progress pasted over rows 10–59 (after setup, which installs the trigger).
  {
    job: 'edit',
    entryPoint: 'onPlanEdit',
    as: 'edit',
    edit: { sheet: 'Actions', a1: 'N50', values: [['Complete']] },
  },
  {
    job: 'paste',
    entryPoint: 'onPlanEdit',
    as: 'edit',
    edit: {
      sheet: 'Actions',
      a1: 'H10:O59',
      values: Array.from({ length: 50 }, () => [
        '30/09/2010',
        '',
        '',
        'Head of Service 01',
        'E',
        'M',
        'Complete',
        '50',
      ]),
    },
  },
  // The reminder triggers setup installs, fired as Apps Script fires them (as their creator, no UI).
  { job: 'weekly reminders', entryPoint: 'sendWeeklyReminders', as: 'trigger' },
  { job: 'daily reminders', entryPoint: 'sendDailyReminders', as: 'trigger' },
];

export interface BenchRow {
  job: string;
  actions: number;
  calls: Record<string, number>;
  emails: number;
  ms: number;
  /** What the job threw (a reminder run throws when a send failed or the quota ran short); absent when it did not. */
  error?: string;
}

export interface BenchHooks {
  /** Called before each job runs, with the runtime it runs in (for a test to read the plan the job will see). */
  beforeJob?(job: string, size: number, runtime: LocalRuntime): void;
}

export function runBench(sizes = BENCH_SIZES, hooks: BenchHooks = {}): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const size of sizes) {
    // The default (consumer account) quota of 100 recipients a day is enough: the generated plan has 40 leads and one
    // manager, so the weekly run sends at most 41 emails and the daily run at most 40, whatever the plan's size.
    const runtime = createLocalRuntime({ now: `${BENCH_TODAY}T09:00:00Z` });
    createPlanSpreadsheet(runtime, generatePlan(size, BENCH_TODAY));
    const bundle = loadBundle(runtime);
    for (const { job, entryPoint, as, edit, answers } of BENCH_JOBS) {
      hooks.beforeJob?.(job, size, runtime);
      runtime.core.resetCounts();
      if (answers) runtime.spreadsheets.ui.answer(...answers);
      const sentBefore = runtime.mail.outbox.length;
      const started = performance.now();
      let error: string | undefined;
      try {
        if (as === 'edit' && edit) bundle.userEdit(edit.sheet, edit.a1, edit.values);
        else if (as === 'trigger') bundle.trigger(entryPoint);
        else bundle.run(entryPoint);
      } catch (e) {
        // A trigger's failure is the job's result, not the bench's: the row records it and the other jobs still run.
        if (as !== 'trigger') throw e;
        // (An error from the bundle's own realm is no `instanceof Error` here.)
        error = String((e as { message?: unknown })?.message ?? e);
      }
      rows.push({
        job,
        actions: size,
        calls: runtime.core.callsByService(),
        emails: runtime.mail.outbox.length - sentBefore,
        ms: Math.round(performance.now() - started),
        ...(error === undefined ? {} : { error }),
      });
    }
  }
  return rows;
}

function printTable(rows: BenchRow[]): void {
  const services = [...new Set(rows.flatMap((r) => Object.keys(r.calls)))].sort();
  const header = ['job', 'actions', ...services, 'emails', 'ms'];
  const lines = rows.map((r) => [
    r.job,
    r.actions.toLocaleString('en-GB'),
    ...services.map((s) => String(r.calls[s] ?? 0)),
    String(r.emails),
    String(r.ms),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i < 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(format(l));
  for (const r of rows.filter((row) => row.error)) {
    console.log(`\n${r.job} at ${r.actions.toLocaleString('en-GB')} actions failed: ${r.error}`);
  }
  console.log(
    '\nCalls are Apps Script calls per service in one run of the job; the Spreadsheet count should not grow with the plan\n' +
      '(a reminder job adds the same few calls for each email it sends, to record it before and after).',
  );
}

if (require.main === module) {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
  const rows = runBench();
  if (values.json) for (const r of rows) console.log(JSON.stringify(r));
  else printTable(rows);
}
