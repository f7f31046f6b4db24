// Actions rows parsed into actions with per-row problems; bad cells never throw (DESIGN 2.2, 2.7).
import { readPlan } from '../../src/domain/plan';
import {
  ACTION_HEADERS,
  PEOPLE,
  PEOPLE_HEADERS,
  action,
  londonMidnight,
  planValues,
  sheet,
} from '../builders/plan';

const TZ = 'Europe/London';
const TODAY = '2010-03-10';

function plan(rows: Record<string, unknown>[], opts: Parameters<typeof planValues>[1] = {}) {
  return readPlan(planValues(rows, opts), TZ, TODAY);
}
function messages(p: ReturnType<typeof plan>, row?: number): string[] {
  return p.problems.filter((x) => row === undefined || x.row === row).map((x) => x.message);
}

describe('columns by header', () => {
  it('finds columns in any order, case- and space-insensitively, and keeps extra columns out of the way', () => {
    const headers = ['  status ', 'LEAD', 'Council notes', 'action', 'Category', 'theme', 'code'];
    const values = sheet(headers, [
      {
        '  status ': 'In progress',
        LEAD: 'Robert Hardy',
        'Council notes': 'x',
        action: 'Do it',
        Category: 'A',
        theme: 'Community engagement',
        code: 'CEA1',
      },
    ]);
    const p = readPlan({ actions: values, people: sheet(PEOPLE_HEADERS, PEOPLE) }, TZ, TODAY);
    expect(p.errors).toEqual([]);
    expect(p.actions[0]).toMatchObject({
      code: 'CEA1',
      status: 'In progress',
      leads: ['Robert Hardy'],
      action: 'Do it',
    });
    expect(p.columns.index.status).toBe(0);
  });

  it('stops on a missing required header, naming it', () => {
    const headers = ACTION_HEADERS.filter((h) => h !== 'Lead');
    const p = readPlan({ actions: sheet(headers, []) }, TZ, TODAY);
    expect(p.errors).toEqual(['Actions: the required column "Lead" is missing from the header row.']);
    expect(p.actions).toEqual([]);
  });

  it('stops on a header that appears twice, naming it and its columns', () => {
    const p = readPlan({ actions: [[...ACTION_HEADERS, 'status']] }, TZ, TODAY);
    expect(p.errors[0]).toMatch(/"Status" appears 2 times \(columns N, T\)/);
  });

  it('says so when the Actions sheet is missing', () => {
    expect(readPlan({}, TZ, TODAY).errors[0]).toMatch(/Actions sheet is missing/);
  });
});

describe('row problems', () => {
  it('a clean row has no problems and skips blank rows', () => {
    const p = plan([action({ Code: 'CEA1' }), {}, action({ Code: 'CEA2' })]);
    expect(p.problems).toEqual([]);
    expect(p.actions.map((a) => a.row)).toEqual([2, 4]);
  });

  it('reports each missing required value', () => {
    const p = plan([action({ Theme: '', Lead: '', Action: '' })]);
    expect(messages(p, 2)).toEqual(
      expect.arrayContaining(['Theme is missing.', 'Lead is missing.', 'Action is missing.']),
    );
  });

  it('a row without a code is told to use the menu', () => {
    expect(messages(plan([action({ Code: '' })]))).toEqual([
      'No code yet: choose Improvement Plan › Assign codes to new actions.',
    ]);
  });

  it('unknown theme, category and status', () => {
    const p = plan([action({ Code: 'XXA1', Theme: 'Finance', Category: 'Z', Status: 'Nearly' })]);
    expect(messages(p)).toEqual(
      expect.arrayContaining([
        'Theme "Finance" is not in Lists › Themes.',
        'Category "Z" is not in Lists › Categories.',
        'Status "Nearly" is not in Lists › Statuses.',
      ]),
    );
    expect(p.actions[0].rag).toBeUndefined();
  });

  it('a code on the wrong theme (CEC3 on a Communications row)', () => {
    const p = plan([action({ Code: 'CEC3', Theme: 'Communications', Category: 'C' })]);
    expect(messages(p)).toEqual([
      'Code CEC3 does not match theme Communications (CM) and category C; codes on this row start CMC.',
    ]);
  });

  it('a code used twice is reported on both rows', () => {
    const p = plan([action({ Code: 'CEA1' }), action({ Code: 'CEA2' }), action({ Code: 'cea1' })]);
    expect(p.problems.map((x) => [x.row, x.message])).toEqual([
      [2, 'Code CEA1 is also used on row 4; codes must be unique.'],
      [4, 'Code CEA1 is also used on row 2; codes must be unique.'],
    ]);
  });

  it('category by letter or by name', () => {
    const p = plan([action({ Code: 'CEB1', Category: 'Improvement' })]);
    expect(p.problems).toEqual([]);
    expect(p.actions[0].category).toBe('B');
  });

  it('dates: a real date, text that is a date, an impossible date, words, a number', () => {
    const p = plan([
      action({ 'Target date': londonMidnight('2010-06-30') }),
      action({ 'Target date': '30/06/2010' }),
      action({ 'Target date': '31/02/2010' }),
      action({ 'Target date': 'next week' }),
      action({ 'Target date': 40000 }),
    ]);
    expect(p.actions.map((a) => a.targetDate)).toEqual([
      '2010-06-30',
      '2010-06-30',
      undefined,
      undefined,
      undefined,
    ]);
    expect(messages(p, 4)).toEqual(['Target date "31/02/2010" is not a real date.']);
    expect(messages(p, 5)).toEqual([
      'Target date holds the text "next week", not a date; enter a date such as 31/03/2010.',
    ]);
    expect(messages(p, 6)).toEqual([
      'Target date holds the number 40000, not a date; enter a date such as 31/03/2010.',
    ]);
  });

  it('a date cell is read as the day in the spreadsheet time zone (BST midnight is 23:00 UTC the day before)', () => {
    const p = plan([action({ 'Target date': new Date('2010-06-29T23:00:00Z') })]);
    expect(p.actions[0].targetDate).toBe('2010-06-30');
  });

  it('revised target date: wins over the target date, and needs a reason', () => {
    const p = plan([
      action({
        'Target date': '2010-01-31',
        'Revised target date': '2010-09-30',
        'Revision reason': 'Delayed by the audit',
      }),
      action({ 'Target date': '2010-01-31', 'Revised target date': '2010-09-30' }),
    ]);
    expect(p.actions[0].effectiveTargetDate).toBe('2010-09-30');
    expect(messages(p, 2)).toEqual([]);
    expect(messages(p, 3)).toEqual(['A Revised target date needs a Revision reason.']);
  });

  it('target date wins over the timescale; an unknown timescale with no date is a problem', () => {
    const p = plan([
      action({ Timescale: 'By the end of 2009/10', 'Target date': '2010-01-15' }),
      action({ Timescale: 'when we can' }),
      action({ Timescale: 'when we can', 'Target date': '2010-01-15' }),
      action({ Timescale: '' }),
    ]);
    expect(p.actions[0].effectiveTargetDate).toBe('2010-01-15');
    expect(messages(p, 3)).toEqual(['Timescale "when we can" not understood — enter a Target date.']);
    expect(messages(p, 4)).toEqual([]);
    expect(messages(p, 5)).toEqual(['No Timescale or Target date — enter a Target date, or "Ongoing".']);
  });

  it('progress must be 0–100', () => {
    const p = plan([
      action({ Progress: 150 }),
      action({ Progress: 'abc' }),
      action({ Progress: 40 }),
      action({ Progress: '' }),
    ]);
    expect(messages(p, 2)).toEqual(['Progress 150 is outside 0–100.']);
    expect(messages(p, 3)).toEqual(['Progress "abc" is not a number from 0 to 100.']);
    expect(p.actions.map((a) => a.progress)).toEqual([undefined, undefined, 40, undefined]);
  });

  it('leads: split on / , & and "and", each looked up in People; a number is not a lead', () => {
    const p = plan([
      action({ Lead: 'Managing Directors/ Robert Hardy' }),
      action({ Lead: 'Amanda Beer & Robert Hardy and Chief Executive' }),
      action({ Lead: 'Jane Smith' }),
      action({ Lead: 42 }),
    ]);
    expect(p.actions[0].leads).toEqual(['Managing Directors', 'Robert Hardy']);
    expect(p.actions[1].leads).toEqual(['Amanda Beer', 'Robert Hardy', 'Chief Executive']);
    expect(messages(p, 4)).toEqual([
      'Lead "Jane Smith" is not in People; add them there or correct the name.',
    ]);
    expect(messages(p, 5)).toEqual(['Lead is the number 42; enter a name from People.']);
  });

  it('text longer than a cell should hold', () => {
    const p = plan([action({ Action: 'x'.repeat(40000) })]);
    expect(messages(p)).toEqual([
      'Action is 40,000 characters long; keep it under 2,000 (reports and emails shorten it).',
    ]);
    expect(p.actions[0].action).toHaveLength(40000);
  });

  it('text with formula characters or markup is kept exactly as typed', () => {
    const p = plan([action({ Action: '=SUM(A1) <script>alert(1)</script>' })]);
    expect(p.actions[0].action).toBe('=SUM(A1) <script>alert(1)</script>');
    expect(p.problems).toEqual([]);
  });

  it('a day typed into Timescale arrives as a Date cell and is that day', () => {
    const p = plan([action({ Timescale: londonMidnight('2010-03-31') })]);
    expect(p.problems).toEqual([]);
    expect(p.actions[0]).toMatchObject({
      effectiveTargetDate: '2010-03-31',
      timescale: '2010-03-31',
      rag: 'Due soon',
    });
  });

  it('a time of day or an impossible year in a date cell is a problem, not a date', () => {
    const p = plan([
      action({ 'Target date': new Date('1899-12-30T12:00:00Z') }),
      action({ 'Last updated': new Date('0201-03-31T12:00:00Z') }),
    ]);
    expect(messages(p, 2)).toEqual(['Target date holds a time of day, not a date.']);
    expect(messages(p, 3)).toEqual([
      'Last updated 0201-03-31 is outside the years 1900–2999; check the year.',
    ]);
    expect(p.actions[1].lastUpdated).toBeUndefined();
  });

  it('an unreadable Target date is reported once, not also as a missing timescale', () => {
    expect(messages(plan([action({ Timescale: '', 'Target date': 'next week' })]))).toEqual([
      'Target date holds the text "next week", not a date; enter a date such as 31/03/2010.',
    ]);
  });

  it('a row holding only what the script writes (RAG, Last updated, Updated by) is blank', () => {
    const p = plan([action({ Code: 'CEA1' }), { RAG: 'Ongoing', 'Updated by': 'someone@example.org' }]);
    expect(p.actions.map((a) => a.code)).toEqual(['CEA1']);
    expect(p.problems).toEqual([]);
  });

  it('a Lead of separators alone holds no name', () => {
    expect(messages(plan([action({ Lead: ' / and ' })]))).toEqual([
      'Lead "/ and" holds no name; enter names from People.',
    ]);
  });

  it('CEA01 and CEA1 clash', () => {
    const p = plan([action({ Code: 'CEA01' }), action({ Code: 'CEA1' })]);
    expect(p.problems.map((x) => x.row)).toEqual([2, 3]);
  });

  it('never throws on odd cell types', () => {
    const odd = [null, undefined, true, 0, new Date('invalid'), {}, [], NaN];
    const rows = odd.map((v) => action({ 'Target date': v, Progress: v, Timescale: v, Lead: v }));
    expect(() => plan(rows)).not.toThrow();
  });
});
