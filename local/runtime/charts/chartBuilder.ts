// Charts.newBarChart() and Charts.newColumnChart(): builders that record Google Charts options (as getOptions()
// reports them) and build a Chart whose blob is a real PNG drawn from the data table and those options.
import { type RuntimeCore } from '../core';
import { newBlob } from '../blob';
import { enumKey } from '../enums';
import { drawChart, type LegendPosition, type Orientation } from './draw';
import { LocalDataTable, LocalDataTableBuilder, type TableContent } from './dataTable';
import { Position } from './enums';
import { signatureError, unverified } from './errors';
import { encodePng } from './png';
import { parseCssColour, type Rgb } from './raster';

/** Google Charts' default series colours, in order. */
export const DEFAULT_COLOURS = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#0099c6', '#dd4477'];
/** The size a chart is drawn at when setDimensions is not called (the runtime's choice; not documented). */
export const DEFAULT_WIDTH = 600;
export const DEFAULT_HEIGHT = 400;
/** Docs refuses images over 25 megapixels; a chart that large is a mistake, not a picture. */
const MAX_PIXELS = 25_000_000;

type Options = Map<string, unknown>;

export class LocalChartOptions {
  constructor(private readonly options: Options) {}
  /** An option by its Google Charts name ("title", "hAxis.title", "colors"), null when not set. */
  get(option: unknown): unknown {
    if (typeof option !== 'string') throw signatureError([option], 'ChartOptions.get');
    const v = this.options.get(option);
    return v === undefined ? null : Array.isArray(v) ? [...(v as unknown[])] : v;
  }
}

export class LocalChart {
  constructor(
    private readonly core: RuntimeCore,
    private readonly png: Uint8Array,
    private readonly options: Options,
  ) {}

  getAs(contentType: unknown): unknown {
    if (typeof contentType !== 'string') throw signatureError([contentType], 'Chart.getAs');
    if (contentType !== 'image/png') throw unverified(`Chart.getAs(${contentType}): only image/png is drawn`);
    return this.getBlob();
  }
  getBlob(): unknown {
    return newBlob(this.core, 'Charts', this.png, 'image/png', null);
  }
  getOptions(): unknown {
    return this.core.expose('Charts', 'ChartOptions', new LocalChartOptions(new Map(this.options)));
  }
}

/** The methods BarChartBuilder and ColumnChartBuilder share; `typeName` names them in counts and errors. */
class ChartBuilderBase {
  protected readonly options: Options = new Map();
  private table: { _content(): TableContent } | null = null;

  constructor(
    protected readonly core: RuntimeCore,
    private readonly orientation: Orientation,
    protected readonly typeName: string,
  ) {}

  /** Bar charts grow along the horizontal axis, column charts along the vertical one. */
  private get valueAxis(): string {
    return this.orientation === 'BAR' ? 'hAxis' : 'vAxis';
  }
  private get categoryAxis(): string {
    return this.orientation === 'BAR' ? 'vAxis' : 'hAxis';
  }

  setDataTable(table: unknown): this {
    if (!(table instanceof LocalDataTable || table instanceof LocalDataTableBuilder)) {
      const source = table as { getDataTable?: unknown } | null;
      if (typeof source === 'object' && source !== null && typeof source.getDataTable === 'function') {
        throw unverified(`${this.typeName}.setDataTable with a DataTableSource other than a DataTable`);
      }
      throw signatureError([table], `${this.typeName}.setDataTable`);
    }
    this.table = table;
    return this;
  }
  setStacked(): this {
    this.options.set('isStacked', true);
    return this;
  }
  setColors(cssValues: unknown): this {
    if (!Array.isArray(cssValues) || !cssValues.every((c) => typeof c === 'string')) {
      throw signatureError([cssValues], `${this.typeName}.setColors`);
    }
    this.options.set('colors', [...(cssValues as string[])]);
    return this;
  }
  setBackgroundColor(cssValue: unknown): this {
    this.options.set('backgroundColor', this.text(cssValue, 'setBackgroundColor'));
    return this;
  }
  setTitle(chartTitle: unknown): this {
    this.options.set('title', this.text(chartTitle, 'setTitle'));
    return this;
  }
  setXAxisTitle(title: unknown): this {
    this.options.set('hAxis.title', this.text(title, 'setXAxisTitle'));
    return this;
  }
  setYAxisTitle(title: unknown): this {
    this.options.set('vAxis.title', this.text(title, 'setYAxisTitle'));
    return this;
  }
  setDimensions(width: unknown, height: unknown): this {
    if (!isPositiveInteger(width) || !isPositiveInteger(height)) {
      throw signatureError([width, height], `${this.typeName}.setDimensions`);
    }
    this.options.set('width', width);
    this.options.set('height', height);
    return this;
  }
  setLegendPosition(position: unknown): this {
    const key = enumKey(Position, position);
    if (!key) throw signatureError([position], `${this.typeName}.setLegendPosition`);
    this.options.set('legend.position', key.toLowerCase());
    return this;
  }
  setRange(start: unknown, end: unknown): this {
    if (typeof start !== 'number' || typeof end !== 'number') {
      throw signatureError([start, end], `${this.typeName}.setRange`);
    }
    this.options.set(`${this.valueAxis}.viewWindow.min`, start);
    this.options.set(`${this.valueAxis}.viewWindow.max`, end);
    return this;
  }
  reverseCategories(): this {
    this.options.set(`${this.categoryAxis}.direction`, -1);
    return this;
  }
  /** Any Google Charts option by its dotted name; those the drawing understands change the picture. */
  setOption(option: unknown, value: unknown): this {
    if (typeof option !== 'string') throw signatureError([option, value], `${this.typeName}.setOption`);
    this.options.set(option, Array.isArray(value) ? [...(value as unknown[])] : value);
    return this;
  }

  build(): unknown {
    if (!this.table) throw unverified(`${this.typeName}.build() without a data table`);
    const content = this.table._content();
    const picture = {
      orientation: this.orientation,
      width: this.numberOption('width', DEFAULT_WIDTH),
      height: this.numberOption('height', DEFAULT_HEIGHT),
      series: this.series(content),
      colours: this.colours(),
      stacked: this.stacked(),
      background: this.colour(this.options.get('backgroundColor') ?? '#ffffff'),
      legend: this.legend(),
      min: this.optionalNumber(`${this.valueAxis}.viewWindow.min`),
      max: this.optionalNumber(`${this.valueAxis}.viewWindow.max`),
      reverseCategories: this.options.get(`${this.categoryAxis}.direction`) === -1,
    };
    if (picture.width * picture.height > MAX_PIXELS)
      throw unverified(`a ${picture.width}×${picture.height} chart`);
    const raster = drawChart(picture);
    const png = encodePng(raster.width, raster.height, raster.pixels);
    return this.core.expose('Charts', 'Chart', new LocalChart(this.core, png, new Map(this.options)));
  }

  private text(v: unknown, method: string): string {
    if (typeof v !== 'string' && typeof v !== 'number')
      throw signatureError([v], `${this.typeName}.${method}`);
    return String(v);
  }
  private numberOption(name: string, fallback: number): number {
    const v = this.options.get(name);
    if (v === undefined) return fallback;
    if (!isPositiveInteger(v)) throw unverified(`option ${name} = ${String(v)}`);
    return v;
  }
  private optionalNumber(name: string): number | undefined {
    const v = this.options.get(name);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw unverified(`option ${name} = ${String(v)}`);
    return v;
  }
  private colour(css: unknown): Rgb {
    const rgb = typeof css === 'string' ? parseCssColour(css) : null;
    if (!rgb) throw unverified(`colour ${String(css)}`);
    return rgb;
  }
  private colours(): Rgb[] {
    const v = this.options.get('colors') ?? DEFAULT_COLOURS;
    if (!Array.isArray(v) || v.length === 0) throw unverified(`option colors = ${String(v)}`);
    return (v as unknown[]).map((c) => this.colour(c));
  }
  private stacked(): boolean {
    const v = this.options.get('isStacked') ?? false;
    // 'percent' and 'relative' stack to 100%: not drawn here.
    if (typeof v !== 'boolean') throw unverified(`option isStacked = ${String(v)}`);
    return v;
  }
  private legend(): LegendPosition {
    const v = this.options.get('legend.position') ?? 'right';
    if (v === 'right' || v === 'top' || v === 'bottom' || v === 'none') return v;
    throw unverified(`option legend.position = ${String(v)}`);
  }
  /** The first column labels the categories; every other column is a series of numbers. */
  private series(content: TableContent): number[][] {
    return content.columns.slice(1).map((column, i) => {
      if (column.type !== 'NUMBER')
        throw unverified(`a ${column.type} data column (${column.label}) in a chart`);
      return content.rows.map((row) => {
        const v = (row[i + 1] as number | null) ?? 0;
        if (v < 0) throw unverified(`negative value ${v} in a bar or column chart`);
        return v;
      });
    });
  }
}

export class LocalBarChartBuilder extends ChartBuilderBase {
  constructor(core: RuntimeCore) {
    super(core, 'BAR', 'BarChartBuilder');
  }
}

export class LocalColumnChartBuilder extends ChartBuilderBase {
  constructor(core: RuntimeCore) {
    super(core, 'COLUMN', 'ColumnChartBuilder');
  }
}

function isPositiveInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}
