// A plain-data snapshot of a spreadsheet, read without counting calls: what tests assert on and what the .xlsx
// export and the preview CLI draw from.
import { isDate } from '../core';
import { toA1 } from './a1';
import { displayCell, readCell } from './cells';
import type { Ctx } from './context';
import type { GridRect, SheetData, SpreadsheetData } from './data';
import { DEFAULT_COLUMN_WIDTH } from './data';
import type {
  BooleanCriteriaKey,
  ChartTypeKey,
  DataValidationCriteriaKey,
  ProtectionTypeKey,
  WrapStrategyKey,
} from './enums';
import type { Layer } from './grid';
import { Formula } from './values';
import { DateValue, RangeValue, type ValidationSpec } from './validation';

export interface RangeRef {
  sheet: string;
  a1: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ValidationModel extends RangeRef {
  criteria: DataValidationCriteriaKey;
  /** Dates as Date, ranges as RangeRef, lists as arrays. */
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface ConditionalFormatModel {
  ranges: RangeRef[];
  criteria: BooleanCriteriaKey;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  underline: boolean | null;
  strikethrough: boolean | null;
}

export interface ProtectionModel {
  type: ProtectionTypeKey;
  /** The protected range; null for a sheet protection (the whole sheet). */
  range: RangeRef | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotectedRanges: RangeRef[];
}

export interface ChartModel {
  chartId: number;
  type: ChartTypeKey;
  ranges: RangeRef[];
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  options: Record<string, unknown>;
}

export interface SheetModel {
  name: string;
  sheetId: number;
  /** 1-based position. */
  index: number;
  hidden: boolean;
  tabColor: string | null;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Last row and column with a value or formula (0 when empty). */
  lastRow: number;
  lastColumn: number;
  /** The extent of every per-cell array below: content, notes and formatting, whichever reaches further. */
  rows: number;
  columns: number;
  /** '' for blank, Date for a date/time, a formula's value when the runtime knows it, else null. */
  values: unknown[][];
  /** '' where the cell holds no formula. */
  formulas: string[][];
  /** What the cell shows; a formula the runtime cannot calculate shows its text. */
  displayValues: string[][];
  notes: string[][];
  /** null where nobody set the attribute (the Sheets default applies). */
  numberFormats: (string | null)[][];
  backgrounds: (string | null)[][];
  fontWeights: ('bold' | null)[][];
  fontColors: (string | null)[][];
  fontSizes: (number | null)[][];
  wraps: (WrapStrategyKey | null)[][];
  horizontalAlignments: (string | null)[][];
  verticalAlignments: (string | null)[][];
  /** Pixel width of every column, 1..maxColumns at index 0..maxColumns-1. */
  columnWidths: number[];
  validations: ValidationModel[];
  conditionalFormats: ConditionalFormatModel[];
  protections: ProtectionModel[];
  charts: ChartModel[];
}

export interface SpreadsheetModel {
  id: string;
  name: string;
  url: string;
  timeZone: string;
  locale: string;
  ownerEmail: string;
  editors: string[];
  activeSheet: string | null;
  sheets: SheetModel[];
  namedRanges: { name: string; range: RangeRef }[];
}

export function rangeRef(rect: GridRect): RangeRef {
  const { row, column, numRows, numColumns } = rect;
  return { sheet: rect.sheet.name, a1: toA1(rect), row, column, numRows, numColumns };
}

function plainCriteriaValue(v: unknown): unknown {
  if (v instanceof DateValue) return new Date(v.ms);
  if (v instanceof RangeValue) return rangeRef(v.rect);
  if (Array.isArray(v)) return v.map(plainCriteriaValue);
  return v;
}

function matrix<T, U>(
  layer: Layer<T>,
  rows: number,
  columns: number,
  fn: (v: T | undefined, r0: number, c0: number) => U,
): U[][] {
  const out: U[][] = [];
  for (let r0 = 0; r0 < rows; r0++) {
    const cells = layer.row(r0);
    const line: U[] = [];
    for (let c0 = 0; c0 < columns; c0++) line.push(fn(cells === undefined ? undefined : cells[c0], r0, c0));
    out.push(line);
  }
  return out;
}

/** Groups cells sharing one rule into rectangles: runs down each column, then identical runs side by side. */
function validationRuns(sheet: SheetData): ValidationModel[] {
  const bySpec = new Map<ValidationSpec, Map<number, number[]>>();
  for (const [r0, c0, spec] of sheet.validations.entries()) {
    let cols = bySpec.get(spec);
    if (!cols) bySpec.set(spec, (cols = new Map()));
    let rows = cols.get(c0);
    if (!rows) cols.set(c0, (rows = []));
    rows.push(r0);
  }
  const out: ValidationModel[] = [];
  for (const [spec, cols] of bySpec) {
    const runs: { r0: number; r1: number; c0: number; c1: number }[] = [];
    for (const c0 of [...cols.keys()].sort((a, b) => a - b)) {
      const rows = cols.get(c0)!;
      let start = rows[0];
      for (let k = 1; k <= rows.length; k++) {
        if (k < rows.length && rows[k] === rows[k - 1] + 1) continue;
        const r1 = rows[k - 1];
        const left = runs.find((x) => x.r0 === start && x.r1 === r1 && x.c1 === c0 - 1);
        if (left) left.c1 = c0;
        else runs.push({ r0: start, r1, c0, c1: c0 });
        if (k < rows.length) start = rows[k];
      }
    }
    for (const run of runs) {
      const ref = rangeRef({
        sheet,
        row: run.r0 + 1,
        column: run.c0 + 1,
        numRows: run.r1 - run.r0 + 1,
        numColumns: run.c1 - run.c0 + 1,
      });
      out.push({
        ...ref,
        criteria: spec.criteria,
        values: spec.values.map(plainCriteriaValue),
        allowInvalid: spec.allowInvalid,
        helpText: spec.helpText,
      });
    }
  }
  return out.sort((a, b) => a.column - b.column || a.row - b.row);
}

function safeValue(
  ctx: Ctx,
  sheet: SheetData,
  r0: number,
  c0: number,
  v: unknown,
  fmt: string | undefined,
): unknown {
  try {
    const result = readCell(ctx, sheet, r0, c0, v as never, fmt);
    return isDate(result) ? new Date(result.getTime()) : result;
  } catch (e) {
    // A formula nothing can calculate reads as null in the snapshot; other values are read as getValues does.
    if (v instanceof Formula) return null;
    throw e;
  }
}

function safeDisplay(
  ctx: Ctx,
  sheet: SheetData,
  r0: number,
  c0: number,
  v: unknown,
  fmt: string | undefined,
): string {
  try {
    return displayCell(ctx, sheet, r0, c0, v as never, fmt);
  } catch {
    return v instanceof Formula ? v.text : String(v);
  }
}

export function sheetModel(ctx: Ctx, sheet: SheetData): SheetModel {
  const f = sheet.formats;
  const extentLayers = [sheet.values, sheet.notes, ...Object.values(f)] as Layer<unknown>[];
  const rows = Math.max(...extentLayers.map((l) => l.lastRow() + 1));
  const columns = Math.max(...extentLayers.map((l) => l.lastColumn() + 1));
  const nf = f.numberFormat;
  const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
  return {
    name: sheet.name,
    sheetId: sheet.sheetId,
    index: sheet.parent.sheets.indexOf(sheet) + 1,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    lastRow: sheet.lastRow(),
    lastColumn: sheet.lastColumn(),
    rows,
    columns,
    values: matrix(sheet.values, rows, columns, (v, r0, c0) =>
      safeValue(ctx, sheet, r0, c0, v, nf.get(r0, c0)),
    ),
    formulas: matrix(sheet.values, rows, columns, (v) => (v instanceof Formula ? v.text : '')),
    displayValues: matrix(sheet.values, rows, columns, (v, r0, c0) =>
      safeDisplay(ctx, sheet, r0, c0, v, nf.get(r0, c0)),
    ),
    notes: matrix(sheet.notes, rows, columns, (v) => v ?? ''),
    numberFormats: matrix(nf, rows, columns, orNull),
    backgrounds: matrix(f.background, rows, columns, orNull),
    fontWeights: matrix(f.fontWeight, rows, columns, (v) => (v === 'bold' ? 'bold' : null)),
    fontColors: matrix(f.fontColor, rows, columns, orNull),
    fontSizes: matrix(f.fontSize, rows, columns, orNull),
    wraps: matrix(f.wrap, rows, columns, orNull),
    horizontalAlignments: matrix(f.horizontalAlignment, rows, columns, orNull),
    verticalAlignments: matrix(f.verticalAlignment, rows, columns, orNull),
    columnWidths: Array.from(
      { length: sheet.maxColumns },
      (_, i) => sheet.columnWidths.get(i + 1) ?? DEFAULT_COLUMN_WIDTH,
    ),
    validations: validationRuns(sheet),
    conditionalFormats: sheet.conditionalRules.map((r) => ({
      ranges: r.ranges.map(rangeRef),
      criteria: r.spec.criteria,
      values: r.spec.values.map(plainCriteriaValue),
      background: r.spec.background,
      fontColor: r.spec.fontColor,
      bold: r.spec.bold,
      italic: r.spec.italic,
      underline: r.spec.underline,
      strikethrough: r.spec.strikethrough,
    })),
    protections: sheet.protections.map((p) => ({
      type: p.type,
      range: p.rect ? rangeRef(p.rect) : null,
      description: p.description,
      warningOnly: p.warningOnly,
      editors: [...p.editors],
      domainEdit: p.domainEdit,
      unprotectedRanges: p.unprotected.map(rangeRef),
    })),
    charts: sheet.charts.map((c) => ({
      chartId: c.chartId,
      type: c.type,
      ranges: c.ranges.map(rangeRef),
      anchorRow: c.anchorRow,
      anchorColumn: c.anchorColumn,
      offsetX: c.offsetX,
      offsetY: c.offsetY,
      options: { ...c.options },
    })),
  };
}

export function spreadsheetModel(ctx: Ctx, ss: SpreadsheetData): SpreadsheetModel {
  return {
    id: ss.id,
    name: ss.name,
    url: `https://docs.google.com/spreadsheets/d/${ss.id}/edit`,
    timeZone: ss.timeZone,
    locale: ss.locale,
    ownerEmail: ss.ownerEmail,
    editors: [...ss.editors],
    activeSheet: (ss.activeSheet ?? ss.sheets[0])?.name ?? null,
    sheets: ss.sheets.map((s) => sheetModel(ctx, s)),
    namedRanges: [...ss.namedRanges].map(([name, rect]) => ({ name, range: rangeRef(rect) })),
  };
}
