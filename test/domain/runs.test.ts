// Runs of consecutive positions: what decides how many writes a save or a ledger record makes.
import { runsOf } from '../../src/domain/runs';

describe('runsOf', () => {
  it('groups consecutive positions, in position order, whatever order they come in', () => {
    expect(runsOf([9, 3, 4, 14, 10, 5], (n) => n)).toEqual([[3, 4, 5], [9, 10], [14]]);
  });

  it('reads the position through the function given, and gives nothing for nothing', () => {
    const cells = [{ column: 16 }, { column: 14 }, { column: 15 }, { column: 9 }];
    expect(runsOf(cells, (c) => c.column).map((run) => run.map((c) => c.column))).toEqual([
      [9],
      [14, 15, 16],
    ]);
    expect(runsOf([], (n: number) => n)).toEqual([]);
  });
});
