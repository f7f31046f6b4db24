// The Charts service's enums. ChartType is the very object SpreadsheetApp's chart builder checks against, so
// EmbeddedChartBuilder.setChartType(Charts.ChartType.BAR) keeps working.
import { makeEnum } from '../enums';

export { ChartType } from '../spreadsheet/enums';

export const ColumnType = makeEnum('ColumnType', ['DATE', 'NUMBER', 'STRING'] as const);
export type ColumnTypeKey = keyof typeof ColumnType;
export const Position = makeEnum('Position', ['TOP', 'RIGHT', 'BOTTOM', 'NONE'] as const);
export type PositionKey = keyof typeof Position;
export const CurveStyle = makeEnum('CurveStyle', ['NORMAL', 'SMOOTH'] as const);
export const PointStyle = makeEnum('PointStyle', ['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE'] as const);
export const ChartHiddenDimensionStrategy = makeEnum('ChartHiddenDimensionStrategy', [
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
] as const);
export const ChartMergeStrategy = makeEnum('ChartMergeStrategy', ['MERGE_COLUMNS', 'MERGE_ROWS'] as const);
