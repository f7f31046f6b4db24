// Grouping cells or rows into runs of consecutive positions, so each run is one write.

/** `items` in runs of consecutive positions (row or column numbers), each run in position order. */
export function runsOf<T>(items: readonly T[], position: (item: T) => number): T[][] {
  const sorted = [...items].sort((a, b) => position(a) - position(b));
  const runs: T[][] = [];
  for (const item of sorted) {
    const run = runs[runs.length - 1];
    if (run && position(run[run.length - 1]) === position(item) - 1) run.push(item);
    else runs.push([item]);
  }
  return runs;
}
