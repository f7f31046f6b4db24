// Pins the HTML rendering of a document: structure a reader would recognise, and no way for document text to run.
import { RuntimeCore } from '../../../local/runtime/core';
import { createDocumentApp } from '../../../local/runtime/document';
import { renderDocumentHtml } from '../../../local/render/documentHtml';
import { png, pngBlob } from '../document/helpers';

function build(
  fill: (
    body: GoogleAppsScript.Document.Body,
    app: GoogleAppsScript.Document.DocumentApp,
    core: RuntimeCore,
  ) => void,
) {
  const core = new RuntimeCore('2010-03-10T09:00:00Z');
  const { DocumentApp, store } = createDocumentApp(core);
  const doc = DocumentApp.create('Cabinet <report>');
  fill(doc.getBody(), DocumentApp, core);
  return renderDocumentHtml(store.model(doc));
}

describe('renderDocumentHtml', () => {
  it('is a standalone page titled with the (escaped) document name', () => {
    const html = build(() => undefined);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<title>Cabinet &lt;report&gt;</title>');
    expect(html).not.toContain('<report>');
  });

  it('renders headings as h1-h6 and the title style as Google Docs exports it', () => {
    const html = build((body, app) => {
      body.appendParagraph('Improvement Plan').setHeading(app.ParagraphHeading.TITLE);
      body.appendParagraph('1 Summary').setHeading(app.ParagraphHeading.HEADING1);
      body.appendParagraph('1.1 Detail').setHeading(app.ParagraphHeading.HEADING3);
    });
    expect(html).toContain('<p class="title">Improvement Plan</p>');
    expect(html).toContain('<h1>1 Summary</h1>');
    expect(html).toContain('<h3>1.1 Detail</h3>');
  });

  it('renders bold, italic, colour and safe links within a paragraph, and alignment', () => {
    const html = build((body, app) => {
      const p = body.appendParagraph('Status: ');
      p.setAlignment(app.HorizontalAlignment.CENTER);
      p.appendText('Red').setBold(true).setForegroundColor('#cc0000');
      p.appendText(' see ')
        .setBold(false)
        .setForegroundColor(null as unknown as string);
      p.appendText('report').setLinkUrl('https://example.gov.uk/report?a=1&b=2');
      p.appendText(' and ').setLinkUrl(null as unknown as string);
      p.appendText('this').setLinkUrl('javascript:alert(1)');
      p.appendText(' now')
        .setLinkUrl(null as unknown as string)
        .setItalic(true);
    });
    expect(html).toContain(
      '<p style="text-align: center">Status: <strong><span style="color: #cc0000">Red</span></strong>',
    );
    expect(html).toContain('<a href="https://example.gov.uk/report?a=1&amp;b=2">report</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<em> now</em>');
  });

  it('escapes text a user typed, so markup in a cell or paragraph shows as text', () => {
    const html = build((body) => {
      body.appendParagraph('<script>alert("x")</script>');
      body.appendTable([['<img src=x onerror=alert(1)>', 'a & b']]);
    });
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('a &amp; b');
  });

  it('renders tables with cell colours and a bold first row as a header row', () => {
    const html = build((body) => {
      const table = body.appendTable([
        ['Code', 'Status'],
        ['CP1', 'Overdue'],
      ]);
      table.getRow(0).editAsText().setBold(true);
      table.getCell(1, 1).setBackgroundColor('#f4cccc');
    });
    expect(html).toMatch(/<thead><tr><th[^>]*><p><strong>Code<\/strong><\/p>\n<\/th>/);
    expect(html).toMatch(/<td style="background-color: #f4cccc; [^"]*"><p>Overdue<\/p>/);
    expect(html).not.toMatch(/<th[^>]*><p>CP1/);
  });

  it('renders bullet and numbered lists with nesting', () => {
    const html = build((body, app) => {
      body.appendListItem('one').setGlyphType(app.GlyphType.BULLET);
      body.appendListItem('one.a').setNestingLevel(1);
      body.appendListItem('two');
      body.appendParagraph('between');
      body.appendListItem('first');
    });
    expect(html).toContain(
      '<ul style="list-style-type: disc"><li>one<ul style="list-style-type: disc"><li>one.a</li></ul></li><li>two</li></ul>',
    );
    expect(html).toContain('<ol style="list-style-type: decimal"><li>first</li></ol>');
  });

  it('shows images inline as data: URIs, and page breaks as a visible rule', () => {
    const html = build((body, _app, core) => {
      body.appendImage(pngBlob(core, 40, 30)).setAltDescription('Status chart');
      body.appendPageBreak();
      body.appendHorizontalRule();
    });
    const b64 = Buffer.from(png(40, 30)).toString('base64');
    expect(html).toContain(
      `<img src="data:image/png;base64,${b64}" width="40" height="30" alt="Status chart">`,
    );
    expect(html).toContain(
      '<div class="page-break" role="separator" aria-label="Page break"><span>Page break</span></div>',
    );
    expect(html).toContain('<hr>');
  });

  it('keeps empty paragraphs as blank lines and line breaks inside a paragraph', () => {
    const html = build((body) => {
      body.appendParagraph('line one\nline two');
    });
    expect(html).toContain('<p class="empty"><br></p>');
    expect(html).toContain('<p>line one<br>line two</p>');
  });

  it('ignores formatting values that could inject CSS', () => {
    const html = build((body) => {
      body.appendParagraph('x').editAsText().setFontFamily('Arial; background: url(evil)');
    });
    expect(html).not.toContain('evil');
  });
});
