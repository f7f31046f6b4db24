// Entry point of the in-memory SpreadsheetApp: createSpreadsheetApp(core) gives the global for script code and a
// store for tests and the CLI (create spreadsheets, fill sheets, read everything back without counting calls).
import type { RuntimeCore } from '../core';
import { LocalSpreadsheetApp, type SpreadsheetDirectory } from './app';
import { Ctx, type FormulaEvaluator } from './context';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, SheetData, SpreadsheetData } from './data';
import { ChartType } from './enums';
import { LocalRuntimeError } from '../errors';
import { localeInfo } from './locale';
import { spreadsheetModel, type SpreadsheetModel } from './model';
import type { LocalSheet } from './sheet';
import type { LocalSpreadsheet } from './spreadsheet';
import { isValidTimeZone } from './timezone';
import type { UiRecorder } from './ui';

export type {
  SpreadsheetModel,
  SheetModel,
  RangeRef,
  ValidationModel,
  ConditionalFormatModel,
  ProtectionModel,
  ChartModel,
} from './model';
export type {
  UiRecorder,
  UiAnswer,
  MenuRecord,
  MenuItemRecord,
  DialogRecord,
  AlertRecord,
  ToastRecord,
} from './ui';
export type { FormulaEvaluator } from './context';
export type { LocalSpreadsheet } from './spreadsheet';
export type { LocalSheet } from './sheet';
export type { LocalRange } from './range';
export { LocalRuntimeError } from '../errors';

export interface CreateOptions {
  ownerEmail?: string;
  locale?: string;
  /** People the file is shared with for editing (a new protection's editors mirror them). */
  editors?: string[];
  rows?: number;
  columns?: number;
}

/** Test- and CLI-side access to the spreadsheets: nothing here is counted as a script call. */
export class SpreadsheetStore {
  /** Owner of spreadsheets created from now on (scripts run as this person unless setCurrentUser says otherwise). */
  ownerEmail = 'owner@example.com';
  private readonly byId = new Map<string, SpreadsheetData>();
  private activeData: SpreadsheetData | null = null;
  private created = 0;

  constructor(
    private readonly ctx: Ctx,
    private readonly defaultLocale: string,
  ) {}

  /** Everything the script did with the UI, and the queue of answers for alerts and prompts. */
  get ui(): UiRecorder {
    return this.ctx.ui;
  }

  /** A new spreadsheet with one empty "Sheet1" of 1000 rows and 26 columns. The first one created becomes active. */
  create(name: string, timeZone = 'Europe/London', opts: CreateOptions = {}): LocalSpreadsheet {
    const data = this.createData(name, timeZone, opts);
    if (!this.activeData) this.activeData = data;
    return this.ctx.spreadsheet(data);
  }

  /** The spreadsheet the script is bound to: what getActiveSpreadsheet() returns. */
  setActive(ss: LocalSpreadsheet | null): void {
    this.activeData = ss === null ? null : this.dataOf(ss);
  }
  active(): LocalSpreadsheet | null {
    return this.activeData ? this.ctx.spreadsheet(this.activeData) : null;
  }
  openById(id: string): LocalSpreadsheet | null {
    const data = this.byId.get(id);
    return data ? this.ctx.spreadsheet(data) : null;
  }
  list(): LocalSpreadsheet[] {
    return [...this.byId.values()].map((d) => this.ctx.spreadsheet(d));
  }

  /** The spreadsheet as plain data (values, formats, rules, protections, charts), read without counting calls. */
  model(ss: LocalSpreadsheet | null = this.active()): SpreadsheetModel {
    if (!ss) throw new LocalRuntimeError('store.model(): no spreadsheet given and none is active');
    return spreadsheetModel(this.ctx, this.dataOf(ss));
  }

  /**
   * Fills a sheet (created at the end if missing) from rows of data as a person typing them would: strings are
   * read as typed ("31/03/2010" becomes a date in en_GB, "0123" the number 123, "'0123" the text). The grid grows
   * to fit. Uncounted.
   */
  load(sheetName: string, rows: unknown[][], ss: LocalSpreadsheet | null = this.active()): LocalSheet {
    if (!ss) throw new LocalRuntimeError('store.load(): no spreadsheet given and none is active');
    const data = this.dataOf(ss);
    let sheet = data.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    if (!sheet) {
      sheet = new SheetData(data, sheetName, data.newSheetId());
      data.sheets.push(sheet);
    }
    const proxy = this.ctx.sheet(sheet);
    proxy._load(rows);
    return proxy;
  }

  /** Sets the user's selection ("Actions!B3:C4", or A1 notation on the active sheet), as a click would. */
  select(a1: string, ss: LocalSpreadsheet | null = this.active()): void {
    if (!ss) throw new LocalRuntimeError('store.select(): no spreadsheet given and none is active');
    const range = ss._rangeUncounted(a1);
    const { sheet, row, column, numRows, numColumns } = range;
    sheet.selection = { row, column, numRows, numColumns };
    sheet.parent.activeSheet = sheet;
  }

  /** Lets a test supply what a formula evaluates to (the runtime cannot calculate formulas). */
  setFormulaEvaluator(fn: FormulaEvaluator | null): void {
    this.ctx.formulaEvaluator = fn;
  }

  /** Dates handed to script code are made with this constructor (the script's vm realm has its own Date). */
  useDateClass(DateClass: DateConstructor): void {
    this.ctx.DateClass = DateClass;
  }

  /**
   * Who scripts run as from now on (the runtime passes Session's effective user): protections are enforced against
   * this person. null (the default) runs every script as the spreadsheet's owner, who may edit everything.
   */
  setCurrentUser(user: (() => string) | null): void {
    this.ctx.currentUser = user;
  }

  /** False while simulating an execution without a user interface (a trigger): getUi() then throws. */
  setUiAvailable(available: boolean): void {
    this.ctx.ui.available = available;
  }

  // ---- plumbing shared with SpreadsheetApp ----
  _directory(): SpreadsheetDirectory {
    return {
      byId: (id) => this.byId.get(id),
      active: () => this.activeData,
      create: (name, rows, columns) =>
        this.createData(name, 'Europe/London', {
          rows: rows ?? DEFAULT_ROWS,
          columns: columns ?? DEFAULT_COLUMNS,
        }),
    };
  }

  private createData(name: string, timeZone: string, opts: CreateOptions): SpreadsheetData {
    if (!isValidTimeZone(timeZone)) throw new LocalRuntimeError(`Unknown time zone "${timeZone}"`);
    const locale = opts.locale ?? this.defaultLocale;
    localeInfo(locale);
    this.created += 1;
    const id = `1${`local-spreadsheet-${String(this.created).padStart(6, '0')}`.padEnd(43, 'x')}`;
    const data = new SpreadsheetData(id, name, timeZone, locale, opts.ownerEmail ?? this.ownerEmail);
    data.editors = [...(opts.editors ?? [])];
    const sheet = new SheetData(
      data,
      'Sheet1',
      data.newSheetId(),
      opts.rows ?? DEFAULT_ROWS,
      opts.columns ?? DEFAULT_COLUMNS,
    );
    data.sheets.push(sheet);
    data.activeSheet = sheet;
    this.byId.set(id, data);
    return data;
  }

  private dataOf(ss: LocalSpreadsheet): SpreadsheetData {
    const data = (ss as { _data?: () => SpreadsheetData })._data?.();
    if (!data || !this.byId.has(data.id)) throw new LocalRuntimeError('Not a spreadsheet of this store');
    return data;
  }
}

export interface SpreadsheetAppRuntime {
  SpreadsheetApp: LocalSpreadsheetApp;
  /** The Charts global, for Charts.ChartType (the rest of the Charts service is not modelled). */
  Charts: { ChartType: typeof ChartType };
  store: SpreadsheetStore;
}

/**
 * Builds SpreadsheetApp (and the tiny Charts global) over an empty store. `locale` is the default for new
 * spreadsheets (en_GB unless given; en_GB and en_US are modelled). `dateClass` is the Date constructor of the realm
 * the script runs in.
 */
export function createSpreadsheetApp(
  core: RuntimeCore,
  opts: { locale?: string; dateClass?: DateConstructor } = {},
): SpreadsheetAppRuntime {
  const ctx = new Ctx(core);
  if (opts.dateClass) ctx.DateClass = opts.dateClass;
  const locale = opts.locale ?? 'en_GB';
  localeInfo(locale);
  const store = new SpreadsheetStore(ctx, locale);
  const SpreadsheetApp = core.expose(
    'SpreadsheetApp',
    'SpreadsheetApp',
    new LocalSpreadsheetApp(ctx, store._directory()),
  );
  const Charts = core.expose('Charts', 'Charts', { ChartType });
  return { SpreadsheetApp, Charts, store };
}
