// Spreadsheet: the file, its sheets in order, the active sheet and selection, named ranges, protections and toasts.
import { parseA1 } from './a1';
import type { Ctx } from './context';
import { SheetData, type GridRect, type SpreadsheetData } from './data';
import { enumKey } from '../enums';
import { ProtectionType } from './enums';
import { gasError, signatureError, unverified } from './errors';
import { localeInfo } from './locale';
import { checkSheetChange } from './permissions';
import { NAME_TAKEN, checkCoordinates } from './sheet';
import { checkCellLimit } from './structure';
import { isValidTimeZone } from './timezone';

const NAMED_RANGE_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export class LocalSpreadsheet {
  constructor(
    private readonly ctx: Ctx,
    private readonly data: SpreadsheetData,
  ) {}

  _data(): SpreadsheetData {
    return this.data;
  }

  getId(): string {
    return this.data.id;
  }
  getName(): string {
    return this.data.name;
  }
  rename(newName: string): void {
    this.data.name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.data.id}/edit`;
  }
  getOwner(): unknown {
    return this.ctx.user(this.data.ownerEmail);
  }
  getEditors(): unknown[] {
    return [this.data.ownerEmail, ...this.data.editors.filter((e) => e !== this.data.ownerEmail)].map((e) =>
      this.ctx.user(e),
    );
  }
  addEditor(user: unknown): this {
    const email = typeof user === 'string' ? user : this.ctx.emailOfUser(user);
    if (email === null) throw signatureError([user], 'SpreadsheetApp.Spreadsheet.addEditor');
    if (!this.data.editors.includes(email)) this.data.editors.push(email);
    return this;
  }
  removeEditor(user: unknown): this {
    const email = typeof user === 'string' ? user : this.ctx.emailOfUser(user);
    this.data.editors = this.data.editors.filter((e) => e !== email);
    return this;
  }

  // ---- locale and time zone ----
  getSpreadsheetTimeZone(): string {
    return this.data.timeZone;
  }
  /** Date-times keep their wall-clock reading; the instants they stand for move with the zone, as in Sheets. */
  setSpreadsheetTimeZone(timezone: string): void {
    if (typeof timezone !== 'string' || !isValidTimeZone(timezone))
      throw unverified(`setSpreadsheetTimeZone("${String(timezone)}")`);
    this.data.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this.data.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    localeInfo(locale);
    this.data.locale = locale;
  }

  // ---- sheets ----
  getSheets(): unknown[] {
    return this.data.sheets.map((s) => this.ctx.sheet(s));
  }
  getNumSheets(): number {
    return this.data.sheets.length;
  }
  /** Sheet names are matched without regard to case, as Sheets does (names differing only in case cannot coexist). */
  getSheetByName(name: string): unknown {
    const lower = String(name).toLowerCase();
    const found = this.data.sheets.find((s) => s.name.toLowerCase() === lower);
    return found ? this.ctx.sheet(found) : null;
  }
  getSheetById(id: number): unknown {
    const found = this.data.sheets.find((s) => s.sheetId === id);
    return found ? this.ctx.sheet(found) : null;
  }
  /** insertSheet(), (sheetIndex), (sheetName) or (sheetName, sheetIndex); the index is 0-based; the new sheet becomes active. */
  insertSheet(...args: unknown[]): unknown {
    let name: string | undefined;
    let index = this.data.sheets.length;
    const [a, b] = args;
    if (args.length > 2 || (args.length === 2 && typeof b === 'object') || typeof a === 'object') {
      throw unverified('insertSheet with options (templates)');
    }
    if (typeof a === 'string') name = a;
    else if (typeof a === 'number') index = a;
    else if (a !== undefined) throw signatureError(args, 'SpreadsheetApp.Spreadsheet.insertSheet');
    if (args.length === 2) {
      if (typeof b !== 'number') throw signatureError(args, 'SpreadsheetApp.Spreadsheet.insertSheet');
      index = b;
    }
    if (!Number.isInteger(index) || index < 0 || index > this.data.sheets.length) {
      throw unverified(`insertSheet at index ${index} of ${this.data.sheets.length} sheets`);
    }
    if (name !== undefined && this.data.sheets.some((s) => s.name.toLowerCase() === name!.toLowerCase())) {
      throw gasError(NAME_TAKEN(name));
    }
    if (name === undefined) {
      let n = this.data.sheets.length + 1;
      while (this.data.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const sheet = new SheetData(this.data, name, this.data.newSheetId());
    checkCellLimit(this.data, sheet.maxRows * sheet.maxColumns);
    this.data.sheets.splice(index, 0, sheet);
    this.data.activeSheet = sheet;
    return this.ctx.sheet(sheet);
  }
  deleteSheet(sheet: unknown): void {
    const target = this.ctx.sheetDataOf(sheet);
    if (!target || target.parent !== this.data)
      throw signatureError([sheet], 'SpreadsheetApp.Spreadsheet.deleteSheet');
    if (this.data.sheets.length <= 1) throw gasError("You can't remove all the sheets in a document.");
    if (!target.hidden && this.data.sheets.filter((s) => !s.hidden).length <= 1) {
      throw gasError("You can't remove all the visible sheets in a document.");
    }
    checkSheetChange(this.ctx, target, 'Spreadsheet.deleteSheet');
    this.data.sheets = this.data.sheets.filter((s) => s !== target);
    for (const [name, rect] of this.data.namedRanges)
      if (rect.sheet === target) this.data.namedRanges.delete(name);
    target.deleted = true;
    if (this.data.activeSheet === target)
      this.data.activeSheet = this.data.sheets.find((s) => !s.hidden) ?? null;
  }
  getActiveSheet(): unknown {
    const active = this.data.activeSheet ?? this.data.sheets[0];
    return this.ctx.sheet(active);
  }
  setActiveSheet(sheet: unknown): unknown {
    const target = this.ctx.sheetDataOf(sheet);
    if (!target || target.parent !== this.data)
      throw signatureError([sheet], 'SpreadsheetApp.Spreadsheet.setActiveSheet');
    this.data.activeSheet = target;
    return sheet;
  }
  /** Moves the active sheet to a 1-based position. */
  moveActiveSheet(pos: number): void {
    const active = this.data.activeSheet ?? this.data.sheets[0];
    if (!Number.isInteger(pos) || pos < 1 || pos > this.data.sheets.length)
      throw unverified(`moveActiveSheet(${pos})`);
    this.data.sheets = this.data.sheets.filter((s) => s !== active);
    this.data.sheets.splice(pos - 1, 0, active);
  }
  getActiveRange(): unknown {
    const active = this.data.activeSheet ?? this.data.sheets[0];
    return this.ctx.range({ sheet: active, ...active.selection });
  }
  getActiveCell(): unknown {
    const active = this.data.activeSheet ?? this.data.sheets[0];
    return this.ctx.range({
      sheet: active,
      row: active.selection.row,
      column: active.selection.column,
      numRows: 1,
      numColumns: 1,
    });
  }
  setActiveRange(range: unknown): unknown {
    const rect = this.ctx.rectOf(range);
    if (!rect || rect.sheet.parent !== this.data)
      throw signatureError([range], 'SpreadsheetApp.Spreadsheet.setActiveRange');
    const { row, column, numRows, numColumns } = rect;
    rect.sheet.selection = { row, column, numRows, numColumns };
    this.data.activeSheet = rect.sheet;
    return range;
  }

  // ---- ranges by notation and by name ----
  /** "Sheet1!A1:B2", or plain A1 notation on the active sheet. */
  getRange(a1Notation: string): unknown {
    if (typeof a1Notation !== 'string')
      throw signatureError([a1Notation], 'SpreadsheetApp.Spreadsheet.getRange');
    const { rect, whole } = this.resolve(a1Notation);
    return this.ctx.range(rect, whole);
  }
  /** Runtime plumbing (store.select): where A1 notation points, checked as getRange checks it. */
  _rangeUncounted(a1Notation: string): GridRect {
    return this.resolve(a1Notation).rect;
  }
  private resolve(a1Notation: string): { rect: GridRect; whole: { columns: boolean; rows: boolean } } {
    const active = this.data.activeSheet ?? this.data.sheets[0];
    const probe = parseA1(a1Notation, 1, 1);
    const sheet = probe?.sheetName
      ? this.data.sheets.find((s) => s.name.toLowerCase() === probe.sheetName!.toLowerCase())
      : active;
    if (!probe || !sheet) throw gasError('Range not found');
    const parsed = parseA1(a1Notation, sheet.maxRows, sheet.maxColumns)!;
    checkCoordinates(sheet, parsed.row, parsed.column, parsed.numRows, parsed.numColumns);
    return {
      rect: {
        sheet,
        row: parsed.row,
        column: parsed.column,
        numRows: parsed.numRows,
        numColumns: parsed.numColumns,
      },
      whole: { columns: parsed.wholeColumns, rows: parsed.wholeRows },
    };
  }
  /**
   * Names follow Sheets' rules (a letter or underscore, then letters, digits, underscores, full stops; not a cell
   * reference). The wording of the refusal below is the runtime's own: the service's is not known here.
   */
  setNamedRange(name: string, range: unknown): void {
    const rect = this.ctx.rectOf(range);
    if (!rect) throw signatureError([name, range], 'SpreadsheetApp.Spreadsheet.setNamedRange');
    if (
      typeof name !== 'string' ||
      !NAMED_RANGE_NAME.test(name) ||
      parseA1(name, 1, 1) !== null ||
      /^(true|false)$/i.test(name)
    ) {
      throw unverified(`setNamedRange with the name "${String(name)}"`);
    }
    this.data.namedRanges.set(name, { ...rect });
  }
  getRangeByName(name: string): unknown {
    const rect = this.data.namedRanges.get(name);
    return rect ? this.ctx.range(rect) : null;
  }
  getNamedRanges(): unknown[] {
    return [...this.data.namedRanges.keys()].map((n) => this.ctx.namedRange(this.data, n));
  }
  removeNamedRange(name: string): void {
    this.data.namedRanges.delete(name);
  }

  getProtections(type: unknown): unknown[] {
    const key = enumKey(ProtectionType, type);
    if (!key) throw signatureError([type], 'SpreadsheetApp.Spreadsheet.getProtections');
    return this.data.sheets.flatMap((s) =>
      s.protections.filter((p) => p.type === key).map((p) => this.ctx.protection(p)),
    );
  }

  /** Shown in the corner of the user's window; recorded in store.ui.toasts (a toast from a trigger shows nowhere). */
  toast(msg: unknown, title?: unknown, timeoutSeconds?: number): void {
    this.ctx.ui.toasts.push({
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }
}

/** NamedRange: a name bound to a range of the spreadsheet. */
export class LocalNamedRange {
  constructor(
    private readonly ctx: Ctx,
    private readonly ss: SpreadsheetData,
    private name: string,
  ) {}

  getName(): string {
    return this.name;
  }
  getRange(): unknown {
    const rect = this.ss.namedRanges.get(this.name);
    if (!rect) throw unverified('NamedRange.getRange after the name was removed');
    return this.ctx.range(rect);
  }
  setName(name: string): this {
    const rect = this.ss.namedRanges.get(this.name);
    if (!rect) throw unverified('NamedRange.setName after the name was removed');
    this.ss.namedRanges.delete(this.name);
    this.ss.namedRanges.set(name, rect);
    this.name = name;
    return this;
  }
  setRange(range: unknown): this {
    const rect = this.ctx.rectOf(range);
    if (!rect) throw signatureError([range], 'SpreadsheetApp.NamedRange.setRange');
    this.ss.namedRanges.set(this.name, { ...rect });
    return this;
  }
  remove(): void {
    this.ss.namedRanges.delete(this.name);
  }
}
