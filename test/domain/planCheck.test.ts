// Check the plan's rules: the problems only a full check adds, the order and grouping shown, and target revisions.
import { readPlan } from '../../src/domain/plan';
import { checkOnlyProblems, checkProblems, groupProblems } from '../../src/domain/planCheck';
import { action, londonMidnight, planValues } from '../builders/plan';

const TZ = 'Europe/London';
const TODAY = '2010-03-10';

function check(rows: Record<string, unknown>[], opts: Parameters<typeof planValues>[1] = {}) {
  const values = planValues(rows, opts);
  return checkProblems(values, readPlan(values, TZ, TODAY));
}
const messages = (problems: ReturnType<typeof check>) => problems.map((p) => p.message);

describe('rules the check adds', () => {
  it('a Progress that is not a whole number', () => {
    const problems = check([
      action({ Code: 'CEA1', Progress: 45.5 }),
      action({ Code: 'CEA2', Progress: 50 }),
    ]);
    expect(problems).toEqual([
      {
        sheet: 'Actions',
        row: 2,
        code: 'CEA1',
        column: 'Progress',
        message: 'Progress 45.5 is not a whole number; enter a whole percentage from 0 to 100.',
      },
    ]);
  });

  it('a date kept as text, even one that reads as a date', () => {
    const problems = check([
      action({ Code: 'CEA1', 'Target date': '31/03/2010' }),
      action({ Code: 'CEA2', 'Target date': londonMidnight('2010-03-31') }),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Target date',
        message:
          'Target date "31/03/2010" is text, not a date: type it again (or pick it from the calendar) so Sheets stores a date.',
      }),
    ]);
  });

  it('does not repeat what readPlan already says about a bad date or Progress', () => {
    const values = planValues([
      action({ Code: 'CEA1', 'Target date': 'next week', Progress: 150 }),
      action({ Code: 'CEA2', 'Revised target date': '31/02/2010', 'Revision reason': 'x' }),
    ]);
    expect(checkOnlyProblems(values, readPlan(values, TZ, TODAY))).toEqual([]);
  });
});

describe('every problem of DESIGN 2.7 reaches the check', () => {
  it('finds them on Actions, People and Settings', () => {
    const problems = check(
      [
        action({ Code: 'CEA1', Action: '' }),
        action({ Code: 'CEA2', Theme: 'Parks' }),
        action({ Code: 'CEA3', Category: 'Z' }),
        action({ Code: 'CEA4', Status: 'Nearly' }),
        action({ Code: 'CEA4' }),
        action({ Code: 'CEC3', Theme: 'Communications', Category: 'C' }),
        action({ Code: 'CEA7', 'Target date': '31/02/2010' }),
        action({ Code: 'CEA8', Timescale: 'next week' }),
        action({ Code: 'CEA9', 'Target date': 'next week' }),
        action({
          Code: 'CEA10',
          'Target date': londonMidnight('2010-01-31'),
          'Revised target date': londonMidnight('2010-06-30'),
        }),
        action({ Code: 'CEA11', Lead: 'Nobody Known' }),
        action({ Code: 'CEA12', Lead: 42 }),
        action({ Code: 'CEA13', Progress: 150 }),
        action({ Code: 'CEA14', Action: 'x'.repeat(2001) }),
      ],
      {
        people: [
          { Name: 'Robert Hardy', Email: 'robert.hardy@example.org' },
          { Name: 'Jo Bloggs', Email: 'not-an-address' },
          { Name: 'Sam Smith', Email: 'sam@elsewhere.com' },
        ],
        settings: { 'Allowed email domains': 'example.org', 'Due-soon window (days)': 'soon' },
      },
    );
    const text = messages(problems).join('\n');
    for (const expected of [
      'Action is missing.',
      'Theme "Parks" is not in Lists › Themes.',
      'Category "Z" is not in Lists › Categories.',
      'Status "Nearly" is not in Lists › Statuses.',
      'Code CEA4 is also used on row 6; codes must be unique.',
      'Code CEC3 does not match theme Communications (CM) and category C; codes on this row start CMC.',
      'Target date "31/02/2010" is not a real date.',
      'Timescale "next week" not understood — enter a Target date.',
      'Target date holds the text "next week", not a date',
      'A Revised target date needs a Revision reason.',
      'Lead "Nobody Known" is not in People',
      'Lead is the number 42; enter a name from People.',
      'Progress 150 is outside 0–100.',
      'Action is 2,001 characters long',
      '"not-an-address" is not a valid email address.',
      'sam@elsewhere.com is outside the allowed email domains (example.org)',
      'Due-soon window (days) should be a whole number',
    ])
      expect(text).toContain(expected);
  });

  it('lists Actions first, then People, Lists and Settings, each by row', () => {
    const problems = check([action({ Code: 'CEA1', Lead: 'Nobody' }), action({ Code: 'CEA2', Action: '' })], {
      people: [{ Name: 'Robert Hardy', Email: 'bad' }],
      settings: { 'Stale after (days)': 'never' },
    });
    expect(problems.map((p) => `${p.sheet} ${p.row}`)).toEqual([
      'Actions 2',
      'Actions 3',
      'People 2',
      'Settings 2',
    ]);
  });

  it('a clean plan has none', () => {
    expect(check([action({ Code: 'CEA1' }), action({ Code: 'CEA2' })])).toEqual([]);
  });
});

describe('target date revisions (item 7)', () => {
  const revised = (target: string, revisedTo: string) =>
    check([
      action({
        Code: 'CEA1',
        'Target date': londonMidnight(target),
        'Revised target date': londonMidnight(revisedTo),
        'Revision reason': 'Consultation extended',
      }),
    ]);

  it('a revised date later than the target, with a reason, is fine', () => {
    expect(revised('2010-03-31', '2010-06-30')).toEqual([]);
  });

  it('a revised date not later than the target is a problem on the Revised target date', () => {
    for (const revisedTo of ['2010-03-31', '2010-01-31']) {
      expect(revised('2010-03-31', revisedTo)).toEqual([
        expect.objectContaining({
          column: 'Revised target date',
          message: expect.stringMatching(
            /^Revised target date should be later than the Target date \(.*31 March 2010\)\.$/,
          ),
        }),
      ]);
    }
  });

  it('a revised date without a reason is a problem on the Revision reason', () => {
    const problems = check([
      action({
        Code: 'CEA1',
        'Target date': londonMidnight('2010-03-31'),
        'Revised target date': londonMidnight('2010-06-30'),
      }),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        column: 'Revision reason',
        message: 'A Revised target date needs a Revision reason.',
      }),
    ]);
  });
});

describe('groupProblems', () => {
  const p = (sheet: string, row: number, column: string, message: string) => ({
    sheet,
    row,
    code: row ? `C${row}` : '',
    column,
    message,
  });

  it('groups by sheet, then row, keeping each row’s messages together', () => {
    const groups = groupProblems(
      [
        p('Actions', 2, 'Lead', 'a'),
        p('Actions', 2, 'Status', 'b'),
        p('Actions', 5, 'Code', 'c'),
        p('People', 0, '', 'd'),
      ],
      100,
    );
    expect(groups).toEqual([
      {
        sheet: 'Actions',
        count: 3,
        rows: [
          {
            row: 2,
            code: 'C2',
            items: [
              { column: 'Lead', message: 'a' },
              { column: 'Status', message: 'b' },
            ],
          },
          { row: 5, code: 'C5', items: [{ column: 'Code', message: 'c' }] },
        ],
      },
      { sheet: 'People', count: 1, rows: [{ row: 0, code: '', items: [{ column: '', message: 'd' }] }] },
    ]);
  });

  it('lists at most `limit` problems but counts them all', () => {
    const many = Array.from({ length: 10 }, (_, i) => p('Actions', i + 2, 'Lead', `m${i}`));
    const [group] = groupProblems(many, 4);
    expect(group.count).toBe(10);
    expect(group.rows.flatMap((r) => r.items)).toHaveLength(4);
  });
});
