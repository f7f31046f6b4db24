// Embedded charts: Sheet.newChart()'s builder, the EmbeddedChart it builds, and the tiny Charts global that carries
// Charts.ChartType. Charts are recorded (type, ranges, position, options); nothing is drawn.
import type { Ctx } from './context';
import type { ChartData, SheetData } from './data';
import { enumKey } from '../enums';
import { ChartType, type ChartTypeKey } from './enums';
import { signatureError, unverified } from './errors';

/** A chart being built or modified: chartId is null until the chart is inserted, type until one is set. */
interface ChartState extends Omit<ChartData, 'chartId' | 'type'> {
  chartId: number | null;
  sheet: SheetData;
  type: ChartTypeKey | null;
}

export type { ChartState };

export class LocalEmbeddedChartBuilder {
  constructor(
    private readonly ctx: Ctx,
    private readonly state: ChartState,
  ) {}

  addRange(range: unknown): this {
    const rect = this.ctx.rectOf(range);
    if (!rect) throw signatureError([range], 'SpreadsheetApp.EmbeddedChartBuilder.addRange');
    this.state.ranges.push({ ...rect });
    return this;
  }
  removeRange(range: unknown): this {
    const rect = this.ctx.rectOf(range);
    if (!rect) throw signatureError([range], 'SpreadsheetApp.EmbeddedChartBuilder.removeRange');
    this.state.ranges = this.state.ranges.filter(
      (r) =>
        !(
          r.sheet === rect.sheet &&
          r.row === rect.row &&
          r.column === rect.column &&
          r.numRows === rect.numRows &&
          r.numColumns === rect.numColumns
        ),
    );
    return this;
  }
  clearRanges(): this {
    this.state.ranges = [];
    return this;
  }
  getRanges(): unknown[] {
    return this.state.ranges.map((r) => this.ctx.range(r));
  }
  setChartType(type: unknown): this {
    const key = enumKey(ChartType, type);
    if (!key) throw signatureError([type], 'SpreadsheetApp.EmbeddedChartBuilder.setChartType');
    this.state.type = key;
    return this;
  }
  getChartType(): unknown {
    return this.state.type === null ? null : ChartType[this.state.type];
  }
  setOption(option: string, value: unknown): this {
    this.state.options = { ...this.state.options, [option]: value };
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    Object.assign(this.state, { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY });
    return this;
  }
  getContainer(): unknown {
    return this.ctx.containerInfo(this.state);
  }
  build(): unknown {
    if (this.state.type === null) throw unverified('EmbeddedChartBuilder.build() without setChartType');
    return this.ctx.embeddedChart(snapshot(this.state));
  }
}

function snapshot(state: ChartState): ChartState {
  return { ...state, ranges: state.ranges.map((r) => ({ ...r })), options: { ...state.options } };
}

export class LocalEmbeddedChart {
  constructor(
    private readonly ctx: Ctx,
    private readonly state: ChartState,
  ) {}

  _state(): ChartState {
    return this.state;
  }

  /** Null until the chart is inserted into a sheet (Apps Script reference: "null if the chart is not in a spreadsheet"). */
  getChartId(): number | null {
    return this.state.chartId;
  }
  getRanges(): unknown[] {
    return this.state.ranges.map((r) => this.ctx.range(r));
  }
  getOptions(): unknown {
    return this.ctx.chartOptions(this.state.options);
  }
  getContainerInfo(): unknown {
    return this.ctx.containerInfo(this.state);
  }
  modify(): unknown {
    return this.ctx.embeddedChartBuilder(snapshot(this.state));
  }
}

export class LocalContainerInfo {
  constructor(private readonly state: ChartState) {}
  getAnchorRow(): number {
    return this.state.anchorRow;
  }
  getAnchorColumn(): number {
    return this.state.anchorColumn;
  }
  getOffsetX(): number {
    return this.state.offsetX;
  }
  getOffsetY(): number {
    return this.state.offsetY;
  }
}

export class LocalChartOptions {
  constructor(private readonly options: Record<string, unknown>) {}
  get(option: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.options, option) ? this.options[option] : null;
  }
}

/** Stores a built chart on its sheet (insertChart) or replaces the one with its id (updateChart). */
export function chartDataOf(state: ChartState, chartId: number): ChartData {
  if (state.type === null) throw unverified('inserting a chart without a chart type');
  return {
    chartId,
    type: state.type,
    ranges: state.ranges.map((r) => ({ ...r })),
    anchorRow: state.anchorRow,
    anchorColumn: state.anchorColumn,
    offsetX: state.offsetX,
    offsetY: state.offsetY,
    options: { ...state.options },
  };
}

export function chartStateOf(sheet: SheetData, data: ChartData): ChartState {
  return {
    chartId: data.chartId,
    sheet,
    type: data.type,
    ranges: data.ranges.map((r) => ({ ...r })),
    anchorRow: data.anchorRow,
    anchorColumn: data.anchorColumn,
    offsetX: data.offsetX,
    offsetY: data.offsetY,
    options: { ...data.options },
  };
}
