// The Update progress sidebar's rules (issue 6): the fields an officer edits as a row holds them, the fingerprint
// that tells a save the row changed underneath, the checks a save must pass (Check the plan's own, through
// parseActions, then the form's), the cells a save writes, and the signed-in person's own actions, overdue first.
// Pure: the browser runs validateProgress too, so both sides give the same messages.
import type { FieldError, ProgressFields } from '../ui/sidebarTypes';
import { ACTION_COLUMNS, ACTIONS_SHEET, type ActionKey, parseActions } from './actions';
import { formatLongDate, type IsoDate, isIsoDate, isoDateInZone, midnightInZone } from './dates';
import type { Lists } from './lists';
import type { PeopleDirectory } from './people';
import type { AssessedAction, Plan } from './plan';
import type { Rag } from './rag';
import { cellText, type ColumnMap, columnLetter, mapColumns, normaliseHeader } from './schema';
import { parseExactDate, parseTimescale } from './timescale';
import { isDate } from './values';

/** The form's fields in the order it shows them (and so the order its errors are listed in). */
export const PROGRESS_KEYS = [
  'status',
  'progress',
  'latestUpdate',
  'revisedTargetDate',
  'revisionReason',
] as const satisfies readonly (keyof ProgressFields & ActionKey)[];

export type ProgressKey = (typeof PROGRESS_KEYS)[number];

const HEADERS = ACTION_COLUMNS.headers;

/** Blank fields, for a form with no action. */
export const NO_FIELDS: ProgressFields = {
  status: '',
  progress: '',
  latestUpdate: '',
  revisedTargetDate: '',
  revisionReason: '',
};

/**
 * Fields as a save compares and writes them: text (google.script.run may hand over anything), trimmed, with the
 * line ends a textarea or a cell may use made one.
 */
export function normaliseFields(input: unknown): ProgressFields {
  const source = (input ?? {}) as Record<string, unknown>;
  const text = (key: ProgressKey) => {
    const v = source[key];
    return v === null || v === undefined ? '' : String(v).replace(/\r\n?/g, '\n').trim();
  };
  // A date typed day first (a browser without a date picker) is the same day as the picker's yyyy-mm-dd.
  const revised = text('revisedTargetDate');
  return {
    status: text('status'),
    progress: text('progress'),
    latestUpdate: text('latestUpdate'),
    revisedTargetDate: parseExactDate(revised) ?? revised,
    revisionReason: text('revisionReason'),
  };
}

/** An Actions row's editable cells as the form shows them; a date as yyyy-mm-dd, as <input type="date"> takes it. */
export function fieldsOfRow(
  columns: ColumnMap<ActionKey>,
  row: readonly unknown[],
  timeZone: string,
): ProgressFields {
  const revised = columns.raw(row, 'revisedTargetDate');
  const progress = columns.raw(row, 'progress');
  return normaliseFields({
    status: columns.text(row, 'status'),
    progress: typeof progress === 'number' ? String(progress) : cellText(progress),
    latestUpdate: cellText(columns.raw(row, 'latestUpdate')),
    revisedTargetDate: dateFieldText(revised, timeZone),
    revisionReason: cellText(columns.raw(row, 'revisionReason')),
  });
}

/** A date cell as the form's date field: a real date as yyyy-mm-dd, text as it is (normaliseFields reads dates in it). */
function dateFieldText(value: unknown, timeZone: string): string {
  if (isDate(value)) return Number.isNaN(value.getTime()) ? '' : isoDateInZone(value, timeZone);
  return cellText(value);
}

/**
 * A fingerprint of the editable cells: a save carrying the fingerprint of what the form loaded is refused when the
 * sheet's differs, so nothing another person wrote in between is overwritten. (cyrb53: 53 bits, so two different
 * rows practically never share one; it is not a secret, only a version.)
 */
export function progressVersion(fields: ProgressFields): string {
  const f = normaliseFields(fields);
  return `v1-${cyrb53(JSON.stringify(PROGRESS_KEYS.map((k) => f[k]))).toString(36)}`;
}

function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The fields a save changes. A Status differing only in case or spacing is the same status (as Lists reads it), and
 * "50", "50.0" and "50%" are the same Progress, so neither is written or logged as a change.
 */
export function changedKeys(before: ProgressFields, after: ProgressFields): ProgressKey[] {
  const b = normaliseFields(before);
  const a = normaliseFields(after);
  return PROGRESS_KEYS.filter((key) => {
    if (key === 'status') return normaliseHeader(a.status) !== normaliseHeader(b.status);
    if (key === 'progress') {
      const x = progressNumber(a.progress);
      const y = progressNumber(b.progress);
      if (x !== undefined && y !== undefined) return x !== y;
    }
    return a[key] !== b[key];
  });
}

/** Progress typed as text: a number, with or without a trailing %, else undefined. */
function progressNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text.trim().replace(/%$/, ''));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The action's original target date, yyyy-mm-dd ('' when none): its Target date, else the date its Timescale
 * gives. A Revised target date must be later than it, and a revision of a timescale's date writes it into Target date
 * (see `progressCells`) so the plan keeps the original beside the revision, as Check the plan asks.
 */
export function originalTargetDate(action: { targetDate?: IsoDate; timescale: string }): IsoDate | '' {
  if (action.targetDate) return action.targetDate;
  const timescale = parseTimescale(action.timescale);
  return timescale.kind === 'date' ? timescale.date : '';
}

/** What a save is checked against. */
export interface ProgressCheck {
  /** The fields as the sheet holds them now (on the server) or as the form loaded them (in the browser). */
  before: ProgressFields;
  after: ProgressFields;
  /** Today in the spreadsheet's zone: a revised date may not be earlier. */
  today: IsoDate;
  /** Lists › Statuses. */
  statuses: readonly string[];
  /** originalTargetDate of the action ('' when none). */
  targetDate: string;
  /**
   * The server's view: the row itself under the sheet's header row, so the would-be row is the real one. The browser
   * leaves it out and the check builds a row of the fields alone; the messages are the same.
   */
  sheet?: {
    headerRow: readonly unknown[];
    row: readonly unknown[];
    timeZone: string;
    lists: Lists;
    people: PeopleDirectory;
  };
}

/** The form may move a Revised target date, never clear it. */
export const REVISION_KEPT_MESSAGE =
  'A revised target date can be moved, not removed: enter the new date and its reason.';

/** Nor clear the reason of a revision it keeps. */
export const REASON_KEPT_MESSAGE =
  'A Revision reason can be reworded, not removed: say why the target date moved.';

/** Which field each Check the plan column's problems belong to in the form. */
const FIELD_OF_HEADER = new Map<string, ProgressKey>([
  ...PROGRESS_KEYS.map((k): [string, ProgressKey] => [HEADERS[k], k]),
  // "A Revised target date needs the original Target date beside it": about the revised date the officer gave.
  [HEADERS.targetDate, 'revisedTargetDate'],
]);

/**
 * Why the save cannot go ahead, at most one message per field, in form order; [] when it can. The form's own rules:
 * Latest update when the Status changes, the revised date and its reason together, no revised date in the past,
 * Progress a whole number. Then Check the plan's rules on the row as it would be after the save (so the messages are
 * its own), reporting only on what the save changes: a problem the row had already in a field the officer left
 * alone is for Check the plan, not a reason to refuse their update.
 */
export function validateProgress(check: ProgressCheck): FieldError[] {
  const before = normaliseFields(check.before);
  const after = normaliseFields(check.after);
  const changed = new Set(changedKeys(before, after));
  const revising = changed.has('revisedTargetDate') || changed.has('revisionReason');
  const reported = new Set<ProgressKey>(
    PROGRESS_KEYS.filter(
      (k) => changed.has(k) || (revising && (k === 'revisedTargetDate' || k === 'revisionReason')),
    ),
  );
  // One message per field, the form's own first: it speaks of what the officer did ("earlier than today"), where
  // Check the plan's may say the same thing of the row ("not after the Target date").
  const errors: FieldError[] = [];
  const add = (field: ProgressKey, message: string) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, message });
  };

  if (changed.has('status')) {
    if (after.latestUpdate === '') {
      add('latestUpdate', 'Latest update is needed when the Status changes: say what has happened.');
    } else if (!changed.has('latestUpdate')) {
      add(
        'latestUpdate',
        'Latest update still holds the last update: when the Status changes, say what has happened.',
      );
    }
  }
  // A revision is part of the action's history (the committee sees the date moved, and why): the form moves it
  // and rewords its reason, but never takes it away.
  if (before.revisedTargetDate !== '' && after.revisedTargetDate === '') {
    add('revisedTargetDate', REVISION_KEPT_MESSAGE);
  } else if (revising && after.revisionReason !== '' && after.revisedTargetDate === '') {
    add('revisedTargetDate', 'A Revision reason needs a Revised target date.');
  }
  if (before.revisionReason !== '' && after.revisionReason === '' && after.revisedTargetDate !== '') {
    add('revisionReason', REASON_KEPT_MESSAGE);
  }
  if (changed.has('revisedTargetDate') && isIsoDate(after.revisedTargetDate)) {
    if (after.revisedTargetDate < check.today) {
      add(
        'revisedTargetDate',
        `Revised target date ${formatLongDate(after.revisedTargetDate)} is earlier than today ` +
          `(${formatLongDate(check.today)}): choose today or a later date.`,
      );
    }
  }
  if (changed.has('progress')) {
    const n = progressNumber(after.progress);
    if (n !== undefined && n >= 0 && n <= 100 && !Number.isInteger(n)) {
      add('progress', `Progress ${n} is not a whole number; enter a whole number from 0 to 100.`);
    }
  }
  for (const problem of wouldBeProblems(check, after, changed)) {
    const field = FIELD_OF_HEADER.get(problem.column ?? '');
    if (field && reported.has(field)) add(field, problem.message);
  }
  return errors.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
}

function fieldOrder(field: FieldError['field']): number {
  return field === '' ? -1 : PROGRESS_KEYS.indexOf(field);
}

/** Check the plan's problems for the row as the save would leave it. */
function wouldBeProblems(check: ProgressCheck, after: ProgressFields, changed: ReadonlySet<ProgressKey>) {
  const { sheet } = check;
  const headerRow = sheet ? [...sheet.headerRow] : Object.values(HEADERS);
  const columns = mapColumns(ACTIONS_SHEET, headerRow, ACTION_COLUMNS);
  const row = sheet ? [...sheet.row] : headerRow.map(() => '');
  while (row.length < headerRow.length) row.push('');
  const set = (key: ActionKey, value: unknown) => {
    const index = columns.index[key];
    if (index !== undefined) row[index] = value;
  };
  // Typed text reads as the cell it becomes (a yyyy-mm-dd revised date parses to the same day as the Date written).
  for (const key of PROGRESS_KEYS) if (!sheet || changed.has(key)) set(key, after[key]);
  if (!sheet) set('targetDate', check.targetDate);
  const fill = targetDateFill(columns, row, after, changed, check.targetDate);
  if (fill) set('targetDate', fill);
  return parseActions([headerRow, row], ctxOf(check)).problems;
}

function ctxOf(check: ProgressCheck) {
  if (check.sheet) {
    const { lists, people, timeZone } = check.sheet;
    return { lists, people, timeZone };
  }
  const lists: Lists = { themes: [], categories: [], statuses: [...check.statuses], sources: [] };
  const people: PeopleDirectory = { people: [], find: () => undefined };
  return { lists, people, timeZone: 'UTC' };
}

/**
 * The Target date a revision writes beside a revised date: the timescale's date, when the row has a Target date
 * column with nothing in it. Undefined when none is written.
 */
function targetDateFill(
  columns: ColumnMap<ActionKey>,
  row: readonly unknown[],
  after: ProgressFields,
  changed: ReadonlySet<ProgressKey>,
  original: string,
): IsoDate | undefined {
  if (!changed.has('revisedTargetDate') || after.revisedTargetDate === '' || !original) return undefined;
  if (columns.index.targetDate === undefined || columns.text(row, 'targetDate') !== '') return undefined;
  return original;
}

/** One cell a save writes, and how the Audit log describes the change. */
export interface ProgressCell {
  key: ActionKey;
  /** 0-based column. */
  column: number;
  header: string;
  /** The value for setValues: text behind an apostrophe (never a formula, never read as a number or date). */
  value: unknown;
  oldValue: string;
  newValue: string;
}

/**
 * The cells a valid save writes, in column order: each changed field (a Status in Lists' own spelling, Progress as a
 * number, dates as the day at midnight in the spreadsheet's zone), and the original Target date beside a first
 * revision of a timescale's date.
 */
export function progressCells(input: {
  columns: ColumnMap<ActionKey>;
  row: readonly unknown[];
  before: ProgressFields;
  after: ProgressFields;
  statuses: readonly string[];
  targetDate: string;
  timeZone: string;
}): ProgressCell[] {
  const { columns, row, timeZone } = input;
  const before = normaliseFields(input.before);
  const after = normaliseFields(input.after);
  const changed = new Set(changedKeys(before, after));
  const cells: ProgressCell[] = [];
  const add = (key: ActionKey, value: unknown, oldValue: string, newValue: string) => {
    const column = columns.index[key];
    if (column !== undefined) cells.push({ key, column, header: HEADERS[key], value, oldValue, newValue });
  };
  // Validation refuses anything but a real day; text left as it is keeps this total.
  const date = (text: string) => (isIsoDate(text) ? midnightInZone(text, timeZone) : asText(text));
  for (const key of PROGRESS_KEYS) {
    if (!changed.has(key)) continue;
    const text = after[key];
    if (key === 'status') {
      const status = input.statuses.find((s) => normaliseHeader(s) === normaliseHeader(text)) ?? text;
      add(key, asText(status), before.status, status);
    } else if (key === 'progress') {
      add(key, text === '' ? '' : (progressNumber(text) ?? text), before.progress, text);
    } else if (key === 'revisedTargetDate') {
      add(key, date(text), dayText(before.revisedTargetDate), dayText(text));
    } else {
      add(key, asText(text), before[key], text);
    }
  }
  const fill = targetDateFill(columns, row, after, changed, input.targetDate);
  if (fill) add('targetDate', date(fill), '', dayText(fill));
  return cells.sort((a, b) => a.column - b.column);
}

/** User text as a cell must hold it: behind the apostrophe Sheets reads as "this is text". */
function asText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

/** A date as the sheet shows it (dd/mm/yyyy), for the Audit log; other text as it is. */
function dayText(text: string): string {
  return isIsoDate(text) ? `${text.slice(8, 10)}/${text.slice(5, 7)}/${text.slice(0, 4)}` : text;
}

/** A1 notation of a cell (1-based row, 0-based column), as the Audit log names it. */
export function cellA1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** What changed between the form's loaded fields and the sheet's now, for the officer to read. */
export function differences(
  loaded: ProgressFields,
  now: ProgressFields,
): { header: string; was: string; now: string }[] {
  const a = normaliseFields(loaded);
  const b = normaliseFields(now);
  return PROGRESS_KEYS.filter((k) => a[k] !== b[k]).map((k) => ({
    header: HEADERS[k],
    was: a[k],
    now: b[k],
  }));
}

/** Most urgent first: what the officer should look at first comes first under Next. */
const RAG_ORDER: readonly (Rag | '')[] = [
  'Overdue',
  'Due soon',
  'On track',
  'Ongoing',
  '',
  'Deferred',
  'Complete',
];

/**
 * The signed-in person's own live actions: those whose Lead names a People row holding their address. Overdue first
 * (the longest overdue first), then due soon, on track, ongoing, deferred and complete; sheet order within each.
 * Actions without a code are left out (the sidebar finds an action by its code).
 */
export function ownActions(plan: Plan, email: string): AssessedAction[] {
  const me = email.trim().toLowerCase();
  if (!me) return [];
  const mine = plan.actions.filter(
    (a) =>
      !a.cancelled &&
      a.code !== '' &&
      a.leads.some((name) => plan.people.find(name)?.emails.some((e) => e.toLowerCase() === me)),
  );
  const rank = (a: AssessedAction) => RAG_ORDER.indexOf(a.rag ?? '');
  const date = (a: AssessedAction) => a.effectiveTargetDate ?? '9999-12-31';
  return mine.sort((a, b) => rank(a) - rank(b) || date(a).localeCompare(date(b)) || a.row - b.row);
}
