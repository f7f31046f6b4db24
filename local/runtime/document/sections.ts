// Containers of paragraphs, list items and tables: the body, header and footer sections (table cells reuse this).
import { NotImplementedError } from '../core';
import {
  checkCells,
  listInfoAt,
  newParagraphNode,
  placeBlock,
  sectionDefaults,
  tableFromCells,
} from './build';
import { localRefusal, signatureError } from './errors';
import { ContainerBase } from './elements';
import { guardMethods, nodeOf } from './guard';
import {
  type CellNode,
  type DocNode,
  ImageNode,
  NO_MARKS,
  ParagraphNode,
  RuleNode,
  SectionNode,
  TableNode,
  descendants,
  detachNode,
  insertNode,
  withMark,
  TEXT_ATTR_SET,
  type TextAttr,
} from './nodes';
import { imageNodeFrom } from './paragraphs';
import { numberOrNull, textAttrValue } from './values';

export abstract class BlockContainer<N extends SectionNode | CellNode> extends ContainerBase<N> {
  _newParagraph(kind: 'PARAGRAPH' | 'LIST_ITEM', text: string): ParagraphNode {
    return newParagraphNode(kind, text, this._s.id, sectionDefaults(this._node));
  }
  /** A string makes a new element; an element must be a detached copy of the same class. */
  _paragraphArg(
    value: unknown,
    kind: 'PARAGRAPH' | 'LIST_ITEM',
    args: unknown[],
    method: string,
  ): ParagraphNode {
    if (typeof value === 'string') return this._newParagraph(kind, value);
    // A Paragraph where a ListItem is wanted (or the reverse) is the wrong class, however detached.
    if (nodeOf(value)?.kind !== kind) throw signatureError(args, this._api(method));
    return this._detachedCopy(value, ParagraphNode, args, method);
  }
  _place(block: DocNode, index: number): unknown {
    placeBlock(this._node, index, block, this._s.id);
    return this._s.wrap(block);
  }

  appendParagraph(paragraph: unknown): unknown {
    return this._place(
      this._paragraphArg(paragraph, 'PARAGRAPH', [paragraph], 'appendParagraph'),
      this._node.children.length,
    );
  }
  insertParagraph(childIndex: unknown, paragraph: unknown): unknown {
    const args = [childIndex, paragraph];
    const at = this._insertIndex(childIndex, args, 'insertParagraph');
    return this._place(this._paragraphArg(paragraph, 'PARAGRAPH', args, 'insertParagraph'), at);
  }
  _listItem(value: unknown, index: number, args: unknown[], method: string): unknown {
    const item = this._paragraphArg(value, 'LIST_ITEM', args, method);
    if (!item.list || typeof value === 'string')
      item.list = listInfoAt(this._node, index, () => this._s.rt.newListId());
    return this._place(item, index);
  }
  appendListItem(listItem: unknown): unknown {
    return this._listItem(listItem, this._node.children.length, [listItem], 'appendListItem');
  }
  insertListItem(childIndex: unknown, listItem: unknown): unknown {
    const args = [childIndex, listItem];
    return this._listItem(
      listItem,
      this._insertIndex(childIndex, args, 'insertListItem'),
      args,
      'insertListItem',
    );
  }
  _tableArg(cells: unknown, args: unknown[], method: string): TableNode {
    if (cells === undefined || cells === null) return new TableNode(); // reference: appendTable() makes an empty table
    if (nodeOf(cells)) return this._detachedCopy(cells, TableNode, args, method);
    return tableFromCells(
      checkCells(cells, args, this._api(method)),
      this._s.id,
      sectionDefaults(this._node),
    );
  }
  appendTable(cells?: unknown): unknown {
    return this._place(this._tableArg(cells, [cells], 'appendTable'), this._node.children.length);
  }
  insertTable(childIndex: unknown, cells?: unknown): unknown {
    const args = [childIndex, cells];
    const at = this._insertIndex(childIndex, args, 'insertTable');
    return this._place(this._tableArg(cells, args, 'insertTable'), at);
  }
  /** Reference (Body.appendImage): "The image will be contained in a new Paragraph." Returns the InlineImage. */
  _inParagraph(inline: DocNode, index: number): unknown {
    const para = this._newParagraph('PARAGRAPH', '');
    insertNode(para, 0, inline);
    placeBlock(this._node, index, para, this._s.id);
    return this._s.wrap(inline);
  }
  appendImage(image: unknown): unknown {
    return this._inParagraph(
      imageNodeFrom(image, [image], this._api('appendImage')),
      this._node.children.length,
    );
  }
  insertImage(childIndex: unknown, image: unknown): unknown {
    const args = [childIndex, image];
    const at = this._insertIndex(childIndex, args, 'insertImage');
    return this._inParagraph(imageNodeFrom(image, args, this._api('insertImage')), at);
  }
  appendHorizontalRule(): unknown {
    return this._inParagraph(new RuleNode(), this._node.children.length);
  }
  insertHorizontalRule(childIndex: unknown): unknown {
    return this._inParagraph(
      new RuleNode(),
      this._insertIndex(childIndex, [childIndex], 'insertHorizontalRule'),
    );
  }
  /** Leaves one empty paragraph: a section is never empty (gas-fakes test/testdocsextra.js, live GAS). */
  override clear(): this {
    [...this._node.children].forEach(detachNode);
    insertNode(this._node, 0, newParagraphNode('PARAGRAPH', '', 0, NO_MARKS));
    return this;
  }
  /**
   * Reference: "Sets the contents as plain text. Note: existing contents are cleared." The text becomes one
   * paragraph, which live GAS treats as pre-existing (its alignment reads null; gas-fakes test/testdocsstyles.js).
   */
  setText(text: unknown): this {
    if (typeof text !== 'string') throw signatureError([text], this._api('setText'));
    [...this._node.children].forEach(detachNode);
    insertNode(this._node, 0, newParagraphNode('PARAGRAPH', text, 0, sectionDefaults(this._node)));
    return this;
  }
  _all(test: (n: DocNode) => boolean): unknown[] {
    const out: unknown[] = [];
    for (const d of descendants(this._node)) if (test(d)) out.push(this._s.wrap(d));
    return out;
  }
  /** Reference: "Retrieves all the Paragraphs contained in the section (including ListItems)." */
  getParagraphs(): unknown[] {
    return this._all((n) => n instanceof ParagraphNode);
  }
  getListItems(): unknown[] {
    return this._all((n) => n.kind === 'LIST_ITEM');
  }
  getTables(): unknown[] {
    return this._all((n) => n instanceof TableNode);
  }
  getImages(): unknown[] {
    return this._all((n) => n instanceof ImageNode);
  }
}
guardMethods(BlockContainer);

/** Default page geometry in points: 1-inch margins (live GAS, gas-fakes test/testdocsstyles.js) on A4 paper. */
const PAGE_DEFAULTS = {
  marginTop: 72,
  marginBottom: 72,
  marginLeft: 72,
  marginRight: 72,
  pageWidth: 595.276,
  pageHeight: 841.89,
};
type PageKey = keyof typeof PAGE_DEFAULTS;

export class BodyImpl extends BlockContainer<SectionNode> {
  _page(key: PageKey): number {
    return this._node.page[key] ?? PAGE_DEFAULTS[key];
  }
  _setPage(key: PageKey, v: unknown, method: string): this {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw signatureError([v], this._api(method));
    this._node.page[key] = v;
    return this;
  }
  getMarginTop(): number {
    return this._page('marginTop');
  }
  setMarginTop(marginTop: unknown): this {
    return this._setPage('marginTop', marginTop, 'setMarginTop');
  }
  getMarginBottom(): number {
    return this._page('marginBottom');
  }
  setMarginBottom(marginBottom: unknown): this {
    return this._setPage('marginBottom', marginBottom, 'setMarginBottom');
  }
  getMarginLeft(): number {
    return this._page('marginLeft');
  }
  setMarginLeft(marginLeft: unknown): this {
    return this._setPage('marginLeft', marginLeft, 'setMarginLeft');
  }
  getMarginRight(): number {
    return this._page('marginRight');
  }
  setMarginRight(marginRight: unknown): this {
    return this._setPage('marginRight', marginRight, 'setMarginRight');
  }
  getPageWidth(): number {
    return this._page('pageWidth');
  }
  setPageWidth(pageWidth: unknown): this {
    return this._setPage('pageWidth', pageWidth, 'setPageWidth');
  }
  getPageHeight(): number {
    return this._page('pageHeight');
  }
  setPageHeight(pageHeight: unknown): this {
    return this._setPage('pageHeight', pageHeight, 'setPageHeight');
  }

  /** Reference: "The PageBreak will be contained in a new Paragraph." */
  appendPageBreak(pageBreak?: unknown): unknown {
    return this._inParagraph(
      this._pageBreak(pageBreak, [pageBreak], 'appendPageBreak'),
      this._node.children.length,
    );
  }
  insertPageBreak(childIndex: unknown, pageBreak?: unknown): unknown {
    const args = [childIndex, pageBreak];
    const at = this._insertIndex(childIndex, args, 'insertPageBreak');
    return this._inParagraph(this._pageBreak(pageBreak, args, 'insertPageBreak'), at);
  }

  override getAttributes(): Record<string, unknown> {
    const out = this._textAttributes({});
    out.MARGIN_TOP = this.getMarginTop();
    out.MARGIN_BOTTOM = this.getMarginBottom();
    out.MARGIN_LEFT = this.getMarginLeft();
    out.MARGIN_RIGHT = this.getMarginRight();
    out.PAGE_WIDTH = this.getPageWidth();
    out.PAGE_HEIGHT = this.getPageHeight();
    return out;
  }
  /**
   * Text attributes apply to the existing text and to paragraphs appended later; paragraph alignment is not
   * changed (gas-fakes test/testdocsstyles.js, checked against live GAS).
   */
  override setAttributes(attributes: unknown): this {
    if (typeof attributes === 'object' && attributes !== null) {
      for (const [key, raw] of Object.entries(attributes)) {
        if (!TEXT_ATTR_SET.has(key)) continue;
        const value = textAttrValue(key as TextAttr, raw);
        if (value !== undefined)
          this._node.defaultMarks = withMark(this._node.defaultMarks, key as TextAttr, value);
      }
    }
    const margins: Record<string, PageKey> = {
      MARGIN_TOP: 'marginTop',
      MARGIN_BOTTOM: 'marginBottom',
      MARGIN_LEFT: 'marginLeft',
      MARGIN_RIGHT: 'marginRight',
      PAGE_WIDTH: 'pageWidth',
      PAGE_HEIGHT: 'pageHeight',
    };
    for (const [key, raw] of this._applyTextAttributes(attributes)) {
      const page = margins[key];
      if (!page) continue;
      const n = numberOrNull(raw);
      if (n === undefined || n === null)
        throw localRefusal(`Invalid value for attribute ${key}: ${String(raw)}`);
      this._node.page[page] = n;
    }
    return this;
  }
  override toString(): string {
    return 'DocumentBodySection'; // what live GAS prints for a Body (gas-fakes test/testdocs.js)
  }
}
guardMethods(BodyImpl);

export class HeaderFooterImpl extends BlockContainer<SectionNode> {
  override removeFromParent(): this {
    throw new NotImplementedError(`${this.toString()}.removeFromParent`);
  }
}
guardMethods(HeaderFooterImpl);
