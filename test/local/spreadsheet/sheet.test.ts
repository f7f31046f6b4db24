// Pins Sheet: a new sheet's size, last row and data range, appendRow growing the grid, inserting and deleting rows
// and columns (with what moves along), frozen panes, widths, hiding, tab colours and names.
import { setupSheet } from './helpers';

describe('size and extent', () => {
  it('starts with 1000 rows and 26 columns, empty', () => {
    const { sheet } = setupSheet();
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()]).toEqual([
      1000, 26, 0, 0,
    ]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  it('measures content, not formatting, for the last row and the data range', () => {
    const { sheet } = setupSheet();
    sheet.getRange('C5').setValue('x');
    sheet.getRange('A20').setBackground('#ff0000').setNote('a note');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
    sheet.getRange('C5').clearContent();
    expect(sheet.getLastRow()).toBe(0);
  });
});

describe('appendRow', () => {
  it('writes below the last row with content, reading strings as typed', () => {
    const { sheet } = setupSheet();
    sheet.getRange('A1:B1').setValues([['Code', 'Target date']]);
    sheet.appendRow(['CEA1', '31/03/2010']);
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getRange('B2').getValue()).toBeInstanceOf(Date);
  });

  it('adds a row when the sheet is full, and columns for a longer row', () => {
    const { sheet } = setupSheet();
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(Array.from({ length: 30 }, (_, i) => i));
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow()]).toEqual([1001, 30, 1001]);
    expect(sheet.getRange(1001, 30).getValue()).toBe(29);
  });
});

describe('inserting and deleting rows and columns', () => {
  function table() {
    const s = setupSheet();
    s.sheet.getRange('A1:B3').setValues([
      ['Code', 'Status'],
      ['CEA1', 'Open'],
      ['CEA2', 'Done'],
    ]);
    s.sheet.getRange('A1:B1').setFontWeight('bold').setBackground('#cccccc');
    s.sheet.getRange('B2').setNote('checked');
    return s;
  }

  it('moves values and formats down, and new rows take the formatting of the row they follow', () => {
    const { sheet } = table();
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['Code'], [''], [''], ['CEA1'], ['CEA2']]);
    expect(sheet.getRange('A2:A3').getFontWeights()).toEqual([['bold'], ['bold']]);
    expect(sheet.getRange('B4').getNote()).toBe('checked');
    expect(sheet.getRange('B2').getNote()).toBe('');
  });

  it("inserts before a row, taking that row's formatting", () => {
    const { sheet } = table();
    sheet.insertRowBefore(2);
    expect(sheet.getRange('A2:A3').getValues()).toEqual([[''], ['CEA1']]);
    expect(sheet.getRange('A2').getFontWeight()).toBe('normal');
    sheet.insertRows(1);
    expect(sheet.getRange('A2').getValue()).toBe('Code');
    expect(sheet.getRange('A1').getFontWeight()).toBe('bold');
  });

  it('deletes rows and moves everything below up', () => {
    const { sheet } = table();
    sheet.deleteRow(2);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['Code', 'Status'],
      ['CEA2', 'Done'],
    ]);
    expect(sheet.getMaxRows()).toBe(999);
    sheet.deleteRows(1, 2);
    expect(sheet.getLastRow()).toBe(0);
  });

  it('inserts and deletes columns, moving widths with them', () => {
    const { sheet } = table();
    sheet.setColumnWidth(2, 250);
    sheet.insertColumnBefore(1);
    expect(sheet.getRange('B1:C1').getValues()).toEqual([['Code', 'Status']]);
    expect(sheet.getColumnWidth(3)).toBe(250);
    expect(sheet.getMaxColumns()).toBe(27);
    sheet.deleteColumns(1, 2);
    expect(sheet.getRange('A1').getValue()).toBe('Status');
    expect(sheet.getColumnWidth(1)).toBe(250);
  });

  it('uses the service messages for positions out of bounds and for deleting every row', () => {
    const { sheet } = table();
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.insertRowsAfter(1001, 1)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteColumns(26, 2)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.deleteRows(1, 1000)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(() => sheet.deleteColumns(1, 26)).toThrow(
      'Sorry, it is not possible to delete all non-frozen columns.',
    );
  });

  it('refuses to grow the spreadsheet past 10,000,000 cells', () => {
    const { sheet } = setupSheet();
    expect(() => sheet.insertRowsAfter(1000, 384_616)).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    sheet.insertRowsAfter(1000, 384_615 - 1000);
    expect(sheet.getMaxRows() * sheet.getMaxColumns()).toBeLessThanOrEqual(10_000_000);
  });
});

describe('frozen panes, widths, visibility, names', () => {
  it('freezes rows and columns, and refuses to freeze them all', () => {
    const { sheet } = setupSheet();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    expect(() => sheet.setFrozenRows(1000)).toThrow("You can't freeze all visible rows on the sheet.");
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getFrozenRows()).toBe(2);
  });

  it('keeps column widths, 100 px by default, and estimates them on autoResize', () => {
    const { sheet } = setupSheet();
    expect(sheet.getColumnWidth(1)).toBe(100);
    sheet.setColumnWidths(1, 2, 80);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2), sheet.getColumnWidth(3)]).toEqual([
      80, 80, 100,
    ]);
    sheet.getRange('C1:C2').setValues([['short'], ['a much longer piece of text']]);
    sheet.autoResizeColumns(3, 2);
    expect(sheet.getColumnWidth(3)).toBeGreaterThan(100);
    expect(sheet.getColumnWidth(4)).toBe(100);
  });

  it('hides and shows sheets, never the last visible one', () => {
    const { ss, sheet } = setupSheet();
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    const other = ss.insertSheet('Other');
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    expect(ss.getActiveSheet().getName()).toBe('Other');
    expect(() => other.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    sheet.showSheet();
    expect(sheet.isSheetHidden()).toBe(false);
  });

  it('sets and clears the tab colour', () => {
    const { sheet } = setupSheet();
    expect(sheet.getTabColor()).toBeNull();
    sheet.setTabColor('#FF9900');
    expect(sheet.getTabColor()).toBe('#ff9900');
    sheet.setTabColor(null);
    expect(sheet.getTabColor()).toBeNull();
  });

  it('renames, refusing a name another sheet has (in any case)', () => {
    const { ss, sheet } = setupSheet();
    ss.insertSheet('Actions');
    expect(() => sheet.setName('actions')).toThrow(
      'A sheet with the name "actions" already exists. Please enter another name.',
    );
    sheet.setName('People');
    expect(ss.getSheetByName('people')?.getName()).toBe('People');
    expect(sheet.getIndex()).toBe(1);
    expect(sheet.getParent().getId()).toBe(ss.getId());
  });

  it('clears contents and formats of the whole sheet', () => {
    const { sheet } = setupSheet();
    sheet.getRange('A1').setValue('x').setBackground('#ff0000').setNote('kept');
    sheet.clear();
    expect([
      sheet.getRange('A1').getValue(),
      sheet.getRange('A1').getBackground(),
      sheet.getRange('A1').getNote(),
    ]).toEqual(['', '#ffffff', 'kept']);
  });
});

describe('selection', () => {
  it('activates ranges and sheets and reports the active range and cell', () => {
    const { ss, sheet, store } = setupSheet();
    expect(sheet.getActiveRange()!.getA1Notation()).toBe('A1');
    const other = ss.insertSheet('Other');
    sheet.getRange('B2:C4').activate();
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    expect(ss.getActiveRange()!.getA1Notation()).toBe('B2:C4');
    expect(ss.getActiveCell().getA1Notation()).toBe('B2');
    store.select('Other!D5');
    expect(ss.getActiveSheet().getName()).toBe('Other');
    expect(other.getActiveCell().getA1Notation()).toBe('D5');
  });
});
