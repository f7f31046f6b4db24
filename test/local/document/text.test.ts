// Pins rich text: per-character formatting, what attribute getters report, editing, and RE2 search patterns.
import { NotImplementedError } from '../../../local/runtime/core';
import { setup, thrown } from './helpers';

function paragraph(text: string) {
  const { DocumentApp, core } = setup();
  const body = DocumentApp.create('Report').getBody();
  return { DocumentApp, core, body, p: body.appendParagraph(text) };
}

describe('formatting ranges of text', () => {
  it('formats whole text and character ranges (inclusive end), so a paragraph can mix styles', () => {
    const { p } = paragraph('Overdue: 3 actions');
    const t = p.editAsText();
    t.setBold(0, 7, true).setForegroundColor(9, 9, '#CC0000');
    expect(t.isBold(0)).toBe(true);
    expect(t.isBold(7)).toBe(true);
    expect(t.isBold(8)).toBeNull();
    expect(t.getForegroundColor(9)).toBe('#cc0000');
    expect(t.getTextAttributeIndices()).toEqual([0, 8, 9, 10]);
  });

  it('reports null without an offset when characters disagree, and the value when they agree', () => {
    const { p } = paragraph('abc');
    const t = p.editAsText();
    expect(t.isBold()).toBeNull(); // inherited (live: getAttributes gives null for unset BOLD)
    t.setBold(true);
    expect(t.isBold()).toBe(true);
    t.setBold(false); // live: an explicit false reads back as false
    expect(t.isBold()).toBe(false);
    t.setBold(0, 0, true);
    expect(t.isBold()).toBeNull();
  });

  it('round-trips every text setter (live values)', () => {
    const { p } = paragraph('Text for styling.');
    const t = p.editAsText();
    t.setItalic(true).setUnderline(true).setStrikethrough(true);
    t.setFontFamily('Courier New')
      .setFontSize(14)
      .setForegroundColor('#ff0000')
      .setBackgroundColor('#ffff00');
    t.setLinkUrl('https://example.com');
    expect([t.isItalic(), t.isUnderline(), t.isStrikethrough()]).toEqual([true, true, true]);
    expect([
      t.getFontFamily(),
      t.getFontSize(),
      t.getForegroundColor(),
      t.getBackgroundColor(),
      t.getLinkUrl(),
    ]).toEqual(['Courier New', 14, '#ff0000', '#ffff00', 'https://example.com']);
  });

  it('sets attributes from an Attribute-keyed object, over a range or all', () => {
    const { DocumentApp, p } = paragraph('Red amber green');
    const style: Record<string, unknown> = {};
    style[String(DocumentApp.Attribute.BOLD)] = true;
    style[String(DocumentApp.Attribute.FONT_SIZE)] = 18;
    p.editAsText().setAttributes(0, 2, style);
    const at0 = p.editAsText().getAttributes(0) as Record<string, unknown>;
    expect(at0.BOLD).toBe(true);
    expect(at0.FONT_SIZE).toBe(18);
    expect((p.editAsText().getAttributes(4) as Record<string, unknown>).BOLD).toBeNull();
  });

  it('refuses an offset range that runs past the text and a colour that is not hex', () => {
    const { p } = paragraph('abc');
    expect(() => p.editAsText().setBold(0, 3, true)).toThrow(/out of range/);
    expect(() => p.editAsText().setForegroundColor('red')).toThrow(/Invalid color/);
    expect(thrown(() => p.editAsText().setBold('yes' as unknown as boolean)).message).toBe(
      "The parameters (String) don't match the method signature for DocumentApp.Text.setBold.",
    );
  });
});

describe('paragraph text elements', () => {
  it('appendText returns the new Text element only, which continues the formatting before it', () => {
    const { DocumentApp, p } = paragraph('Lead: ');
    p.editAsText().setBold(true);
    const value = p.appendText('Jane Smith');
    expect(value.getType()).toBe(DocumentApp.ElementType.TEXT);
    expect(value.getText()).toBe('Jane Smith');
    expect(value.isBold()).toBe(true);
    value.setBold(false);
    expect(p.getText()).toBe('Lead: Jane Smith');
    expect(p.editAsText().isBold(0)).toBe(true);
    expect(p.editAsText().isBold(6)).toBe(false);
    expect(p.getNumChildren()).toBe(2);
    expect(p.getChild(1).asText().getText()).toBe('Jane Smith');
  });

  it('setText replaces the contents and returns nothing (reference: void)', () => {
    const { p } = paragraph('old');
    p.appendText(' more');
    expect(p.setText('new')).toBeUndefined();
    expect(p.getText()).toBe('new');
    expect(p.getNumChildren()).toBe(1);
  });

  it('an empty paragraph has no children and takes text through editAsText', () => {
    const { p } = paragraph('');
    expect(p.getNumChildren()).toBe(0);
    p.editAsText().insertText(0, 'typed');
    expect(p.getText()).toBe('typed');
  });

  it('keeps a line break typed inside the paragraph text', () => {
    const { body, p } = paragraph('line one\nline two');
    expect(p.getText()).toBe('line one\nline two');
    expect(body.getNumChildren()).toBe(2);
  });
});

describe('editing text', () => {
  it('inserts with the formatting of the character before, and deletes inclusive ranges', () => {
    const { p } = paragraph('Status: green');
    const t = p.editAsText();
    t.setForegroundColor(8, 12, '#00aa00');
    t.insertText(13, '!');
    expect(t.getForegroundColor(13)).toBe('#00aa00');
    t.deleteText(6, 7);
    expect(t.getText()).toBe('Statusgreen!');
  });

  it('edits a multi-paragraph view within a paragraph but not across a paragraph break', () => {
    const { body } = paragraph('Para 1');
    body.appendParagraph('Para 2');
    const t = body.editAsText();
    expect(t.getText()).toBe('\nPara 1\nPara 2');
    t.setBold(1, 4, true);
    expect(body.getChild(1).asParagraph().editAsText().isBold(0)).toBe(true);
    expect(() => t.deleteText(5, 9)).toThrow(NotImplementedError);
  });

  it('removes a text element whose whole text a container view deletes', () => {
    const { p } = paragraph('abc');
    p.appendText('def');
    p.editAsText().deleteText(0, 2);
    expect(p.getNumChildren()).toBe(1);
    expect(p.getText()).toBe('def');
  });
});

describe('search patterns (RE2 strings)', () => {
  it('treats the pattern as a regular expression string, per Text element', () => {
    const { p } = paragraph('Action CP1.2 and CP10.1');
    const found = p.findText('CP\\d+\\.\\d');
    expect([found.getStartOffset(), found.getEndOffsetInclusive()]).toEqual([7, 11]);
    const next = p.findText('CP\\d+\\.\\d', found);
    expect(next.getStartOffset()).toBe(17);
  });

  it('does not expand $1 in replacements (capture groups are not supported)', () => {
    const { p } = paragraph('due 2010-03-31');
    p.replaceText('(\\d{4})-(\\d{2})-(\\d{2})', '$3/$2/$1');
    expect(p.getText()).toBe('due $3/$2/$1');
  });

  it('refuses what RE2 cannot compile: lookaround and backreferences', () => {
    const { p } = paragraph('aa');
    expect(() => p.findText('a(?=a)')).toThrow(/lookaround is not supported by RE2/);
    expect(() => p.replaceText('(a)\\1', 'b')).toThrow(/backreference is not supported by RE2/);
  });

  it('supports RE2 syntax JS lacks: a leading (?i) flag and \\Q...\\E literals', () => {
    const { p } = paragraph('Total (GBP): 5');
    expect(p.findText('(?i)total').getStartOffset()).toBe(0);
    expect(p.findText('\\Q(GBP)\\E').getStartOffset()).toBe(6);
  });

  it('anchors ^ and $ to each text element', () => {
    const { p } = paragraph('keep this line');
    p.replaceText('^.*this.*$', 'Apps Script');
    expect(p.getText()).toBe('Apps Script');
  });
});
