// The bench: a row per job and size, each job's Spreadsheet calls constant as the plan grows, and the reminder jobs
// sending one email per recipient with something due, never one per action.
import { BENCH_JOBS, BENCH_SIZES, BENCH_TODAY, runBench } from '../../local/bench';
import type { LocalRuntime } from '../../local/runtime';
import { readPlan } from '../../src/domain/plan';
import { type ReminderKind, selectReminders } from '../../src/domain/reminders';

const JOBS = BENCH_JOBS.map((j) => j.job);
/** The reminder jobs and the kinds each plans afresh (DESIGN 2.6: digest and escalation weekly, nudges daily). */
const REMINDER_JOBS: Record<string, readonly ReminderKind[]> = {
  'weekly reminders': ['digest', 'escalation'],
  'daily reminders': ['nudge'],
};

/** Before each reminder job: whom the plan as it then stands calls for reminding, and where its mail will start. */
interface ReminderCase {
  job: string;
  size: number;
  runtime: LocalRuntime;
  firstMail: number;
  /** The reminders the plan calls for, as "kind address". */
  expected: string[];
}

function expectedReminders(runtime: LocalRuntime, kinds: readonly ReminderKind[]): string[] {
  const ss = runtime.spreadsheets.model();
  const values = (name: string) => ss.sheets.find((s) => s.name === name)?.values;
  const plan = readPlan(
    {
      actions: values('Actions'),
      people: values('People'),
      lists: values('Lists'),
      settings: values('Settings'),
    },
    ss.timeZone,
    BENCH_TODAY,
  );
  return selectReminders(plan, kinds).reminders.map((r) => `${r.kind} ${r.recipient}`);
}

describe('bench', () => {
  const cases: ReminderCase[] = [];
  const rows = runBench(BENCH_SIZES, {
    beforeJob(job, size, runtime) {
      const kinds = REMINDER_JOBS[job];
      if (!kinds) return;
      const expected = expectedReminders(runtime, kinds);
      cases.push({ job, size, runtime, firstMail: runtime.mail.outbox.length, expected });
    },
  });
  const row = (job: string, size: number) => rows.find((r) => r.job === job && r.actions === size);

  it('has a row for every job at 100, 1,000 and 10,000 actions', () => {
    expect(BENCH_SIZES).toEqual([100, 1000, 10000]);
    expect(JOBS).toEqual(
      expect.arrayContaining([
        'setup',
        'open',
        'refresh',
        'codes',
        'check',
        'edit',
        'paste',
        ...Object.keys(REMINDER_JOBS),
      ]),
    );
    for (const job of JOBS)
      expect(rows.filter((r) => r.job === job).map((r) => r.actions)).toEqual(BENCH_SIZES);
  });

  it('runs every job without a failure', () => {
    expect(rows.filter((r) => r.error).map((r) => `${r.job} at ${r.actions}: ${r.error}`)).toEqual([]);
  });

  it.each(JOBS.filter((job) => !(job in REMINDER_JOBS)))(
    'the %s job makes the same number of Spreadsheet calls at every size',
    (job) => {
      const counts = rows.filter((r) => r.job === job).map((r) => r.calls.SpreadsheetApp);
      expect(counts[0]).toBeGreaterThan(0);
      expect(new Set(counts).size).toBe(1);
    },
  );

  it.each(Object.keys(REMINDER_JOBS))(
    'the %s job sends one email to each address with something due, once per kind, at every size',
    (job) => {
      const mine = cases.filter((c) => c.job === job);
      expect(mine.map((c) => c.size)).toEqual(BENCH_SIZES);
      for (const c of mine) {
        const sent = c.runtime.mail.outbox.slice(c.firstMail, c.firstMail + (row(job, c.size)?.emails ?? 0));
        expect(sent.every((m) => m.to.length === 1 && m.cc.length === 0)).toBe(true);
        expect(sent.map((m) => m.to[0]).sort()).toEqual(c.expected.map((e) => e.split(' ')[1]).sort());
        // Never one per action: one reminder for each address and kind, however many of its actions are due.
        expect(new Set(c.expected).size).toBe(c.expected.length);
      }
      // The largest plan has something due for many, so the comparison above is not of two empty lists.
      expect(mine[mine.length - 1].expected.length).toBeGreaterThan(10);
    },
  );

  it.each(Object.keys(REMINDER_JOBS))(
    'the %s job makes the same number of Spreadsheet calls at every size, sends aside',
    (job) => {
      const mine = BENCH_SIZES.map((size) => row(job, size)).map((r) => ({
        calls: r?.calls.SpreadsheetApp ?? 0,
        emails: r?.emails ?? 0,
      }));
      // Each email adds the same calls (recording it before and after the send); what that is, the rows show.
      const differing = mine.find((m) => m.emails !== mine[0].emails);
      const perEmail = differing
        ? (differing.calls - mine[0].calls) / (differing.emails - mine[0].emails)
        : 0;
      expect(Number.isInteger(perEmail)).toBe(true);
      expect(perEmail).toBeGreaterThanOrEqual(0);
      const apartFromSends = mine.map((m) => m.calls - perEmail * m.emails);
      expect(apartFromSends[0]).toBeGreaterThan(0);
      expect(new Set(apartFromSends).size).toBe(1);
    },
  );
});
