// Pins the store tests and the CLI use: loading rows as typed, the plain-data model (read without counting calls),
// Dates handed out in the script's own realm, and the size the bench needs (10,000 x 20 well under a second).
import * as vm from 'node:vm';
import { LocalRuntimeError } from '../../../local/runtime/spreadsheet';
import { setupApp } from './helpers';

describe('store.load', () => {
  it('creates the sheet, grows it to fit and reads strings as typed', () => {
    const { app, store, core } = setupApp();
    store.create('Plan');
    const rows = [
      ['Code', 'Target date', 'Number'],
      ['CEA1', '31/03/2010', '007'],
      ['CEA2', '', "'007"],
    ];
    const sheet = store.load('Actions', [...rows, ...Array.from({ length: 1200 }, (_, i) => [`X${i}`])]);
    expect(core.callsByService()).toEqual({});
    const actions = app.getActiveSpreadsheet().getSheetByName('Actions')!;
    expect(actions.getMaxRows()).toBe(1203);
    expect(actions.getRange('A2:C3').getValues()).toEqual([
      ['CEA1', new Date('2010-03-30T23:00:00Z'), 7],
      ['CEA2', '', '007'],
    ]);
    expect(sheet.getSheetId()).toBe(actions.getSheetId());
  });

  it('refuses to load without a spreadsheet', () => {
    const { store } = setupApp();
    expect(() => store.load('Actions', [['a']])).toThrow(LocalRuntimeError);
  });
});

describe('store.model', () => {
  it('reads everything back as plain data without counting a single call', () => {
    const { app, store, core } = setupApp();
    store.create('Plan');
    const sheet = app.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange('A1:C2').setValues([
      ['Code', 'Due', 'Total'],
      ['CEA1', '31/03/2010', '=SUM(D1:D9)'],
    ]);
    sheet.getRange('A1:C1').setFontWeight('bold').setBackground('#cccccc');
    sheet.getRange('A2').setNote('new');
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 180);
    sheet.setTabColor('#00ff00');
    core.resetCounts();
    const m = store.model();
    expect(core.callsByService()).toEqual({});
    const s = m.sheets[0];
    expect([m.name, m.timeZone, m.locale, m.activeSheet]).toEqual([
      'Plan',
      'Europe/London',
      'en_GB',
      'Sheet1',
    ]);
    expect([s.name, s.frozenRows, s.tabColor, s.lastRow, s.lastColumn, s.rows, s.columns]).toEqual([
      'Sheet1',
      1,
      '#00ff00',
      2,
      3,
      2,
      3,
    ]);
    expect(s.values).toEqual([
      ['Code', 'Due', 'Total'],
      ['CEA1', new Date('2010-03-30T23:00:00Z'), null],
    ]);
    expect(s.formulas[1][2]).toBe('=SUM(D1:D9)');
    expect(s.displayValues[1]).toEqual(['CEA1', '31/03/2010', '=SUM(D1:D9)']);
    expect(s.fontWeights[0]).toEqual(['bold', 'bold', 'bold']);
    expect(s.backgrounds[1]).toEqual([null, null, null]);
    expect(s.numberFormats[1][1]).toBe('dd/MM/yyyy');
    expect(s.notes[1][0]).toBe('new');
    expect(s.columnWidths.slice(0, 3)).toEqual([100, 180, 100]);
    expect(s.columnWidths).toHaveLength(26);
  });
});

describe('Dates in the script realm', () => {
  it('hands out Dates made by the script realm constructor so instanceof holds there', () => {
    const { app, store } = setupApp();
    store.create('Plan');
    const context = vm.createContext({});
    const ScriptDate = vm.runInContext('Date', context) as DateConstructor;
    store.useDateClass(ScriptDate);
    const sheet = app.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange('A1').setValue(new ScriptDate(Date.UTC(2010, 2, 31)));
    const read = sheet.getRange('A1').getValue();
    context.v = read;
    expect(vm.runInContext('v instanceof Date', context)).toBe(true);
    expect((read as Date).getTime()).toBe(Date.UTC(2010, 2, 31));
  });
});

describe('size', () => {
  it('writes and reads 10,000 rows x 20 columns well under a second, one call each', () => {
    const { app, store, core } = setupApp();
    store.create('Plan', 'Europe/London', { rows: 10_000, columns: 20 });
    const sheet = app.getActiveSpreadsheet().getSheets()[0];
    const day = new Date('2010-04-01T00:00:00Z');
    const rows = Array.from({ length: 10_000 }, (_, r) =>
      Array.from({ length: 20 }, (_, c) =>
        c === 0 ? `CEA${r}` : c === 5 ? day : c === 6 ? r : `text ${r}/${c}`,
      ),
    );
    core.resetCounts();
    const started = Date.now();
    sheet.getRange(1, 1, 10_000, 20).setValues(rows);
    const values = sheet.getDataRange().getValues();
    const elapsed = Date.now() - started;
    expect(values).toHaveLength(10_000);
    expect(values[9_999][0]).toBe('CEA9999');
    expect((values[500][5] as Date).getTime()).toBe(day.getTime());
    expect(elapsed).toBeLessThan(1000);
    expect(core.callsByMember()['SpreadsheetApp.Range.getValues']).toBe(1);
    expect(core.callsByMember()['SpreadsheetApp.Range.setValues']).toBe(1);
  });
});
