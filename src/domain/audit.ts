// The audit trail's rules (issue 3 items 6–7): who made an edit, which cells it changed and what the Audit log says
// about each, which Actions rows get Last updated / Updated by, whose RAG is worked out again, and when to warn
// that a Target date was changed.
import { ACTION_COLUMNS, ACTIONS_SHEET, type ActionKey } from './actions';
import { addDays, type IsoDate } from './dates';
import { SHEET_LAYOUTS } from './layout';
import { type PlanValues, readPlan } from './plan';
import { cellText, type ColumnMap, columnLetter, isBlankRow, mapColumns } from './schema';
import { isDate } from './values';

/** What the Audit log says was there before, for a paste or a clear (Sheets gives no old values for those). */
export const MULTI_CELL_OLD_VALUE = 'n/a (multi-cell)';
/** For a one-cell change whose event carried neither value (Sheets does this for some pastes). */
export const OLD_VALUE_NOT_GIVEN = 'n/a (not given by Sheets)';
/** The Header of a change to a sheet's header row itself. */
export const HEADER_ROW_LABEL = '(header row)';

export const TARGET_DATE_REVISION_MESSAGE =
  'Target date changed — the plan keeps the original: put the new date in Revised target date with a Revision reason.';

/**
 * One edit lists at most this many cells one by one; the rest of a bigger paste or clear (a whole column deleted)
 * is one summary row. 5,000 rows is one setValues of 40,000 cells: quick, and far from Sheets' cell limit.
 */
export const MAX_AUDIT_ROWS_PER_EDIT = 5_000;

/** A change to one of these makes the row's Last updated and Updated by be stamped. */
export const STAMPING_KEYS: readonly ActionKey[] = ['status', 'progress', 'latestUpdate'];
/** A change to one of these changes the row's RAG (DESIGN 2.3, 2.4). */
export const RAG_KEYS: readonly ActionKey[] = ['status', 'timescale', 'targetDate', 'revisedTargetDate'];
/** Date columns, whose old value Sheets may hand over as a day count ("40268") rather than as shown. */
const DATE_KEYS: readonly ActionKey[] = ['targetDate', 'revisedTargetDate', 'lastUpdated'];
/** Columns only the script writes: a row holding nothing else is blank. */
const SCRIPT_KEYS: readonly ActionKey[] = ['rag', 'lastUpdated', 'updatedBy'];

/** Sheets the script alone writes (the logs, Snapshots, Archive, Dashboard): edits there are not logged. */
export function isUnloggedSheet(name: string): boolean {
  return SHEET_LAYOUTS.some((l) => l.scriptOnly && l.name === name);
}

/**
 * Who made the edit: the event's email, else the session's; when Google withholds both, "unknown" with the
 * temporary key that tells one withheld editor from another. Never the trigger's owner, who runs the code.
 */
export function editorOf(
  eventEmail: string | undefined,
  sessionEmail: string,
  temporaryKey: () => string,
): string {
  const email = (eventEmail ?? '').trim() || sessionEmail.trim();
  return email || `unknown (${temporaryKey()})`;
}

/** The edited range, 1-based as Sheets numbers it. */
export interface EditedRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** What the handler read after the edit, and what the event said. */
export interface EditInput {
  sheet: string;
  range: EditedRange;
  /** Row 1 of the sheet after the edit, at least as wide as the edited range. */
  headerRow: readonly unknown[];
  /** Each edited cell as it now shows. */
  display: readonly (readonly string[])[];
  /** Each edited cell's formula ('' where none): a formula is logged as its text, never as its result. */
  formulas: readonly (readonly string[])[];
  /** The event's value and oldValue: Sheets gives them for a one-cell edit only. */
  value?: unknown;
  oldValue?: unknown;
  /** Actions only: the touched data rows after the edit, whole, starting at sheet row `rowsFrom`. */
  rows?: readonly (readonly unknown[])[];
  rowsFrom?: number;
}

/** One Audit log row, less the time and the editor, which are the same for every row of an edit. */
export interface AuditLine {
  sheet: string;
  cell: string;
  code: string;
  header: string;
  oldValue: string;
  newValue: string;
}

export interface EditDecision {
  lines: AuditLine[];
  /** Actions rows whose Last updated and Updated by are stamped, ascending. */
  stampRows: number[];
  /** Actions rows whose RAG is worked out again (every touched data row), ascending; empty when none is needed. */
  ragRows: number[];
  /** A one-cell change of an existing Target date to another date: the person is told where the new date goes. */
  targetDateRevised: boolean;
  /** The Actions columns found by header (undefined off Actions). */
  columns?: ColumnMap<ActionKey>;
}

const NOTHING: EditDecision = { lines: [], stampRows: [], ragRows: [], targetDateRevised: false };

/** Decides everything an edit leads to; pure, so every case is tested without a spreadsheet. */
export function decideEdit(input: EditInput): EditDecision {
  if (isUnloggedSheet(input.sheet)) return NOTHING;
  const { range } = input;
  const single = range.numRows === 1 && range.numColumns === 1;
  const onActions = input.sheet === ACTIONS_SHEET;
  const columns = onActions ? mapColumns(ACTIONS_SHEET, input.headerRow, ACTION_COLUMNS) : undefined;
  const keyAt = new Map<number, ActionKey>(
    columns
      ? (Object.entries(columns.index) as [ActionKey, number][]).map(([key, index]) => [index, key])
      : [],
  );
  const rowAt = (sheetRow: number): readonly unknown[] =>
    input.rows?.[sheetRow - (input.rowsFrom ?? 2)] ?? [];
  const codeOf = (sheetRow: number) =>
    columns && sheetRow >= 2 ? columns.text(rowAt(sheetRow), 'code') : '';
  const newText = (i: number, j: number) => input.formulas[i]?.[j] || (input.display[i]?.[j] ?? '');

  let oldSingle = MULTI_CELL_OLD_VALUE;
  if (single) {
    const key = keyAt.get(range.column - 1);
    oldSingle = oldValueText(input.value, input.oldValue, !!key && DATE_KEYS.includes(key));
    // Retyping what was there fires the trigger too; nothing changed, so nothing is logged or stamped.
    if (oldSingle === newText(0, 0)) return { ...NOTHING, columns };
  }

  const lines: AuditLine[] = [];
  const total = range.numRows * range.numColumns;
  const listed = total > MAX_AUDIT_ROWS_PER_EDIT ? MAX_AUDIT_ROWS_PER_EDIT - 1 : total;
  for (let n = 0; n < listed; n++) {
    const i = Math.floor(n / range.numColumns);
    const j = n % range.numColumns;
    const row = range.row + i;
    const column = range.column + j;
    lines.push({
      sheet: input.sheet,
      cell: `${columnLetter(column - 1)}${row}`,
      code: codeOf(row),
      header: row === 1 ? HEADER_ROW_LABEL : cellText(input.headerRow[column - 1]),
      oldValue: oldSingle,
      newValue: newText(i, j),
    });
  }
  if (listed < total) {
    lines.push({
      sheet: input.sheet,
      cell: rangeA1(range),
      code: '',
      header: '',
      oldValue: MULTI_CELL_OLD_VALUE,
      newValue: `… and ${(total - listed).toLocaleString('en-GB')} more cells of ${rangeA1(range)}, too many to list one by one (File › Version history shows them).`,
    });
  }

  if (!columns) return { lines, stampRows: [], ragRows: [], targetDateRevised: false };
  const firstDataRow = Math.max(range.row, 2);
  const lastRow = range.row + range.numRows - 1;
  const dataRows = Array.from(
    { length: Math.max(0, lastRow - firstDataRow + 1) },
    (_, k) => firstDataRow + k,
  );
  const touchedKeys = new Set<ActionKey>();
  for (let c = range.column; c < range.column + range.numColumns; c++) {
    const key = keyAt.get(c - 1);
    if (key) touchedKeys.add(key);
  }
  const scriptColumns = SCRIPT_KEYS.flatMap((k) => columns.index[k] ?? []);
  const stampRows = STAMPING_KEYS.some((k) => touchedKeys.has(k))
    ? dataRows.filter((r) => !isBlankRow(rowAt(r), scriptColumns))
    : [];
  const ragRows = RAG_KEYS.some((k) => touchedKeys.has(k)) ? dataRows : [];
  const targetDateRevised =
    single &&
    range.row >= 2 &&
    keyAt.get(range.column - 1) === 'targetDate' &&
    oldSingle !== '' &&
    oldSingle !== OLD_VALUE_NOT_GIVEN &&
    isDate(columns.raw(rowAt(range.row), 'targetDate'));
  return { lines, stampRows, ragRows, targetDateRevised, columns };
}

/**
 * A one-cell edit's old value as the log shows it. Sheets leaves oldValue out when the cell was blank, and gives a
 * date as its day count; a cell it says nothing about at all is "not given" rather than claimed blank.
 */
export function oldValueText(value: unknown, oldValue: unknown, dateColumn: boolean): string {
  if (oldValue === undefined || oldValue === null) return value === undefined ? OLD_VALUE_NOT_GIVEN : '';
  const text = String(oldValue);
  if (dateColumn && /^\d{1,6}(\.\d+)?$/.test(text.trim())) return serialDateText(Number(text));
  return text;
}

/** A Sheets day count (1 = 31/12/1899) as the UK writes the day. */
export function serialDateText(serial: number): string {
  return formatDayMonthYear(addDays('1899-12-30', Math.floor(serial)));
}

function formatDayMonthYear(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export function rangeA1(range: EditedRange): string {
  const first = `${columnLetter(range.column - 1)}${range.row}`;
  if (range.numRows === 1 && range.numColumns === 1) return first;
  return `${first}:${columnLetter(range.column + range.numColumns - 2)}${range.row + range.numRows - 1}`;
}

/** What the handler writes into the script's own Actions columns after an edit. */
export interface ScriptCellsInput {
  columns: ColumnMap<ActionKey>;
  /** The touched rows as read after the edit, from sheet row `rowsFrom`. */
  rows: readonly (readonly unknown[])[];
  rowsFrom: number;
  stampRows: readonly number[];
  /** RAG by sheet row for the rows whose RAG was worked out again ('' for none). */
  ragByRow: ReadonlyMap<number, string>;
  /** Today at midnight in the spreadsheet's zone, the Last updated stamp. */
  today: Date;
  editor: string;
  /**
   * Stamps that differ by row (saves staff queued, written later: each keeps its own day and editor); a stamped row
   * not in it gets `today` and `editor`.
   */
  stampByRow?: ReadonlyMap<number, { day: Date; editor: string }>;
}

/** Cells to write over rows `firstRow`…: each changed column (0-based) with one cell per row, current where unchanged. */
export interface ScriptCellWrites {
  firstRow: number;
  columns: Map<number, unknown[]>;
}

/**
 * The Last updated, Updated by and RAG cells over the span of rows that change, each column only when some cell
 * in it changes, so an edit that changes nothing the script writes writes nothing.
 */
export function scriptCellWrites(input: ScriptCellsInput): ScriptCellWrites {
  const { columns, rows, rowsFrom } = input;
  const changedRows = [...input.stampRows, ...input.ragByRow.keys()];
  const out: ScriptCellWrites = { firstRow: 0, columns: new Map() };
  if (changedRows.length === 0) return out;
  const firstRow = Math.min(...changedRows);
  const lastRow = Math.max(...changedRows);
  out.firstRow = firstRow;
  const stamped = new Set(input.stampRows);
  const span = Array.from({ length: lastRow - firstRow + 1 }, (_, k) => firstRow + k);
  const current = (key: ActionKey, row: number) => columns.raw(rows[row - rowsFrom] ?? [], key) ?? '';
  const column = (key: ActionKey, next: (row: number) => unknown) => {
    const index = columns.index[key];
    if (index === undefined) return;
    let changed = false;
    const cells = span.map((row) => {
      const was = current(key, row);
      const value = next(row);
      if (value === undefined || sameCell(was, value)) return was;
      changed = true;
      return value;
    });
    if (changed) out.columns.set(index, cells);
  };
  const stampOf = (row: number) => input.stampByRow?.get(row) ?? { day: input.today, editor: input.editor };
  column('lastUpdated', (row) => (stamped.has(row) ? stampOf(row).day : undefined));
  column('updatedBy', (row) => (stamped.has(row) ? stampOf(row).editor : undefined));
  column('rag', (row) => input.ragByRow.get(row));
  if (out.columns.size === 0) out.firstRow = 0;
  return out;
}

function sameCell(a: unknown, b: unknown): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  return a === b;
}

/**
 * RAG for each of `ragRows` from just those rows (plus Lists and Settings, which say which statuses exist and how
 * long "due soon" is): the same rule as Refresh status colours, '' for blank, cancelled or unknown-status rows.
 * Undefined when the header row stops every job (the daily refresh then reports it).
 */
export function ragForRows(
  headerRow: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  rowsFrom: number,
  ragRows: readonly number[],
  others: Pick<PlanValues, 'lists' | 'settings'>,
  timeZone: string,
  today: IsoDate,
): Map<number, string> | undefined {
  if (ragRows.length === 0) return new Map();
  const first = Math.min(...ragRows);
  const last = Math.max(...ragRows);
  const slice = rows.slice(first - rowsFrom, last - rowsFrom + 1).map((r) => [...r]);
  const plan = readPlan({ ...others, actions: [[...headerRow], ...slice] }, timeZone, today);
  if (plan.errors.length) return undefined;
  // readPlan numbers rows as if the slice began at row 2.
  const ragByRow = new Map(plan.actions.map((a) => [a.row - 2 + first, a.rag ?? '']));
  return new Map(ragRows.map((r) => [r, ragByRow.get(r) ?? '']));
}
