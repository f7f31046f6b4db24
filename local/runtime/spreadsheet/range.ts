// Range: the cells a script reads and writes. Reads return fresh arrays; writes check the data's shape, then the
// protections the user the script runs as must respect, and then store everything at once, so a rejected write
// changes nothing.
import { columnToLetters, toA1 } from './a1';
import { displayCell, readCell, writeCell, writeContext } from './cells';
import { normalizeColor } from './colors';
import type { Ctx } from './context';
import type { GridRect, SheetData } from './data';
import { enumKey } from '../enums';
import { WrapStrategy, type WrapStrategyKey } from './enums';
import { gasError, signatureError, unverified } from './errors';
import type { Layer } from './grid';
import { AUTOMATIC_FORMAT } from './numberFormat';
import { canEditCells, checkCellsEditable, userOf } from './permissions';
import { newProtection } from './protection';
import { Formula, checkCellLength, interpretValue, type Written } from './values';
import type { ValidationSpec } from './validation';

const DEFAULT_BACKGROUND = '#ffffff';
const DEFAULT_FONT_COLOR = '#000000';
const DEFAULT_FONT_SIZE = 10;

/** Checks a 2-D array against the range's shape with the service's own messages. */
export function checkShape(
  values: unknown,
  numRows: number,
  numColumns: number,
  method: string,
): unknown[][] {
  if (!Array.isArray(values) || !values.every((row) => Array.isArray(row))) {
    throw signatureError([values], `SpreadsheetApp.Range.${method}`);
  }
  if (values.length !== numRows) {
    throw gasError(
      `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${numRows}.`,
    );
  }
  for (const row of values as unknown[][]) {
    if (row.length !== numColumns) {
      throw gasError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numColumns}.`,
      );
    }
  }
  return values as unknown[][];
}

export class LocalRange {
  constructor(
    private readonly ctx: Ctx,
    private readonly rect: GridRect,
    private readonly whole: { columns: boolean; rows: boolean } = { columns: false, rows: false },
  ) {}

  /** Runtime plumbing: where this range is. */
  _rect(): GridRect {
    return this.rect;
  }

  private get sheet(): SheetData {
    return this.rect.sheet;
  }

  /** Calls fn(r0, c0) for every cell, 0-based sheet coordinates. */
  private each(fn: (r0: number, c0: number, i: number, j: number) => void): void {
    const { row, column, numRows, numColumns } = this.rect;
    for (let i = 0; i < numRows; i++)
      for (let j = 0; j < numColumns; j++) fn(row - 1 + i, column - 1 + j, i, j);
  }

  /** A fresh 2-D array of fn(stored, format, r0, c0) over the range, reading layers row by row. */
  private grid<T>(layer: Layer<unknown>, fn: (v: unknown, r0: number, c0: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this.rect;
    const out: T[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const r0 = row - 1 + i;
      const cells = layer.row(r0);
      const line: T[] = new Array(numColumns);
      for (let j = 0; j < numColumns; j++)
        line[j] = fn(cells === undefined ? undefined : cells[column - 1 + j], r0, column - 1 + j);
      out[i] = line;
    }
    return out;
  }

  /** Refuses the write when a cell of the range is protected against the user the script runs as. */
  private checkEditable(): void {
    checkCellsEditable(this.ctx, this.rect);
  }

  private setAll<T>(layer: Layer<T>, value: T | undefined): this {
    this.checkEditable();
    this.each((r0, c0) => layer.set(r0, c0, value));
    return this;
  }

  private setEach<T>(
    layer: Layer<T>,
    values: unknown,
    method: string,
    convert: (v: unknown) => T | undefined,
  ): this {
    const rows = checkShape(values, this.rect.numRows, this.rect.numColumns, method);
    const converted = rows.map((row) => row.map(convert));
    this.checkEditable();
    this.each((r0, c0, i, j) => layer.set(r0, c0, converted[i][j]));
    return this;
  }

  // ---- position ----
  getRow(): number {
    return this.rect.row;
  }
  getRowIndex(): number {
    return this.rect.row;
  }
  getColumn(): number {
    return this.rect.column;
  }
  getNumRows(): number {
    return this.rect.numRows;
  }
  getNumColumns(): number {
    return this.rect.numColumns;
  }
  getHeight(): number {
    return this.rect.numRows;
  }
  getWidth(): number {
    return this.rect.numColumns;
  }
  getLastRow(): number {
    return this.rect.row + this.rect.numRows - 1;
  }
  getLastColumn(): number {
    return this.rect.column + this.rect.numColumns - 1;
  }
  getGridId(): number {
    return this.sheet.sheetId;
  }
  getSheet(): unknown {
    return this.ctx.sheet(this.sheet);
  }
  getA1Notation(): string {
    const { row, column, numRows, numColumns } = this.rect;
    if (this.whole.columns) return `${columnToLetters(column)}:${columnToLetters(column + numColumns - 1)}`;
    if (this.whole.rows) return `${row}:${row + numRows - 1}`;
    return toA1(this.rect);
  }
  getCell(row: number, column: number): unknown {
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numColumns) {
      throw unverified(
        `Range.getCell(${row}, ${column}) outside a ${this.rect.numRows}x${this.rect.numColumns} range`,
      );
    }
    return this.ctx.range({
      ...this.rect,
      row: this.rect.row + row - 1,
      column: this.rect.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): unknown {
    return this.ctx.rangeAt(
      this.sheet,
      this.rect.row + rowOffset,
      this.rect.column + columnOffset,
      numRows ?? this.rect.numRows,
      numColumns ?? this.rect.numColumns,
    );
  }

  // ---- values ----
  /** Every cell through `read` (readCell or displayCell), given its stored value and number format. */
  private readAll<T>(read: (...args: Parameters<typeof readCell>) => T): T[][] {
    const formats = this.sheet.formats.numberFormat;
    return this.grid(this.sheet.values, (v, r0, c0) =>
      read(this.ctx, this.sheet, r0, c0, v as never, formats.get(r0, c0)),
    );
  }
  /** The top-left cell through `read`, as the single-value getters return it. */
  private readFirst<T>(read: (...args: Parameters<typeof readCell>) => T): T {
    const r0 = this.rect.row - 1;
    const c0 = this.rect.column - 1;
    return read(
      this.ctx,
      this.sheet,
      r0,
      c0,
      this.sheet.values.get(r0, c0),
      this.sheet.formats.numberFormat.get(r0, c0),
    );
  }
  getValues(): unknown[][] {
    return this.readAll(readCell);
  }
  getValue(): unknown {
    return this.readFirst(readCell);
  }
  getDisplayValues(): string[][] {
    return this.readAll(displayCell);
  }
  getDisplayValue(): string {
    return this.readFirst(displayCell);
  }
  setValues(values: unknown): this {
    const rows = checkShape(values, this.rect.numRows, this.rect.numColumns, 'setValues');
    const wctx = writeContext(this.ctx, this.sheet);
    const formats = this.sheet.formats.numberFormat;
    const written: Written[][] = rows.map(() => []);
    this.each((r0, c0, i, j) => {
      written[i][j] = interpretValue(rows[i][j], formats.get(r0, c0) === '@', wctx);
    });
    this.checkEditable();
    this.each((r0, c0, i, j) => writeCell(this.sheet, r0, c0, written[i][j]));
    return this;
  }
  /** Writes the value into every cell of the range. */
  setValue(value: unknown): this {
    const wctx = writeContext(this.ctx, this.sheet);
    const written: Written[] = [];
    this.each((r0, c0) =>
      written.push(interpretValue(value, this.sheet.formats.numberFormat.get(r0, c0) === '@', wctx)),
    );
    this.checkEditable();
    let k = 0;
    this.each((r0, c0) => writeCell(this.sheet, r0, c0, written[k++]));
    return this;
  }
  isBlank(): boolean {
    let blank = true;
    this.each((r0, c0) => {
      if (this.sheet.values.get(r0, c0) !== undefined) blank = false;
    });
    return blank;
  }

  // ---- formulas ----
  getFormulas(): string[][] {
    return this.grid(this.sheet.values, (v) => (v instanceof Formula ? v.text : ''));
  }
  getFormula(): string {
    const v = this.sheet.values.get(this.rect.row - 1, this.rect.column - 1);
    return v instanceof Formula ? v.text : '';
  }
  private formulaWritten(f: unknown, method: string): Written {
    if (typeof f !== 'string') throw signatureError([f], `SpreadsheetApp.Range.${method}`);
    if (f === '') return { value: undefined };
    if (!f.startsWith('=')) throw unverified(`Range.${method} with text that does not start with "="`);
    checkCellLength(f);
    return { value: new Formula(f) };
  }
  setFormula(formula: unknown): this {
    if (this.rect.numRows * this.rect.numColumns > 1) {
      throw unverified('Range.setFormula on several cells (Sheets adjusts relative references per cell)');
    }
    const written = this.formulaWritten(formula, 'setFormula');
    this.checkEditable();
    writeCell(this.sheet, this.rect.row - 1, this.rect.column - 1, written);
    return this;
  }
  setFormulas(formulas: unknown): this {
    const rows = checkShape(formulas, this.rect.numRows, this.rect.numColumns, 'setFormulas');
    const written = rows.map((row) => row.map((f) => this.formulaWritten(f, 'setFormulas')));
    this.checkEditable();
    this.each((r0, c0, i, j) => writeCell(this.sheet, r0, c0, written[i][j]));
    return this;
  }

  // ---- number formats ----
  getNumberFormats(): string[][] {
    return this.grid(this.sheet.formats.numberFormat, (v) => (v as string | undefined) ?? AUTOMATIC_FORMAT);
  }
  getNumberFormat(): string {
    return this.sheet.formats.numberFormat.get(this.rect.row - 1, this.rect.column - 1) ?? AUTOMATIC_FORMAT;
  }
  setNumberFormat(numberFormat: unknown): this {
    if (typeof numberFormat !== 'string')
      throw signatureError([numberFormat], 'SpreadsheetApp.Range.setNumberFormat');
    return this.setAll(this.sheet.formats.numberFormat, numberFormat);
  }
  setNumberFormats(numberFormats: unknown): this {
    return this.setEach(this.sheet.formats.numberFormat, numberFormats, 'setNumberFormats', (f) => {
      if (typeof f !== 'string')
        throw signatureError([numberFormats], 'SpreadsheetApp.Range.setNumberFormats');
      return f;
    });
  }

  // ---- colours and fonts ----
  getBackgrounds(): string[][] {
    return this.grid(this.sheet.formats.background, (v) => (v as string | undefined) ?? DEFAULT_BACKGROUND);
  }
  getBackground(): string {
    return this.sheet.formats.background.get(this.rect.row - 1, this.rect.column - 1) ?? DEFAULT_BACKGROUND;
  }
  /** null (and, in the 2-D setters, a missing entry) puts the cell back to the default colour. */
  private setColor(layer: Layer<string>, color: string | null): this {
    return this.setAll(layer, color === null ? undefined : normalizeColor(String(color)));
  }
  private setColors(layer: Layer<string>, colors: unknown, method: string): this {
    return this.setEach(layer, colors, method, (c) =>
      c === null || c === undefined ? undefined : normalizeColor(String(c)),
    );
  }
  setBackground(color: string | null): this {
    return this.setColor(this.sheet.formats.background, color);
  }
  setBackgrounds(colors: unknown): this {
    return this.setColors(this.sheet.formats.background, colors, 'setBackgrounds');
  }
  getFontColors(): string[][] {
    return this.grid(this.sheet.formats.fontColor, (v) => (v as string | undefined) ?? DEFAULT_FONT_COLOR);
  }
  getFontColor(): string {
    return this.sheet.formats.fontColor.get(this.rect.row - 1, this.rect.column - 1) ?? DEFAULT_FONT_COLOR;
  }
  setFontColor(color: string | null): this {
    return this.setColor(this.sheet.formats.fontColor, color);
  }
  setFontColors(colors: unknown): this {
    return this.setColors(this.sheet.formats.fontColor, colors, 'setFontColors');
  }
  getFontWeights(): string[][] {
    return this.grid(this.sheet.formats.fontWeight, (v) => (v as string | undefined) ?? 'normal');
  }
  getFontWeight(): string {
    return this.sheet.formats.fontWeight.get(this.rect.row - 1, this.rect.column - 1) ?? 'normal';
  }
  private fontWeight(w: unknown, method: string): 'bold' | undefined {
    if (w === null || w === 'normal') return undefined;
    if (w === 'bold') return 'bold';
    throw signatureError([w], `SpreadsheetApp.Range.${method}`);
  }
  setFontWeight(fontWeight: unknown): this {
    return this.setAll(this.sheet.formats.fontWeight, this.fontWeight(fontWeight, 'setFontWeight'));
  }
  setFontWeights(fontWeights: unknown): this {
    return this.setEach(this.sheet.formats.fontWeight, fontWeights, 'setFontWeights', (w) =>
      this.fontWeight(w, 'setFontWeights'),
    );
  }
  getFontSizes(): number[][] {
    return this.grid(this.sheet.formats.fontSize, (v) => (v as number | undefined) ?? DEFAULT_FONT_SIZE);
  }
  getFontSize(): number {
    return this.sheet.formats.fontSize.get(this.rect.row - 1, this.rect.column - 1) ?? DEFAULT_FONT_SIZE;
  }
  setFontSize(size: unknown): this {
    if (typeof size !== 'number') throw signatureError([size], 'SpreadsheetApp.Range.setFontSize');
    return this.setAll(this.sheet.formats.fontSize, size === DEFAULT_FONT_SIZE ? undefined : size);
  }

  // ---- wrapping and alignment ----
  setWrap(isWrapEnabled: boolean): this {
    return this.setAll<WrapStrategyKey>(this.sheet.formats.wrap, isWrapEnabled ? 'WRAP' : 'OVERFLOW');
  }
  setWraps(isWrapEnabled: unknown): this {
    return this.setEach<WrapStrategyKey>(this.sheet.formats.wrap, isWrapEnabled, 'setWraps', (w) =>
      w ? 'WRAP' : 'OVERFLOW',
    );
  }
  private strategy(s: unknown, method: string): WrapStrategyKey {
    const key = enumKey(WrapStrategy, s);
    if (!key) throw signatureError([s], `SpreadsheetApp.Range.${method}`);
    return key;
  }
  setWrapStrategy(strategy: unknown): this {
    return this.setAll(this.sheet.formats.wrap, this.strategy(strategy, 'setWrapStrategy'));
  }
  setWrapStrategies(strategies: unknown): this {
    return this.setEach(this.sheet.formats.wrap, strategies, 'setWrapStrategies', (s) =>
      this.strategy(s, 'setWrapStrategies'),
    );
  }
  /** A new sheet's cells overflow into empty neighbours (the Sheets default). */
  getWrapStrategy(): unknown {
    return WrapStrategy[this.sheet.formats.wrap.get(this.rect.row - 1, this.rect.column - 1) ?? 'OVERFLOW'];
  }
  setHorizontalAlignment(alignment: unknown): this {
    if (alignment !== null && !['left', 'center', 'right', 'normal'].includes(String(alignment))) {
      throw signatureError([alignment], 'SpreadsheetApp.Range.setHorizontalAlignment');
    }
    return this.setAll(
      this.sheet.formats.horizontalAlignment,
      alignment === null || alignment === 'normal' ? undefined : String(alignment),
    );
  }
  setVerticalAlignment(alignment: unknown): this {
    if (alignment !== null && !['top', 'middle', 'bottom'].includes(String(alignment))) {
      throw signatureError([alignment], 'SpreadsheetApp.Range.setVerticalAlignment');
    }
    return this.setAll(
      this.sheet.formats.verticalAlignment,
      alignment === null ? undefined : String(alignment),
    );
  }

  // ---- notes ----
  getNotes(): string[][] {
    return this.grid(this.sheet.notes, (v) => (v as string | undefined) ?? '');
  }
  getNote(): string {
    return this.sheet.notes.get(this.rect.row - 1, this.rect.column - 1) ?? '';
  }
  setNote(note: unknown): this {
    return this.setAll(this.sheet.notes, note === null || note === '' ? undefined : String(note));
  }
  setNotes(notes: unknown): this {
    return this.setEach(this.sheet.notes, notes, 'setNotes', (n) =>
      n === null || n === '' || n === undefined ? undefined : String(n),
    );
  }
  clearNote(): this {
    return this.setAll(this.sheet.notes, undefined);
  }

  // ---- data validation ----
  private specOf(rule: unknown, method: string): ValidationSpec | undefined {
    if (rule === null) return undefined;
    const r = rule as { _spec?: () => ValidationSpec };
    if (!r || typeof r._spec !== 'function') throw signatureError([rule], `SpreadsheetApp.Range.${method}`);
    return r._spec();
  }
  setDataValidation(rule: unknown): this {
    return this.setAll(this.sheet.validations, this.specOf(rule, 'setDataValidation'));
  }
  setDataValidations(rules: unknown): this {
    return this.setEach(this.sheet.validations, rules, 'setDataValidations', (r) =>
      this.specOf(r, 'setDataValidations'),
    );
  }
  getDataValidation(): unknown {
    const spec = this.sheet.validations.get(this.rect.row - 1, this.rect.column - 1);
    return spec === undefined ? null : this.ctx.validation(spec);
  }
  getDataValidations(): unknown[][] {
    return this.grid(this.sheet.validations, (spec) =>
      spec === undefined ? null : this.ctx.validation(spec as ValidationSpec),
    );
  }
  clearDataValidations(): this {
    return this.setAll(this.sheet.validations, undefined);
  }

  // ---- clearing ----
  private clearLayers(layers: Layer<unknown>[]): void {
    this.checkEditable();
    const { row, column, numRows, numColumns } = this.rect;
    for (const layer of layers) layer.clear(row - 1, column - 1, numRows, numColumns);
  }
  /** With no options everything goes: contents, formats, validation and notes ("By default all data is cleared"). */
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): this {
    const o = options ?? {};
    const all = !o.contentsOnly && !o.formatOnly && !o.validationsOnly && !o.commentsOnly;
    const layers: Layer<unknown>[] = [];
    if (all || o.contentsOnly) layers.push(this.sheet.values);
    if (all || o.formatOnly) layers.push(...(Object.values(this.sheet.formats) as Layer<unknown>[]));
    if (all || o.validationsOnly) layers.push(this.sheet.validations);
    if (all || o.commentsOnly) layers.push(this.sheet.notes);
    this.clearLayers(layers);
    return this;
  }
  clearContent(): this {
    this.clearLayers([this.sheet.values]);
    return this;
  }
  clearFormat(): this {
    this.clearLayers(Object.values(this.sheet.formats) as Layer<unknown>[]);
    return this;
  }

  // ---- selection and protection ----
  activate(): this {
    const { row, column, numRows, numColumns } = this.rect;
    this.sheet.selection = { row, column, numRows, numColumns };
    this.sheet.parent.activeSheet = this.sheet;
    return this;
  }
  protect(): unknown {
    if (!canEditCells(this.ctx, this.rect)) {
      throw unverified('Range.protect over cells protected against the user the script runs as');
    }
    const data = newProtection(this.sheet, { ...this.rect }, userOf(this.ctx, this.sheet.parent));
    this.sheet.protections.push(data);
    return this.ctx.protection(data);
  }
  /** Whether the user the script runs as may edit every cell of the range (the owner always may). */
  canEdit(): boolean {
    return canEditCells(this.ctx, this.rect);
  }
}
