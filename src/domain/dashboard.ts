// The Dashboard's content as one block of cells: a title, counts by theme and status colour, and the overdue actions.
import { shorten } from './actions';
import { formatLongDate, isoDateInZone } from './dates';
import { liveActions, type Plan } from './plan';
import { daysOverdue, emptyRagCounts, type Rag, RAGS } from './rag';
import { asCellText, isDate } from './values';

/** More overdue rows than this and the sheet stops being something a person reads; the RAG column has them all. */
export const DASHBOARD_OVERDUE_CAP = 200;
/** Action text on the Dashboard is shortened to this many characters (the Actions sheet keeps it whole). */
export const DASHBOARD_ACTION_LENGTH = 80;
/** Where the counts table starts (row 1 is the title, row 2 a gap). */
export const DASHBOARD_TABLE_ROW = 3;
export const OTHER_THEME = 'Theme missing or not in Lists';

export type DashboardCell = string | number;

export interface ThemeCounts {
  theme: string;
  counts: Record<Rag, number>;
  total: number;
}

export interface OverdueLine {
  code: string;
  action: string;
  lead: string;
  effectiveTargetDate: string;
  daysOverdue: number;
}

export interface DashboardModel {
  /** Every row padded to `width`: written in one setValues from A1. Text is already safe to write (asCellText). */
  rows: DashboardCell[][];
  width: number;
  /** 0-based indexes into `rows` of the rows shown bold (title, headers, totals). */
  boldRows: number[];
  /** Header cells coloured as the status they count (1-based row and column). */
  ragHeaders: { row: number; column: number; rag: Rag }[];
  /** The counts table without its Total column and row: what the chart draws (1-based). */
  chartRange: { row: number; column: number; numRows: number; numColumns: number };
  byTheme: ThemeCounts[];
  totals: ThemeCounts;
  /** The overdue lines shown (at most DASHBOARD_OVERDUE_CAP), most overdue first, and how many there are in all. */
  overdue: OverdueLine[];
  overdueTotal: number;
}

/**
 * The Dashboard for a plan as at `plan.today`. Live actions with a status colour are counted; cancelled ones are not
 * live, and rows whose Status is unknown have no colour (they are mentioned, so the counts are never silently short).
 */
export function dashboardModel(plan: Plan): DashboardModel {
  const live = liveActions(plan);
  const coloured = live.filter((a) => a.rag);
  const themes = plan.lists.themes.map((t) => t.name);
  const byTheme: ThemeCounts[] = themes.map((theme) => ({ theme, counts: emptyRagCounts(), total: 0 }));
  const other: ThemeCounts = { theme: OTHER_THEME, counts: emptyRagCounts(), total: 0 };
  const totals: ThemeCounts = { theme: 'Total', counts: emptyRagCounts(), total: 0 };
  for (const a of coloured) {
    const line = byTheme[themes.indexOf(a.theme)] ?? other;
    for (const t of [line, totals]) {
      t.counts[a.rag as Rag] += 1;
      t.total += 1;
    }
  }
  if (other.total) byTheme.push(other);

  const overdueAll = coloured
    .filter((a) => a.rag === 'Overdue')
    .map((a) => ({
      code: a.code,
      action: shorten(a.action, DASHBOARD_ACTION_LENGTH),
      lead: a.leads.join(', '),
      effectiveTargetDate: a.effectiveTargetDate ?? '',
      daysOverdue: daysOverdue(a, plan.today),
      row: a.row,
    }))
    .sort((x, y) => y.daysOverdue - x.daysOverdue || x.code.localeCompare(y.code) || x.row - y.row);
  const overdue: OverdueLine[] = overdueAll
    .slice(0, DASHBOARD_OVERDUE_CAP)
    .map(({ row: _row, ...line }) => line);

  const width = 2 + RAGS.length;
  const rows: DashboardCell[][] = [];
  const boldRows: number[] = [];
  const add = (cells: DashboardCell[], bold = false) => {
    if (bold) boldRows.push(rows.length);
    rows.push(cells);
  };
  add([text(`${plan.settings.planTitle} — as at ${formatLongDate(plan.today)}`)], true);
  add([]);
  const headerRow = rows.length + 1;
  add(['Theme', ...RAGS, 'Total'], true);
  for (const t of byTheme) add([text(t.theme), ...RAGS.map((r) => t.counts[r]), t.total]);
  add(['Total', ...RAGS.map((r) => totals.counts[r]), totals.total], true);
  add([]);
  const withoutRag = live.length - coloured.length;
  if (withoutRag) {
    add([
      `${withoutRag} live action${withoutRag === 1 ? ' has' : 's have'} no status colour because the Status is missing or unknown: see Check the plan.`,
    ]);
    add([]);
  }
  add([`Overdue actions (${overdueAll.length})`], true);
  if (overdueAll.length === 0) add(['No actions are overdue.']);
  else {
    add(['Code', 'Action', 'Lead', 'Effective target date', 'Days overdue'], true);
    for (const o of overdue)
      add([text(o.code), text(o.action), text(o.lead), o.effectiveTargetDate, o.daysOverdue]);
    const more = overdueAll.length - overdue.length;
    if (more) add([`and ${more.toLocaleString('en-GB')} more — see the RAG column on the Actions sheet.`]);
  }

  return {
    rows: rows.map((r) => [...r, ...Array<DashboardCell>(width - r.length).fill('')]),
    width,
    boldRows,
    ragHeaders: RAGS.map((rag, i) => ({ row: headerRow, column: 2 + i, rag })),
    chartRange: { row: headerRow, column: 1, numRows: 1 + byTheme.length, numColumns: 1 + RAGS.length },
    byTheme,
    totals,
    overdue,
    overdueTotal: overdueAll.length,
  };
}

/**
 * True when the sheet already shows exactly these rows, so a second refresh writes nothing. Cells are compared as
 * Sheets hands them back: text without the apostrophe that kept it text, dates (written as ISO text) as days.
 */
export function dashboardShows(
  rows: readonly (readonly DashboardCell[])[],
  current: readonly (readonly unknown[])[] | undefined,
  timeZone: string,
): boolean {
  if (!current || current.length !== rows.length) return false;
  return rows.every(
    (row, r) =>
      current[r].length === row.length && row.every((cell, c) => sameCell(cell, current[r][c], timeZone)),
  );
}

function sameCell(written: DashboardCell, read: unknown, timeZone: string): boolean {
  const expected =
    typeof written === 'string' && written.startsWith("'") ? written.slice(1) : String(written);
  if (isDate(read)) return isoDateInZone(read, timeZone) === expected;
  return String(read ?? '') === expected;
}

/** User and administrator text goes in as text, never as a formula. */
function text(s: string): string {
  return asCellText(s);
}
