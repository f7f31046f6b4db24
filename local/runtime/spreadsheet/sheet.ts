// Sheet: one tab of the spreadsheet, with its grid size, frozen panes, column widths, rules, protections and charts.
// Changes respect the protections the user the script runs as may not edit (permissions.ts).
import { parseA1 } from './a1';
import { displayCell, writeCell, writeContext } from './cells';
import { chartDataOf, chartStateOf, type ChartState } from './charts';
import { normalizeColor } from './colors';
import type { Ctx } from './context';
import { DEFAULT_COLUMN_WIDTH, type SheetData } from './data';
import { enumKey } from '../enums';
import { ProtectionType, SheetType } from './enums';
import { gasError, signatureError, unverified } from './errors';
import type { Layer } from './grid';
import { checkCellsEditable, checkDimensionChange, checkSheetChange, userOf } from './permissions';
import { newProtection } from './protection';
import { deleteDimension, insertDimension } from './structure';
import { interpretValue, type Written } from './values';
import type { ConditionalRuleData } from './data';

export const NAME_TAKEN = (name: string) =>
  `A sheet with the name "${name}" already exists. Please enter another name.`;

/** Checks getRange(row, column, numRows, numColumns) arguments with the service's messages. */
export function checkCoordinates(
  sheet: SheetData,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): void {
  for (const n of [row, column, numRows, numColumns]) {
    if (typeof n !== 'number' || !Number.isInteger(n)) {
      throw unverified(
        `getRange with a non-integer coordinate (${row}, ${column}, ${numRows}, ${numColumns})`,
      );
    }
  }
  if (row < 1) throw gasError('The starting row of the range is too small.');
  if (column < 1) throw gasError('The starting column of the range is too small.');
  if (numRows < 1) throw gasError('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw gasError('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

export class LocalSheet {
  constructor(
    private readonly ctx: Ctx,
    private readonly data: SheetData,
  ) {}

  _data(): SheetData {
    return this.data;
  }

  /** Refuses a sheet-wide change on a sheet protected against the user the script runs as. */
  private changingSheet(method: string): void {
    checkSheetChange(this.ctx, this.data, `Sheet.${method}`);
  }

  /** Refuses a write over every cell of the sheet when any of them is protected against the user. */
  private writingWholeSheet(): void {
    checkCellsEditable(this.ctx, {
      sheet: this.data,
      row: 1,
      column: 1,
      numRows: this.data.maxRows,
      numColumns: this.data.maxColumns,
    });
  }

  // ---- identity ----
  getName(): string {
    return this.data.name;
  }
  getSheetName(): string {
    return this.data.name;
  }
  setName(name: unknown): this {
    if (typeof name !== 'string' || name.trim() === '')
      throw signatureError([name], 'SpreadsheetApp.Sheet.setName');
    const clash = this.data.parent.sheets.find(
      (s) => s !== this.data && s.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw gasError(NAME_TAKEN(name));
    this.changingSheet('setName');
    this.data.name = name;
    return this;
  }
  getSheetId(): number {
    return this.data.sheetId;
  }
  getIndex(): number {
    return this.data.parent.sheets.indexOf(this.data) + 1;
  }
  getParent(): unknown {
    return this.ctx.spreadsheet(this.data.parent);
  }
  getType(): unknown {
    return SheetType.GRID;
  }

  // ---- ranges ----
  getRange(...args: unknown[]): unknown {
    const [a, b, c, d] = args;
    if (args.length === 1 && typeof a === 'string') {
      const parsed = parseA1(a, this.data.maxRows, this.data.maxColumns);
      if (!parsed) throw gasError('Range not found');
      if (parsed.sheetName !== null && parsed.sheetName.toLowerCase() !== this.data.name.toLowerCase()) {
        throw unverified(`Sheet.getRange("${a}") naming another sheet`);
      }
      checkCoordinates(this.data, parsed.row, parsed.column, parsed.numRows, parsed.numColumns);
      return this.ctx.range(
        {
          sheet: this.data,
          row: parsed.row,
          column: parsed.column,
          numRows: parsed.numRows,
          numColumns: parsed.numColumns,
        },
        { columns: parsed.wholeColumns, rows: parsed.wholeRows },
      );
    }
    if (args.length >= 2 && args.length <= 4 && typeof a === 'number' && typeof b === 'number') {
      return this.ctx.rangeAt(
        this.data,
        a,
        b,
        (c as number | undefined) ?? 1,
        (d as number | undefined) ?? 1,
      );
    }
    throw signatureError(args, 'SpreadsheetApp.Sheet.getRange');
  }
  /** From A1 to the last row and column with content; A1 alone on an empty sheet. */
  getDataRange(): unknown {
    return this.ctx.range({
      sheet: this.data,
      row: 1,
      column: 1,
      numRows: Math.max(1, this.data.lastRow()),
      numColumns: Math.max(1, this.data.lastColumn()),
    });
  }
  getLastRow(): number {
    return this.data.lastRow();
  }
  getLastColumn(): number {
    return this.data.lastColumn();
  }
  getMaxRows(): number {
    return this.data.maxRows;
  }
  getMaxColumns(): number {
    return this.data.maxColumns;
  }

  // ---- inserting and deleting rows and columns ----
  private checkRowPosition(position: unknown): number {
    if (
      typeof position !== 'number' ||
      !Number.isInteger(position) ||
      position < 1 ||
      position > this.data.maxRows
    ) {
      throw gasError('Those rows are out of bounds.');
    }
    return position;
  }
  private checkColumnPosition(position: unknown): number {
    if (
      typeof position !== 'number' ||
      !Number.isInteger(position) ||
      position < 1 ||
      position > this.data.maxColumns
    ) {
      throw gasError('Those columns are out of bounds.');
    }
    return position;
  }
  private checkHowMany(howMany: unknown, method: string): number {
    if (typeof howMany !== 'number' || !Number.isInteger(howMany) || howMany < 1) {
      throw unverified(`Sheet.${method} with howMany = ${String(howMany)}`);
    }
    return howMany;
  }
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRows(rowIndex: number, numRows: number = 1): this {
    return this.insertRowsBefore(rowIndex, numRows);
  }
  /** New rows take the formatting and validation of the row they follow. */
  insertRowsAfter(afterPosition: number, howMany: number): this {
    const at = this.checkRowPosition(afterPosition);
    const n = this.checkHowMany(howMany, 'insertRowsAfter');
    checkDimensionChange(this.ctx, this.data, 'rows', at, n, 'insert');
    insertDimension(this.data, 'rows', at, n, at - 1);
    return this;
  }
  /** New rows take the formatting and validation of the row they are inserted before. */
  insertRowsBefore(beforePosition: number, howMany: number): this {
    const at = this.checkRowPosition(beforePosition);
    const n = this.checkHowMany(howMany, 'insertRowsBefore');
    checkDimensionChange(this.ctx, this.data, 'rows', at - 1, n, 'insert');
    insertDimension(this.data, 'rows', at - 1, n, at - 1);
    return this;
  }
  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): this {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumns(columnIndex: number, numColumns: number = 1): this {
    return this.insertColumnsBefore(columnIndex, numColumns);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    const at = this.checkColumnPosition(afterPosition);
    const n = this.checkHowMany(howMany, 'insertColumnsAfter');
    checkDimensionChange(this.ctx, this.data, 'columns', at, n, 'insert');
    insertDimension(this.data, 'columns', at, n, at - 1);
    this.shiftWidths(at + 1, howMany);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    const at = this.checkColumnPosition(beforePosition);
    const n = this.checkHowMany(howMany, 'insertColumnsBefore');
    checkDimensionChange(this.ctx, this.data, 'columns', at - 1, n, 'insert');
    insertDimension(this.data, 'columns', at - 1, n, at - 1);
    this.shiftWidths(at, howMany);
    return this;
  }
  /** Column widths move with their columns; `from` is the first 1-based column that moves by `by`. */
  private shiftWidths(from: number, by: number): void {
    const moved = new Map<number, number>();
    for (const [col, w] of this.data.columnWidths) {
      if (col < from) moved.set(col, w);
      else if (by > 0 || col >= from - by) moved.set(col + by, w);
    }
    this.data.columnWidths = moved;
  }
  deleteRow(rowPosition: number): this {
    return this.deleteRows(rowPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): this {
    const n = this.checkHowMany(howMany, 'deleteRows');
    this.checkRowPosition(rowPosition);
    if (rowPosition + n - 1 > this.data.maxRows) throw gasError('Those rows are out of bounds.');
    if (this.data.maxRows - n <= this.data.frozenRows) {
      throw gasError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    checkDimensionChange(this.ctx, this.data, 'rows', rowPosition - 1, n, 'delete');
    deleteDimension(this.data, 'rows', rowPosition - 1, n);
    return this;
  }
  deleteColumn(columnPosition: number): this {
    return this.deleteColumns(columnPosition, 1);
  }
  deleteColumns(columnPosition: number, howMany: number): this {
    const n = this.checkHowMany(howMany, 'deleteColumns');
    this.checkColumnPosition(columnPosition);
    if (columnPosition + n - 1 > this.data.maxColumns) throw gasError('Those columns are out of bounds.');
    if (this.data.maxColumns - n <= this.data.frozenColumns) {
      throw gasError('Sorry, it is not possible to delete all non-frozen columns.');
    }
    checkDimensionChange(this.ctx, this.data, 'columns', columnPosition - 1, n, 'delete');
    deleteDimension(this.data, 'columns', columnPosition - 1, n);
    this.shiftWidths(columnPosition, -n);
    return this;
  }

  /**
   * Writes the row below the last row with content, read as typed. The sheet grows when the row falls past its
   * last row (appendRow is the one write that adds rows; setValues does not) or holds more values than columns.
   */
  appendRow(rowContents: unknown): this {
    if (!Array.isArray(rowContents)) throw signatureError([rowContents], 'SpreadsheetApp.Sheet.appendRow');
    if (rowContents.length === 0) throw unverified('Sheet.appendRow([])');
    const r0 = this.data.lastRow();
    const wctx = writeContext(this.ctx, this.data);
    const written: Written[] = rowContents.map((v, c0) =>
      interpretValue(v, this.data.formats.numberFormat.get(r0, c0) === '@', wctx),
    );
    checkCellsEditable(this.ctx, {
      sheet: this.data,
      row: r0 + 1,
      column: 1,
      numRows: 1,
      numColumns: rowContents.length,
    });
    if (r0 + 1 > this.data.maxRows)
      insertDimension(this.data, 'rows', this.data.maxRows, r0 + 1 - this.data.maxRows);
    if (rowContents.length > this.data.maxColumns) {
      insertDimension(this.data, 'columns', this.data.maxColumns, rowContents.length - this.data.maxColumns);
    }
    written.forEach((w, c0) => writeCell(this.data, r0, c0, w));
    return this;
  }

  // ---- clearing ----
  private clearLayers(layers: Layer<unknown>[]): void {
    this.writingWholeSheet();
    for (const layer of layers) layer.clear(0, 0, this.data.maxRows, this.data.maxColumns);
  }
  /** Contents and formats ("Clears the sheet of content and formatting information"); notes and validation stay. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    const o = options ?? {};
    const both = !o.contentsOnly && !o.formatOnly;
    if (both || o.contentsOnly) this.clearLayers([this.data.values]);
    if (both || o.formatOnly) this.clearLayers(Object.values(this.data.formats) as Layer<unknown>[]);
    return this;
  }
  clearContents(): this {
    this.clearLayers([this.data.values]);
    return this;
  }
  clearFormats(): this {
    this.clearLayers(Object.values(this.data.formats) as Layer<unknown>[]);
    return this;
  }
  clearNotes(): this {
    this.clearLayers([this.data.notes]);
    return this;
  }

  // ---- frozen panes and sizes ----
  setFrozenRows(rows: number): this {
    if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 0)
      throw signatureError([rows], 'SpreadsheetApp.Sheet.setFrozenRows');
    if (rows >= this.data.maxRows) throw gasError("You can't freeze all visible rows on the sheet.");
    this.changingSheet('setFrozenRows');
    this.data.frozenRows = rows;
    return this;
  }
  getFrozenRows(): number {
    return this.data.frozenRows;
  }
  setFrozenColumns(columns: number): this {
    if (typeof columns !== 'number' || !Number.isInteger(columns) || columns < 0) {
      throw signatureError([columns], 'SpreadsheetApp.Sheet.setFrozenColumns');
    }
    if (columns >= this.data.maxColumns) throw gasError("You can't freeze all visible columns on the sheet.");
    this.changingSheet('setFrozenColumns');
    this.data.frozenColumns = columns;
    return this;
  }
  getFrozenColumns(): number {
    return this.data.frozenColumns;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.checkColumnPosition(startColumn);
    this.changingSheet('setColumnWidths');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.data.columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this.data.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  autoResizeColumn(columnPosition: number): this {
    return this.autoResizeColumns(columnPosition, 1);
  }
  /**
   * Fits columns to their text. The runtime cannot measure a font, so it estimates 7 px a character plus padding
   * (an approximation: real widths differ a little); an empty column keeps its width.
   */
  autoResizeColumns(startColumn: number, numColumns: number): this {
    this.checkColumnPosition(startColumn);
    this.changingSheet('autoResizeColumns');
    const last = this.data.lastRow();
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      for (let r0 = 0; r0 < last; r0++) {
        const v = this.data.values.get(r0, c - 1);
        if (v === undefined) continue;
        const shown = displayCell(
          this.ctx,
          this.data,
          r0,
          c - 1,
          v,
          this.data.formats.numberFormat.get(r0, c - 1),
        );
        for (const line of shown.split('\n')) longest = Math.max(longest, line.length);
      }
      if (longest > 0) this.data.columnWidths.set(c, Math.max(21, longest * 7 + 10));
    }
    return this;
  }

  // ---- visibility and tab ----
  hideSheet(): this {
    this.changingSheet('hideSheet');
    const ss = this.data.parent;
    if (!this.data.hidden && ss.sheets.filter((s) => !s.hidden).length <= 1) {
      throw gasError("You can't hide all the sheets in a document.");
    }
    this.data.hidden = true;
    if (ss.activeSheet === this.data) ss.activeSheet = ss.sheets.find((s) => !s.hidden) ?? null;
    return this;
  }
  showSheet(): this {
    this.changingSheet('showSheet');
    this.data.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.data.hidden;
  }
  setTabColor(color: string | null): this {
    this.changingSheet('setTabColor');
    this.data.tabColor = color === null ? null : normalizeColor(String(color));
    return this;
  }
  getTabColor(): string | null {
    return this.data.tabColor;
  }

  // ---- protection ----
  /** A sheet has at most one sheet protection: asking again hands back the one already there. */
  protect(): unknown {
    let data = this.data.protections.find((p) => p.type === 'SHEET');
    if (!data) {
      data = newProtection(this.data, null, userOf(this.ctx, this.data.parent));
      this.data.protections.push(data);
    }
    return this.ctx.protection(data);
  }
  getProtections(type: unknown): unknown[] {
    const key = enumKey(ProtectionType, type);
    if (!key) throw signatureError([type], 'SpreadsheetApp.Sheet.getProtections');
    return this.data.protections.filter((p) => p.type === key).map((p) => this.ctx.protection(p));
  }

  // ---- conditional formatting ----
  getConditionalFormatRules(): unknown[] {
    return this.data.conditionalRules.map((r) =>
      this.ctx.conditionalFormatRule({ spec: r.spec, ranges: r.ranges.map((x) => ({ ...x })) }),
    );
  }
  /** Replaces every rule on the sheet with the given ones, in order. */
  setConditionalFormatRules(rules: unknown): this {
    if (!Array.isArray(rules))
      throw signatureError([rules], 'SpreadsheetApp.Sheet.setConditionalFormatRules');
    const next: ConditionalRuleData[] = rules.map((rule) => {
      const r = rule as { _rule?: () => ConditionalRuleData } | null;
      if (!r || typeof r._rule !== 'function')
        throw signatureError([rules], 'SpreadsheetApp.Sheet.setConditionalFormatRules');
      const { spec, ranges } = r._rule();
      return { spec, ranges: ranges.map((x) => ({ ...x })) };
    });
    this.changingSheet('setConditionalFormatRules');
    this.data.conditionalRules = next;
    return this;
  }
  clearConditionalFormatRules(): void {
    this.changingSheet('clearConditionalFormatRules');
    this.data.conditionalRules = [];
  }

  // ---- selection ----
  activate(): this {
    this.data.parent.activeSheet = this.data;
    return this;
  }
  getActiveRange(): unknown {
    return this.ctx.range({ sheet: this.data, ...this.data.selection });
  }
  getActiveCell(): unknown {
    const { row, column } = this.data.selection;
    return this.ctx.range({ sheet: this.data, row, column, numRows: 1, numColumns: 1 });
  }
  setActiveRange(range: unknown): unknown {
    const rect = this.ctx.rectOf(range);
    if (!rect || rect.sheet !== this.data)
      throw signatureError([range], 'SpreadsheetApp.Sheet.setActiveRange');
    const { row, column, numRows, numColumns } = rect;
    this.data.selection = { row, column, numRows, numColumns };
    this.data.parent.activeSheet = this.data;
    return range;
  }
  setActiveSelection(range: unknown): unknown {
    return this.setActiveRange(typeof range === 'string' ? this.getRange(range) : range);
  }

  // ---- charts ----
  newChart(): unknown {
    const state: ChartState = {
      chartId: null,
      sheet: this.data,
      type: null,
      ranges: [],
      anchorRow: 1,
      anchorColumn: 1,
      offsetX: 0,
      offsetY: 0,
      options: {},
    };
    return this.ctx.embeddedChartBuilder(state);
  }
  private chartState(chart: unknown, method: string): ChartState {
    const c = chart as { _state?: () => ChartState } | null;
    if (!c || typeof c._state !== 'function') throw signatureError([chart], `SpreadsheetApp.Sheet.${method}`);
    return c._state();
  }
  insertChart(chart: unknown): void {
    const state = this.chartState(chart, 'insertChart');
    this.changingSheet('insertChart');
    const id = this.data.parent.nextChartId++;
    this.data.charts.push(chartDataOf(state, id));
    state.chartId = id;
  }
  getCharts(): unknown[] {
    return this.data.charts.map((c) => this.ctx.embeddedChart(chartStateOf(this.data, c)));
  }
  removeChart(chart: unknown): void {
    const state = this.chartState(chart, 'removeChart');
    this.changingSheet('removeChart');
    this.data.charts = this.data.charts.filter((c) => c.chartId !== state.chartId);
  }
  updateChart(chart: unknown): void {
    const state = this.chartState(chart, 'updateChart');
    this.changingSheet('updateChart');
    const i = this.data.charts.findIndex((c) => c.chartId === state.chartId);
    if (state.chartId === null || i < 0)
      throw unverified('Sheet.updateChart with a chart that is not on this sheet');
    this.data.charts[i] = chartDataOf(state, state.chartId);
  }

  /** Runtime plumbing for store.load: fills rows as typed, growing the grid as a paste would. */
  _load(rows: unknown[][]): void {
    const width = rows.reduce((n, r) => Math.max(n, r.length), 0);
    if (rows.length > this.data.maxRows)
      insertDimension(this.data, 'rows', this.data.maxRows, rows.length - this.data.maxRows);
    if (width > this.data.maxColumns)
      insertDimension(this.data, 'columns', this.data.maxColumns, width - this.data.maxColumns);
    const wctx = writeContext(this.ctx, this.data);
    rows.forEach((row, r0) =>
      row.forEach((v, c0) =>
        writeCell(
          this.data,
          r0,
          c0,
          interpretValue(v, this.data.formats.numberFormat.get(r0, c0) === '@', wctx),
        ),
      ),
    );
  }
}
