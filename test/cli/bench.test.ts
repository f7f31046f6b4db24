// The bench: a row per job and size, and the refresh job's Spreadsheet calls constant as the plan grows.
import { BENCH_SIZES, runBench } from '../../local/bench';

describe('bench', () => {
  const rows = runBench(BENCH_SIZES);

  it('has a row for every job at 100, 1,000 and 10,000 actions', () => {
    expect(BENCH_SIZES).toEqual([100, 1000, 10000]);
    expect(rows.filter((r) => r.job === 'refresh').map((r) => r.actions)).toEqual(BENCH_SIZES);
  });

  it('the refresh job makes the same number of Spreadsheet calls at every size', () => {
    const counts = rows.filter((r) => r.job === 'refresh').map((r) => r.calls.SpreadsheetApp);
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);
  });
});
