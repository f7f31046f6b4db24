// Pins the inspection side: documents that exist before a run (templates), the model tree, images, no counted calls.
import { setup, png, pngBlob, thrown } from './helpers';

describe('store.add (a document that already exists)', () => {
  it('builds a template through the ordinary API without counting its calls', () => {
    const { core, DocumentApp, store } = setup();
    const id = store.add('Committee report template', (doc) => {
      const body = doc.getBody();
      body.appendParagraph('Report of the {{AUTHOR}}').setHeading(DocumentApp.ParagraphHeading.TITLE);
      body.appendParagraph('{{REPORT_BODY}}');
    });
    expect(core.callsByMember()).toEqual({});
    const doc = DocumentApp.openById(id);
    expect(doc.getBody().getText()).toBe('\nReport of the {{AUTHOR}}\n{{REPORT_BODY}}');
    expect(store.documents().map((d) => [d.name, d.origin])).toEqual([
      ['Committee report template', 'added'],
    ]);
  });

  it('takes a fixed id (the Settings sheet names the template by id)', () => {
    const { DocumentApp, store } = setup();
    store.add('Template', undefined, { id: '1TemplateIdFromSettings' });
    expect(DocumentApp.openById('1TemplateIdFromSettings').getName()).toBe('Template');
    expect(() => store.add('Again', undefined, { id: '1TemplateIdFromSettings' })).toThrow(/already exists/);
  });

  it('reports paragraphs of a template as pre-existing (null alignment, live)', () => {
    const { DocumentApp, store } = setup();
    const id = store.add('T', (doc) => doc.getBody().appendParagraph('kept'));
    const p = DocumentApp.openById(id).getBody().getChild(1).asParagraph();
    expect(p.getAlignment()).toBeNull();
  });

  it('removes a document so openById fails as for a deleted file', () => {
    const { DocumentApp, store } = setup();
    const id = store.add('Gone');
    store.remove(id);
    expect(thrown(() => DocumentApp.openById(id)).message).toMatch(/is missing \(perhaps it was deleted/);
  });
});

describe('store.documents', () => {
  it('lists created documents with their URL and creation time', () => {
    const { DocumentApp, store } = setup();
    DocumentApp.create('Cabinet report 2010-03');
    const [info] = store.documents();
    expect(info.name).toBe('Cabinet report 2010-03');
    expect(info.origin).toBe('created');
    expect(info.url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/[-\w]{44}\/edit$/);
    expect(info.createdAt.toISOString()).toBe('2010-03-10T09:00:00.000Z');
  });
});

describe('store.model', () => {
  it('gives paragraphs with heading, text, attributes and formatted runs', () => {
    const { DocumentApp, store } = setup();
    const doc = DocumentApp.create('A');
    const body = doc.getBody();
    body.appendParagraph('1 Summary').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    const p = body.appendParagraph('Status: ');
    p.setAlignment(DocumentApp.HorizontalAlignment.JUSTIFY);
    p.appendText('Red').setBold(true).setForegroundColor('#cc0000');
    const model = store.model(doc);
    expect(model.name).toBe('A');
    expect(model.body[1]).toMatchObject({ type: 'PARAGRAPH', heading: 'HEADING1', text: '1 Summary' });
    expect(model.body[2]).toEqual({
      type: 'PARAGRAPH',
      heading: 'NORMAL',
      text: 'Status: Red',
      attributes: { HORIZONTAL_ALIGNMENT: 'JUSTIFY' },
      elements: [
        { type: 'TEXT', text: 'Status: ', runs: [{ text: 'Status: ', attributes: {} }] },
        {
          type: 'TEXT',
          text: 'Red',
          runs: [{ text: 'Red', attributes: { BOLD: true, FOREGROUND_COLOR: '#cc0000' } }],
        },
      ],
    });
  });

  it('gives tables as rows of cells with background colours and text, and list items with nesting and glyph', () => {
    const { DocumentApp, store } = setup();
    const doc = DocumentApp.create('A');
    const body = doc.getBody();
    const table = body.appendTable([
      ['Code', 'Status'],
      ['CP1', 'Overdue'],
    ]);
    table.getCell(1, 1).setBackgroundColor('#f4cccc');
    body.appendListItem('point').setNestingLevel(1).setGlyphType(DocumentApp.GlyphType.BULLET);
    const model = store.model(doc.getId());
    const t = model.body[1];
    expect(t.type).toBe('TABLE');
    if (t.type !== 'TABLE') return;
    expect(t.rows.map((r) => r.cells.map((c) => [c.text, c.backgroundColor]))).toEqual([
      [
        ['Code', null],
        ['Status', null],
      ],
      [
        ['CP1', null],
        ['Overdue', '#f4cccc'],
      ],
    ]);
    expect(model.body[3]).toMatchObject({
      type: 'LIST_ITEM',
      text: 'point',
      nestingLevel: 1,
      glyphType: 'BULLET',
    });
  });

  it('gives images with their bytes and content type, and page breaks and rules', () => {
    const { core, DocumentApp, store } = setup();
    const doc = DocumentApp.create('A');
    const body = doc.getBody();
    body.appendImage(pngBlob(core, 40, 30)).setAltTitle('Status by theme');
    body.appendPageBreak();
    body.appendHorizontalRule();
    const model = store.model(doc);
    const imagePara = model.body[1];
    expect(imagePara.type).toBe('PARAGRAPH');
    if (imagePara.type !== 'PARAGRAPH') return;
    const img = imagePara.elements[0];
    expect(img).toMatchObject({
      type: 'INLINE_IMAGE',
      contentType: 'image/png',
      width: 40,
      height: 30,
      altTitle: 'Status by theme',
    });
    if (img.type === 'INLINE_IMAGE') expect(Array.from(img.bytes)).toEqual(Array.from(png(40, 30)));
    expect(model.body[2]).toMatchObject({ elements: [{ type: 'PAGE_BREAK' }] });
    expect(model.body[3]).toMatchObject({ elements: [{ type: 'HORIZONTAL_RULE' }] });
  });

  it('reads the model without counting calls, and reads headers and footers', () => {
    const { core, DocumentApp, store } = setup();
    const doc = DocumentApp.create('A');
    doc.addFooter().appendParagraph('Page footer');
    core.resetCounts();
    const model = store.model(doc);
    expect(core.callsByMember()).toEqual({});
    expect(model.header).toBeNull();
    expect(model.footer?.map((b) => (b.type === 'TABLE' ? '' : b.text))).toEqual(['', 'Page footer']);
  });
});

describe('inline images', () => {
  it('start at the image size, resize, and hand back their blob', () => {
    const { core, DocumentApp } = setup();
    const body = DocumentApp.create('A').getBody();
    const img = body.appendImage(pngBlob(core, 640, 480));
    expect([img.getWidth(), img.getHeight()]).toEqual([640, 480]);
    img.setWidth(320).setHeight(240);
    expect([img.getWidth(), img.getHeight()]).toEqual([320, 240]);
    const blob = img.getBlob();
    expect(blob.getContentType()).toBe('image/png');
    expect(blob.getBytes().length).toBe(png(640, 480).length);
  });

  it('refuses data that is not a PNG, JPEG or GIF image', () => {
    const { core, DocumentApp } = setup();
    const body = DocumentApp.create('A').getBody();
    const text = pngBlob(core);
    (text as unknown as { _raw(): Uint8Array })._raw().fill(0x41);
    expect(() => body.appendImage(text)).toThrow(/not a PNG, JPEG or GIF/);
    expect(thrown(() => body.appendImage('chart.png' as unknown as GoogleAppsScript.Base.Blob)).message).toBe(
      "The parameters (String) don't match the method signature for DocumentApp.Body.appendImage.",
    );
  });
});
