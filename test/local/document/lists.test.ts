// Pins list items: consecutive items share a list, the default glyph, nesting, and paragraph-style attributes.
import { newBody } from './helpers';

describe('list items', () => {
  it('joins consecutive items into one numbered list at level 0 (live: GlyphType.NUMBER by default)', () => {
    const { DocumentApp, body } = newBody();
    const a = body.appendListItem('Item 1');
    const b = body.appendListItem('Item 2');
    expect(a.getType()).toBe(DocumentApp.ElementType.LIST_ITEM);
    expect(a.getListId()).toBe(b.getListId());
    expect(a.getNestingLevel()).toBe(0);
    expect(a.getGlyphType()).toBe(DocumentApp.GlyphType.NUMBER);
    expect(body.getText()).toBe('\nItem 1\nItem 2');
  });

  it('starts a new list after a paragraph', () => {
    const { body } = newBody();
    const a = body.appendListItem('one');
    body.appendParagraph('between');
    const b = body.appendListItem('two');
    expect(b.getListId()).not.toBe(a.getListId());
  });

  it('continues the glyph of the list it joins and nests', () => {
    const { DocumentApp, body } = newBody();
    body.appendListItem('first').setGlyphType(DocumentApp.GlyphType.BULLET);
    const second = body.appendListItem('second').setNestingLevel(1);
    expect(second.getGlyphType()).toBe(DocumentApp.GlyphType.BULLET);
    expect(second.getNestingLevel()).toBe(1);
    expect(() => second.setNestingLevel(9)).toThrow(/out of range/);
  });

  it('joins another list with setListId', () => {
    const { body } = newBody();
    const a = body.appendListItem('a');
    body.appendParagraph('gap');
    const b = body.appendListItem('b');
    b.setListId(a);
    expect(b.getListId()).toBe(a.getListId());
  });

  it('reports paragraph styles like a paragraph (live values)', () => {
    const { DocumentApp, body } = newBody();
    const li = body.appendListItem('Initial list item text.');
    li.setAlignment(DocumentApp.HorizontalAlignment.RIGHT)
      .setIndentStart(36)
      .setIndentFirstLine(-18)
      .setLineSpacing(2);
    li.setSpacingAfter(12).setSpacingBefore(6).setLeftToRight(false);
    expect(li.getAlignment()).toBe(DocumentApp.HorizontalAlignment.RIGHT);
    expect([li.getIndentStart(), li.getIndentFirstLine(), li.getLineSpacing()]).toEqual([36, -18, 2]);
    expect([li.getSpacingAfter(), li.getSpacingBefore(), li.isLeftToRight()]).toEqual([12, 6, false]);
    li.clear();
    expect(li.getText()).toBe('');
    li.setText('New text after clear.');
    expect(li.getText()).toBe('New text after clear.');
  });

  it('is not a Paragraph: asParagraph() on a list item is refused', () => {
    const { body } = newBody();
    expect(() => body.appendListItem('x').asParagraph()).toThrow(/Cannot cast ListItem to Paragraph/);
  });
});

describe('paragraph attributes', () => {
  it('reports the computed NORMAL_TEXT style for a paragraph appended now (live)', () => {
    const { DocumentApp, body } = newBody();
    const a = body.appendParagraph('p1').getAttributes() as Record<string, unknown>;
    expect(a.HEADING).toBe(DocumentApp.ParagraphHeading.NORMAL);
    expect(a.LEFT_TO_RIGHT).toBe(true);
    expect(a.HORIZONTAL_ALIGNMENT).toBe(DocumentApp.HorizontalAlignment.LEFT);
    expect(a.LINE_SPACING).toBe(1.15);
    expect(a.BOLD).toBeNull();
    expect(a.FONT_FAMILY).toBeNull();
  });

  it('reports null for styles a heading inherits from its named style (live)', () => {
    const { DocumentApp, body } = newBody();
    const h = body.appendParagraph('Another heading').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    const a = h.getAttributes() as Record<string, unknown>;
    expect(a.HORIZONTAL_ALIGNMENT).toBeNull();
    expect(a.SPACING_BEFORE).toBeNull();
    expect(a.ITALIC).toBeNull();
  });

  it('sets paragraph and text attributes together (live)', () => {
    const { DocumentApp, body } = newBody();
    const p = body.appendParagraph('Para 1');
    const style: Record<string, unknown> = {};
    style[String(DocumentApp.Attribute.HORIZONTAL_ALIGNMENT)] = DocumentApp.HorizontalAlignment.CENTER;
    style[String(DocumentApp.Attribute.BOLD)] = true;
    p.setAttributes(style);
    const a = p.getAttributes() as Record<string, unknown>;
    expect(a.HORIZONTAL_ALIGNMENT).toBe(DocumentApp.HorizontalAlignment.CENTER);
    expect(a.BOLD).toBe(true);
  });

  it('keeps the formatting of an empty paragraph for text typed into it later', () => {
    const { DocumentApp, body } = newBody();
    const p = body.appendParagraph('');
    const style: Record<string, unknown> = {};
    style[String(DocumentApp.Attribute.ITALIC)] = true;
    p.setAttributes(style);
    expect((p.getAttributes() as Record<string, unknown>).ITALIC).toBe(true);
    expect(p.appendText('later').isItalic()).toBe(true);
  });
});
