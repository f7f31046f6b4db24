// The internal state of spreadsheets and sheets: plain data the exposed objects read and change. Nothing here is
// handed to script code, so nothing here is counted.
import { Layer } from './grid';
import type { Stored } from './values';
import type { WrapStrategyKey, ProtectionTypeKey, ChartTypeKey, BooleanCriteriaKey } from './enums';
import type { ValidationSpec } from './validation';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
/** The most cells a spreadsheet holds, over all its sheets. */
export const MAX_CELLS = 10_000_000;

/** A rectangle on a sheet (1-based). Rules, protections, named ranges and charts hold these; they move with rows. */
export interface GridRect {
  sheet: SheetData;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface CellFormatLayers {
  numberFormat: Layer<string>;
  background: Layer<string>;
  fontWeight: Layer<'bold' | 'normal'>;
  fontColor: Layer<string>;
  fontSize: Layer<number>;
  wrap: Layer<WrapStrategyKey>;
  horizontalAlignment: Layer<string>;
  verticalAlignment: Layer<string>;
}

export interface ConditionalFormatSpec {
  criteria: BooleanCriteriaKey;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  underline: boolean | null;
  strikethrough: boolean | null;
}

export interface ConditionalRuleData {
  spec: ConditionalFormatSpec;
  ranges: GridRect[];
}

export interface ProtectionData {
  type: ProtectionTypeKey;
  sheet: SheetData;
  /** The protected range; for a sheet protection, the whole sheet is meant. */
  rect: GridRect | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: GridRect[];
  removed: boolean;
}

export interface ChartData {
  chartId: number;
  type: ChartTypeKey;
  ranges: GridRect[];
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  options: Record<string, unknown>;
}

export class SheetData {
  values = new Layer<Stored>();
  notes = new Layer<string>();
  validations = new Layer<ValidationSpec>();
  formats: CellFormatLayers = {
    numberFormat: new Layer(),
    background: new Layer(),
    fontWeight: new Layer(),
    fontColor: new Layer(),
    fontSize: new Layer(),
    wrap: new Layer(),
    horizontalAlignment: new Layer(),
    verticalAlignment: new Layer(),
  };
  columnWidths = new Map<number, number>();
  hidden = false;
  tabColor: string | null = null;
  frozenRows = 0;
  frozenColumns = 0;
  conditionalRules: ConditionalRuleData[] = [];
  protections: ProtectionData[] = [];
  charts: ChartData[] = [];
  /** The user's selection on this sheet (A1 until something is activated). */
  selection: { row: number; column: number; numRows: number; numColumns: number } = {
    row: 1,
    column: 1,
    numRows: 1,
    numColumns: 1,
  };
  deleted = false;

  constructor(
    readonly parent: SpreadsheetData,
    public name: string,
    readonly sheetId: number,
    public maxRows = DEFAULT_ROWS,
    public maxColumns = DEFAULT_COLUMNS,
  ) {}

  /** Every layer that moves with rows and columns. */
  layers(): Layer<unknown>[] {
    return [this.values, this.notes, this.validations, ...Object.values(this.formats)] as Layer<unknown>[];
  }

  /** Format layers a new row or column copies from its neighbour (values and notes are not copied). */
  inheritedLayers(): Layer<unknown>[] {
    return [this.validations, ...Object.values(this.formats)] as Layer<unknown>[];
  }

  /** 1-based last row with a value or formula, 0 when the sheet is empty. */
  lastRow(): number {
    return this.values.lastRow() + 1;
  }

  lastColumn(): number {
    return this.values.lastColumn() + 1;
  }

  /** Every rectangle that must move when rows or columns of this sheet are inserted or deleted. */
  trackedRects(): GridRect[] {
    const out: GridRect[] = [];
    for (const rule of this.conditionalRules) out.push(...rule.ranges);
    for (const p of this.protections) {
      if (p.rect) out.push(p.rect);
      out.push(...p.unprotected);
    }
    for (const c of this.charts) out.push(...c.ranges);
    for (const rect of this.parent.namedRanges.values()) if (rect.sheet === this) out.push(rect);
    return out.filter((r) => r.sheet === this);
  }
}

export class SpreadsheetData {
  sheets: SheetData[] = [];
  activeSheet: SheetData | null = null;
  namedRanges = new Map<string, GridRect>();
  editors: string[] = [];
  private nextSheetId = 0;
  nextChartId = 1;

  constructor(
    readonly id: string,
    public name: string,
    public timeZone: string,
    public locale: string,
    public ownerEmail: string,
  ) {}

  /** Sheet ids: 0 for the first sheet, as in Sheets, then stable made-up numbers. */
  newSheetId(): number {
    const id = this.nextSheetId === 0 ? 0 : 100_000_000 + this.nextSheetId * 7_919;
    this.nextSheetId += 1;
    return id;
  }

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }
}
