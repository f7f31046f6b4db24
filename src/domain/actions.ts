// The Actions sheet: its columns (DESIGN 2.2) and each row parsed into an action with its own problems.
import { codeStem, parseCode } from './codes';
import { formatLongDate, type IsoDate, isIsoDate, isoDateInZone } from './dates';
import type { Lists } from './lists';
import { STATUS } from './lists';
import type { PeopleDirectory } from './people';
import { splitLeads } from './people';
import type { Problem } from './problems';
import { type ColumnMap, isBlankRow, mapColumns, normaliseHeader } from './schema';
import { looksLikeDate, parseExactDate, parseTimescale } from './timescale';
import { isDate } from './values';

export const ACTIONS_SHEET = 'Actions';

export const ACTION_COLUMNS = {
  headers: {
    code: 'Code',
    theme: 'Theme',
    category: 'Category',
    source: 'Source',
    reference: 'Reference',
    action: 'Action',
    timescale: 'Timescale',
    targetDate: 'Target date',
    revisedTargetDate: 'Revised target date',
    revisionReason: 'Revision reason',
    lead: 'Lead',
    evidence: 'Evidence of improvement',
    monitoring: 'Monitoring',
    status: 'Status',
    progress: 'Progress',
    latestUpdate: 'Latest update',
    lastUpdated: 'Last updated',
    updatedBy: 'Updated by',
    rag: 'RAG',
  },
  required: ['code', 'theme', 'category', 'action', 'lead', 'status'],
} as const;

export type ActionKey = keyof typeof ACTION_COLUMNS.headers;

/** Longest text a cell should hold before reports and emails must shorten it (Sheets' own cap is 50,000). */
export const MAX_TEXT_LENGTH: Partial<Record<ActionKey, number>> = {
  code: 20,
  theme: 200,
  category: 100,
  reference: 500,
  action: 2000,
  timescale: 500,
  revisionReason: 2000,
  lead: 500,
  evidence: 5000,
  monitoring: 5000,
  latestUpdate: 10000,
};

export interface Action {
  /** The sheet's row number (header = 1); used to point people at the row, never to find it again. */
  row: number;
  code: string;
  theme: string;
  category: string;
  source: string;
  reference: string;
  action: string;
  timescale: string;
  targetDate?: IsoDate;
  revisedTargetDate?: IsoDate;
  revisionReason: string;
  /** Lead names as written, split. */
  leads: string[];
  evidence: string;
  monitoring: string;
  status: string;
  progress?: number;
  latestUpdate: string;
  lastUpdated?: IsoDate;
  updatedBy: string;
  /** Revised target date, else Target date, else the date the timescale gives (DESIGN 2.3). */
  effectiveTargetDate?: IsoDate;
  /** The timescale names a recurring commitment (Ongoing, Annual …). */
  recurring: boolean;
  complete: boolean;
  deferred: boolean;
  cancelled: boolean;
  /** Status is one the rules can use; without it the row gets no RAG. */
  statusKnown: boolean;
}

export interface ParsedActions {
  columns: ColumnMap<ActionKey>;
  /** Errors that stop every job on the sheet (a required header missing or doubled). */
  errors: string[];
  actions: Action[];
  problems: Problem[];
}

export interface ActionContext {
  lists: Lists;
  people: PeopleDirectory;
  timeZone: string;
}

export function parseActions(
  rows: readonly (readonly unknown[])[] | undefined,
  ctx: ActionContext,
): ParsedActions {
  const columns = mapColumns(ACTIONS_SHEET, rows?.[0] ?? [], ACTION_COLUMNS);
  if (!rows || rows.length === 0) {
    return {
      columns,
      errors: [`The ${ACTIONS_SHEET} sheet is missing or has no header row.`],
      actions: [],
      problems: [],
    };
  }
  if (columns.errors.length) return { columns, errors: columns.errors, actions: [], problems: [] };
  const actions: Action[] = [];
  const problems: Problem[] = [];
  // A row is blank when staff left it empty; the columns only the script writes do not make it an action.
  const scriptWritten = (['rag', 'lastUpdated', 'updatedBy'] as const).flatMap((k) => columns.index[k] ?? []);
  rows.slice(1).forEach((row, i) => {
    if (isBlankRow(row, scriptWritten)) return;
    const parsed = parseActionRow(row, i + 2, columns, ctx);
    actions.push(parsed.action);
    problems.push(...parsed.problems);
  });
  problems.push(...duplicateCodeProblems(actions));
  return { columns, errors: [], actions, problems };
}

function parseActionRow(
  row: readonly unknown[],
  rowNumber: number,
  columns: ColumnMap<ActionKey>,
  ctx: ActionContext,
): { action: Action; problems: Problem[] } {
  const text = (k: ActionKey) => columns.text(row, k);
  const code = text('code').toUpperCase();
  const problems: Problem[] = [];
  const problem = (key: ActionKey | undefined, message: string) =>
    problems.push({
      sheet: ACTIONS_SHEET,
      row: rowNumber,
      code,
      ...(key ? { column: ACTION_COLUMNS.headers[key] } : {}),
      message,
    });

  for (const key of ACTION_COLUMNS.required) {
    if (key !== 'code' && text(key) === '') problem(key, `${ACTION_COLUMNS.headers[key]} is missing.`);
  }
  if (code === '') problem('code', 'No code yet: choose Improvement Plan › Assign codes to new actions.');
  for (const [key, max] of Object.entries(MAX_TEXT_LENGTH) as [ActionKey, number][]) {
    const length = text(key).length;
    if (length > max) {
      problem(
        key,
        `${ACTION_COLUMNS.headers[key]} is ${length.toLocaleString('en-GB')} characters long; keep it under ${max.toLocaleString('en-GB')} (reports and emails shorten it).`,
      );
    }
  }

  const theme = ctx.lists.themes.find((t) => same(t.name, text('theme')));
  if (text('theme') && !theme) problem('theme', `Theme "${text('theme')}" is not in Lists › Themes.`);
  const category = ctx.lists.categories.find(
    (c) =>
      same(c.letter, text('category')) ||
      same(c.name, text('category')) ||
      same(`${c.letter} - ${c.name}`, text('category')),
  );
  if (text('category') && !category)
    problem('category', `Category "${text('category')}" is not in Lists › Categories.`);
  const status = ctx.lists.statuses.find((s) => same(s, text('status')));
  if (text('status') && !status) problem('status', `Status "${text('status')}" is not in Lists › Statuses.`);

  if (code && theme && category) {
    const parsed = parseCode(code);
    const stem = codeStem(theme.prefix, category.letter);
    if (!parsed || parsed.stem !== stem) {
      problem(
        'code',
        `Code ${code} does not match theme ${theme.name} (${theme.prefix}) and category ${category.letter}; codes on this row start ${stem}.`,
      );
    }
  } else if (code && !parseCode(code)) {
    problem('code', `Code ${code} is not a theme prefix, a category letter and a number (for example CEA1).`);
  }

  const leadRaw = columns.raw(row, 'lead');
  const leads = typeof leadRaw === 'number' ? [] : splitLeads(text('lead'), ctx.people);
  if (typeof leadRaw === 'number')
    problem('lead', `Lead is the number ${leadRaw}; enter a name from People.`);
  for (const name of leads) {
    if (!ctx.people.find(name))
      problem('lead', `Lead "${name}" is not in People; add them there or correct the name.`);
  }
  if (typeof leadRaw !== 'number' && text('lead') !== '' && leads.length === 0) {
    problem('lead', `Lead "${text('lead')}" holds no name; enter names from People.`);
  }

  const date = (key: ActionKey) =>
    readDate(columns.raw(row, key), ACTION_COLUMNS.headers[key], ctx.timeZone, (m) => problem(key, m));
  const targetDate = date('targetDate');
  const revisedTargetDate = date('revisedTargetDate');
  const lastUpdated = date('lastUpdated');
  if (revisedTargetDate && !text('revisionReason'))
    problem('revisionReason', 'A Revised target date needs a Revision reason.');
  if (revisedTargetDate && !targetDate && columns.index.targetDate !== undefined) {
    problem('targetDate', 'A Revised target date needs the original Target date beside it.');
  }
  // A revision moves the date later (DESIGN 2.3's effective date still uses it, so RAG follows what was entered).
  if (revisedTargetDate && targetDate && revisedTargetDate <= targetDate) {
    problem(
      'revisedTargetDate',
      `Revised target date should be later than the Target date (${formatLongDate(revisedTargetDate)} is not after ${formatLongDate(targetDate)}).`,
    );
  }

  // A day typed into Timescale ("31/03/2010") arrives as a Date cell: it is that day.
  const timescaleRaw = columns.raw(row, 'timescale');
  const timescaleDate = isDate(timescaleRaw) ? date('timescale') : undefined;
  const timescale: ReturnType<typeof parseTimescale> = timescaleDate
    ? { kind: 'date', date: timescaleDate }
    : parseTimescale(isDate(timescaleRaw) ? '' : text('timescale'));
  const complete = same(status ?? '', STATUS.complete) || timescale.kind === 'complete';
  const cancelled = same(status ?? '', STATUS.cancelled);
  const deferred = same(status ?? '', STATUS.deferred);
  const settled = complete || cancelled || deferred;
  const effectiveTargetDate =
    revisedTargetDate ?? targetDate ?? (timescale.kind === 'date' ? timescale.date : undefined);
  const dateCellFilled = text('targetDate') !== '' || text('revisedTargetDate') !== '';
  if (!dateCellFilled && !settled) {
    if (timescale.kind === 'unknown')
      problem('timescale', `Timescale "${text('timescale')}" not understood — enter a Target date.`);
    if (timescale.kind === 'blank')
      problem('timescale', 'No Timescale or Target date — enter a Target date, or "Ongoing".');
  }

  const progress = readProgress(columns.raw(row, 'progress'), (m) => problem('progress', m));

  return {
    action: {
      row: rowNumber,
      code,
      theme: theme?.name ?? text('theme'),
      category: category?.letter ?? text('category'),
      source: text('source'),
      reference: text('reference'),
      action: text('action'),
      timescale: timescaleDate ?? text('timescale'),
      targetDate,
      revisedTargetDate,
      revisionReason: text('revisionReason'),
      leads,
      evidence: text('evidence'),
      monitoring: text('monitoring'),
      status: status ?? text('status'),
      progress,
      latestUpdate: text('latestUpdate'),
      lastUpdated,
      updatedBy: text('updatedBy'),
      effectiveTargetDate,
      recurring: timescale.kind === 'recurring',
      complete,
      deferred,
      cancelled,
      statusKnown: !!status,
    },
    problems,
  };
}

/** A date cell: a real date, or text that is one (day first); anything else is a problem and no date. */
function readDate(
  value: unknown,
  header: string,
  timeZone: string,
  problem: (m: string) => void,
): IsoDate | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return void problem(`${header} is not a valid date.`);
    const iso = isoDateInZone(value, timeZone);
    // Sheets shows a time typed alone as 30/12/1899, and a mistyped year ("31/03/201") as year 201.
    if (iso === '1899-12-30') return void problem(`${header} holds a time of day, not a date.`);
    if (!isIsoDate(iso))
      return void problem(`${header} ${iso} is outside the years 1900–2999; check the year.`);
    return iso;
  }
  if (typeof value === 'number')
    return void problem(`${header} holds the number ${value}, not a date; enter a date such as 31/03/2010.`);
  const text = String(value).trim();
  if (text === '') return undefined;
  const date = parseExactDate(text);
  if (date) return date;
  if (looksLikeDate(text)) return void problem(`${header} "${text}" is not a real date.`);
  return void problem(
    `${header} holds the text "${shorten(text, 40)}", not a date; enter a date such as 31/03/2010.`,
  );
}

function readProgress(value: unknown, problem: (m: string) => void): number | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(String(value).trim().replace(/%$/, ''));
  if (typeof value === 'boolean' || Number.isNaN(n))
    return void problem(`Progress "${String(value)}" is not a number from 0 to 100.`);
  if (n < 0 || n > 100) return void problem(`Progress ${n} is outside 0–100.`);
  return n;
}

function duplicateCodeProblems(actions: Action[]): Problem[] {
  // CEA01 and CEA1 are the same code to a reader, so they clash too.
  const key = (code: string) => {
    const parsed = parseCode(code);
    return parsed ? `${parsed.stem}${parsed.number}` : code;
  };
  const rowsByCode = new Map<string, number[]>();
  for (const a of actions)
    if (a.code) rowsByCode.set(key(a.code), [...(rowsByCode.get(key(a.code)) ?? []), a.row]);
  const problems: Problem[] = [];
  for (const [code, rows] of rowsByCode) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      const others = rows.filter((r) => r !== row).join(', ');
      problems.push({
        sheet: ACTIONS_SHEET,
        row,
        code,
        column: 'Code',
        message: `Code ${code} is also used on row ${others}; codes must be unique.`,
      });
    }
  }
  return problems;
}

function same(a: string, b: string): boolean {
  return normaliseHeader(a) === normaliseHeader(b);
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
