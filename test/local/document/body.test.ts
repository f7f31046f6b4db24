// Pins the body's structure rules: what appending and inserting makes, getText's joins, and what may not be removed.
// Expected values marked "live" come from gas-fakes' tests that run against real Apps Script (test/testdocs*.js).
import { newBody, setup, pngBlob, thrown } from './helpers';

describe('appending to the body', () => {
  it('adds after the initial empty paragraph, so getText starts with a newline (live)', () => {
    const { body } = newBody();
    const p = body.appendParagraph('p1');
    body.appendParagraph('p2');
    expect(body.getNumChildren()).toBe(3);
    expect(body.getText()).toBe('\np1\np2');
    expect(p.getText()).toBe('p1');
    expect(p.getParent().getType()).toBe(body.getType());
  });

  it('appends an empty paragraph after a table, since a document cannot end with a table (reference, live)', () => {
    const { DocumentApp, body } = newBody();
    body.appendParagraph('First paragraph.');
    body.appendTable([
      ['R1C1', 'R1C2'],
      ['R2C1', 'R2C2'],
    ]);
    body.appendListItem('A list item.');
    body.appendParagraph('Final paragraph.');
    expect(body.getText()).toBe(
      '\nFirst paragraph.\nR1C1\nR1C2\nR2C1\nR2C2\n\nA list item.\nFinal paragraph.',
    );
    expect(body.getChild(2).getType()).toBe(DocumentApp.ElementType.TABLE);
    expect(body.getChild(3).getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
  });

  it('makes an empty table (no rows) from appendTable() (live)', () => {
    const { body } = newBody();
    const table = body.appendTable();
    expect(table.getNumRows()).toBe(0);
    expect(table.getText()).toBe('');
    expect(body.getNumChildren()).toBe(3);
  });

  it('puts a page break in a paragraph of its own, whose text is empty (reference, live)', () => {
    const { DocumentApp, body } = newBody();
    body.appendParagraph('p1');
    const pb = body.appendPageBreak();
    body.appendParagraph('p2');
    expect(pb.getType()).toBe(DocumentApp.ElementType.PAGE_BREAK);
    const holder = pb.getParent();
    expect(holder.getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    expect(holder.getParent().getType()).toBe(DocumentApp.ElementType.BODY_SECTION);
    expect(holder.asParagraph().getText()).toBe('');
    expect(body.getText()).toBe('\np1\n\np2');
  });

  it('puts a horizontal rule and an image in new paragraphs and returns the element itself', () => {
    const { core, DocumentApp, body } = newBody();
    const rule = body.appendHorizontalRule();
    expect(rule.getType()).toBe(DocumentApp.ElementType.HORIZONTAL_RULE);
    expect(rule.getParent().getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    const img = body.appendImage(pngBlob(core, 40, 30));
    expect(img.getType()).toBe(DocumentApp.ElementType.INLINE_IMAGE);
    expect(img.getParent().getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    expect(body.getNumChildren()).toBe(3);
  });

  it('refuses an argument of the wrong type with the service signature error', () => {
    const { body } = newBody();
    expect(thrown(() => body.appendParagraph(42 as unknown as string)).message).toBe(
      "The parameters (number) don't match the method signature for DocumentApp.Body.appendParagraph.",
    );
  });
});

describe('inserting into the body', () => {
  it('inserts at an index, and at the end like an append (live)', () => {
    const { body } = newBody();
    body.appendParagraph('p1');
    body.appendParagraph('p3');
    body.insertParagraph(2, 'p2');
    body.insertParagraph(body.getNumChildren(), 'p4');
    expect(body.getText()).toBe('\np1\np2\np3\np4');
  });

  it('refuses an index past the end with the service message (live)', () => {
    const { body } = newBody();
    body.appendParagraph('p1');
    expect(thrown(() => body.insertParagraph(99, 'x')).message).toBe(
      'Child index (99) must be less than or equal to the number of child elements (2).',
    );
  });

  it('accepts a detached copy and refuses an attached element (live: "Element must be detached.")', () => {
    const { body } = newBody();
    const p1 = body.appendParagraph('p1');
    const copy = p1.copy();
    expect(copy.getParent()).toBeNull();
    expect(String(copy)).toBe('Paragraph');
    body.insertParagraph(1, copy);
    expect(body.getText()).toBe('\np1\np1');
    expect(thrown(() => body.appendParagraph(p1)).message).toBe('Element must be detached.');
    expect(thrown(() => body.insertTable(1, body.appendTable([['a']]))).message).toBe(
      'Element must be detached.',
    );
  });

  it('refuses a non-paragraph element where a Paragraph is expected (live)', () => {
    const { body } = newBody();
    expect(
      thrown(() => body.insertParagraph(1, body as unknown as GoogleAppsScript.Document.Paragraph)).message,
    ).toBe(
      "The parameters (number,DocumentBodySection) don't match the method signature for DocumentApp.Body.insertParagraph.",
    );
  });
});

describe('removing from the body', () => {
  it("refuses to remove the body's last paragraph with the service message", () => {
    const { body } = newBody();
    const first = body.getChild(0);
    expect(thrown(() => body.removeChild(first)).message).toBe(
      "Can't remove the last paragraph in a document section.",
    );
    const last = body.appendParagraph('last');
    expect(thrown(() => last.removeFromParent()).message).toBe(
      "Can't remove the last paragraph in a document section.",
    );
    body.removeChild(first);
    expect(body.getText()).toBe('last');
  });

  it('removes elements from the middle and reports siblings and document end (live)', () => {
    const { body } = newBody();
    const p1 = body.appendParagraph('Para 1');
    const p2 = body.appendParagraph('Para 2');
    expect(p1.getNextSibling().asParagraph().getText()).toBe('Para 2');
    expect(p2.getNextSibling()).toBeNull();
    expect(p1.getPreviousSibling().asParagraph().getText()).toBe('');
    expect(p2.isAtDocumentEnd()).toBe(true);
    expect(p1.isAtDocumentEnd()).toBe(false);
    p1.removeFromParent();
    expect(body.getNumChildren()).toBe(2);
    expect(p1.getParent()).toBeNull();
    expect(body.getChildIndex(p2)).toBe(1);
  });

  it('clears to one empty paragraph (live)', () => {
    const { body } = newBody();
    body.appendParagraph('Search for me');
    body.appendTable([['Cell 1']]);
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
  });

  it('sets its text as one paragraph, replacing everything (live)', () => {
    const { DocumentApp, body } = newBody();
    body.appendParagraph('old');
    body.setText('Initial paragraph.');
    expect(body.getText()).toBe('Initial paragraph.');
    expect(body.getNumChildren()).toBe(1);
    // live: a paragraph already in the body reads a null (inherited) alignment
    expect(
      body.getChild(0).asParagraph().getAttributes()[
        DocumentApp.Attribute.HORIZONTAL_ALIGNMENT as unknown as string
      ],
    ).toBeNull();
  });

  it('throws the read-index message for a child past the end', () => {
    const { body } = newBody();
    expect(thrown(() => body.getChild(3)).message).toBe(
      'Child index (3) must be less than the number of child elements (1).',
    );
  });
});

describe('collections and search', () => {
  it('lists paragraphs (including list items and those in tables), list items, tables and images', () => {
    const { core, body } = newBody();
    body.appendParagraph('Para 1');
    body.appendListItem('Item');
    body.appendTable([['Cell 1', 'Cell 2']]);
    body.appendImage(pngBlob(core));
    expect(body.getParagraphs().map((p) => p.getText())).toEqual([
      '',
      'Para 1',
      'Item',
      'Cell 1',
      'Cell 2',
      '',
      '',
    ]);
    expect(body.getListItems()).toHaveLength(1);
    expect(body.getTables()).toHaveLength(1);
    expect(body.getImages()).toHaveLength(1);
  });

  it('finds elements by type in document order', () => {
    const { DocumentApp, body } = newBody();
    body.appendTable([['a']]);
    body.appendTable([['b']]);
    const first = body.findElement(DocumentApp.ElementType.TABLE);
    expect(first.getElement().asTable().getText()).toBe('a');
    expect(first.isPartial()).toBe(false);
    expect(first.getStartOffset()).toBe(-1);
    const second = body.findElement(DocumentApp.ElementType.TABLE, first);
    expect(second.getElement().asTable().getText()).toBe('b');
    expect(body.findElement(DocumentApp.ElementType.TABLE, second)).toBeNull();
  });

  it('finds text and returns the Text element with inclusive offsets (live: element text)', () => {
    const { DocumentApp, body } = newBody();
    body.appendParagraph('Search for me');
    const found = body.findText('for');
    expect(found.getElement().getType()).toBe(DocumentApp.ElementType.TEXT);
    expect(found.getElement().asText().getText()).toBe('Search for me');
    expect(found.getStartOffset()).toBe(7);
    expect(found.getEndOffsetInclusive()).toBe(9);
    expect(found.isPartial()).toBe(true);
    expect(body.findText('for', found)).toBeNull();
  });

  it('fills {{placeholders}} with replaceText, keeping the formatting of the replaced text', () => {
    const { body } = newBody();
    const p = body.appendParagraph('To: {{COMMITTEE}} on {{DATE}}');
    p.editAsText().setBold(4, 16, true);
    body.replaceText('\\{\\{COMMITTEE\\}\\}', 'Cabinet');
    body.replaceText('\\{\\{DATE\\}\\}', '17 March 2010');
    expect(p.getText()).toBe('To: Cabinet on 17 March 2010');
    expect(p.editAsText().isBold(4)).toBe(true);
    expect(p.editAsText().isBold(11)).toBeNull();
  });
});

describe('margins and attributes', () => {
  it('starts with one-inch margins (live: 72 pt) and accepts new ones', () => {
    const { body } = newBody();
    expect(body.getMarginTop()).toBe(72);
    expect(body.getMarginLeft()).toBe(72);
    body.setMarginTop(36);
    expect(body.getMarginTop()).toBe(36);
  });

  it('applies text attributes set on the body to existing and later paragraphs (live)', () => {
    const { DocumentApp, body } = newBody();
    body.setText('Initial paragraph.');
    const style: Record<string, unknown> = {};
    style[String(DocumentApp.Attribute.ITALIC)] = true;
    style[String(DocumentApp.Attribute.FONT_FAMILY)] = 'Comic Sans MS';
    style[String(DocumentApp.Attribute.HORIZONTAL_ALIGNMENT)] = DocumentApp.HorizontalAlignment.CENTER;
    body.setAttributes(style);
    const before = body.getChild(0).asParagraph().getAttributes() as Record<string, unknown>;
    expect(before.ITALIC).toBe(true);
    expect(before.FONT_FAMILY).toBe('Comic Sans MS');
    expect(before.HORIZONTAL_ALIGNMENT).toBeNull();
    const after = body.appendParagraph('A new paragraph').getAttributes() as Record<string, unknown>;
    expect(after.ITALIC).toBe(true);
    expect(after.HORIZONTAL_ALIGNMENT).toBe(DocumentApp.HorizontalAlignment.LEFT);
  });
});

describe('headers and footers', () => {
  it('has none until added; an added one holds one empty paragraph', () => {
    const { doc } = newBody();
    expect(doc.getHeader()).toBeNull();
    const header = doc.addHeader();
    expect(header.getNumChildren()).toBe(1);
    header.appendParagraph('Cabinet – 17 March 2010');
    expect(doc.getHeader().getText()).toBe('\nCabinet – 17 March 2010');
    expect(String(doc.addFooter())).toBe('FooterSection');
    expect(() => doc.addHeader()).toThrow(/already has a header/);
  });
});

describe('document size', () => {
  it('refuses text beyond the document limit (Drive: 1.02 million characters)', () => {
    const { DocumentApp } = setup({ maxDocumentChars: 20 });
    const body = DocumentApp.create('A').getBody();
    body.appendParagraph('0123456789');
    const p = body.appendParagraph('0123456789');
    expect(() => p.appendText('x')).toThrow(/at most 20 characters/);
    expect(body.getText()).toBe('\n0123456789\n0123456789');
  });

  it('counts removed text as freed', () => {
    const { DocumentApp } = setup({ maxDocumentChars: 10 });
    const body = DocumentApp.create('A').getBody();
    const p = body.appendParagraph('0123456789');
    body.appendParagraph('');
    expect(() => body.appendParagraph('a')).toThrow(/at most 10 characters/);
    p.removeFromParent();
    expect(body.appendParagraph('abcdefghij').getText()).toBe('abcdefghij');
  });
});
