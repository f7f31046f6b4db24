// Draws the report's status-by-theme chart as a PNG with the Charts service, so the Doc can hold it as an image.
import type { ReportBlock } from '../domain/reportTypes';
import type { BlobPort, ChartsPort } from '../gas/ports';

export type ChartBlock = Extract<ReportBlock, { kind: 'chart' }>;

/** Wide enough for the seven seed themes' names beside their bars, and fits a portrait A4 page. */
export const CHART_WIDTH_PX = 600;
export const CHART_HEIGHT_PX = 400;

/** One stacked bar per theme, one segment per status colour, coloured as the sheet colours that status. */
export function chartImage(
  block: ChartBlock,
  charts: ChartsPort,
  column: (name: 'STRING' | 'NUMBER') => unknown,
): BlobPort {
  const table = charts.newDataTable().addColumn(column('STRING'), 'Theme');
  for (const s of block.series) table.addColumn(column('NUMBER'), s.rag);
  block.themes.forEach((theme, i) => table.addRow([theme, ...block.series.map((s) => s.values[i] ?? 0)]));
  return charts
    .newBarChart()
    .setDataTable(table)
    .setStacked()
    .setColors(block.series.map((s) => s.colour))
    .setTitle(block.title)
    .setDimensions(CHART_WIDTH_PX, CHART_HEIGHT_PX)
    .build()
    .getAs('image/png');
}
