// The bench: a row per job and size, and each job's Spreadsheet calls constant as the plan grows.
import { BENCH_JOBS, BENCH_SIZES, runBench } from '../../local/bench';

const JOBS = BENCH_JOBS.map((j) => j.job);

describe('bench', () => {
  const rows = runBench(BENCH_SIZES);

  it('has a row for every job at 100, 1,000 and 10,000 actions', () => {
    expect(BENCH_SIZES).toEqual([100, 1000, 10000]);
    expect(JOBS).toEqual(
      expect.arrayContaining(['setup', 'open', 'refresh', 'codes', 'check', 'edit', 'paste']),
    );
    for (const job of JOBS)
      expect(rows.filter((r) => r.job === job).map((r) => r.actions)).toEqual(BENCH_SIZES);
  });

  it.each(JOBS)('the %s job makes the same number of Spreadsheet calls at every size', (job) => {
    const counts = rows.filter((r) => r.job === job).map((r) => r.calls.SpreadsheetApp);
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);
  });
});
