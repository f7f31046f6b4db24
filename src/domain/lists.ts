// The Lists sheet: themes with their code prefixes, categories, statuses and sources (defaults from DESIGN 2.2).
import type { Problem } from './problems';
import { mapColumns, normaliseHeader } from './schema';

export interface Theme {
  name: string;
  prefix: string;
}
export interface Category {
  letter: string;
  name: string;
  meaning: string;
}
export interface Lists {
  themes: Theme[];
  categories: Category[];
  statuses: string[];
  sources: string[];
}

export const LISTS_SHEET = 'Lists';

export const LISTS_COLUMNS = {
  headers: {
    theme: 'Theme',
    prefix: 'Prefix',
    categoryLetter: 'Category letter',
    categoryName: 'Category name',
    categoryMeaning: 'Category meaning',
    status: 'Status',
    source: 'Source',
  },
  required: [],
};

/** The statuses whose meaning the rules depend on (DESIGN 2.2); Lists may add others, which count as live. */
export const STATUS = {
  notStarted: 'Not started',
  inProgress: 'In progress',
  complete: 'Complete',
  deferred: 'Deferred',
  cancelled: 'Cancelled',
} as const;

export const DEFAULT_LISTS: Lists = {
  themes: [
    { name: 'Community engagement', prefix: 'CE' },
    { name: 'Communications', prefix: 'CM' },
    { name: 'Relationship management', prefix: 'RM' },
    { name: 'Member roles', prefix: 'MM' },
    { name: 'Workforce development', prefix: 'WD' },
    { name: 'Corporate practice/processes', prefix: 'CP' },
    { name: 'Outcomes', prefix: 'OC' },
  ],
  categories: [
    {
      letter: 'A',
      name: 'Monitoring',
      meaning: 'Work currently being done where the changes suggested affect how the work is monitored',
    },
    {
      letter: 'B',
      name: 'Improvement',
      meaning: 'Work currently being done that needs improving to be more effective',
    },
    {
      letter: 'C',
      name: 'New',
      meaning: 'Work that isn’t currently being done, that we may choose not to do',
    },
    {
      letter: 'D',
      name: 'In hand',
      meaning: 'Work that is already underway or has been completed since the assessment took place',
    },
  ],
  statuses: Object.values(STATUS),
  sources: [
    'CPA Corporate Assessment',
    'Use of Resources',
    'Direction of Travel',
    'Annual Governance Report',
    'Place Survey',
    'Peer review',
    'Internal',
  ],
};

/**
 * Reads the Lists sheet. A list whose column is absent or empty falls back to its default, so a new spreadsheet
 * works before an administrator has filled Lists in; half-filled rows are problems.
 */
export function parseLists(rows: readonly (readonly unknown[])[] | undefined): {
  lists: Lists;
  problems: Problem[];
} {
  if (!rows || rows.length === 0) return { lists: DEFAULT_LISTS, problems: [] };
  const { errors, text: col } = mapColumns(LISTS_SHEET, rows[0], LISTS_COLUMNS);
  const problems: Problem[] = errors.map((message) => ({ sheet: LISTS_SHEET, row: 1, code: '', message }));
  const themes: Theme[] = [];
  const categories: Category[] = [];
  const statuses: string[] = [];
  const sources: string[] = [];
  rows.slice(1).forEach((row, i) => {
    const rowNumber = i + 2;
    const problem = (message: string) =>
      problems.push({ sheet: LISTS_SHEET, row: rowNumber, code: '', message });
    const theme = col(row, 'theme');
    const prefix = col(row, 'prefix').toUpperCase();
    if (theme || prefix) {
      if (!theme) problem(`Prefix ${prefix} has no theme name.`);
      else if (!/^[A-Z]{1,4}$/.test(prefix))
        problem(`Theme "${theme}" needs a prefix of 1–4 capital letters (for example CE).`);
      else themes.push({ name: theme, prefix });
    }
    const letter = col(row, 'categoryLetter').toUpperCase();
    const catName = col(row, 'categoryName');
    if (letter || catName) {
      if (!/^[A-Z]$/.test(letter))
        problem(`Category "${catName}" needs a single capital letter (for example A).`);
      else categories.push({ letter, name: catName || letter, meaning: col(row, 'categoryMeaning') });
    }
    if (col(row, 'status')) statuses.push(col(row, 'status'));
    if (col(row, 'source')) sources.push(col(row, 'source'));
  });
  duplicates(themes.map((t) => t.name)).forEach((n) =>
    problems.push({ sheet: LISTS_SHEET, row: 0, code: '', message: `Theme "${n}" is listed twice.` }),
  );
  duplicates(themes.map((t) => t.prefix)).forEach((p) =>
    problems.push({
      sheet: LISTS_SHEET,
      row: 0,
      code: '',
      message: `Prefix ${p} is used by two themes; codes would clash.`,
    }),
  );
  duplicates(categories.map((c) => c.letter)).forEach((l) =>
    problems.push({ sheet: LISTS_SHEET, row: 0, code: '', message: `Category letter ${l} is listed twice.` }),
  );
  const missingStatuses = statuses.length
    ? Object.values(STATUS).filter((s) => !statuses.some((x) => normaliseHeader(x) === normaliseHeader(s)))
    : [];
  missingStatuses.forEach((s) =>
    problems.push({
      sheet: LISTS_SHEET,
      row: 0,
      code: '',
      message: `The status "${s}" is missing from Lists; the plan's rules need it.`,
    }),
  );
  return {
    lists: {
      themes: themes.length ? themes : DEFAULT_LISTS.themes,
      categories: categories.length ? categories : DEFAULT_LISTS.categories,
      statuses: statuses.length ? [...statuses, ...missingStatuses] : DEFAULT_LISTS.statuses,
      sources: sources.length ? sources : DEFAULT_LISTS.sources,
    },
    problems,
  };
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    const k = normaliseHeader(v);
    if (seen.has(k)) dup.add(v);
    seen.add(k);
  }
  return [...dup];
}
