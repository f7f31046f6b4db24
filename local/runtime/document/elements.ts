// What every DocumentApp element shares (type, parent, siblings, copy, as*), what every container adds (children,
// text, search), and the inline elements that sit inside paragraphs (images, page breaks, horizontal rules).
import { NotImplementedError } from '../core';
import { newBlob } from '../blob';
import { enumKey } from '../enums';
import { ElementType, type ElementTypeKey } from './enums';
import {
  ELEMENT_MUST_BE_DETACHED,
  LAST_PARAGRAPH,
  childIndexForInsert,
  childIndexForRead,
  gasError,
  localRefusal,
  signatureError,
} from './errors';
import { guardMethods, nodeOf } from './guard';
import {
  CellNode,
  type ContainerNode,
  type DocNode,
  ImageNode,
  type NodeKind,
  PageBreakNode,
  RuleNode,
  SectionNode,
  TEXT_ATTR_SET,
  type TextAttr,
  detachNode,
} from './nodes';
import { findElementIn, findTextIn, replaceTextIn, textNodesUnder } from './search';
import { TextImpl, hitOf, isAtDocumentEnd, textOf } from './text';
import { isInteger, textAttrValue } from './values';
import type { Session } from './session';

/** The Apps Script class name of each node kind (used for counting and in error messages). */
export const TYPE_NAMES: Record<NodeKind, string> = {
  BODY_SECTION: 'Body',
  HEADER_SECTION: 'HeaderSection',
  FOOTER_SECTION: 'FooterSection',
  PARAGRAPH: 'Paragraph',
  LIST_ITEM: 'ListItem',
  TABLE: 'Table',
  TABLE_ROW: 'TableRow',
  TABLE_CELL: 'TableCell',
  TEXT: 'Text',
  INLINE_IMAGE: 'InlineImage',
  PAGE_BREAK: 'PageBreak',
  HORIZONTAL_RULE: 'HorizontalRule',
};

/**
 * Removes a child from its parent, refusing to take the final paragraph out of a body, header, footer or cell:
 * Docs requires each to end with a paragraph ("Can't remove the last paragraph in a document section.").
 */
export function removeChecked(node: DocNode): void {
  const parent = node.parent;
  if (!parent) return;
  if (
    (parent instanceof SectionNode || parent instanceof CellNode) &&
    parent.children[parent.children.length - 1] === node
  ) {
    throw gasError(LAST_PARAGRAPH);
  }
  detachNode(node);
}

export abstract class ElementBase<N extends DocNode = DocNode> {
  constructor(
    readonly _s: Session,
    readonly _node: N,
  ) {}

  _api(method: string): string {
    return `DocumentApp.${TYPE_NAMES[this._node.kind]}.${method}`;
  }

  getType(): unknown {
    return ElementType[this._node.kind as ElementTypeKey];
  }
  getParent(): unknown {
    return this._s.wrapOrNull(this._node.parent);
  }
  getNextSibling(): unknown {
    const siblings = this._node.parent?.children ?? [];
    const i = siblings.indexOf(this._node);
    return i === -1 ? null : this._s.wrapOrNull(siblings[i + 1]);
  }
  getPreviousSibling(): unknown {
    const siblings = this._node.parent?.children ?? [];
    const i = siblings.indexOf(this._node);
    return i > 0 ? this._s.wrap(siblings[i - 1]) : null;
  }
  isAtDocumentEnd(): boolean {
    return isAtDocumentEnd(this._node);
  }
  removeFromParent(): this {
    removeChecked(this._node);
    return this;
  }
  /** Reference: "Returns a detached, deep copy of the current element." */
  copy(): unknown {
    return this._s.rt.detached.wrap(this._node.clone());
  }
  getAttributes(): Record<string, unknown> {
    return {};
  }
  setAttributes(attributes: unknown): this {
    if (typeof attributes !== 'object' || attributes === null)
      throw signatureError([attributes], this._api('setAttributes'));
    return this;
  }

  _as(kind: NodeKind): this {
    if (this._node.kind !== kind) {
      throw localRefusal(`Cannot cast ${TYPE_NAMES[this._node.kind]} to ${TYPE_NAMES[kind]}.`);
    }
    return this;
  }
  asBody(): this {
    return this._as('BODY_SECTION');
  }
  asHeaderSection(): this {
    return this._as('HEADER_SECTION');
  }
  asFooterSection(): this {
    return this._as('FOOTER_SECTION');
  }
  asParagraph(): this {
    return this._as('PARAGRAPH');
  }
  asListItem(): this {
    return this._as('LIST_ITEM');
  }
  asTable(): this {
    return this._as('TABLE');
  }
  asTableRow(): this {
    return this._as('TABLE_ROW');
  }
  asTableCell(): this {
    return this._as('TABLE_CELL');
  }
  asText(): this {
    return this._as('TEXT');
  }
  asInlineImage(): this {
    return this._as('INLINE_IMAGE');
  }
  asPageBreak(): this {
    return this._as('PAGE_BREAK');
  }
  asHorizontalRule(): this {
    return this._as('HORIZONTAL_RULE');
  }
  toString(): string {
    return TYPE_NAMES[this._node.kind];
  }
}
guardMethods(ElementBase);

export abstract class ContainerBase<N extends ContainerNode = ContainerNode> extends ElementBase<N> {
  _text(): TextImpl {
    return new TextImpl(this._s, null, this._node);
  }
  _childIndex(index: unknown, method: string): number {
    if (!isInteger(index)) throw signatureError([index], this._api(method));
    const count = this._node.children.length;
    if (index < 0 || index >= count) throw childIndexForRead(index, count);
    return index;
  }
  /** A position to insert at: any child index, or the end. */
  _insertIndex(index: unknown, args: unknown[], method: string): number {
    if (!isInteger(index)) throw signatureError(args, this._api(method));
    const count = this._node.children.length;
    if (index < 0 || index > count) throw childIndexForInsert(index, count);
    return index;
  }
  /** An element a script passes in to insert: a detached element of the class asked for, inserted as a copy. */
  _detachedCopy<T extends DocNode>(
    value: unknown,
    type: abstract new (...args: never[]) => T,
    args: unknown[],
    method: string,
  ): T {
    const node = nodeOf(value);
    if (!(node instanceof type)) throw signatureError(args, this._api(method));
    if (node.parent) throw gasError(ELEMENT_MUST_BE_DETACHED);
    return node.clone() as T;
  }
  /** A page break argument, or a new page break when there is none (appendPageBreak() with no argument). */
  _pageBreak(pageBreak: unknown, args: unknown[], method: string): PageBreakNode {
    if (pageBreak === undefined || pageBreak === null) return new PageBreakNode();
    return this._detachedCopy(pageBreak, PageBreakNode, args, method);
  }

  getNumChildren(): number {
    return this._node.children.length;
  }
  getChild(childIndex: unknown): unknown {
    return this._s.wrap(this._node.children[this._childIndex(childIndex, 'getChild')]);
  }
  getChildIndex(child: unknown): number {
    const node = nodeOf(child);
    if (!node) throw signatureError([child], this._api('getChildIndex'));
    const i = this._node.children.indexOf(node);
    if (i === -1) throw localRefusal('Element is not a child of this element.');
    return i;
  }
  /** Removal through removeChecked, so a body, header, footer or cell keeps its final paragraph. */
  removeChild(child: unknown): this {
    const node = nodeOf(child);
    if (!node) throw signatureError([child], this._api('removeChild'));
    if (node.parent !== this._node) throw localRefusal('Element is not a child of this element.');
    removeChecked(node);
    return this;
  }
  clear(): this {
    [...this._node.children].forEach(detachNode);
    return this;
  }
  getText(): string {
    return textOf(this._node);
  }
  editAsText(): unknown {
    return this._s.textView(this._node);
  }
  findText(searchPattern: unknown, from?: unknown): unknown {
    if (typeof searchPattern !== 'string') throw signatureError([searchPattern, from], this._api('findText'));
    const hit = findTextIn(textNodesUnder(this._node), searchPattern, hitOf(from));
    return hit ? this._s.rangeOfText(hit.node, hit.start, hit.endInclusive) : null;
  }
  findElement(elementType: unknown, from?: unknown): unknown {
    const kind = enumKey(ElementType, elementType);
    if (!kind) throw signatureError([elementType, from], this._api('findElement'));
    const after = from === undefined || from === null ? null : nodeOf(from);
    if (from !== undefined && from !== null && !after)
      throw signatureError([elementType, from], this._api('findElement'));
    const found = findElementIn(this._node, kind as NodeKind, after);
    return found ? this._s.rangeElement(found, -1, -1, false) : null;
  }
  replaceText(searchPattern: unknown, replacement: unknown): this {
    if (typeof searchPattern !== 'string' || typeof replacement !== 'string') {
      throw signatureError([searchPattern, replacement], this._api('replaceText'));
    }
    replaceTextIn(textNodesUnder(this._node), searchPattern, replacement);
    return this;
  }
  getLinkUrl(): string | null {
    return this._text()._attr('LINK_URL', undefined, 'getLinkUrl') as string | null;
  }
  setLinkUrl(url: unknown): this {
    if (typeof url !== 'string' && url !== null) throw signatureError([url], this._api('setLinkUrl'));
    this._text()._apply(0, this._text()._length() - 1, 'LINK_URL', url, true);
    return this;
  }

  /** Text attributes of the whole container, null where the characters disagree. */
  _textAttributes(out: Record<string, unknown>): Record<string, unknown> {
    const text = this._text();
    for (const attr of TEXT_ATTR_SET) out[attr] = text._attr(attr as TextAttr, undefined, 'getAttributes');
    return out;
  }
  /** Applies the text attributes among `attributes` to all the container's text; returns the others. */
  _applyTextAttributes(attributes: unknown): [string, unknown][] {
    if (typeof attributes !== 'object' || attributes === null) {
      throw signatureError([attributes], this._api('setAttributes'));
    }
    const rest: [string, unknown][] = [];
    const text = this._text();
    for (const [key, raw] of Object.entries(attributes)) {
      if (!TEXT_ATTR_SET.has(key)) {
        rest.push([key, raw]);
        continue;
      }
      const value = textAttrValue(key as TextAttr, raw);
      if (value === undefined) throw localRefusal(`Invalid value for attribute ${key}: ${String(raw)}`);
      text._apply(0, text._length() - 1, key as TextAttr, value, true);
    }
    return rest;
  }
}
guardMethods(ContainerBase);

// ---- inline elements ----

export class InlineImageImpl extends ElementBase<ImageNode> {
  getBlob(): unknown {
    const ext = this._node.contentType.split('/')[1] ?? 'img';
    return newBlob(this._s.core, 'DocumentApp', this._node.bytes, this._node.contentType, `image.${ext}`);
  }
  getAs(contentType: unknown): unknown {
    if (contentType !== this._node.contentType) {
      throw new NotImplementedError(`InlineImage.getAs(${String(contentType)}) (image conversion)`);
    }
    return this.getBlob();
  }
  getWidth(): number | null {
    return this._node.width;
  }
  getHeight(): number | null {
    return this._node.height;
  }
  setWidth(width: unknown): this {
    this._node.width = this._pixels(width, 'setWidth');
    return this;
  }
  setHeight(height: unknown): this {
    this._node.height = this._pixels(height, 'setHeight');
    return this;
  }
  _pixels(v: unknown, method: string): number {
    if (!isInteger(v)) throw signatureError([v], this._api(method));
    if (v <= 0) throw localRefusal(`${method}: the size must be positive, got ${v}.`);
    return v;
  }
  getAltTitle(): string | null {
    return this._node.altTitle;
  }
  setAltTitle(title: unknown): this {
    if (typeof title !== 'string' && title !== null) throw signatureError([title], this._api('setAltTitle'));
    this._node.altTitle = title;
    return this;
  }
  getAltDescription(): string | null {
    return this._node.altDescription;
  }
  setAltDescription(description: unknown): this {
    if (typeof description !== 'string' && description !== null) {
      throw signatureError([description], this._api('setAltDescription'));
    }
    this._node.altDescription = description;
    return this;
  }
  getLinkUrl(): string | null {
    return this._node.linkUrl;
  }
  setLinkUrl(url: unknown): this {
    if (typeof url !== 'string' && url !== null) throw signatureError([url], this._api('setLinkUrl'));
    this._node.linkUrl = url;
    return this;
  }
  override getAttributes(): Record<string, unknown> {
    return { WIDTH: this._node.width, HEIGHT: this._node.height, LINK_URL: this._node.linkUrl };
  }
  override setAttributes(attributes: unknown): this {
    if (typeof attributes !== 'object' || attributes === null)
      throw signatureError([attributes], this._api('setAttributes'));
    const a = attributes as Record<string, unknown>;
    if ('WIDTH' in a) this._node.width = this._pixels(a.WIDTH, 'setAttributes');
    if ('HEIGHT' in a) this._node.height = this._pixels(a.HEIGHT, 'setAttributes');
    if ('LINK_URL' in a) this.setLinkUrl(a.LINK_URL);
    return this;
  }
}
guardMethods(InlineImageImpl);

export class PageBreakImpl extends ElementBase<PageBreakNode> {}
guardMethods(PageBreakImpl);

export class HorizontalRuleImpl extends ElementBase<RuleNode> {}
guardMethods(HorizontalRuleImpl);
