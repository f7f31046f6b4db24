// Pins DocumentApp itself: creating, opening, closing documents, its enums, and call counting.
import { NotImplementedError } from '../../../local/runtime/core';
import { setup, thrown } from './helpers';

describe('DocumentApp.create', () => {
  it('makes a document whose body holds one empty paragraph (as Google Docs does)', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Cabinet report');
    const body = doc.getBody();
    expect(doc.getName()).toBe('Cabinet report');
    expect(body.getNumChildren()).toBe(1);
    expect(body.getChild(0).getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    expect(body.getText()).toBe('');
  });

  it('gives Docs-shaped ids and URLs that openById and openByUrl accept', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('A');
    expect(doc.getId()).toMatch(/^[-\w]{44}$/);
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    expect(DocumentApp.openById(doc.getId()).getName()).toBe('A');
    expect(DocumentApp.openByUrl(doc.getUrl()).getId()).toBe(doc.getId());
  });

  it('refuses a name that is not a string with the service signature error', () => {
    const { DocumentApp } = setup();
    expect(thrown(() => DocumentApp.create(7 as unknown as string)).message).toBe(
      "The parameters (number) don't match the method signature for DocumentApp.create.",
    );
  });

  it('renames with setName', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Draft');
    doc.setName('Final');
    expect(DocumentApp.openById(doc.getId()).getName()).toBe('Final');
  });
});

describe('DocumentApp.openById', () => {
  it('throws the service message for a missing document', () => {
    const { DocumentApp } = setup();
    const err = thrown(() => DocumentApp.openById('1nosuchdoc'));
    expect(err.message).toBe(
      "Document 1nosuchdoc is missing (perhaps it was deleted, or you don't have read access?)",
    );
    expect(String(err)).toMatch(/^Exception: /);
  });

  it('sees what another handle wrote', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('A');
    doc.getBody().appendParagraph('written');
    expect(DocumentApp.openById(doc.getId()).getBody().getText()).toBe('\nwritten');
  });
});

describe('DocumentApp.getActiveDocument', () => {
  it('is null for a script that is not bound to a document (this product is bound to a spreadsheet)', () => {
    expect(setup().DocumentApp.getActiveDocument()).toBeNull();
  });

  it('returns the bound document when a test binds one', () => {
    const { DocumentApp, store } = setup();
    const id = store.add('Bound');
    store.setActiveDocument(id);
    expect(DocumentApp.getActiveDocument().getId()).toBe(id);
  });
});

describe('Document.saveAndClose', () => {
  it('closes the handle: every later call on it or its elements throws the service message', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('A');
    const id = doc.getId();
    const body = doc.getBody();
    doc.saveAndClose();
    const message = 'Document is closed, its contents cannot be updated.';
    expect(thrown(() => body.appendParagraph('x')).message).toBe(message);
    // Strict on reads too (the real service's behaviour for reads after closing is unverified).
    expect(thrown(() => doc.getBody()).message).toBe(message);
    expect(DocumentApp.openById(id).getBody().appendParagraph('x').getText()).toBe('x');
  });

  it('closes handles left open when the execution ends', () => {
    const { core, DocumentApp } = setup();
    const body = DocumentApp.create('A').getBody();
    core.beginExecution();
    expect(thrown(() => body.getText()).message).toBe('Document is closed, its contents cannot be updated.');
  });

  it('merges text elements on reopen, as a saved document presents one Text per run of text', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('A');
    const id = doc.getId();
    const p = doc.getBody().appendParagraph('Lead: ');
    p.appendText('Jane Smith');
    expect(p.getNumChildren()).toBe(2);
    doc.saveAndClose();
    const reopened = DocumentApp.openById(id).getBody().getChild(1).asParagraph();
    expect(reopened.getNumChildren()).toBe(1);
    expect(reopened.getText()).toBe('Lead: Jane Smith');
  });

  it('refuses edits after too many changes when a limit is configured', () => {
    const { DocumentApp } = setup({ maxChangesBeforeSave: 3 });
    const body = DocumentApp.create('A').getBody();
    body.appendParagraph('1');
    body.appendParagraph('2');
    body.appendParagraph('3');
    expect(thrown(() => body.appendParagraph('4')).message).toMatch(
      /^Too many changes applied before saving document\. Please save changes in smaller batches using Document\.saveAndClose\(\)/,
    );
  });
});

describe('DocumentApp enums', () => {
  it('hands out constants that compare by identity and print as their names', () => {
    const { DocumentApp } = setup();
    const p = DocumentApp.create('A').getBody().appendParagraph('t');
    p.setHeading(DocumentApp.ParagraphHeading.HEADING2);
    expect(p.getHeading()).toBe(DocumentApp.ParagraphHeading.HEADING2);
    expect(String(p.getHeading())).toBe('HEADING2');
    expect(p.getType().toString()).toBe('PARAGRAPH');
    const style: Record<string, unknown> = {};
    style[DocumentApp.Attribute.BOLD as unknown as string] = true;
    expect(Object.keys(style)).toEqual(['BOLD']);
    expect((DocumentApp.ParagraphHeading as unknown as Record<string, unknown>).HEADING7).toBeUndefined();
  });

  it('offers the enums scripts use', () => {
    const { DocumentApp } = setup();
    expect(String(DocumentApp.HorizontalAlignment.CENTER)).toBe('CENTER');
    expect(String(DocumentApp.VerticalAlignment.TOP)).toBe('TOP');
    expect(String(DocumentApp.GlyphType.BULLET)).toBe('BULLET');
    expect(String(DocumentApp.ElementType.TABLE_CELL)).toBe('TABLE_CELL');
    expect((DocumentApp.ParagraphHeading.TITLE as unknown as { ordinal(): number }).ordinal()).toBe(7);
  });
});

describe('call counting and refusals', () => {
  it('counts every call per service, type and method', () => {
    const { core, DocumentApp } = setup();
    const body = DocumentApp.create('A').getBody();
    body.appendParagraph('a');
    body.appendParagraph('b');
    expect(core.callsByMember()).toEqual({
      'DocumentApp.Body.appendParagraph': 2,
      'DocumentApp.Document.getBody': 1,
      'DocumentApp.DocumentApp.create': 1,
    });
  });

  it('refuses members the real class does not have (Paragraph has no setBold)', () => {
    const { DocumentApp } = setup();
    const p = DocumentApp.create('A').getBody().appendParagraph('a') as unknown as {
      setBold(b: boolean): void;
    };
    expect(() => p.setBold(true)).toThrow(NotImplementedError);
    expect(() => p.setBold(true)).toThrow('not implemented in the local runtime: Paragraph.setBold');
  });

  it('prints elements as live Apps Script does', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('A');
    expect(String(doc)).toBe('Document');
    expect(String(doc.getBody())).toBe('DocumentBodySection');
    expect(String(doc.getBody().getChild(0))).toBe('Paragraph');
  });
});
