// The Charts global: the enums and the builders a script uses to draw a chart as an image (newDataTable,
// newBarChart, newColumnChart). Every call is counted under 'Charts'; any other member throws NotImplementedError.
import type { RuntimeCore } from '../core';
import { LocalBarChartBuilder, LocalColumnChartBuilder } from './chartBuilder';
import { LocalDataTableBuilder } from './dataTable';
import {
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  ColumnType,
  CurveStyle,
  PointStyle,
  Position,
} from './enums';

export function createCharts(core: RuntimeCore) {
  const service = {
    ChartHiddenDimensionStrategy,
    ChartMergeStrategy,
    ChartType,
    ColumnType,
    CurveStyle,
    PointStyle,
    Position,
    newDataTable: () => core.expose('Charts', 'DataTableBuilder', new LocalDataTableBuilder(core)),
    newBarChart: () => core.expose('Charts', 'BarChartBuilder', new LocalBarChartBuilder(core)),
    newColumnChart: () => core.expose('Charts', 'ColumnChartBuilder', new LocalColumnChartBuilder(core)),
  };
  return { Charts: core.expose('Charts', 'Charts', service) };
}
