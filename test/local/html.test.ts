// Pins the in-memory HtmlService: outputs, contextual escaping, templates and their compiled code, missing files.
// Values marked "live" come from gas-fakes test/testhtmlservice.js, written to pass on real Apps Script too.
import { RuntimeCore } from '../../local/runtime/core';
import { newBlob } from '../../local/runtime/blob';
import { createHtmlService } from '../../local/runtime/html';

function service(options: Parameters<typeof createHtmlService>[1] = {}) {
  const core = new RuntimeCore('2010-03-10T09:00:00Z');
  return { core, ...createHtmlService(core, options) };
}

type Template = GoogleAppsScript.HTML.HtmlTemplate;

function render(html: string, vars: Record<string, unknown> = {}): string {
  const { HtmlService } = service();
  const t: Template = HtmlService.createTemplate(html);
  Object.assign(t, vars);
  return t.evaluate().getContent();
}

describe('HtmlOutput', () => {
  it('appends trusted HTML as is and escapes untrusted content (reference examples)', () => {
    const { HtmlService } = service();
    const out = HtmlService.createHtmlOutput('<b>Hello, world!</b>');
    out.append('<p>Hello again, world.</p>');
    expect(out.getContent()).toBe('<b>Hello, world!</b><p>Hello again, world.</p>');
    out.setContent('<b>Hello, world!</b>').appendUntrusted('<p>Hello again, world.</p>');
    expect(out.getContent()).toBe('<b>Hello, world!</b>&lt;p&gt;Hello again, world.&lt;/p&gt;');
  });

  it('has an empty title until set, sizes, favicon and meta tags (live)', () => {
    const { HtmlService } = service();
    const out = HtmlService.createHtmlOutput('<h1>Title</h1>');
    expect(out.getTitle()).toBe('');
    out.setTitle('My Page').setHeight(100).setWidth(200).setFaviconUrl('http://example.com/icon.ico');
    expect([out.getTitle(), out.getHeight(), out.getWidth(), out.getFaviconUrl()]).toEqual([
      'My Page',
      100,
      200,
      'http://example.com/icon.ico',
    ]);
    out.addMetaTag('viewport', 'width=device-width');
    const [tag] = out.getMetaTags();
    expect([tag.getName(), tag.getContent()]).toEqual(['viewport', 'width=device-width']);
    expect(() => out.addMetaTag('description', 'x')).toThrow(/not allowed/);
    out.clear();
    expect(out.getContent()).toBe('');
  });

  it('hands out its content as a text/html blob, or text/plain (live)', () => {
    const { HtmlService } = service();
    const out = HtmlService.createHtmlOutput('<b>Blob</b>');
    expect(out.getBlob().getContentType()).toBe('text/html');
    expect(out.getBlob().getDataAsString()).toBe('<b>Blob</b>');
    expect(out.getAs('text/plain').getContentType()).toBe('text/plain');
    expect(out.asTemplate().getRawContent()).toBe('<b>Blob</b>');
  });

  it('reads HTML from a blob, and a template made with asTemplate follows later changes (reference)', () => {
    const { core, HtmlService } = service();
    const blob = newBlob(
      core,
      'Utilities',
      '<i><?= 1 + 1 ?></i>',
      'text/html',
      'page.html',
    ) as unknown as GoogleAppsScript.Base.Blob;
    expect(HtmlService.createHtmlOutput(blob).getContent()).toBe('<i><?= 1 + 1 ?></i>');
    expect(HtmlService.createTemplate(blob).evaluate().getContent()).toBe('<i>2</i>');
    const out = HtmlService.createHtmlOutput('<p>');
    const template = out.asTemplate();
    out.append('<?= "later" ?></p>');
    expect(template.evaluate().getContent()).toBe('<p>later</p>');
  });

  it('accepts the sandbox and X-Frame-Options enums', () => {
    const { HtmlService } = service();
    const out = HtmlService.createHtmlOutput('x');
    expect(out.setSandboxMode(HtmlService.SandboxMode.IFRAME)).toBe(out);
    expect(out.setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)).toBe(out);
    expect(() => out.setSandboxMode('IFRAME' as unknown as GoogleAppsScript.HTML.SandboxMode)).toThrow(
      "The parameters (String) don't match the method signature for HtmlService.HtmlOutput.setSandboxMode.",
    );
  });

  it('counts calls under HtmlService', () => {
    const { core, HtmlService } = service();
    HtmlService.createHtmlOutput('a').append('b').getContent();
    expect(core.callsByMember()).toEqual({
      'HtmlService.HtmlOutput.append': 1,
      'HtmlService.HtmlOutput.getContent': 1,
      'HtmlService.HtmlService.createHtmlOutput': 1,
    });
  });
});

describe('files', () => {
  it('throws the service message for a file the project does not have (the bundle pushes no HTML)', () => {
    const { HtmlService } = service();
    expect(() => HtmlService.createHtmlOutputFromFile('Sidebar')).toThrow(
      'No HTML file named Sidebar was found.',
    );
    expect(() => HtmlService.createTemplateFromFile('Dialog')).toThrow(
      'No HTML file named Dialog was found.',
    );
  });

  it('serves files a test adds', () => {
    const { HtmlService, addFile } = service();
    addFile('Sidebar', '<p><?= who ?></p>');
    const t = HtmlService.createTemplateFromFile('Sidebar');
    (t as unknown as { who: string }).who = 'Jane';
    expect(t.evaluate().getContent()).toBe('<p>Jane</p>');
    expect(HtmlService.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<p><?= who ?></p>');
  });
});

describe('template scriptlets', () => {
  it('evaluates the reference example: properties set on the template are in scope', () => {
    expect(render('<?= foo ?>', { foo: 'Hello World!' })).toBe('Hello World!');
  });

  it('escapes printing scriptlets and leaves force-printing ones raw (live)', () => {
    expect(render('<?= val ?>', { val: '<b>bold</b>' })).toBe('&lt;b&gt;bold&lt;/b&gt;');
    expect(render('<?!= val ?>', { val: '<b>bold</b>' })).toBe('<b>bold</b>');
    expect(render('<h1><?= title ?></h1>', { title: 'My & Title' })).toBe('<h1>My &amp; Title</h1>');
    expect(render('<?= count ?>', { count: 42 })).toBe('42');
  });

  it('runs standard scriptlets, including loops and ifs spanning literal HTML (reference)', () => {
    expect(render('before<? var x = 42; ?>after')).toBe('beforeafter');
    expect(render('<? var msg = "hi"; ?><?= msg ?>')).toBe('hi');
    const html = '<ul>\n<? for (var i = 0; i < data.length; i++) { ?>  <li><?= data[i] ?></li>\n<? } ?></ul>';
    expect(render(html, { data: ['Gmail', 'Docs'] })).toBe('<ul>\n  <li>Gmail</li>\n  <li>Docs</li>\n</ul>');
    expect(render('<? if (show) { ?>shown<? } else { ?>hidden<? } ?>', { show: false })).toBe('hidden');
  });

  it('keeps template lines on their own code lines, so a // comment hides the rest of its line (guide examples)', () => {
    // "This sentence won't print because a comment begins inside a scriptlet on the same line." (and its second line)
    expect(render('<? var x; // ?> hidden\nalso hidden\n<?= "shown" ?>')).toBe('shown');
    // "This sentence prints because it's on the next line, even though it's in the same scriptlet."
    expect(render('<? var y; // ?> <?= "hidden";\noutput.append("prints") ?>')).toBe('prints');
  });

  it('escapes by context: script bodies get JS string literals, attributes get attribute escaping', () => {
    const vars = {
      name: '</script><script>alert(1)</script>',
      n: 42,
      url: 'javascript:alert(1)',
      q: '" onmouseover="x',
    };
    const out = render(
      '<script>var a = <?= n ?>; var b = "<?= name ?>";</script><a href="<?= url ?>" title="<?= q ?>">x</a>',
      vars,
    );
    expect(out).toBe(
      '<script>var a = \'42\'; var b = "\\x3c/script\\x3e\\x3cscript\\x3ealert(1)\\x3c/script\\x3e";</script>' +
        '<a href="#zSoyz" title="&quot; onmouseover=&quot;x">x</a>',
    );
  });

  it('passes a number into an onclick handler as a string (hacknote.jp: printing scriptlets quote it)', () => {
    expect(render('<button onclick="pow(<?= i ?>)">', { i: 3 })).toBe('<button onclick="pow(&#39;3&#39;)">');
    expect(render('<button onclick="pow(<?!= i ?>)">', { i: 3 })).toBe('<button onclick="pow(3)">');
  });

  it('sees the script globals it is given', () => {
    const { HtmlService, setGlobals } = service();
    setGlobals({ include: (name: string) => `<style>/* ${name} */</style>` });
    expect(HtmlService.createTemplate("<?!= include('Styles') ?>").evaluate().getContent()).toBe(
      '<style>/* Styles */</style>',
    );
  });
});

describe('template code', () => {
  it('compiles to code shaped like getCode() in the guide', () => {
    const { HtmlService } = service();
    const t = HtmlService.createTemplate('<b>\n<?= x ?></b>');
    expect(t.getRawContent()).toBe('<b>\n<?= x ?></b>');
    expect(t.getCode()).toBe(
      "(function() { var output = HtmlService.initTemplate(); output._ =  '<b>\\n';\n   output._$ =   x  ;output._ =  '</b>';\n" +
        "  /* End of user code */\n  return output.$out.append('');\n})();",
    );
    expect(t.getCodeWithComments()).toContain('// <b>');
  });

  it('returns an HtmlOutput from evaluate whose calls are counted', () => {
    const { core, HtmlService } = service();
    const out = HtmlService.createTemplate('x').evaluate();
    out.setTitle('T');
    expect(core.callsByMember()['HtmlService.HtmlOutput.setTitle']).toBe(1);
    expect(out.getTitle()).toBe('T');
  });

  it('gets no user agent outside a web app (reference)', () => {
    expect(service().HtmlService.getUserAgent()).toBeNull();
  });
});
