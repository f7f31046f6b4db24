// Writes the Dashboard sheet: its whole block in one setValues, a few format calls, and one stacked bar chart.
import { type DashboardModel, dashboardShows } from '../domain/dashboard';
import { DASHBOARD_SHEET } from '../domain/layout';
import { RAG_COLOURS, RAGS } from '../domain/rag';
import type { RangePort, SheetPort, SpreadsheetPort } from '../gas/ports';

/** The chart sits to the right of the block (8 columns wide), level with the counts table. */
const CHART_COLUMN = 10;
/** Set once when the script makes the sheet; a person may widen them later and the script leaves that alone. */
const COLUMN_WIDTHS: [column: number, pixels: number][] = [
  [1, 220],
  [2, 360],
];

export interface DashboardWrite {
  /** False when the sheet already showed exactly this (nothing was written). */
  written: boolean;
  chart: 'inserted' | 'updated' | 'kept';
}

/**
 * Makes the Dashboard show `model`: creates the sheet if missing, replaces its content and formats only when they
 * differ, and keeps exactly one chart over the counts table. The number of calls never depends on the plan's size.
 */
export function writeDashboard(
  spreadsheet: SpreadsheetPort,
  model: DashboardModel,
  timeZone: string,
  chartBar: unknown,
): DashboardWrite {
  let sheet = spreadsheet.getSheetByName(DASHBOARD_SHEET);
  let current: unknown[][] | undefined;
  if (sheet) current = sheet.getDataRange().getValues();
  else sheet = spreadsheet.insertSheet(DASHBOARD_SHEET);
  const written = !dashboardShows(model.rows, current, timeZone);
  if (written) writeBlock(sheet, model);
  return { written, chart: keepOneChart(sheet, model, chartBar) };
}

function writeBlock(sheet: SheetPort, model: DashboardModel): void {
  // clear() takes the old formats too, so a row that was bold last time (the list moved) is not bold now.
  sheet.clear();
  const maxRows = sheet.getMaxRows();
  if (model.rows.length > maxRows) sheet.insertRowsAfter(maxRows, model.rows.length - maxRows);
  const block = sheet.getRange(1, 1, model.rows.length, model.width);
  block.setValues(model.rows);
  const bold = new Set(model.boldRows);
  block.setFontWeights(model.rows.map((row, r) => row.map(() => (bold.has(r) ? 'bold' : null))));
  const ragAt = new Map(model.ragHeaders.map((h) => [`${h.row}:${h.column}`, h.rag]));
  const colour = (key: 'background' | 'font') =>
    model.rows.map((row, r) =>
      row.map((_, c) => {
        const rag = ragAt.get(`${r + 1}:${c + 1}`);
        return rag ? RAG_COLOURS[rag][key] : null;
      }),
    );
  block.setBackgrounds(colour('background'));
  block.setFontColors(colour('font'));
  // Set on every rewrite: setup makes the sheet empty, so widths set only on creation would never apply.
  for (const [column, pixels] of COLUMN_WIDTHS) sheet.setColumnWidth(column, pixels);
}

/** One chart, over the counts table wherever it now is: inserted the first time, re-aimed when the table moved. */
function keepOneChart(sheet: SheetPort, model: DashboardModel, chartBar: unknown): DashboardWrite['chart'] {
  const { row, column, numRows, numColumns } = model.chartRange;
  const table = sheet.getRange(row, column, numRows, numColumns);
  const [chart, ...extra] = sheet.getCharts();
  // The sheet is the script's own (protected), so any further chart is a stale copy of this one.
  for (const c of extra) sheet.removeChart(c);
  if (!chart) {
    sheet.insertChart(
      styled(sheet.newChart().setChartType(chartBar).addRange(table), chartBar)
        .setPosition(row, CHART_COLUMN, 0, 0)
        .build(),
    );
    return 'inserted';
  }
  if (aimsAt(chart.getRanges(), table)) return 'kept';
  sheet.updateChart(styled(chart.modify().clearRanges().addRange(table), chartBar).build());
  return 'updated';
}

function styled<B extends ReturnType<SheetPort['newChart']>>(builder: B, chartBar: unknown): B {
  return builder
    .setChartType(chartBar)
    .setOption('isStacked', true)
    .setOption('title', 'Status by theme')
    .setOption(
      'colors',
      RAGS.map((r) => RAG_COLOURS[r].background),
    ) as B;
}

function aimsAt(ranges: RangePort[], table: RangePort): boolean {
  return ranges.length === 1 && ranges[0].getA1Notation() === table.getA1Notation();
}
