// The Update progress page's template, evaluated by the local HtmlService: every value escaped, the state carried
// in an attribute that decodes to exactly what the server sent, and our script the only thing printed unescaped.
import { readdirSync, readFileSync } from 'node:fs';
import { createLocalRuntime } from '../../local/runtime';
import { SIDEBAR_TITLE, sidebarPage } from '../../src/ui/sidebarHtml';
import type { SidebarState } from '../../src/ui/sidebarTypes';

const XSS = '</script><script>alert(1)</script>';

function state(overrides: Partial<NonNullable<SidebarState['action']>> = {}): SidebarState {
  return {
    action: {
      code: 'CEA1',
      action: `Record responses ${XSS} & "quotes" 'too' <b>bold</b>`,
      lead: 'Head of Service 01',
      effectiveTargetDate: '30 June 2010',
      rag: 'On track',
      fields: {
        status: 'In progress',
        progress: '40',
        latestUpdate: `${XSS}\u2028<!-- -->`,
        revisedTargetDate: '',
        revisionReason: '',
      },
      version: 'v1-abc',
      ...overrides,
    },
    mine: [{ code: 'CEA1', rag: 'On track' }],
    statuses: ['Not started', 'In progress', 'Complete'],
    today: '2010-03-10',
    user: 'head.of.service.01@example.org',
  };
}

const SCRIPT = 'window.__sidebarRan = true;';

function render(s: SidebarState) {
  const runtime = createLocalRuntime();
  let source = '';
  const output = sidebarPage(
    {
      createHtmlTemplate: (html) => {
        source = html;
        return runtime.html.HtmlService.createTemplate(html) as never;
      },
    },
    s,
    SCRIPT,
  );
  return {
    source,
    html: output.getContent(),
    title: (output as unknown as { getTitle(): string }).getTitle(),
  };
}

const ENTITIES: Record<string, string> = {
  '&quot;': '"',
  '&#39;': "'",
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
};
/** What the browser hands the script as dataset.state. */
function stateAttribute(html: string): unknown {
  const match = /data-state="([^"]*)"/.exec(html);
  if (!match) throw new Error('no data-state attribute');
  return JSON.parse(match[1].replace(/&(quot|#39|lt|gt|amp);/g, (e) => ENTITIES[e]));
}

describe('the Update progress page', () => {
  it('is titled for the sidebar and carries the state the server sent, exactly', () => {
    const s = state();
    const { html, title } = render(s);
    expect(title).toBe(SIDEBAR_TITLE);
    expect(title).toBe('Update progress');
    expect(stateAttribute(html)).toEqual(s);
  });

  it('prints user text escaped, so markup in it is never markup', () => {
    const { html } = render(state());
    expect(html).not.toContain(XSS);
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    // One script element: ours, exactly as given.
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html).toContain(`<script>${SCRIPT}</script>`);
    expect(html).toContain('<span id="action-code">CEA1</span>');
    expect(html).toContain('data-rag="On track"');
  });

  it('shows the message and hides the form when there is no action', () => {
    const { html } = render({ ...state(), action: undefined, message: 'Select a row of <Actions> first.' });
    expect(html).toContain('Select a row of &lt;Actions&gt; first.');
    expect(html).toMatch(/<form id="progress-form" novalidate hidden>/);
    expect(html).toMatch(/<section id="action" aria-labelledby="action-heading" hidden>/);
  });

  it('has one unescaped scriptlet, and it prints our script', () => {
    const { source } = render(state());
    expect(source.match(/<\?!=[\s\S]*?\?>/g)).toEqual(['<?!= clientScript ?>']);
    expect(source.match(/<\?=[\s\S]*?\?>/g)?.length).toBeGreaterThan(8);
  });
});

describe('the client script', () => {
  it('never writes HTML: every value reaches the page as text', () => {
    const dir = 'src/client';
    for (const file of readdirSync(dir)) {
      const source = readFileSync(`${dir}/${file}`, 'utf8');
      expect({
        file,
        html: /innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser/.test(source),
      }).toEqual({
        file,
        html: false,
      });
    }
  });
});
