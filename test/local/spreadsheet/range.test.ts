// Pins Range: fresh arrays from reads, the service's messages for wrong shapes and coordinates, A1 notation,
// display values through number formats, cell formatting defaults, notes, clearing, and one count per call.
import { NotImplementedError } from '../../../local/runtime/core';
import { setupSheet } from './helpers';

describe('reading and writing values', () => {
  it('returns a fresh 2-D array on every read, with blanks as empty strings', () => {
    const { sheet } = setupSheet();
    const range = sheet.getRange('A1:C2');
    range.setValues([
      ['Code', 'Action', ''],
      ['CEA1', 'Hold a forum', null],
    ]);
    const first = range.getValues();
    expect(first).toEqual([
      ['Code', 'Action', ''],
      ['CEA1', 'Hold a forum', ''],
    ]);
    first[0][0] = 'changed';
    first.push(['extra']);
    expect(range.getValues()).toEqual([
      ['Code', 'Action', ''],
      ['CEA1', 'Hold a forum', ''],
    ]);
    expect(range.getValues()).not.toBe(range.getValues());
  });

  it('throws the service message when the data has the wrong number of rows or columns', () => {
    const { sheet } = setupSheet();
    expect(() =>
      sheet.getRange('A1:B3').setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B1').setValues([1, 2] as never)).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(sheet.getRange('A1:B3').isBlank()).toBe(true);
  });

  it('names errors "Exception" as Apps Script does', () => {
    const { sheet } = setupSheet();
    let caught: unknown;
    try {
      sheet.getRange(0, 1);
    } catch (e) {
      caught = e;
    }
    expect((caught as Error).name).toBe('Exception');
  });

  it('writes setValue into every cell of a multi-cell range', () => {
    const { sheet } = setupSheet();
    sheet.getRange('B2:C3').setValue('Red');
    expect(sheet.getRange('B2:C3').getValues()).toEqual([
      ['Red', 'Red'],
      ['Red', 'Red'],
    ]);
    expect(sheet.getRange('B2:C3').getValue()).toBe('Red');
  });

  it('counts one call per getValues or setValues, whatever its size, and none for chaining into the proxy', () => {
    const { sheet, core } = setupSheet();
    core.resetCounts();
    sheet
      .getRange(1, 1, 100, 5)
      .setValues(Array.from({ length: 100 }, () => [1, 2, 3, 4, 5]))
      .setFontWeight('bold');
    sheet.getRange(1, 1, 100, 5).getValues();
    expect(core.callsByMember()).toEqual({
      'SpreadsheetApp.Range.getValues': 1,
      'SpreadsheetApp.Range.setFontWeight': 1,
      'SpreadsheetApp.Range.setValues': 1,
      'SpreadsheetApp.Sheet.getRange': 2,
    });
  });

  it('throws NotImplementedError for a Range method the runtime lacks', () => {
    const { sheet } = setupSheet();
    expect(() => (sheet.getRange('A1') as unknown as { merge(): void }).merge()).toThrow(
      'not implemented in the local runtime: Range.merge',
    );
  });
});

describe('coordinates', () => {
  it('checks getRange numbers in the service order with its messages', () => {
    const { sheet } = setupSheet();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(2, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(2, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1.5, 1)).toThrow(NotImplementedError);
    expect(sheet.getRange(1000, 26).getA1Notation()).toBe('Z1000');
  });

  it('does not grow the sheet for setValues: a range past the last row cannot be had', () => {
    const { sheet } = setupSheet();
    expect(() => sheet.getRange(999, 1, 5, 1)).toThrow('outside the dimensions of the sheet');
    expect(sheet.getMaxRows()).toBe(1000);
  });

  it('parses A1 notation, including open-ended and whole rows or columns, and prints it back', () => {
    const { sheet } = setupSheet();
    expect(sheet.getRange('b3').getA1Notation()).toBe('B3');
    expect(sheet.getRange('$B$3:$D$9').getA1Notation()).toBe('B3:D9');
    expect(sheet.getRange('D9:B3').getA1Notation()).toBe('B3:D9');
    expect(sheet.getRange('A:C').getA1Notation()).toBe('A:C');
    expect(sheet.getRange('A:C').getNumRows()).toBe(1000);
    expect(sheet.getRange('2:3').getA1Notation()).toBe('2:3');
    expect(sheet.getRange('A2:C').getA1Notation()).toBe('A2:C1000');
    expect(sheet.getRange('Sheet1!A1:B2').getNumColumns()).toBe(2);
    for (const bad of ['A', 'A0', '1A', 'A1:', 'Foo bar', ''])
      expect(() => sheet.getRange(bad)).toThrow('Range not found');
  });

  it('reports position, size and moves with offset and getCell', () => {
    const { sheet } = setupSheet();
    const r = sheet.getRange(2, 3, 4, 5);
    expect([
      r.getRow(),
      r.getColumn(),
      r.getNumRows(),
      r.getNumColumns(),
      r.getLastRow(),
      r.getLastColumn(),
    ]).toEqual([2, 3, 4, 5, 5, 7]);
    expect(r.getCell(2, 3).getA1Notation()).toBe('E3');
    expect(r.offset(1, -1).getA1Notation()).toBe('B3:F6');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('C2');
    expect(() => r.offset(-5, 0)).toThrow('The starting row of the range is too small.');
    expect(r.getSheet().getName()).toBe('Sheet1');
  });
});

describe('display values and number formats', () => {
  it('shows numbers plainly, booleans in capitals and formatted numbers through their pattern', () => {
    const { sheet } = setupSheet();
    sheet.getRange('A1:F1').setValues([[1234.5, 1 / 3, true, 0.256, 1234567.891, -42]]);
    sheet.getRange('D1').setNumberFormat('0.0%');
    sheet.getRange('E1').setNumberFormat('#,##0.00');
    sheet.getRange('F1').setNumberFormat('0.00;(0.00)');
    expect(sheet.getRange('A1:F1').getDisplayValues()).toEqual([
      ['1234.5', '0.3333333333', 'TRUE', '25.6%', '1,234,567.89', '(42.00)'],
    ]);
  });

  it('reports the automatic format for an unformatted cell and the set format otherwise', () => {
    const { sheet } = setupSheet();
    sheet.getRange('A1:B1').setNumberFormats([['@', 'dd mmm yyyy']]);
    expect(sheet.getRange('A1:C1').getNumberFormats()).toEqual([['@', 'dd mmm yyyy', '0.###############']]);
    sheet.getRange('B1').setValue('31/03/2010');
    expect(sheet.getRange('B1').getDisplayValue()).toBe('31 Mar 2010');
  });

  it('refuses to display through a number format it cannot render', () => {
    const { sheet } = setupSheet();
    sheet.getRange('A1').setNumberFormat('[h]:mm').setValue(1.5);
    expect(() => sheet.getRange('A1').getDisplayValue()).toThrow(NotImplementedError);
  });
});

describe('cell formatting', () => {
  it('has the Sheets defaults until set, normalises colours, and reads back per cell', () => {
    const { sheet } = setupSheet();
    const r = sheet.getRange('A1:B1');
    expect(r.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    expect(r.getFontWeights()).toEqual([['normal', 'normal']]);
    expect(r.getFontColors()).toEqual([['#000000', '#000000']]);
    expect(r.getFontSizes()).toEqual([[10, 10]]);
    r.setBackgrounds([['#F4CCCC', 'red']])
      .setFontWeights([['bold', null]])
      .setFontColor('#00F')
      .setFontSize(12);
    expect(r.getBackgrounds()).toEqual([['#f4cccc', '#ff0000']]);
    expect(r.getFontWeights()).toEqual([['bold', 'normal']]);
    expect(r.getFontColors()).toEqual([['#0000ff', '#0000ff']]);
    expect(r.getFontSize()).toBe(12);
    r.setBackground(null);
    expect(r.getBackground()).toBe('#ffffff');
    expect(() => r.setBackground('burlywood')).toThrow(NotImplementedError);
  });

  it('sets wrapping and alignment (recorded for the model)', () => {
    const { sheet, app, store } = setupSheet();
    sheet.getRange('A1').setWrap(true);
    sheet
      .getRange('B1')
      .setWrapStrategy(app.WrapStrategy.CLIP)
      .setHorizontalAlignment('center')
      .setVerticalAlignment('top');
    expect(sheet.getRange('A1').getWrapStrategy()).toBe(app.WrapStrategy.WRAP);
    expect(sheet.getRange('C1').getWrapStrategy()).toBe(app.WrapStrategy.OVERFLOW);
    const model = store.model().sheets[0];
    expect(model.wraps[0].slice(0, 2)).toEqual(['WRAP', 'CLIP']);
    expect(model.horizontalAlignments[0][1]).toBe('center');
    expect(model.verticalAlignments[0][1]).toBe('top');
  });

  it('keeps notes per cell, with an empty string where there is none', () => {
    const { sheet } = setupSheet();
    sheet.getRange('A1:B1').setNotes([['Set by the script', null]]);
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['Set by the script', '']]);
    sheet.getRange('A1').clearNote();
    expect(sheet.getRange('A1').getNote()).toBe('');
  });
});

describe('clearing', () => {
  function filled() {
    const s = setupSheet();
    const r = s.sheet.getRange('A1');
    r.setValue('x').setBackground('#ff0000').setNote('n');
    r.setDataValidation(s.app.newDataValidation().requireValueInList(['x']).build());
    return { ...s, r };
  }

  it('clears everything by default and only what options name otherwise', () => {
    let { r } = filled();
    r.clear();
    expect([r.getValue(), r.getBackground(), r.getNote(), r.getDataValidation()]).toEqual([
      '',
      '#ffffff',
      '',
      null,
    ]);

    ({ r } = filled());
    r.clear({ contentsOnly: true });
    expect([r.getValue(), r.getBackground(), r.getNote()]).toEqual(['', '#ff0000', 'n']);

    ({ r } = filled());
    r.clear({ formatOnly: true, commentsOnly: true });
    expect([r.getValue(), r.getBackground(), r.getNote(), r.getDataValidation() !== null]).toEqual([
      'x',
      '#ffffff',
      '',
      true,
    ]);
  });

  it('clearContent keeps formats and clearFormat keeps contents', () => {
    let { r } = filled();
    r.clearContent();
    expect([r.getValue(), r.getBackground()]).toEqual(['', '#ff0000']);
    ({ r } = filled());
    r.clearFormat();
    expect([r.getValue(), r.getBackground(), r.getNote()]).toEqual(['x', '#ffffff', 'n']);
  });
});
