// The runtime's shared state and the one place that wraps implementation objects for script code: every Sheet,
// Range, rule or dialog a script receives is made here through core.expose, so every call on it is counted.
import type { RuntimeCore } from '../core';
import {
  LocalChartOptions,
  LocalContainerInfo,
  LocalEmbeddedChart,
  LocalEmbeddedChartBuilder,
  type ChartState,
} from './charts';
import {
  LocalBooleanCondition,
  LocalConditionalFormatRule,
  LocalConditionalFormatRuleBuilder,
} from './conditionalFormat';
import type { ConditionalFormatSpec, GridRect, ProtectionData, SheetData, SpreadsheetData } from './data';
import type { ButtonKey } from './enums';
import { LocalProtection } from './protection';
import { LocalRange } from './range';
import { LocalSheet, checkCoordinates } from './sheet';
import { LocalNamedRange, LocalSpreadsheet } from './spreadsheet';
import { LocalMenu, LocalPromptResponse, LocalUi, UiRecorder } from './ui';
import { LocalDataValidation, LocalDataValidationBuilder, type ValidationSpec } from './validation';

const SERVICE = 'SpreadsheetApp';

/** Answers a formula the runtime cannot calculate: given "=SUM(A1:A3)" and "Sheet1!B4", a value, or undefined. */
export type FormulaEvaluator = (formula: string, a1: string) => unknown;

class LocalUser {
  constructor(private readonly email: string) {}
  _email(): string {
    return this.email;
  }
  getEmail(): string {
    return this.email;
  }
}

export class Ctx {
  readonly ui = new UiRecorder();
  /** The Date constructor of the realm script code runs in, so `value instanceof Date` holds there. */
  DateClass: DateConstructor = Date;
  formulaEvaluator: FormulaEvaluator | null = null;
  /** The account the script runs as (Session's effective user); null runs every script as the file's owner. */
  currentUser: (() => string) | null = null;
  private readonly spreadsheets = new WeakMap<SpreadsheetData, LocalSpreadsheet>();
  private readonly sheets = new WeakMap<SheetData, LocalSheet>();
  private uiProxy: LocalUi | null = null;

  constructor(readonly core: RuntimeCore) {}

  private expose<T extends object>(typeName: string, impl: T): T {
    return this.core.expose(SERVICE, typeName, impl);
  }

  spreadsheet(data: SpreadsheetData): LocalSpreadsheet {
    let p = this.spreadsheets.get(data);
    if (!p) {
      p = this.expose('Spreadsheet', new LocalSpreadsheet(this, data));
      this.spreadsheets.set(data, p);
    }
    return p;
  }
  sheet(data: SheetData): LocalSheet {
    let p = this.sheets.get(data);
    if (!p) {
      p = this.expose('Sheet', new LocalSheet(this, data));
      this.sheets.set(data, p);
    }
    return p;
  }
  range(rect: GridRect, whole?: { columns: boolean; rows: boolean }): LocalRange {
    return this.expose('Range', new LocalRange(this, { ...rect }, whole));
  }
  /** A range from getRange(row, column, numRows, numColumns)-style numbers, checked as the service checks them. */
  rangeAt(sheet: SheetData, row: number, column: number, numRows: number, numColumns: number): LocalRange {
    checkCoordinates(sheet, row, column, numRows, numColumns);
    return this.range({ sheet, row, column, numRows, numColumns });
  }
  uiObject(): LocalUi {
    if (!this.uiProxy) this.uiProxy = this.expose('Ui', new LocalUi(this));
    return this.uiProxy;
  }
  menu(caption: string): LocalMenu {
    return this.expose('Menu', new LocalMenu(this, caption));
  }
  promptResponse(text: string, button: ButtonKey): LocalPromptResponse {
    return this.expose('PromptResponse', new LocalPromptResponse(text, button));
  }
  validationBuilder(
    state?: ConstructorParameters<typeof LocalDataValidationBuilder>[1],
  ): LocalDataValidationBuilder {
    return this.expose('DataValidationBuilder', new LocalDataValidationBuilder(this, state));
  }
  validation(spec: ValidationSpec): LocalDataValidation {
    return this.expose('DataValidation', new LocalDataValidation(this, spec));
  }
  conditionalFormatRuleBuilder(
    state?: ConstructorParameters<typeof LocalConditionalFormatRuleBuilder>[1],
  ): LocalConditionalFormatRuleBuilder {
    return this.expose('ConditionalFormatRuleBuilder', new LocalConditionalFormatRuleBuilder(this, state));
  }
  conditionalFormatRule(rule: {
    spec: ConditionalFormatSpec;
    ranges: GridRect[];
  }): LocalConditionalFormatRule {
    return this.expose('ConditionalFormatRule', new LocalConditionalFormatRule(this, rule.spec, rule.ranges));
  }
  booleanCondition(spec: ConditionalFormatSpec): LocalBooleanCondition {
    return this.expose('BooleanCondition', new LocalBooleanCondition(this, spec));
  }
  protection(data: ProtectionData): LocalProtection {
    return this.expose('Protection', new LocalProtection(this, data));
  }
  namedRange(ss: SpreadsheetData, name: string): LocalNamedRange {
    return this.expose('NamedRange', new LocalNamedRange(this, ss, name));
  }
  user(email: string): LocalUser {
    return this.expose('User', new LocalUser(email));
  }
  embeddedChartBuilder(state: ChartState): LocalEmbeddedChartBuilder {
    return this.expose('EmbeddedChartBuilder', new LocalEmbeddedChartBuilder(this, state));
  }
  embeddedChart(state: ChartState): LocalEmbeddedChart {
    return this.expose('EmbeddedChart', new LocalEmbeddedChart(this, state));
  }
  containerInfo(state: ChartState): LocalContainerInfo {
    return this.expose('ContainerInfo', new LocalContainerInfo(state));
  }
  chartOptions(options: Record<string, unknown>): LocalChartOptions {
    return this.expose('ChartOptions', new LocalChartOptions({ ...options }));
  }

  /** The rectangle of a Range handed back by script code, or null for anything else. */
  rectOf(v: unknown): GridRect | null {
    const r = v as { _rect?: () => GridRect } | null;
    return r !== null && typeof r === 'object' && typeof r._rect === 'function' ? r._rect() : null;
  }
  sheetDataOf(v: unknown): SheetData | null {
    const s = v as { _data?: () => unknown } | null;
    if (s === null || typeof s !== 'object' || typeof s._data !== 'function') return null;
    const d = s._data();
    return d !== null && typeof d === 'object' && 'sheetId' in d ? (d as SheetData) : null;
  }
  /** The e-mail of a User object from this or another service (Session's users count their own getEmail call). */
  emailOfUser(u: unknown): string | null {
    const user = u as { _email?: () => string; getEmail?: () => string } | null;
    if (user === null || typeof user !== 'object') return null;
    if (typeof user._email === 'function') return user._email();
    if (typeof user.getEmail === 'function') return user.getEmail();
    return null;
  }
}
