// The narrow slices of the Apps Script services the code uses. The checks at the bottom make the compiler prove
// that the real @types/google-apps-script classes satisfy them, so code typed by these calls only real methods.
// Add a member here only when code needs it, with the real method's name and parameters.

export interface RangePort {
  getValues(): unknown[][];
  setValues(values: unknown[][]): RangePort;
  getDisplayValues(): string[][];
  getFormulas(): string[][];
  getNotes(): string[][];
  setNotes(notes: string[][]): RangePort;
  getA1Notation(): string;
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getSheet(): SheetPort;
  setDataValidation(rule: DataValidationPort | null): RangePort;
  getDataValidations(): (DataValidationPort | null)[][];
  getBackgrounds(): string[][];
  getFontWeights(): string[][];
  getWrapStrategy(): unknown;
  setBackground(color: string | null): RangePort;
  setBackgrounds(color: (string | null)[][]): RangePort;
  setFontColors(colors: (string | null)[][]): RangePort;
  setFontWeights(fontWeights: ('normal' | 'bold' | null)[][]): RangePort;
  setFontWeight(fontWeight: string | null): RangePort;
  setFontColor(color: string | null): RangePort;
  setWrap(isWrapEnabled: boolean): RangePort;
  setNumberFormat(numberFormat: string): RangePort;
  getNumberFormat(): string;
  setVerticalAlignment(alignment: string | null): RangePort;
  clearContent(): RangePort;
  protect(): ProtectionPort;
  /** Whether the user the script runs as may edit every cell of the range (protections respected). */
  canEdit(): boolean;
}

export interface SheetPort {
  getName(): string;
  getSheetId(): number;
  getDataRange(): RangePort;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangePort;
  getRange(a1Notation: string): RangePort;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertColumnsAfter(columnIndex: number, howMany: number): SheetPort;
  insertRowsAfter(afterPosition: number, howMany: number): SheetPort;
  appendRow(rowContents: unknown[]): SheetPort;
  getFrozenRows(): number;
  setFrozenRows(rows: number): void;
  setColumnWidth(columnPosition: number, width: number): SheetPort;
  getColumnWidth(columnPosition: number): number;
  getConditionalFormatRules(): ConditionalFormatRulePort[];
  setConditionalFormatRules(rules: ConditionalFormatRulePort[]): void;
  protect(): ProtectionPort;
  getProtections(type: unknown): ProtectionPort[];
  getCharts(): EmbeddedChartPort[];
  newChart(): EmbeddedChartBuilderPort;
  insertChart(chart: EmbeddedChartPort): void;
  removeChart(chart: EmbeddedChartPort): void;
  updateChart(chart: EmbeddedChartPort): void;
  clear(): SheetPort;
  clearContents(): SheetPort;
}

export interface SpreadsheetPort {
  getId(): string;
  getUrl(): string;
  getSheets(): SheetPort[];
  getSheetByName(name: string): SheetPort | null;
  insertSheet(sheetName: string): SheetPort;
  insertSheet(sheetName: string, sheetIndex: number): SheetPort;
  getActiveSheet(): SheetPort;
  setActiveSheet(sheet: SheetPort): SheetPort;
  getOwner(): { getEmail(): string } | null;
  getProtections(type: unknown): ProtectionPort[];
  getSpreadsheetTimeZone(): string;
  toast(msg: string, title: string, timeoutSeconds?: number): void;
  getActiveRange(): RangePort | null;
}

export interface DataValidationPort {
  getHelpText(): string | null;
  getCriteriaType(): unknown;
  getCriteriaValues(): unknown[];
  getAllowInvalid(): boolean;
}

export interface DataValidationBuilderPort {
  requireValueInRange(range: RangePort, showDropdown?: boolean): DataValidationBuilderPort;
  requireValueInList(values: string[], showDropdown?: boolean): DataValidationBuilderPort;
  requireDate(): DataValidationBuilderPort;
  requireNumberBetween(start: number, end: number): DataValidationBuilderPort;
  requireTextIsEmail(): DataValidationBuilderPort;
  requireFormulaSatisfied(formula: string): DataValidationBuilderPort;
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderPort;
  setHelpText(helpText: string): DataValidationBuilderPort;
  build(): DataValidationPort;
}

export interface ConditionalFormatRulePort {
  getRanges(): RangePort[];
  getBooleanCondition(): {
    getCriteriaValues(): unknown[];
    getBackground(): string | null;
    getFontColor(): string | null;
  } | null;
}

export interface ConditionalFormatRuleBuilderPort {
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilderPort;
  setBackground(color: string | null): ConditionalFormatRuleBuilderPort;
  setFontColor(color: string | null): ConditionalFormatRuleBuilderPort;
  setRanges(ranges: RangePort[]): ConditionalFormatRuleBuilderPort;
  build(): ConditionalFormatRulePort;
}

export interface ProtectionPort {
  getDescription(): string;
  setDescription(description: string): ProtectionPort;
  setWarningOnly(warningOnly: boolean): ProtectionPort;
  isWarningOnly(): boolean;
  getEditors(): { getEmail(): string }[];
  removeEditors(emailAddresses: string[]): ProtectionPort;
  addEditor(emailAddress: string): ProtectionPort;
  canDomainEdit(): boolean;
  setDomainEdit(editable: boolean): ProtectionPort;
  getRange(): RangePort;
  remove(): void;
  /** Whether the user the script runs as may edit what this protects. */
  canEdit(): boolean;
}

export interface EmbeddedChartPort {
  getRanges(): RangePort[];
  modify(): EmbeddedChartBuilderPort;
}

export interface EmbeddedChartBuilderPort {
  addRange(range: RangePort): EmbeddedChartBuilderPort;
  clearRanges(): EmbeddedChartBuilderPort;
  setChartType(type: unknown): EmbeddedChartBuilderPort;
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilderPort;
  setOption(option: string, value: unknown): EmbeddedChartBuilderPort;
  build(): EmbeddedChartPort;
}

export interface MenuPort {
  addItem(caption: string, functionName: string): MenuPort;
  addSeparator(): MenuPort;
  addToUi(): void;
}

export interface HtmlOutputPort {
  setWidth(width: number): HtmlOutputPort;
  setHeight(height: number): HtmlOutputPort;
  setTitle(title: string): HtmlOutputPort;
  getContent(): string;
}

export interface UiPort {
  createMenu(caption: string): MenuPort;
  alert(prompt: string): unknown;
  /** A question with a choice of buttons (ButtonSet); returns the Button clicked. */
  alert(title: string, prompt: string, buttons: unknown): unknown;
  /** The Ui's own enums: the answer of alert() is compared with Button.YES. */
  readonly Button: { readonly YES: unknown };
  readonly ButtonSet: { readonly YES_NO: unknown };
  showModalDialog(userInterface: HtmlOutputPort, title: string): void;
  /** The sidebar takes its title from the HtmlOutput's own (setTitle). */
  showSidebar(userInterface: HtmlOutputPort): void;
  /** Title, prompt and a ButtonSet (OK_CANCEL): what the person typed and which button they clicked. */
  prompt(title: string, prompt: string, buttons: unknown): PromptResponsePort;
}

export interface PromptResponsePort {
  getResponseText(): string;
  getSelectedButton(): unknown;
}

export interface LockPort {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
}

export interface TriggerPort {
  getUniqueId(): string;
  getHandlerFunction(): string;
  getEventType(): unknown;
}

export interface ClockTriggerBuilderPort {
  everyMinutes(n: number): ClockTriggerBuilderPort;
  everyDays(n: number): ClockTriggerBuilderPort;
  everyWeeks(n: number): ClockTriggerBuilderPort;
  onWeekDay(day: unknown): ClockTriggerBuilderPort;
  atHour(hour: number): ClockTriggerBuilderPort;
  after(durationMilliseconds: number): ClockTriggerBuilderPort;
  inTimezone(timezone: string): ClockTriggerBuilderPort;
  create(): TriggerPort;
}

export interface SpreadsheetTriggerBuilderPort {
  onEdit(): SpreadsheetTriggerBuilderPort;
  create(): TriggerPort;
}

export interface TriggerBuilderPort {
  timeBased(): ClockTriggerBuilderPort;
  forSpreadsheet(key: string): SpreadsheetTriggerBuilderPort;
}

export interface PropertiesPort {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): PropertiesPort;
  /** Every key and value, in one call. */
  getProperties(): { [key: string]: string };
  deleteProperty(key: string): PropertiesPort;
}

export interface HtmlTemplatePort {
  evaluate(): HtmlOutputPort;
}

// ---- DocumentApp (the committee report) ----

export interface DocTextPort {
  getText(): string;
  setBold(bold: boolean): DocTextPort;
  setBold(startOffset: number, endOffsetInclusive: number, bold: boolean): DocTextPort;
  setItalic(startOffset: number, endOffsetInclusive: number, italic: boolean): DocTextPort;
  setLinkUrl(startOffset: number, endOffsetInclusive: number, url: string): DocTextPort;
}

export interface ParagraphPort {
  getText(): string;
  editAsText(): DocTextPort;
  setHeading(heading: unknown): ParagraphPort;
  copy(): ParagraphPort;
  removeFromParent(): ParagraphPort;
}

export interface ListItemPort {
  getText(): string;
  editAsText(): DocTextPort;
  copy(): ListItemPort;
  removeFromParent(): ListItemPort;
}

export interface TableCellPort {
  setBackgroundColor(color: string): TableCellPort;
  editAsText(): DocTextPort;
}

export interface TableRowPort {
  editAsText(): DocTextPort;
}

export interface TablePort {
  getRow(rowIndex: number): TableRowPort;
  getCell(rowIndex: number, cellIndex: number): TableCellPort;
  setColumnWidth(columnIndex: number, width: number): TablePort;
  copy(): TablePort;
}

export interface InlineImagePort {
  setAltTitle(title: string): InlineImagePort;
  setAltDescription(description: string): InlineImagePort;
}

/** A Blob (a BlobSource, as Body.appendImage takes it): only passed from the Charts service to the Doc. */
export interface BlobPort {
  getAs(contentType: string): BlobPort;
  getBlob(): BlobPort;
}

/** A child of a Body, told apart by getType() (its name, e.g. "PARAGRAPH", when stringified). */
export interface DocElementPort {
  getType(): unknown;
  asParagraph(): ParagraphPort;
  asListItem(): ListItemPort;
  asTable(): TablePort;
}

export interface BodyPort {
  getText(): string;
  getNumChildren(): number;
  getChild(childIndex: number): DocElementPort;
  appendParagraph(text: string): ParagraphPort;
  appendParagraph(paragraph: ParagraphPort): ParagraphPort;
  insertParagraph(childIndex: number, text: string): ParagraphPort;
  appendListItem(text: string): ListItemPort;
  appendListItem(listItem: ListItemPort): ListItemPort;
  insertListItem(childIndex: number, text: string): ListItemPort;
  appendTable(cells: string[][]): TablePort;
  appendTable(table: TablePort): TablePort;
  insertTable(childIndex: number, cells: string[][]): TablePort;
  appendImage(image: BlobPort): InlineImagePort;
  insertImage(childIndex: number, image: BlobPort): InlineImagePort;
  appendPageBreak(): unknown;
  insertPageBreak(childIndex: number): unknown;
  replaceText(searchPattern: string, replacement: string): unknown;
}

export interface DocumentPort {
  getId(): string;
  getUrl(): string;
  getName(): string;
  setName(name: string): DocumentPort;
  getBody(): BodyPort;
  saveAndClose(): void;
}

// ---- Charts (the report's status-by-theme image) ----

export interface DataTableBuilderPort {
  addColumn(type: unknown, label: string): DataTableBuilderPort;
  addRow(values: unknown[]): DataTableBuilderPort;
}

export interface ChartImagePort {
  getAs(contentType: string): BlobPort;
}

export interface BarChartBuilderPort {
  setDataTable(tableBuilder: DataTableBuilderPort): BarChartBuilderPort;
  setStacked(): BarChartBuilderPort;
  setColors(cssValues: string[]): BarChartBuilderPort;
  setTitle(chartTitle: string): BarChartBuilderPort;
  setDimensions(width: number, height: number): BarChartBuilderPort;
  build(): ChartImagePort;
}

export interface ChartsPort {
  newDataTable(): DataTableBuilderPort;
  newBarChart(): BarChartBuilderPort;
}

/**
 * What a job is handed: the services of one execution and the clock. main.ts builds it from the Apps Script
 * globals; everything is a function so that nothing is touched until a job needs it (getUi() throws in a trigger).
 */
export interface Services {
  spreadsheet: SpreadsheetPort;
  lock: LockPort;
  now(): Date;
  /** The signed-in user's email, or '' when Google withholds it (it never falls back to the script's owner). */
  userEmail(): string;
  /** Google's stand-in for a withheld user: unique per user and script, stable for 30 days. */
  temporaryUserKey(): string;
  /**
   * The account the script runs as: the person who clicked the menu item, or the creator of the running trigger
   * (the administrator who ran setup). Protections are enforced against this account.
   */
  effectiveUserEmail(): string;
  /** Only from menu handlers and dialogs: Apps Script throws when a trigger asks for the UI. */
  ui(): UiPort;
  newDataValidation(): DataValidationBuilderPort;
  newConditionalFormatRule(): ConditionalFormatRuleBuilderPort;
  createHtmlTemplate(html: string): HtmlTemplatePort & Record<string, unknown>;
  triggers: {
    newTrigger(functionName: string): TriggerBuilderPort;
    getProjectTriggers(): TriggerPort[];
    deleteTrigger(trigger: TriggerPort): void;
  };
  documentProperties(): PropertiesPort;
  remainingMailQuota(): number;
  /** Enum values, passed in so the domain and tests never touch Apps Script globals. */
  enums: {
    protectionSheet: unknown;
    protectionRange: unknown;
    chartBar: unknown;
    weekDay(name: string): unknown;
    /** DocumentApp.ParagraphHeading by name (TITLE, HEADING1 …); looked up only when a report is written. */
    paragraphHeading(name: 'TITLE' | 'HEADING1' | 'HEADING2' | 'HEADING3'): unknown;
    /** Charts.ColumnType by name. */
    chartColumn(name: 'STRING' | 'NUMBER'): unknown;
    /** Ui.ButtonSet.OK_CANCEL and Ui.Button.OK, for prompts. */
    okCancel(): unknown;
    okButton(): unknown;
  };
  /** DocumentApp: the report Doc, and the template it may start from. */
  documents: {
    create(name: string): DocumentPort;
    openById(id: string): DocumentPort;
  };
  charts(): ChartsPort;
  /**
   * MailApp.sendEmail(recipient, subject, body, options): `recipient` and `options.cc` are comma-separated
   * addresses; `options.name` is the sender name; `options.htmlBody` the HTML alternative to `body`.
   */
  sendEmail(recipient: string, subject: string, body: string, options?: MailOptionsPort): void;
  /** SpreadsheetApp.flush(): writes made so far reach the sheet now (before an email that must be recorded first). */
  flush(): void;
}

/** The MailApp.sendEmail options the product uses. */
export interface MailOptionsPort {
  htmlBody?: string;
  name?: string;
  cc?: string;
}

// Compile-time proofs that the real services fit the ports (never called).
type Fits<Real, Port> = Real extends Port ? true : never;
export const PORTS_FIT_REAL_SERVICES: [
  Fits<GoogleAppsScript.Spreadsheet.Range, RangePort>,
  Fits<GoogleAppsScript.Spreadsheet.Sheet, SheetPort>,
  Fits<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetPort>,
  Fits<GoogleAppsScript.Spreadsheet.DataValidationBuilder, DataValidationBuilderPort>,
  Fits<GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder, ConditionalFormatRuleBuilderPort>,
  Fits<GoogleAppsScript.Spreadsheet.Protection, ProtectionPort>,
  Fits<GoogleAppsScript.Spreadsheet.EmbeddedChart, EmbeddedChartPort>,
  Fits<GoogleAppsScript.Base.Menu, MenuPort>,
  Fits<GoogleAppsScript.HTML.HtmlOutput, HtmlOutputPort>,
  Fits<GoogleAppsScript.Base.Ui, UiPort>,
  Fits<GoogleAppsScript.Lock.Lock, LockPort>,
  Fits<GoogleAppsScript.Script.Trigger, TriggerPort>,
  Fits<GoogleAppsScript.Script.TriggerBuilder, TriggerBuilderPort>,
  Fits<GoogleAppsScript.Properties.Properties, PropertiesPort>,
  Fits<GoogleAppsScript.Base.PromptResponse, PromptResponsePort>,
  Fits<GoogleAppsScript.Document.Body, BodyPort>,
  Fits<GoogleAppsScript.Document.Document, DocumentPort>,
  Fits<GoogleAppsScript.Document.Element, DocElementPort>,
  Fits<GoogleAppsScript.Document.InlineImage, InlineImagePort>,
  Fits<GoogleAppsScript.Charts.Charts, ChartsPort>,
  Fits<GoogleAppsScript.Base.Blob, BlobPort>,
] = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
];
