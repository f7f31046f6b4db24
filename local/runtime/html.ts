// The in-memory HtmlService: HtmlOutput with contextual escaping, and HtmlTemplate compiled to a JS function the way
// Apps Script does it (getCode()'s output shape, line numbers kept, `output._ =` / `output._$ =` appends).
import { NotImplementedError, type RuntimeCore } from './core';
import { newBlob } from './blob';
import { SandboxMode, XFrameOptionsMode } from './document/enums';
import { enumKey } from './enums';
import { gasError } from './errors';
import { localRefusal, signatureError } from './document/errors';
import { blobBytes } from './document/images';

export interface HtmlServiceOptions {
  /** HTML files of the script project by name (the bundle pushes none, so this is empty unless a test adds some). */
  files?: Record<string, string>;
  /** Global scope of the script (e.g. the gas-local context), so scriptlets can call the script's functions. */
  globals?: object;
}

// ---------------------------------------------------------------------------------------------------------------
// Contextual escaping. Reference (templates guide): "Apps Script keeps track of the output's context on the page —
// inside an HTML attribute, inside a client-side script tag, or anywhere else — and automatically adds escape
// characters". The value reaches the escaper as a String (appendUntrusted takes a String), so inside JS it becomes a
// quoted string literal: a number printed into an onclick handler arrives as a string (hacknote.jp/archives/10844).
// ---------------------------------------------------------------------------------------------------------------

type Mode =
  | 'text'
  | 'tagOpen'
  | 'endTagOpen'
  | 'tagName'
  | 'endTagName'
  | 'inTag'
  | 'attrName'
  | 'afterAttrName'
  | 'beforeAttrValue'
  | 'attrDq'
  | 'attrSq'
  | 'attrUq'
  | 'markup'
  | 'comment'
  | 'bogusComment'
  | 'script'
  | 'style';
type JsMode = 'code' | 'dq' | 'sq' | 'tpl' | 'lineComment' | 'blockComment';

const URL_ATTRS = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'background',
  'cite',
  'poster',
  'srcset',
  'data',
]);

/** An incremental HTML tokenizer that only tracks what the escaper needs: which context the next character is in. */
class HtmlContext {
  mode: Mode = 'text';
  private tag = '';
  private closing = false;
  attr = '';
  attrValue = '';
  private raw: 'script' | 'style' | null = null;
  js: JsMode = 'code';
  private jsEscape = false;
  private prev = '';
  private endMatch = 0;
  private dashes = 0;
  private markup = '';

  feed(s: string): void {
    for (const c of s) this.step(c);
  }

  private startTagDone(): void {
    if (!this.closing && (this.tag === 'script' || this.tag === 'style')) {
      this.raw = this.tag;
      this.mode = this.tag;
      this.js = 'code';
      this.endMatch = 0;
    } else {
      this.mode = 'text';
    }
  }

  private step(c: string): void {
    const ws = /\s/.test(c);
    switch (this.mode) {
      case 'text':
        if (c === '<') this.mode = 'tagOpen';
        break;
      case 'tagOpen':
        if (/[a-z]/i.test(c)) {
          this.mode = 'tagName';
          this.tag = c.toLowerCase();
          this.closing = false;
        } else if (c === '/') this.mode = 'endTagOpen';
        else if (c === '!') {
          this.mode = 'markup';
          this.markup = '';
        } else if (c === '?') this.mode = 'bogusComment';
        else this.mode = c === '<' ? 'tagOpen' : 'text';
        break;
      case 'endTagOpen':
        if (/[a-z]/i.test(c)) {
          this.mode = 'endTagName';
          this.tag = c.toLowerCase();
          this.closing = true;
        } else this.mode = c === '>' ? 'text' : 'bogusComment';
        break;
      case 'tagName':
        if (ws || c === '/') this.mode = 'inTag';
        else if (c === '>') this.startTagDone();
        else this.tag += c.toLowerCase();
        break;
      case 'endTagName':
        if (c === '>') this.mode = 'text';
        break;
      case 'inTag':
        if (c === '>') this.startTagDone();
        else if (!ws && c !== '/') {
          this.mode = 'attrName';
          this.attr = c.toLowerCase();
        }
        break;
      case 'attrName':
        if (c === '=') this.beginValue();
        else if (ws) this.mode = 'afterAttrName';
        else if (c === '>') this.startTagDone();
        else if (c === '/') this.mode = 'inTag';
        else this.attr += c.toLowerCase();
        break;
      case 'afterAttrName':
        if (c === '=') this.beginValue();
        else if (c === '>') this.startTagDone();
        else if (!ws) {
          this.mode = 'attrName';
          this.attr = c.toLowerCase();
        }
        break;
      case 'beforeAttrValue':
        if (c === '"') this.mode = 'attrDq';
        else if (c === "'") this.mode = 'attrSq';
        else if (c === '>') this.startTagDone();
        else if (!ws) {
          this.mode = 'attrUq';
          this.attrValue = c;
        }
        break;
      case 'attrDq':
        if (c === '"') this.mode = 'inTag';
        else this.attrValue += c;
        break;
      case 'attrSq':
        if (c === "'") this.mode = 'inTag';
        else this.attrValue += c;
        break;
      case 'attrUq':
        if (ws) this.mode = 'inTag';
        else if (c === '>') this.startTagDone();
        else this.attrValue += c;
        break;
      case 'markup':
        this.markup += c;
        if (this.markup === '--') {
          this.mode = 'comment';
          this.dashes = 0;
        } else if (!'--'.startsWith(this.markup)) this.mode = c === '>' ? 'text' : 'bogusComment';
        break;
      case 'bogusComment':
        if (c === '>') this.mode = 'text';
        break;
      case 'comment':
        if (c === '>' && this.dashes >= 2) this.mode = 'text';
        this.dashes = c === '-' ? this.dashes + 1 : 0;
        break;
      case 'script':
      case 'style':
        this.rawStep(c);
        break;
    }
  }

  private beginValue(): void {
    this.mode = 'beforeAttrValue';
    this.attrValue = '';
  }

  /** Script and style bodies end at "</script" / "</style" wherever it appears, as the HTML parser ends them. */
  private rawStep(c: string): void {
    const end = `</${this.raw}`;
    if (c.toLowerCase() === end[this.endMatch]) {
      this.endMatch += 1;
      if (this.endMatch === end.length) {
        this.mode = 'endTagName';
        this.closing = true;
        this.raw = null;
        this.endMatch = 0;
        return;
      }
    } else {
      this.endMatch = c === '<' ? 1 : 0;
    }
    if (this.mode === 'script') this.jsStep(c);
  }

  private jsStep(c: string): void {
    const prev = this.prev;
    this.prev = c;
    switch (this.js) {
      case 'code':
        if (c === '"') this.js = 'dq';
        else if (c === "'") this.js = 'sq';
        else if (c === '`') this.js = 'tpl';
        else if (c === '/' && prev === '/') this.js = 'lineComment';
        else if (c === '*' && prev === '/') this.js = 'blockComment';
        break;
      case 'dq':
      case 'sq':
      case 'tpl': {
        const quote = this.js === 'dq' ? '"' : this.js === 'sq' ? "'" : '`';
        if (this.jsEscape) this.jsEscape = false;
        else if (c === '\\') this.jsEscape = true;
        else if (c === quote) this.js = 'code';
        break;
      }
      case 'lineComment':
        if (c === '\n') this.js = 'code';
        break;
      case 'blockComment':
        if (c === '/' && prev === '*') {
          this.js = 'code';
          this.prev = '';
        }
        break;
    }
  }
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in HTML content and in a quoted attribute (also what the local document preview escapes with). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const JS_SPECIALS = '\\\'"`<>&=';

/** A JS string body safe inside <script> and inside any quote style (no quote, backslash, `<`, line terminator raw). */
export function escapeJsString(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    const special =
      code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 || JS_SPECIALS.includes(ch);
    if (!special) out += ch;
    else
      out +=
        code < 0x100
          ? `\\x${code.toString(16).padStart(2, '0')}`
          : `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return out;
}

function escapeCss(s: string): string {
  return s.replace(/[^A-Za-z0-9 #.,%_-]/g, (c) => `\\${c.codePointAt(0)?.toString(16)} `);
}

function escapeFor(ctx: HtmlContext, value: string): string {
  switch (ctx.mode) {
    case 'script':
      return ctx.js === 'code' ? `'${escapeJsString(value)}'` : escapeJsString(value);
    case 'style':
      return escapeCss(value);
    case 'attrDq':
    case 'attrSq':
    case 'attrUq': {
      let v = value;
      if (ctx.attr.startsWith('on')) v = `'${escapeJsString(v)}'`;
      else if (ctx.attr === 'style') v = escapeCss(v);
      else if (
        URL_ATTRS.has(ctx.attr) &&
        ctx.attrValue.trim() === '' &&
        /^\s*(javascript|vbscript|data):/i.test(v)
      ) {
        v = '#zSoyz'; // a dangerous URL scheme at the start of a URL attribute is replaced, never emitted
      }
      const escaped = escapeHtml(v);
      return ctx.mode === 'attrUq' ? escaped.replace(/[\s=`]/g, (c) => `&#${c.charCodeAt(0)};`) : escaped;
    }
    case 'text':
    case 'comment':
    case 'bogusComment':
      return escapeHtml(value);
    default:
      // Inside a tag but outside any attribute value: nothing printed there may start an attribute or end the tag.
      return escapeHtml(value).replace(/[\s=/`]/g, (c) => `&#${c.charCodeAt(0)};`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// HtmlOutput
// ---------------------------------------------------------------------------------------------------------------

/** Reference (addMetaTag): "Only the following meta tags are allowed". */
const ALLOWED_META = new Set([
  'apple-mobile-web-app-capable',
  'google-site-verification',
  'mobile-web-app-capable',
  'viewport',
]);

class HtmlOutputMetaTagImpl {
  constructor(
    private readonly _name: string,
    private readonly _content: string,
  ) {}
  getName(): string {
    return this._name;
  }
  getContent(): string {
    return this._content;
  }
  toString(): string {
    return 'HtmlOutputMetaTag';
  }
}

export class HtmlOutputImpl {
  private _text = '';
  private _ctx = new HtmlContext();
  private _title = '';
  private _width: number | null = null;
  private _height: number | null = null;
  private _favicon: string | null = null;
  private readonly _metas: { name: string; content: string }[] = [];
  _sandboxMode: string | null = null;
  _xFrameOptionsMode = 'DEFAULT';

  constructor(
    private readonly _svc: HtmlServiceImpl,
    content: string,
  ) {
    this._set(content);
  }

  _set(content: string): void {
    this._text = content;
    this._ctx = new HtmlContext();
    this._ctx.feed(content);
  }
  _appendRaw(s: string): void {
    this._text += s;
    this._ctx.feed(s);
  }
  _appendUntrusted(s: string): void {
    this._appendRaw(escapeFor(this._ctx, s));
  }
  _string(v: unknown, method: string): string {
    if (typeof v !== 'string') throw signatureError([v], `HtmlService.HtmlOutput.${method}`);
    return v;
  }

  /** Reference: "Use this only for content from a trusted source, because it is not escaped." */
  append(addedContent: unknown): this {
    this._appendRaw(this._string(addedContent, 'append'));
    return this;
  }
  /** Reference example: appendUntrusted('<p>Hello again, world.</p>') appends "&lt;p&gt;Hello again, world.&lt;/p&gt;". */
  appendUntrusted(addedContent: unknown): this {
    this._appendUntrusted(this._string(addedContent, 'appendUntrusted'));
    return this;
  }
  /** Reference: "Future changes to HtmlOutput affect the contents of the HtmlTemplate as well." */
  asTemplate(): unknown {
    return this._svc._template(() => this._text);
  }
  clear(): this {
    this._set('');
    return this;
  }
  getContent(): string {
    return this._text;
  }
  setContent(content: unknown): this {
    this._set(this._string(content, 'setContent'));
    return this;
  }
  getBlob(): unknown {
    return newBlob(this._svc._core, 'HtmlService', this._text, 'text/html', null);
  }
  /** The HTML as text/html or text/plain; a real conversion (to PDF) is not reproduced. */
  getAs(contentType: unknown): unknown {
    if (contentType !== 'text/html' && contentType !== 'text/plain') {
      throw new NotImplementedError(`HtmlOutput.getAs(${String(contentType)})`);
    }
    return newBlob(this._svc._core, 'HtmlService', this._text, contentType, null);
  }
  /** Reference: "Note that the <title> HTML element is ignored." Empty until set (gas-fakes testhtmlservice.js). */
  getTitle(): string {
    return this._title;
  }
  setTitle(title: unknown): this {
    this._title = this._string(title, 'setTitle');
    return this;
  }
  /** Null until set: the dialog then opens at the host's default size (reference: "null results in a default value"). */
  getWidth(): number | null {
    return this._width;
  }
  setWidth(width: unknown): this {
    this._width = this._size(width, 'setWidth');
    return this;
  }
  getHeight(): number | null {
    return this._height;
  }
  setHeight(height: unknown): this {
    this._height = this._size(height, 'setHeight');
    return this;
  }
  _size(v: unknown, method: string): number | null {
    if (v === null) return null;
    if (typeof v !== 'number' || !Number.isInteger(v))
      throw signatureError([v], `HtmlService.HtmlOutput.${method}`);
    return v;
  }
  getFaviconUrl(): string | null {
    return this._favicon;
  }
  setFaviconUrl(iconUrl: unknown): this {
    this._favicon = this._string(iconUrl, 'setFaviconUrl');
    return this;
  }
  addMetaTag(name: unknown, content: unknown): this {
    if (typeof name !== 'string' || typeof content !== 'string') {
      throw signatureError([name, content], 'HtmlService.HtmlOutput.addMetaTag');
    }
    if (!ALLOWED_META.has(name)) throw localRefusal(`Meta tag "${name}" is not allowed`);
    this._metas.push({ name, content });
    return this;
  }
  getMetaTags(): unknown[] {
    return this._metas.map((m) =>
      this._svc._core.expose(
        'HtmlService',
        'HtmlOutputMetaTag',
        new HtmlOutputMetaTagImpl(m.name, m.content),
      ),
    );
  }
  /** Reference: "This method now has no effect"; only IFRAME remains. */
  setSandboxMode(mode: unknown): this {
    const key = enumKey(SandboxMode, mode);
    if (!key) throw signatureError([mode], 'HtmlService.HtmlOutput.setSandboxMode');
    this._sandboxMode = key;
    return this;
  }
  setXFrameOptionsMode(mode: unknown): this {
    const key = enumKey(XFrameOptionsMode, mode);
    if (!key) throw signatureError([mode], 'HtmlService.HtmlOutput.setXFrameOptionsMode');
    this._xFrameOptionsMode = key;
    return this;
  }
  toString(): string {
    return 'HtmlOutput';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// HtmlTemplate
// ---------------------------------------------------------------------------------------------------------------

type Segment = { kind: 'html' | 'code' | 'print' | 'force'; text: string };

function parseTemplate(raw: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < raw.length) {
    const open = raw.indexOf('<?', i);
    if (open === -1) {
      out.push({ kind: 'html', text: raw.slice(i) });
      break;
    }
    if (open > i) out.push({ kind: 'html', text: raw.slice(i, open) });
    let kind: Segment['kind'] = 'code';
    let start = open + 2;
    if (raw.startsWith('!=', start)) {
      kind = 'force';
      start += 2;
    } else if (raw.startsWith('=', start)) {
      kind = 'print';
      start += 1;
    }
    const close = raw.indexOf('?>', start);
    const end = close === -1 ? raw.length : close;
    out.push({ kind, text: raw.slice(start, end) });
    i = close === -1 ? raw.length : close + 2;
  }
  return out;
}

function quote(s: string): string {
  return `'${s
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}'`;
}

/**
 * The JavaScript a template compiles to, shaped like Apps Script's getCode() (templates guide, "The getCode
 * function"): HTML is appended with `output._ =`, printing scriptlets with `output._$ =`, and every template line
 * stays on its own code line, so a `//` comment in a scriptlet hides the rest of that line as it does in production.
 */
function compile(raw: string, init: string, ret: string, withComments: boolean): string {
  let code = `(function() { var output = ${init}; `;
  for (const seg of parseTemplate(raw)) {
    if (seg.kind === 'html') {
      const pieces = seg.text.split(/(?<=\n)/);
      code += `output._ =  ${pieces.map(quote).join(' +\n    ')};`;
      if (seg.text.endsWith('\n')) code += '\n  ';
    } else if (seg.kind === 'print') code += ` output._$ =  ${seg.text} ;`;
    else if (seg.kind === 'force') code += ` output._ =  ${seg.text} ;`;
    else code += ` ${seg.text} ;`;
  }
  code += `\n  /* End of user code */\n  ${ret}\n})();`;
  if (!withComments) return code;
  const rawLines = raw.split('\n');
  return code
    .split('\n')
    .map((line, i) => (i < rawLines.length ? `${line} // ${rawLines[i]}` : line))
    .join('\n');
}

export class HtmlTemplateImpl {
  constructor(
    private readonly _svc: HtmlServiceImpl,
    private readonly _source: () => string,
  ) {}

  getRawContent(): string {
    return this._source();
  }
  getCode(): string {
    return compile(this._source(), 'HtmlService.initTemplate()', "return output.$out.append('');", false);
  }
  getCodeWithComments(): string {
    return compile(this._source(), 'HtmlService.initTemplate()', "return output.$out.append('');", true);
  }
  /** Reference: "Any properties set on this HtmlTemplate object will be in scope when evaluating." */
  evaluate(): unknown {
    const vars: Record<string, unknown> = Object.create(this._svc._globals() ?? null);
    for (const key of Object.keys(this))
      if (!key.startsWith('_')) vars[key] = (this as Record<string, unknown>)[key];
    const impl = new HtmlOutputImpl(this._svc, '');
    const exposed = this._svc._core.expose('HtmlService', 'HtmlOutput', impl);
    const output = Object.create(exposed as object) as object;
    Object.defineProperty(output, '_', { set: (v: unknown) => impl._appendRaw(String(v)) });
    Object.defineProperty(output, '_$', { set: (v: unknown) => impl._appendUntrusted(String(v)) });
    Object.defineProperty(output, '$out', { get: () => exposed });
    const code = compile(this._source(), '__initTemplate__()', 'return output.$out;', false);
    // `with` puts the template's properties (then the script's globals) in scope, as Apps Script's evaluate() does.
    const run = new Function('__vars__', '__initTemplate__', `with (__vars__) { return ${code} }`) as (
      vars: object,
      init: () => object,
    ) => unknown;
    return run(vars, () => output);
  }
  toString(): string {
    return 'HtmlTemplate';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// HtmlService
// ---------------------------------------------------------------------------------------------------------------

export class HtmlServiceImpl {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    readonly _core: RuntimeCore,
    readonly _files: Map<string, string>,
    private _globalScope: object | undefined,
  ) {}

  _globals(): object | undefined {
    return this._globalScope;
  }
  _setGlobals(globals: object | undefined): void {
    this._globalScope = globals;
  }
  _template(source: () => string): unknown {
    return this._core.expose('HtmlService', 'HtmlTemplate', new HtmlTemplateImpl(this, source));
  }
  _output(content: string): unknown {
    return this._core.expose('HtmlService', 'HtmlOutput', new HtmlOutputImpl(this, content));
  }
  _html(v: unknown, method: string): string {
    if (v === undefined) return '';
    if (typeof v === 'string') return v;
    try {
      return Buffer.from(blobBytes(v)).toString('utf8');
    } catch {
      throw signatureError([v], `HtmlService.${method}`);
    }
  }
  /** Reference (createHtmlOutputFromFile): throws "if the file wasn't found"; message as Apps Script words it. */
  _file(filename: unknown, method: string): string {
    if (typeof filename !== 'string') throw signatureError([filename], `HtmlService.${method}`);
    const html = this._files.get(filename) ?? this._files.get(filename.replace(/\.html$/, ''));
    if (html === undefined) throw gasError(`No HTML file named ${filename} was found.`);
    return html;
  }

  createHtmlOutput(html?: unknown): unknown {
    return this._output(this._html(html, 'createHtmlOutput'));
  }
  createHtmlOutputFromFile(filename: unknown): unknown {
    return this._output(this._file(filename, 'createHtmlOutputFromFile'));
  }
  createTemplate(html: unknown): unknown {
    if (html === undefined) throw signatureError([html], 'HtmlService.createTemplate');
    const source = this._html(html, 'createTemplate');
    return this._template(() => source);
  }
  createTemplateFromFile(filename: unknown): unknown {
    const source = this._file(filename, 'createTemplateFromFile');
    return this._template(() => source);
  }
  /** Reference: "Returns null for most script executions if not used in a web app's doGet() or doPost() function." */
  getUserAgent(): string | null {
    return null;
  }
  toString(): string {
    return 'HtmlService';
  }
}

export function createHtmlService(
  core: RuntimeCore,
  options: HtmlServiceOptions = {},
): {
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  /** Adds an HTML file to the script project (for createHtmlOutputFromFile / createTemplateFromFile). */
  addFile(name: string, html: string): void;
  /** Sets the global scope scriptlets see (the script's own functions and services). */
  setGlobals(globals: object | undefined): void;
} {
  const files = new Map(Object.entries(options.files ?? {}));
  const impl = new HtmlServiceImpl(core, files, options.globals);
  return {
    HtmlService: core.expose(
      'HtmlService',
      'HtmlService',
      impl,
    ) as unknown as GoogleAppsScript.HTML.HtmlService,
    addFile: (name, html) => {
      files.set(name, html);
    },
    setGlobals: (globals) => impl._setGlobals(globals),
  };
}
