// Issue 3's list of bad input, through the bundle: each is reported by Check the plan, and no row stops another.
import type { CheckPlanResult } from '../../src/jobs/checkPlan';
import type { RefreshResult } from '../../src/jobs/refreshStatus';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import { action } from '../builders/plan';
import { openPlan, planData } from './harness';

describe('bad input (bundle)', () => {
  const opened = openPlan(
    planData([
      action({ Code: 'CEA1', Theme: 'Finance' }),
      action({ Code: 'CEA2' }),
      action({ Code: 'CEA2' }),
      action({ Code: 'CEA4', 'Target date': '31/02/2010' }),
      action({ Code: 'CEA5', Lead: 42 }),
      action({ Code: 'CEA6', Timescale: 'Before the end of 2009' }),
    ]),
  );
  const checked = opened.bundle.run<MenuOutcome<CheckPlanResult>>('checkThePlan');
  const refreshed = opened.bundle.run<MenuOutcome<RefreshResult>>('refreshStatusColours');

  it('reports each in plain English against its row', () => {
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.result.problems.map((p) => [p.row, p.message])).toEqual([
      [2, 'Theme "Finance" is not in Lists › Themes.'],
      [3, 'Code CEA2 is also used on row 4; codes must be unique.'],
      [4, 'Code CEA2 is also used on row 3; codes must be unique.'],
      [5, 'Target date "31/02/2010" is not a real date.'],
      [6, 'Lead is the number 42; enter a name from People.'],
    ]);
  });

  it('the good rows are still coloured', () => {
    if (!refreshed.ok) throw new Error(refreshed.message);
    expect(refreshed.result.byStatus).toMatchObject({ Overdue: 1, Ongoing: 5 });
    const rag = opened.values('Actions')?.map((r) => r[r.length - 1]);
    expect(rag?.slice(1)).toEqual(['Ongoing', 'Ongoing', 'Ongoing', 'Ongoing', 'Ongoing', 'Overdue']);
  });
});
