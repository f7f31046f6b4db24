// Writes a small spreadsheet with every exported feature to .xlsx and reads it back with exceljs: values and dates,
// formulas, formats, notes, validation, conditional formatting, frozen panes, widths, protection, hidden sheets.
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RuntimeCore } from '../../local/runtime/core';
import { createSpreadsheetApp } from '../../local/runtime/spreadsheet';
import { writeWorkbook } from '../../local/workbook';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbook-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function roundTrip(): Promise<ExcelJS.Workbook> {
  const core = new RuntimeCore('2010-03-10T12:00:00Z');
  const { SpreadsheetApp, store } = createSpreadsheetApp(core);
  store.create('Plan');
  const app = SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const actions = ss.getSheets()[0].setName('Actions');
  actions.getRange('A1:F3').setValues([
    ['Code', 'Status', 'Target date', 'Lead email', 'Score', 'Total'],
    ['CEA1', 'In progress', '31/03/2010', 'a@council.example', 3, '=SUM(E2:E3)'],
    ['CEA2', 'Complete', new Date('2010-06-01T09:30:00Z'), 'b@council.example', 4.5, ''],
  ]);
  actions.getRange('A1:F1').setFontWeight('bold').setBackground('#cccccc').setFontColor('#1155cc');
  actions.getRange('A2').setNote('Assigned by the script');
  actions.getRange('B2:B3').setWrap(true);
  actions.setFrozenRows(1);
  actions.setColumnWidth(2, 210);
  actions.setTabColor('#ff9900');
  actions
    .getRange('B2:B100')
    .setDataValidation(
      app
        .newDataValidation()
        .requireValueInList(['Not started', 'In progress', 'Complete'])
        .setAllowInvalid(false)
        .build(),
    );
  actions
    .getRange('C2:C100')
    .setDataValidation(
      app.newDataValidation().requireDateOnOrAfter(new Date('2010-01-01T00:00:00Z')).build(),
    );
  actions.getRange('D2:D100').setDataValidation(app.newDataValidation().requireTextIsEmail().build());
  actions
    .getRange('E2:E100')
    .setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).setHelpText('0 to 10').build());
  actions.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$B2="Complete"')
      .setBackground('#d9ead3')
      .setRanges([actions.getRange('A2:F100')])
      .build(),
    app
      .newConditionalFormatRule()
      .whenTextEqualTo('In progress')
      .setFontColor('#990000')
      .setBold(true)
      .setRanges([actions.getRange('B2:B100')])
      .build(),
  ]);
  const log = ss.insertSheet('Audit log');
  log.getRange('A1').setValue('When');
  const p = log.protect().setDescription('Script only');
  p.setUnprotectedRanges([log.getRange('C1:C2')]);
  const hidden = ss.insertSheet('Snapshots');
  hidden.hideSheet();
  ss.setNamedRange('Statuses', actions.getRange('B2:B100'));

  const file = path.join(dir, 'plan.xlsx');
  await writeWorkbook(store.model(), file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('writeWorkbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await roundTrip();
  });

  it('writes every sheet in order, hidden ones hidden, with tab colours', () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Actions', 'visible'],
      ['Audit log', 'visible'],
      ['Snapshots', 'hidden'],
    ]);
    expect(wb.getWorksheet('Actions')!.properties.tabColor).toEqual({ argb: 'FFFF9900' });
  });

  it('writes values, dates at their wall-clock time with a date format, and formulas', () => {
    const ws = wb.getWorksheet('Actions')!;
    expect(ws.getCell('A2').value).toBe('CEA1');
    expect(ws.getCell('E3').value).toBe(4.5);
    expect((ws.getCell('C2').value as Date).toISOString()).toBe('2010-03-31T00:00:00.000Z');
    expect(ws.getCell('C2').numFmt).toBe('dd/MM/yyyy');
    expect((ws.getCell('C3').value as Date).toISOString()).toBe('2010-06-01T10:30:00.000Z');
    expect(ws.getCell('C3').numFmt).toBe('dd/MM/yyyy HH:mm:ss');
    expect((ws.getCell('F2').value as ExcelJS.CellFormulaValue).formula).toBe('SUM(E2:E3)');
  });

  it('keeps bold, fills, font colours, wrapping, notes, widths and the frozen header', () => {
    const ws = wb.getWorksheet('Actions')!;
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FF1155CC' } });
    expect(ws.getCell('A1').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFCCCCCC' },
    });
    expect(ws.getCell('B2').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('A2').note).toBe('Assigned by the script');
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 0 });
  });

  it('keeps data validation: list dropdowns, dates, numbers and e-mail as a custom formula', () => {
    const ws = wb.getWorksheet('Actions')!;
    expect(ws.getCell('B50').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Not started,In progress,Complete"'],
      showErrorMessage: true,
    });
    expect(ws.getCell('B101').dataValidation).toBeUndefined();
    expect(ws.getCell('C2').dataValidation).toMatchObject({ type: 'date', operator: 'greaterThanOrEqual' });
    expect((ws.getCell('C2').dataValidation.formulae[0] as Date).toISOString()).toBe(
      '2010-01-01T00:00:00.000Z',
    );
    expect(ws.getCell('D9').dataValidation).toMatchObject({
      type: 'custom',
      formulae: ['ISNUMBER(MATCH("*@*.?*",D2,0))'],
    });
    expect(ws.getCell('E2').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 10],
      prompt: '0 to 10',
    });
  });

  it('keeps conditional formatting as formula rules keyed on their ranges', () => {
    const ws = wb.getWorksheet('Actions')! as ExcelJS.Worksheet & {
      conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
    };
    const cf = ws.conditionalFormattings;
    expect(cf.map((c) => c.ref)).toEqual(['A2:F100', 'B2:B100']);
    expect(cf[0].rules[0]).toMatchObject({ type: 'expression', formulae: ['$B2="Complete"'] });
    expect(cf[0].rules[0].style?.fill).toMatchObject({ bgColor: { argb: 'FFD9EAD3' } });
    expect(cf[1].rules[0]).toMatchObject({ type: 'expression', formulae: ['B2="In progress"'] });
    expect(cf[1].rules[0].style?.font).toMatchObject({ bold: true, color: { argb: 'FF990000' } });
  });

  it('protects protected sheets, leaving their unprotected ranges unlocked', () => {
    const log = wb.getWorksheet('Audit log')! as ExcelJS.Worksheet & {
      sheetProtection?: { sheet?: boolean };
    };
    expect(log.sheetProtection?.sheet).toBe(true);
    expect(log.getCell('C2').protection).toMatchObject({ locked: false });
    const actions = wb.getWorksheet('Actions')! as ExcelJS.Worksheet & { sheetProtection?: unknown };
    expect(actions.sheetProtection ?? null).toBeNull();
  });

  it('keeps named ranges', () => {
    expect(wb.definedNames.getRanges('Statuses').ranges).toEqual(['Actions!$B$2:$B$100']);
  });
});

describe('writeWorkbook with long lists', () => {
  it('puts a list too long for Excel inline on a hidden sheet and points the dropdown at it', async () => {
    const core = new RuntimeCore('2010-03-10T12:00:00Z');
    const { SpreadsheetApp, store } = createSpreadsheetApp(core);
    store.create('Plan');
    const app = SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheets()[0];
    const people = Array.from({ length: 40 }, (_, i) => `Officer number ${i}, Housing`);
    sheet.getRange('A1').setDataValidation(app.newDataValidation().requireValueInList(people).build());
    const file = path.join(dir, 'lists.xlsx');
    await writeWorkbook(store.model(), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Sheet1', 'visible'],
      ['_lists', 'hidden'],
    ]);
    expect(wb.getWorksheet('Sheet1')!.getCell('A1').dataValidation.formulae).toEqual(['_lists!$A$1:$A$40']);
    expect(wb.getWorksheet('_lists')!.getCell('A40').value).toBe('Officer number 39, Housing');
  });
});
