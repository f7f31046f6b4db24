// Builders for plan sheets: write a row as {Header: value}, get the 2-D values Sheets would hand a script.
import { ACTION_COLUMNS } from '../../src/domain/actions';
import { addDays } from '../../src/domain/dates';
import { type Plan, type PlanValues, readPlan } from '../../src/domain/plan';

export type Row = Record<string, unknown>;

/** Headers of a plan laid out as setup makes it (RAG last). */
export const ACTION_HEADERS: string[] = Object.values(ACTION_COLUMNS.headers);

/** A sheet's values: the header row, then each row's cells under their headers ('' where not given). */
export function sheet(headers: readonly string[], rows: readonly Row[]): unknown[][] {
  for (const row of rows) {
    for (const key of Object.keys(row))
      if (!headers.includes(key)) throw new Error(`builder: no header "${key}"`);
  }
  return [[...headers], ...rows.map((row) => headers.map((h) => (h in row ? row[h] : '')))];
}

let nextNumber = 1;

/** A valid, live, in-progress action unless told otherwise. */
export function action(overrides: Row = {}): Row {
  return {
    Code: `CEA${nextNumber++}`,
    Theme: 'Community engagement',
    Category: 'A',
    Action: 'Ensure consultation responses are recorded',
    Lead: 'Robert Hardy',
    Status: 'In progress',
    Timescale: 'Ongoing',
    ...overrides,
  };
}

export const PEOPLE_HEADERS = ['Name', 'Email', 'Role', 'Manager email'];

export const PEOPLE: Row[] = [
  {
    Name: 'Robert Hardy',
    Email: 'robert.hardy@example.org',
    Role: 'Director',
    'Manager email': 'chief.executive@example.org',
  },
  {
    Name: 'Amanda Beer',
    Email: 'amanda.beer@example.org',
    Role: 'Director',
    'Manager email': 'chief.executive@example.org',
  },
  { Name: 'Managing Directors', Email: 'md.one@example.org, md.two@example.org', Role: 'Director' },
  { Name: 'Chief Executive', Email: 'chief.executive@example.org', Role: 'Chief Executive' },
];

export function settingsSheet(settings: Record<string, unknown>): unknown[][] {
  return [['Setting', 'Value', 'Notes'], ...Object.entries(settings).map(([k, v]) => [k, v, ''])];
}

/** A whole plan's values: actions under the standard headers, the standard People, optional settings. */
export function planValues(
  actions: Row[],
  opts: { people?: Row[]; settings?: Record<string, unknown> } = {},
): PlanValues {
  return {
    actions: sheet(ACTION_HEADERS, actions),
    people: sheet(PEOPLE_HEADERS, opts.people ?? PEOPLE),
    settings: opts.settings ? settingsSheet(opts.settings) : undefined,
  };
}

/** Local midnight of a day in Europe/London, as Sheets hands a date cell to a script. */
export function londonMidnight(iso: string): Date {
  const utc = new Date(`${iso}T00:00:00Z`);
  const offsetHours = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' }).format(
      utc,
    ),
  );
  return new Date(utc.getTime() - offsetHours * 3_600_000);
}

/**
 * A Plan read from rows as a job reads it (the sheets' values through readPlan), in Europe/London on `today`
 * (default Wednesday 10 March 2010). Give date cells with londonMidnight, as Sheets would hand them over.
 */
export function planFrom(
  actions: Row[],
  opts: { people?: Row[]; settings?: Record<string, unknown>; today?: string } = {},
): Plan {
  return readPlan(planValues(actions, opts), 'Europe/London', opts.today ?? PLAN_TODAY);
}

/** The day planFrom reads plans on unless told otherwise: Wednesday 10 March 2010. */
export const PLAN_TODAY = '2010-03-10';

/** An action led by Head of Service 01, with no Timescale, updated on 1 March 2010 (so not stale) unless told otherwise. */
export function ledAction(code: string, overrides: Row = {}): Row {
  return action({
    Code: code,
    Action: `Action ${code}`,
    Lead: 'Head of Service 01',
    Timescale: '',
    'Last updated': londonMidnight('2010-03-01'),
    ...overrides,
  });
}

/** A date cell `days` after PLAN_TODAY (negative: before), as Sheets hands a London date over. */
export const daysFromToday = (days: number): Date => londonMidnight(addDays(PLAN_TODAY, days));
