// Renders a document model (store.model(doc)) as a standalone HTML page that looks like the Google Doc: headings,
// formatted runs, lists, tables with cell colours, inline images, page breaks. Every piece of document text is escaped.
import type {
  Attributes,
  BlockModel,
  CellModel,
  DocumentModel,
  ImageModel,
  InlineModel,
  ListItemModel,
  ParagraphModel,
  RunModel,
  TableModel,
} from '../runtime/document/model';
import { escapeHtml } from '../runtime/html';

/** Docs' soft line break in exported text. */
const VERTICAL_TAB = String.fromCharCode(11);

/** Text as typed: line breaks inside a paragraph ("\n", or "\r" for a soft break) show as line breaks. */
function escText(s: string): string {
  return escapeHtml(s)
    .split(VERTICAL_TAB)
    .join('<br>')
    .replace(/\r\n|\r|\n/g, '<br>');
}

// Only values of a known shape reach a style attribute, so document content cannot inject CSS.
function color(v: unknown): string | null {
  return typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v) ? v.toLowerCase() : null;
}
function points(v: unknown): string | null {
  return typeof v === 'number' && Number.isFinite(v) ? `${Math.round(v * 100) / 100}pt` : null;
}
function fontFamily(v: unknown): string | null {
  return typeof v === 'string' && /^[A-Za-z0-9 _-]+$/.test(v) ? `'${v}'` : null;
}
/** Links a reader could follow safely; anything else (javascript:, data:) is shown as plain text. */
function safeUrl(v: unknown): string | null {
  return typeof v === 'string' && /^(https?:|mailto:|#)/i.test(v.trim()) ? v.trim() : null;
}
function styleAttr(decls: (string | null)[]): string {
  const list = decls.filter((d): d is string => d !== null);
  return list.length > 0 ? ` style="${escapeHtml(list.join('; '))}"` : '';
}

// ---- inline content ----

function renderRun(run: RunModel): string {
  const a = run.attributes;
  let html = escText(run.text);
  const fg = color(a.FOREGROUND_COLOR);
  const bg = color(a.BACKGROUND_COLOR);
  const size = points(a.FONT_SIZE);
  const family = fontFamily(a.FONT_FAMILY);
  if (fg || bg || size || family) {
    html = `<span${styleAttr([
      fg && `color: ${fg}`,
      bg && `background-color: ${bg}`,
      size && `font-size: ${size}`,
      family && `font-family: ${family}`,
    ])}>${html}</span>`;
  }
  if (a.STRIKETHROUGH === true) html = `<s>${html}</s>`;
  if (a.UNDERLINE === true) html = `<u>${html}</u>`;
  if (a.ITALIC === true) html = `<em>${html}</em>`;
  if (a.BOLD === true) html = `<strong>${html}</strong>`;
  const url = safeUrl(a.LINK_URL);
  if (url) html = `<a href="${escapeHtml(url)}">${html}</a>`;
  return html;
}

function renderImage(img: ImageModel): string {
  const type = /^image\/(png|jpeg|gif)$/.test(img.contentType) ? img.contentType : 'application/octet-stream';
  const src = `data:${type};base64,${Buffer.from(img.bytes).toString('base64')}`;
  const size =
    (img.width !== null ? ` width="${Math.round(img.width)}"` : '') +
    (img.height !== null ? ` height="${Math.round(img.height)}"` : '');
  const alt = img.altDescription ?? img.altTitle ?? '';
  const title = img.altTitle ? ` title="${escapeHtml(img.altTitle)}"` : '';
  const tag = `<img src="${src}"${size} alt="${escapeHtml(alt)}"${title}>`;
  const url = safeUrl(img.linkUrl);
  return url ? `<a href="${escapeHtml(url)}">${tag}</a>` : tag;
}

const PAGE_BREAK =
  '<div class="page-break" role="separator" aria-label="Page break"><span>Page break</span></div>';

function renderInline(el: InlineModel): string {
  switch (el.type) {
    case 'TEXT':
      return el.runs.map(renderRun).join('');
    case 'INLINE_IMAGE':
      return renderImage(el);
    case 'PAGE_BREAK':
      return PAGE_BREAK;
    case 'HORIZONTAL_RULE':
      return '<hr>';
  }
}

// ---- blocks ----

const HEADING_TAGS: Record<string, [string, string]> = {
  NORMAL: ['p', ''],
  HEADING1: ['h1', ''],
  HEADING2: ['h2', ''],
  HEADING3: ['h3', ''],
  HEADING4: ['h4', ''],
  HEADING5: ['h5', ''],
  HEADING6: ['h6', ''],
  // Google Docs' own HTML export writes the title and subtitle styles as classed paragraphs.
  TITLE: ['p', 'title'],
  SUBTITLE: ['p', 'subtitle'],
};

const ALIGN: Record<string, string> = { LEFT: 'left', CENTER: 'center', RIGHT: 'right', JUSTIFY: 'justify' };

function paragraphStyle(a: Attributes): string {
  const align = typeof a.HORIZONTAL_ALIGNMENT === 'string' ? ALIGN[a.HORIZONTAL_ALIGNMENT] : undefined;
  const lineSpacing =
    typeof a.LINE_SPACING === 'number' && Number.isFinite(a.LINE_SPACING) ? String(a.LINE_SPACING) : null;
  return styleAttr([
    align ? `text-align: ${align}` : null,
    points(a.INDENT_START) && `margin-left: ${points(a.INDENT_START)}`,
    points(a.INDENT_END) && `margin-right: ${points(a.INDENT_END)}`,
    points(a.INDENT_FIRST_LINE) && `text-indent: ${points(a.INDENT_FIRST_LINE)}`,
    points(a.SPACING_BEFORE) && `margin-top: ${points(a.SPACING_BEFORE)}`,
    points(a.SPACING_AFTER) && `margin-bottom: ${points(a.SPACING_AFTER)}`,
    lineSpacing && `line-height: ${lineSpacing}`,
    a.LEFT_TO_RIGHT === false ? 'direction: rtl' : null,
  ]);
}

function renderParagraph(p: ParagraphModel): string {
  // A paragraph holding only a page break (what appendPageBreak makes) shows as the break itself.
  if (p.elements.length > 0 && p.elements.every((e) => e.type === 'PAGE_BREAK')) return PAGE_BREAK;
  const [tag, cls] = HEADING_TAGS[p.heading] ?? ['p', ''];
  const content = p.elements.map(renderInline).join('');
  const classes = [cls, content === '' ? 'empty' : ''].filter(Boolean).join(' ');
  return `<${tag}${classes ? ` class="${classes}"` : ''}${paragraphStyle(p.attributes)}>${content === '' ? '<br>' : content}</${tag}>`;
}

const LIST_STYLES: Record<string, [string, string]> = {
  BULLET: ['ul', 'disc'],
  HOLLOW_BULLET: ['ul', 'circle'],
  SQUARE_BULLET: ['ul', 'square'],
  NUMBER: ['ol', 'decimal'],
  LATIN_UPPER: ['ol', 'upper-alpha'],
  LATIN_LOWER: ['ol', 'lower-alpha'],
  ROMAN_UPPER: ['ol', 'upper-roman'],
  ROMAN_LOWER: ['ol', 'lower-roman'],
};

/** Consecutive items of one list become nested <ul>/<ol> by nesting level, each level styled by its glyph. */
function renderList(items: ListItemModel[]): string {
  let html = '';
  const open: { level: number; tag: string }[] = [];
  const openList = (item: ListItemModel, level: number): void => {
    const [tag, type] = LIST_STYLES[item.glyphType] ?? ['ul', 'disc'];
    html += `<${tag} style="list-style-type: ${type}">`;
    open.push({ level, tag });
  };
  for (const item of items) {
    const level = Math.max(0, item.nestingLevel);
    while (open.length > 0 && open[open.length - 1].level > level) {
      html += `</li></${open.pop()?.tag}>`;
    }
    if (open.length === 0) openList(item, level);
    else if (open[open.length - 1].level < level) openList(item, level);
    else html += '</li>';
    const content = item.elements.map(renderInline).join('');
    html += `<li${paragraphStyle(item.attributes)}>${content === '' ? '<br>' : content}`;
  }
  while (open.length > 0) html += `</li></${open.pop()?.tag}>`;
  return html;
}

/** True when every character of every paragraph in the cell is bold (how report header rows are written). */
function allBold(cell: CellModel): boolean {
  const runs = cell.children.flatMap((b) =>
    b.type === 'TABLE' ? [] : b.elements.flatMap((e) => (e.type === 'TEXT' ? e.runs : [])),
  );
  return runs.length > 0 && runs.every((r) => r.attributes.BOLD === true || r.text.trim() === '');
}

function renderCell(cell: CellModel, tag: 'td' | 'th', table: TableModel, column: number): string {
  const width = points(cell.width) ?? points(table.columnWidths[column]);
  const style = styleAttr([
    color(cell.backgroundColor) && `background-color: ${color(cell.backgroundColor)}`,
    width && `width: ${width}`,
    cell.verticalAlignment
      ? `vertical-align: ${{ TOP: 'top', CENTER: 'middle', BOTTOM: 'bottom' }[cell.verticalAlignment] ?? 'top'}`
      : null,
    `border: ${points(table.borderWidth) ?? '1pt'} solid ${color(table.borderColor) ?? '#000000'}`,
  ]);
  return `<${tag}${style}>${renderBlocks(cell.children)}</${tag}>`;
}

function renderTable(table: TableModel): string {
  const rows = table.rows;
  const header = rows.length > 1 && rows[0].cells.length > 0 && rows[0].cells.every(allBold);
  let html = '<table>';
  rows.forEach((row, r) => {
    const isHeader = header && r === 0;
    if (isHeader) html += '<thead>';
    if (r === (header ? 1 : 0)) html += '<tbody>';
    const height = points(row.minimumHeight);
    html += `<tr${height ? ` style="height: ${height}"` : ''}>`;
    row.cells.forEach((cell, c) => {
      html += renderCell(cell, isHeader ? 'th' : 'td', table, c);
    });
    html += '</tr>';
    if (isHeader) html += '</thead>';
  });
  if (rows.length > 0) html += '</tbody>';
  return `${html}</table>`;
}

function renderBlocks(blocks: readonly BlockModel[]): string {
  let html = '';
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.type === 'LIST_ITEM') {
      const items: ListItemModel[] = [];
      while (i < blocks.length) {
        const b = blocks[i];
        if (b.type !== 'LIST_ITEM' || (items.length > 0 && b.listId !== items[0].listId)) break;
        items.push(b);
        i++;
      }
      i--;
      html += renderList(items);
    } else if (block.type === 'TABLE') {
      html += renderTable(block);
    } else {
      html += renderParagraph(block);
    }
    html += '\n';
  }
  return html;
}

const STYLES = `
body { margin: 0; background: #f1f3f4; font-family: Arial, Helvetica, sans-serif; font-size: 11pt; color: #000; }
.doc-name { padding: 8px 16px; background: #fff; border-bottom: 1px solid #dadce0; font-size: 14pt; }
.page { background: #fff; margin: 24px auto; box-shadow: 0 1px 3px rgba(60,64,67,.3); box-sizing: border-box; }
p { margin: 0; line-height: 1.15; }
h1 { font-size: 20pt; font-weight: normal; margin: 20pt 0 6pt; }
h2 { font-size: 16pt; font-weight: normal; margin: 18pt 0 6pt; }
h3 { font-size: 14pt; font-weight: normal; color: #434343; margin: 16pt 0 4pt; }
h4 { font-size: 12pt; font-weight: normal; color: #666; margin: 14pt 0 4pt; }
h5 { font-size: 11pt; font-weight: normal; color: #666; margin: 12pt 0 4pt; }
h6 { font-size: 11pt; font-weight: normal; font-style: italic; color: #666; margin: 12pt 0 4pt; }
.title { font-size: 26pt; margin: 0 0 3pt; }
.subtitle { font-size: 15pt; color: #666; margin: 0 0 16pt; }
table { border-collapse: collapse; margin: 4pt 0; }
td, th { padding: 5pt; vertical-align: top; text-align: left; font-weight: normal; }
th strong { font-weight: bold; }
ul, ol { margin: 0; padding-left: 36pt; }
.page-break { border-top: 2px dashed #9aa0a6; margin: 18pt -12pt; text-align: center; height: 0; }
.page-break span { position: relative; top: -0.75em; background: #fff; color: #5f6368; font-size: 9pt; padding: 0 6pt; }
.doc-header { border-bottom: 1px dotted #dadce0; margin-bottom: 12pt; color: #333; }
.doc-footer { border-top: 1px dotted #dadce0; margin-top: 12pt; color: #333; }
`;

/** A standalone HTML page showing the document as a reader would see it in Google Docs. */
export function renderDocumentHtml(model: DocumentModel): string {
  const page = model.page;
  const width = points(page.pageWidth) ?? '595.28pt';
  const pad = ['marginTop', 'marginRight', 'marginBottom', 'marginLeft']
    .map((k) => points(page[k]) ?? '72pt')
    .join(' ');
  const header = model.header ? `<header class="doc-header">${renderBlocks(model.header)}</header>\n` : '';
  const footer = model.footer ? `<footer class="doc-footer">${renderBlocks(model.footer)}</footer>\n` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(model.name)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    `<div class="doc-name">${escapeHtml(model.name)}</div>`,
    `<main class="page" style="width: ${width}; padding: ${pad}">`,
    header + renderBlocks(model.body) + footer + '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
