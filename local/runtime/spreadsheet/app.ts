// The SpreadsheetApp global: the active (container) spreadsheet, opening by id or URL, the Ui, the rule builders
// and the enums.
import type { Ctx } from './context';
import type { SpreadsheetData } from './data';
import {
  BooleanCriteria,
  BorderStyle,
  DataValidationCriteria,
  Dimension,
  ProtectionType,
  RelativeDate,
  SheetType,
  WrapStrategy,
} from './enums';
import { gasError, signatureError } from './errors';
import { uiUnavailable } from './ui';

/** What the app needs from the store: the spreadsheets that exist and which one the script is bound to. */
export interface SpreadsheetDirectory {
  byId(id: string): SpreadsheetData | undefined;
  active(): SpreadsheetData | null;
  create(name: string, rows?: number, columns?: number): SpreadsheetData;
}

export class LocalSpreadsheetApp {
  readonly BooleanCriteria = BooleanCriteria;
  readonly BorderStyle = BorderStyle;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly Dimension = Dimension;
  readonly ProtectionType = ProtectionType;
  readonly RelativeDate = RelativeDate;
  readonly SheetType = SheetType;
  readonly WrapStrategy = WrapStrategy;

  constructor(
    private readonly ctx: Ctx,
    private readonly dir: SpreadsheetDirectory,
  ) {}

  /** The spreadsheet the script is bound to; null when none is (a standalone script). */
  getActiveSpreadsheet(): unknown {
    const active = this.dir.active();
    return active ? this.ctx.spreadsheet(active) : null;
  }
  getActive(): unknown {
    return this.getActiveSpreadsheet();
  }
  getActiveSheet(): unknown {
    const active = this.dir.active();
    if (!active) return null;
    return this.ctx.sheet(active.activeSheet ?? active.sheets[0]);
  }
  getActiveRange(): unknown {
    const active = this.dir.active();
    if (!active) return null;
    const sheet = active.activeSheet ?? active.sheets[0];
    return this.ctx.range({ sheet, ...sheet.selection });
  }
  setActiveSheet(sheet: unknown): unknown {
    const data = this.ctx.sheetDataOf(sheet);
    if (!data) throw signatureError([sheet], 'SpreadsheetApp.setActiveSheet');
    data.parent.activeSheet = data;
    return sheet;
  }
  /** An id nobody has: the service's message for a missing or inaccessible file. */
  openById(id: string): unknown {
    const found = typeof id === 'string' ? this.dir.byId(id) : undefined;
    if (!found)
      throw gasError(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    return this.ctx.spreadsheet(found);
  }
  openByUrl(url: string): unknown {
    const id = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(String(url))?.[1];
    const found = id ? this.dir.byId(id) : undefined;
    if (!found)
      throw gasError(
        'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
      );
    return this.ctx.spreadsheet(found);
  }
  create(name: string, rows?: number, columns?: number): unknown {
    if (typeof name !== 'string') throw signatureError([name], 'SpreadsheetApp.create');
    return this.ctx.spreadsheet(this.dir.create(name, rows, columns));
  }
  getUi(): unknown {
    if (!this.ctx.ui.available) throw uiUnavailable();
    return this.ctx.uiObject();
  }
  newDataValidation(): unknown {
    return this.ctx.validationBuilder();
  }
  newConditionalFormatRule(): unknown {
    return this.ctx.conditionalFormatRuleBuilder();
  }
  /** Pending changes are applied at once in this runtime, so there is nothing to flush. */
  flush(): void {}
}
