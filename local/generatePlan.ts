// Deterministic plans of any size for the bench and the scale tests: the same N always gives the same plan.
import { ACTION_COLUMNS } from '../src/domain/actions';
import { addDays } from '../src/domain/dates';
import { layoutOf } from '../src/domain/layout';
import { DEFAULT_LISTS, LISTS_SHEET } from '../src/domain/lists';

export interface GeneratedPlan {
  actions: unknown[][];
  people: unknown[][];
  lists: unknown[][];
  settings: unknown[][];
}

/** Lead officers are role mailboxes ("Head of Service 07"), never invented people. */
export const GENERATED_LEADS = 40;

const STATUSES = [
  'In progress',
  'In progress',
  'In progress',
  'Not started',
  'Complete',
  'Deferred',
  'Cancelled',
];
const TIMESCALES = ['Ongoing', 'Annual', 'By the end of 2009/10', 'Q3 2010/11', 'By March 2011'];

/** A small, seeded pseudo-random generator (mulberry32), so plans are identical on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `today` anchors target dates so every RAG appears; dates are ISO text, read as dates when loaded. */
export function generatePlan(size: number, today: string): GeneratedPlan {
  const rand = random(size);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const headers = Object.values(ACTION_COLUMNS.headers);
  const numbers = new Map<string, number>();
  const leads = Array.from(
    { length: GENERATED_LEADS },
    (_, i) => `Head of Service ${String(i + 1).padStart(2, '0')}`,
  );
  const actions: unknown[][] = [headers];
  for (let i = 0; i < size; i++) {
    const theme = pick(DEFAULT_LISTS.themes);
    const category = pick(DEFAULT_LISTS.categories);
    const stem = `${theme.prefix}${category.letter}`;
    const n = (numbers.get(stem) ?? 0) + 1;
    numbers.set(stem, n);
    const dated = rand() < 0.6;
    const row: Record<string, unknown> = {
      // One row in twenty is new (no code yet), so the bench's "codes" job has real work at every size.
      Code: i % 20 === 19 ? '' : `${stem}${n}`,
      Theme: theme.name,
      Category: category.letter,
      Source: pick(DEFAULT_LISTS.sources),
      Reference: `Para ${1 + Math.floor(rand() * 120)}`,
      Action: `Improve how the council handles area ${i + 1} so that residents see the difference`,
      Timescale: dated ? '' : pick(TIMESCALES),
      'Target date': dated ? addDays(today, Math.floor(rand() * 240) - 90) : '',
      Lead: rand() < 0.2 ? `${pick(leads)} / ${pick(leads)}` : pick(leads),
      'Evidence of improvement': '- Evidence gathered and reported to the committee',
      Monitoring: '- Six-monthly report',
      Status: pick(STATUSES),
      Progress: Math.floor(rand() * 11) * 10,
      'Latest update': rand() < 0.7 ? 'Work continues as planned.' : '',
      'Last updated': rand() < 0.7 ? addDays(today, -Math.floor(rand() * 150)) : '',
    };
    actions.push(headers.map((h) => row[h] ?? ''));
  }
  const people: unknown[][] = [
    ['Name', 'Email', 'Role', 'Manager email'],
    ...leads.map((name, i) => [
      name,
      `head.service${String(i + 1).padStart(2, '0')}@example.org`,
      'Head of Service',
      'chief.executive@example.org',
    ]),
    ['Chief Executive', 'chief.executive@example.org', 'Chief Executive', ''],
  ];
  // The Lists sheet exactly as setup would make it on a new spreadsheet.
  const lists: unknown[][] = [layoutOf(LISTS_SHEET).headers, ...layoutOf(LISTS_SHEET).defaults];
  const settings: unknown[][] = [
    ['Setting', 'Value', 'Notes'],
    ['Organisation name', 'Example Council', ''],
    ['Allowed email domains', 'example.org', ''],
    ['Administrator email', 'plan.admin@example.org', ''],
  ];
  return { actions, people, lists, settings };
}
