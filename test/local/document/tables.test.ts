// Pins tables: what appendTable accepts, cells as small sections, colours, rows and cells added and removed.
import { newBody, thrown } from './helpers';

describe('appendTable(cells)', () => {
  it('builds rows of cells, each cell holding one paragraph with the text (live text joins)', () => {
    const { DocumentApp, body } = newBody();
    const table = body.appendTable([
      ['R1C1', 'R1C2'],
      ['R2C1', 'R2C2'],
    ]);
    expect(table.getNumRows()).toBe(2);
    expect(table.getRow(0).getNumCells()).toBe(2);
    expect(table.getText()).toBe('R1C1\nR1C2\nR2C1\nR2C2');
    expect(table.getRow(0).getText()).toBe('R1C1\nR1C2');
    const cell = table.getCell(1, 1);
    expect(cell.getText()).toBe('R2C2');
    expect(cell.getNumChildren()).toBe(1);
    expect(cell.getChild(0).getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    expect(cell.getParentRow().getParentTable().getNumRows()).toBe(2);
  });

  it('refuses a cell that is not a string with the service signature error', () => {
    const { body } = newBody();
    expect(thrown(() => body.appendTable([[1, 2]] as unknown as string[][])).message).toBe(
      "The parameters (number[][]) don't match the method signature for DocumentApp.Body.appendTable.",
    );
    expect(thrown(() => body.appendTable([['a', 2]] as unknown as string[][])).message).toBe(
      "The parameters (Object[][]) don't match the method signature for DocumentApp.Body.appendTable.",
    );
  });

  it('refuses ragged rows (unverified in the real service, so the runtime is strict)', () => {
    const { body } = newBody();
    expect(() => body.appendTable([['a', 'b'], ['c']])).toThrow(/same number of cells \(row widths: 2, 1\)/);
  });

  it('inserts a table in the middle without an extra paragraph', () => {
    const { DocumentApp, body } = newBody();
    body.appendParagraph('after');
    body.insertTable(1, [['00', '01']]);
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(1).getType()).toBe(DocumentApp.ElementType.TABLE);
  });

  it('throws the read-index message for a cell past the end', () => {
    const { body } = newBody();
    const table = body.appendTable([['a']]);
    expect(thrown(() => table.getCell(0, 1)).message).toBe(
      'Child index (1) must be less than the number of child elements (1).',
    );
    expect(thrown(() => table.getRow(2)).message).toBe(
      'Child index (2) must be less than the number of child elements (1).',
    );
  });
});

describe('cells', () => {
  it('stores a background colour in lower-case hex, null until set', () => {
    const { body } = newBody();
    const cell = body.appendTable([['Red']]).getCell(0, 0);
    expect(cell.getBackgroundColor()).toBeNull();
    cell.setBackgroundColor('#F4CCCC');
    expect(cell.getBackgroundColor()).toBe('#f4cccc');
  });

  it('formats its text, takes more paragraphs, and keeps its last paragraph', () => {
    const { body } = newBody();
    const cell = body.appendTable([['Code']]).getCell(0, 0);
    cell.editAsText().setBold(true);
    cell.appendParagraph('CP1.2');
    expect(cell.getText()).toBe('Code\nCP1.2');
    const last = cell.getChild(1);
    expect(thrown(() => cell.removeChild(last)).message).toBe(
      "Can't remove the last paragraph in a document section.",
    );
    cell.setText('Replaced');
    expect(cell.getNumChildren()).toBe(1);
    expect(cell.getText()).toBe('Replaced');
  });

  it('holds width, padding and vertical alignment', () => {
    const { DocumentApp, body } = newBody();
    const cell = body.appendTable([['x']]).getCell(0, 0);
    cell.setWidth(120).setPaddingTop(2).setVerticalAlignment(DocumentApp.VerticalAlignment.CENTER);
    expect(cell.getWidth()).toBe(120);
    expect(cell.getPaddingTop()).toBe(2);
    expect(cell.getVerticalAlignment()).toBe(DocumentApp.VerticalAlignment.CENTER);
    expect(cell.getRowSpan()).toBe(1);
  });
});

describe('rows', () => {
  it('appends an empty row, then cells with text', () => {
    const { body } = newBody();
    const table = body.appendTable([['Theme', 'Count']]);
    const row = table.appendTableRow();
    expect(row.getNumCells()).toBe(0);
    row.appendTableCell('Housing');
    row.appendTableCell('4');
    expect(table.getText()).toBe('Theme\nCount\nHousing\n4');
  });

  it('removes rows and cells, returning them detached', () => {
    const { body } = newBody();
    const table = body.appendTable([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const removed = table.removeRow(0);
    expect(removed.getText()).toBe('a\nb');
    expect(removed.getParent()).toBeNull();
    table.getRow(0).removeCell(1);
    expect(table.getText()).toBe('c');
  });

  it('sets column widths, borders and minimum row height', () => {
    const { body } = newBody();
    const table = body.appendTable([['a', 'b']]);
    table.setColumnWidth(1, 200).setBorderWidth(0.5).setBorderColor('#999999');
    table.getRow(0).setMinimumHeight(20);
    expect(table.getColumnWidth(1)).toBe(200);
    expect(table.getColumnWidth(0)).toBeNull();
    expect(table.getBorderWidth()).toBe(0.5);
    expect(table.getBorderColor()).toBe('#999999');
    expect(table.getRow(0).getMinimumHeight()).toBe(20);
    expect(() => table.setColumnWidth(2, 10)).toThrow(
      'Child index (2) must be less than the number of child elements (2).',
    );
  });
});
