// Pins how written values are interpreted: strings as typed in an en_GB (or en_US) sheet, dates as wall-clock
// serials in the spreadsheet's time zone, formulas kept but not calculated, the 50,000-character cell limit.
import { NotImplementedError } from '../../../local/runtime/core';
import { setupSheet } from './helpers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function setup(locale = 'en_GB', timeZone = 'Europe/London') {
  return setupSheet(timeZone, { locale });
}

function typed(sheet: Sheet, text: unknown): unknown {
  return sheet.getRange('A1').setValue(text).getValue();
}

describe('a string written is read as a person typing it', () => {
  it('turns number-like strings into numbers, dropping leading zeros', () => {
    const { sheet } = setup();
    expect(typed(sheet, '42')).toBe(42);
    expect(typed(sheet, '0123')).toBe(123);
    expect(typed(sheet, '07700900123')).toBe(7700900123);
    expect(typed(sheet, '-1.5')).toBe(-1.5);
    expect(typed(sheet, '1e3')).toBe(1000);
  });

  it('reads thousands separators, percentages and the locale currency as numbers with a format', () => {
    const { sheet } = setup();
    expect(typed(sheet, '1,234')).toBe(1234);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1,234');
    sheet.getRange('A2').setValue('50%');
    expect(sheet.getRange('A2').getValue()).toBe(0.5);
    expect(sheet.getRange('A2').getDisplayValue()).toBe('50%');
    sheet.getRange('A3').setValue('£1,250.5');
    expect(sheet.getRange('A3').getValue()).toBe(1250.5);
    expect(sheet.getRange('A3').getDisplayValue()).toBe('£1,250.50');
  });

  it('keeps text that only looks numeric in part', () => {
    const { sheet } = setup();
    expect(typed(sheet, 'CEA1')).toBe('CEA1');
    expect(typed(sheet, ' 5')).toBe(' 5');
    expect(typed(sheet, '1,23')).toBe('1,23');
    expect(typed(sheet, '+44 7700 900123')).toBe('+44 7700 900123');
  });

  it('reads TRUE and FALSE in any case as booleans', () => {
    const { sheet } = setup();
    expect(typed(sheet, 'TRUE')).toBe(true);
    expect(typed(sheet, 'false')).toBe(false);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('FALSE');
  });

  it('treats a leading apostrophe as "this is text" and drops it', () => {
    const { sheet } = setup();
    expect(typed(sheet, "'0123")).toBe('0123');
    expect(typed(sheet, "'TRUE")).toBe('TRUE');
    expect(typed(sheet, "'=1+1")).toBe('=1+1');
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  it('keeps strings as given in a plain-text ("@") cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setNumberFormat('@');
    sheet.getRange('A1:A3').setValues([['0123'], ['31/03/2010'], ['=SUM(B1:B2)']]);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['0123'], ['31/03/2010'], ['=SUM(B1:B2)']]);
    expect(sheet.getRange('A3').getFormula()).toBe('');
  });

  it('clears the cell for an empty string, null and undefined', () => {
    const { sheet } = setup();
    for (const blank of ['', null, undefined]) {
      sheet.getRange('A1').setValue('x');
      sheet.getRange('A1').setValue(blank);
      expect(sheet.getRange('A1').getValue()).toBe('');
      expect(sheet.getRange('A1').isBlank()).toBe(true);
    }
  });

  it('refuses more than 50,000 characters with the service message, and takes exactly 50,000', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50_001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(sheet.getRange('A1').isBlank()).toBe(true);
    expect((typed(sheet, 'y'.repeat(50_000)) as string).length).toBe(50_000);
  });

  it('writes nothing from a setValues that fails part-way through', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B1').setValues([['ok', 'z'.repeat(50_001)]])).toThrow('maximum of 50000');
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  it('stores numbers and booleans given as such without reading them', () => {
    const { sheet } = setup();
    expect(typed(sheet, 0.1 + 0.2)).toBe(0.1 + 0.2);
    expect(typed(sheet, true)).toBe(true);
  });

  it('refuses values it cannot reproduce faithfully instead of guessing', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValue(NaN)).toThrow(NotImplementedError);
    expect(() => sheet.getRange('A1').setValue({ a: 1 })).toThrow(NotImplementedError);
    expect(() => sheet.getRange('A1').setValue(new Date('nope'))).toThrow(NotImplementedError);
  });
});

describe('dates', () => {
  it('reads en_GB day-first dates as midnight in the spreadsheet zone (BST after 28 March 2010)', () => {
    const { sheet } = setup();
    const d = typed(sheet, '31/03/2010') as Date;
    expect(d).toBeInstanceOf(Date);
    expect(d.toISOString()).toBe('2010-03-30T23:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('31/03/2010');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('dd/MM/yyyy');
    expect((typed(sheet, '01/02/2010') as Date).toISOString()).toBe('2010-02-01T00:00:00.000Z');
  });

  it('reads ISO dates and keeps their look', () => {
    const { sheet } = setup();
    expect((typed(sheet, '2010-03-31') as Date).toISOString()).toBe('2010-03-30T23:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2010-03-31');
  });

  it('reads month names, date-times, and a day/month with no year as this year', () => {
    const { sheet } = setup();
    expect((typed(sheet, '31 Mar 2010') as Date).toISOString()).toBe('2010-03-30T23:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('31 Mar 2010');
    const at = sheet.getRange('B1').setValue('31/03/2010 14:30');
    expect((at.getValue() as Date).toISOString()).toBe('2010-03-31T13:30:00.000Z');
    expect(at.getDisplayValue()).toBe('31/03/2010 14:30:00');
    expect((sheet.getRange('C1').setValue('3/4').getValue() as Date).toISOString()).toBe(
      '2010-04-02T23:00:00.000Z',
    );
  });

  it("keeps a cell's format once it has one: a later date typed in another style shows in the first", () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('31 Mar 2010');
    sheet.getRange('A1').setValue('01/04/2010');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1 Apr 2010');
  });

  it('keeps impossible dates as text', () => {
    const { sheet } = setup();
    expect(typed(sheet, '31/02/2010')).toBe('31/02/2010');
    expect(typed(sheet, '13/13/2010')).toBe('13/13/2010');
    expect(typed(sheet, 'March 2010')).toBe('March 2010');
  });

  it('reads month-first dates in an en_US spreadsheet', () => {
    const { sheet } = setup('en_US', 'America/New_York');
    expect((typed(sheet, '3/31/2010') as Date).toISOString()).toBe('2010-03-31T04:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('3/31/2010');
    expect(typed(sheet, '31/03/2010')).toBe('31/03/2010');
  });

  it('reads a time of day as a Date on 30 December 1899', () => {
    const { sheet } = setup('en_GB', 'UTC');
    expect((typed(sheet, '10:30') as Date).toISOString()).toBe('1899-12-30T10:30:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('10:30:00');
  });

  it('stores a Date as the same instant and shows it in the spreadsheet zone', () => {
    const { sheet } = setup();
    const written = new Date('2010-06-01T09:30:00Z');
    const read = typed(sheet, written) as Date;
    expect(read.getTime()).toBe(written.getTime());
    expect(read).not.toBe(written);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('01/06/2010 10:30:00');
  });

  it('keeps the wall-clock reading when the spreadsheet time zone changes, so the instant moves', () => {
    const { sheet, app } = setup();
    sheet.getRange('A1').setValue('31/03/2010');
    app.getActiveSpreadsheet().setSpreadsheetTimeZone('America/New_York');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2010-03-31T04:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('31/03/2010');
  });

  it('reads a number in a date-formatted cell as a Date, and a date in a number-formatted cell as a number', () => {
    const { sheet } = setup('en_GB', 'UTC');
    sheet.getRange('A1').setNumberFormat('dd/mm/yyyy').setValue(40268);
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2010-03-31T00:00:00.000Z');
    sheet.getRange('B1').setNumberFormat('0.00').setValue('31/03/2010');
    expect(sheet.getRange('B1').getValue()).toBe(40268);
    expect(sheet.getRange('B1').getDisplayValue()).toBe('40268.00');
  });

  it('refuses a Date written into a plain-text cell (the real outcome is not known here)', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNumberFormat('@');
    expect(() => sheet.getRange('A1').setValue(new Date())).toThrow(NotImplementedError);
  });
});

describe('formulas', () => {
  it('keeps a formula written with "=" and reports it through getFormula(s)', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['=SUM(C1:C3)', 'x']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(C1:C3)');
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=SUM(C1:C3)', '']]);
    expect(sheet.getLastColumn()).toBe(2);
  });

  it('refuses to read the value of a formula it cannot calculate', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=COUNTIF(B:B,"Red")');
    expect(() => sheet.getRange('A1').getValue()).toThrow(NotImplementedError);
    expect(() => sheet.getDataRange().getValues()).toThrow(/Sheet1!A1/);
  });

  it('reads literal formulas and what a registered evaluator answers', () => {
    const { sheet, store } = setup();
    sheet.getRange('A1:C1').setFormulas([['=5', '="a ""b"""', '=TRUE']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[5, 'a "b"', true]]);
    sheet.getRange('D1').setFormula('=SUM(A1:A2)');
    store.setFormulaEvaluator((formula, a1) =>
      formula === '=SUM(A1:A2)' && a1 === 'Sheet1!D1' ? 5 : undefined,
    );
    expect(sheet.getRange('D1').getValue()).toBe(5);
  });
});
