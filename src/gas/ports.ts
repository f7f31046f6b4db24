// The narrow slices of the Apps Script services the code uses. The checks at the bottom make the compiler prove
// that the real @types/google-apps-script classes satisfy them, so code typed by these calls only real methods.

export interface RangePort {
  getValues(): unknown[][];
  setValues(values: unknown[][]): RangePort;
}

export interface SheetPort {
  getName(): string;
  getDataRange(): RangePort;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangePort;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxColumns(): number;
  insertColumnsAfter(columnIndex: number, howMany: number): SheetPort;
  appendRow(rowContents: unknown[]): SheetPort;
  setFrozenRows(rows: number): void;
}

export interface SpreadsheetPort {
  getSheetByName(name: string): SheetPort | null;
  insertSheet(sheetName: string): SheetPort;
  getSpreadsheetTimeZone(): string;
  toast(msg: string, title: string, timeoutSeconds?: number): void;
}

export interface MenuPort {
  addItem(caption: string, functionName: string): MenuPort;
  addSeparator(): MenuPort;
  addToUi(): void;
}

export interface UiPort {
  createMenu(caption: string): MenuPort;
  alert(prompt: string): unknown;
}

export interface LockPort {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
}

/** What a job is handed: the services of one execution and the clock, so tests can pass their own. */
export interface Services {
  spreadsheet: SpreadsheetPort;
  lock: LockPort;
  now(): Date;
  /** The signed-in user's email, or '' when Google withholds it. */
  userEmail(): string;
}

// Compile-time proofs that the real services fit the ports (never called).
type Fits<Real, Port> = Real extends Port ? true : never;
export const PORTS_FIT_REAL_SERVICES: [
  Fits<GoogleAppsScript.Spreadsheet.Range, RangePort>,
  Fits<GoogleAppsScript.Spreadsheet.Sheet, SheetPort>,
  Fits<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetPort>,
  Fits<GoogleAppsScript.Base.Menu, MenuPort>,
  Fits<GoogleAppsScript.Base.Ui, UiPort>,
  Fits<GoogleAppsScript.Lock.Lock, LockPort>,
] = [true, true, true, true, true, true];
