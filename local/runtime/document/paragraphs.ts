// Paragraph and ListItem: a heading or body paragraph holding text elements (and inline images, page breaks, rules).
import { enumKey } from '../enums';
import { GlyphType, HorizontalAlignment, ParagraphHeading } from './enums';
import { ELEMENT_MUST_BE_DETACHED, gasError, localRefusal, signatureError } from './errors';
import { ContainerBase } from './elements';
import { guardMethods, nodeOf } from './guard';
import { readImage } from './images';
import {
  type DocNode,
  ImageNode,
  type Marks,
  PARAGRAPH_ATTRS,
  type ParagraphAttr,
  type ParagraphNode,
  RuleNode,
  TextNode,
  detachNode,
  insertNode,
} from './nodes';
import { marksForNewText } from './text';
import { isInteger, numberOrNull } from './values';

/** Docs supports nine list levels (0-8). */
const MAX_NESTING_LEVEL = 8;

/** Reads an image argument: a copy of an InlineImage, or any Blob/BlobSource. */
export function imageNodeFrom(image: unknown, args: unknown[], method: string): ImageNode {
  const node = nodeOf(image);
  if (node instanceof ImageNode) {
    if (node.parent) throw gasError(ELEMENT_MUST_BE_DETACHED);
    return node.clone();
  }
  if (node) throw signatureError(args, method);
  let data;
  try {
    data = readImage(image);
  } catch (e) {
    if (e instanceof TypeError) throw signatureError(args, method);
    throw e;
  }
  return new ImageNode(data.bytes, data.contentType, data.width, data.height);
}

export class ParagraphImpl extends ContainerBase<ParagraphNode> {
  /** True while live Apps Script would still report the NORMAL_TEXT computed style (see ParagraphNode). */
  _computed(): boolean {
    return this._node.createdInSession === this._s.id && this._node.heading === 'NORMAL';
  }
  /** Formatting for text added before child `index`: that of the last character before it, as when typing. */
  _marksBefore(index: number): Marks {
    for (let i = index - 1; i >= 0; i--) {
      const c = this._node.children[i];
      if (c instanceof TextNode && c.text.length > 0) return c.marks[c.text.length - 1];
    }
    return marksForNewText(this._node);
  }
  _textChild(text: unknown, index: number, args: unknown[], method: string): unknown {
    const node =
      typeof text === 'string'
        ? new TextNode(text, new Array<Marks>(text.length).fill(this._marksBefore(index)))
        : this._detachedCopy(text, TextNode, args, method);
    insertNode(this._node, index, node);
    return this._s.wrap(node);
  }

  /** Reference: "Creates and inserts a new Text element" — it returns that element, not the paragraph. */
  appendText(text: unknown): unknown {
    return this._textChild(text, this._node.children.length, [text], 'appendText');
  }
  insertText(childIndex: unknown, text: unknown): unknown {
    const at = this._insertIndex(childIndex, [childIndex, text], 'insertText');
    return this._textChild(text, at, [childIndex, text], 'insertText');
  }
  /** Reference: "Sets the contents of the paragraph as text. Note: existing contents are cleared." Returns void. */
  setText(text: unknown): void {
    if (typeof text !== 'string') throw signatureError([text], this._api('setText'));
    const first = this._node.children.find((c): c is TextNode => c instanceof TextNode && c.text.length > 0);
    const marks = first?.marks[0] ?? marksForNewText(this._node);
    [...this._node.children].forEach(detachNode);
    if (text !== '') insertNode(this._node, 0, new TextNode(text, new Array<Marks>(text.length).fill(marks)));
  }

  _inline(node: DocNode, index: number): unknown {
    insertNode(this._node, index, node);
    return this._s.wrap(node);
  }
  appendInlineImage(image: unknown): unknown {
    return this._inline(
      imageNodeFrom(image, [image], this._api('appendInlineImage')),
      this._node.children.length,
    );
  }
  insertInlineImage(childIndex: unknown, image: unknown): unknown {
    const at = this._insertIndex(childIndex, [childIndex, image], 'insertInlineImage');
    return this._inline(imageNodeFrom(image, [childIndex, image], this._api('insertInlineImage')), at);
  }
  appendPageBreak(pageBreak?: unknown): unknown {
    return this._inline(
      this._pageBreak(pageBreak, [pageBreak], 'appendPageBreak'),
      this._node.children.length,
    );
  }
  insertPageBreak(childIndex: unknown, pageBreak?: unknown): unknown {
    const at = this._insertIndex(childIndex, [childIndex, pageBreak], 'insertPageBreak');
    return this._inline(this._pageBreak(pageBreak, [childIndex, pageBreak], 'insertPageBreak'), at);
  }
  appendHorizontalRule(): unknown {
    return this._inline(new RuleNode(), this._node.children.length);
  }
  insertHorizontalRule(childIndex: unknown): unknown {
    return this._inline(new RuleNode(), this._insertIndex(childIndex, [childIndex], 'insertHorizontalRule'));
  }

  // ---- paragraph style ----

  getHeading(): unknown {
    return ParagraphHeading[this._node.heading];
  }
  setHeading(heading: unknown): this {
    const key = enumKey(ParagraphHeading, heading);
    if (!key) throw signatureError([heading], this._api('setHeading'));
    this._node.heading = key;
    return this;
  }
  getAlignment(): unknown {
    const key =
      (this._node.attrs.HORIZONTAL_ALIGNMENT as keyof typeof HorizontalAlignment | undefined) ??
      (this._computed() ? 'LEFT' : null);
    return key ? HorizontalAlignment[key] : null;
  }
  setAlignment(alignment: unknown): this {
    const key = enumKey(HorizontalAlignment, alignment);
    if (!key) throw signatureError([alignment], this._api('setAlignment'));
    this._node.attrs.HORIZONTAL_ALIGNMENT = key;
    return this;
  }
  _number(attr: ParagraphAttr): number | null {
    return (this._node.attrs[attr] as number | undefined) ?? null;
  }
  _setNumber(attr: ParagraphAttr, v: unknown, method: string): this {
    const n = numberOrNull(v);
    if (n === undefined) throw signatureError([v], this._api(method));
    if (n === null) delete this._node.attrs[attr];
    else this._node.attrs[attr] = n;
    return this;
  }
  getIndentStart(): number | null {
    return this._number('INDENT_START');
  }
  setIndentStart(indentStart: unknown): this {
    return this._setNumber('INDENT_START', indentStart, 'setIndentStart');
  }
  getIndentEnd(): number | null {
    return this._number('INDENT_END');
  }
  setIndentEnd(indentEnd: unknown): this {
    return this._setNumber('INDENT_END', indentEnd, 'setIndentEnd');
  }
  getIndentFirstLine(): number | null {
    return this._number('INDENT_FIRST_LINE');
  }
  setIndentFirstLine(indentFirstLine: unknown): this {
    return this._setNumber('INDENT_FIRST_LINE', indentFirstLine, 'setIndentFirstLine');
  }
  /** NORMAL_TEXT's computed line spacing is 1.15 (gas-fakes test/testdocsstyles.js, live GAS). */
  getLineSpacing(): number | null {
    return this._number('LINE_SPACING') ?? (this._computed() ? 1.15 : null);
  }
  setLineSpacing(multiplier: unknown): this {
    return this._setNumber('LINE_SPACING', multiplier, 'setLineSpacing');
  }
  getSpacingBefore(): number | null {
    return this._number('SPACING_BEFORE');
  }
  setSpacingBefore(spacingBefore: unknown): this {
    return this._setNumber('SPACING_BEFORE', spacingBefore, 'setSpacingBefore');
  }
  getSpacingAfter(): number | null {
    return this._number('SPACING_AFTER');
  }
  setSpacingAfter(spacingAfter: unknown): this {
    return this._setNumber('SPACING_AFTER', spacingAfter, 'setSpacingAfter');
  }
  isLeftToRight(): boolean | null {
    return (this._node.attrs.LEFT_TO_RIGHT as boolean | undefined) ?? (this._computed() ? true : null);
  }
  setLeftToRight(leftToRight: unknown): this {
    if (typeof leftToRight !== 'boolean') throw signatureError([leftToRight], this._api('setLeftToRight'));
    this._node.attrs.LEFT_TO_RIGHT = leftToRight;
    return this;
  }

  override getAttributes(): Record<string, unknown> {
    const out = this._textAttributes({});
    if (this._node.children.every((c) => !(c instanceof TextNode) || c.text === '')) {
      for (const attr of Object.keys(out)) out[attr] = this._node.marks[attr as keyof Marks] ?? null;
    }
    out.HEADING = this.getHeading();
    out.HORIZONTAL_ALIGNMENT = this.getAlignment();
    out.INDENT_START = this.getIndentStart();
    out.INDENT_END = this.getIndentEnd();
    out.INDENT_FIRST_LINE = this.getIndentFirstLine();
    out.LINE_SPACING = this.getLineSpacing();
    out.SPACING_BEFORE = this.getSpacingBefore();
    out.SPACING_AFTER = this.getSpacingAfter();
    out.LEFT_TO_RIGHT = this.isLeftToRight();
    return out;
  }
  override setAttributes(attributes: unknown): this {
    for (const [key, raw] of this._applyTextAttributes(attributes)) this._setParagraphAttribute(key, raw);
    return this;
  }
  _setParagraphAttribute(key: string, raw: unknown): void {
    if (key === 'HEADING') {
      const heading = enumKey(ParagraphHeading, raw);
      if (!heading) throw localRefusal(`Invalid value for attribute HEADING: ${String(raw)}`);
      this._node.heading = heading;
    } else if (key === 'HORIZONTAL_ALIGNMENT') {
      const alignment = enumKey(HorizontalAlignment, raw);
      if (raw !== null && !alignment)
        throw localRefusal(`Invalid value for attribute HORIZONTAL_ALIGNMENT: ${String(raw)}`);
      if (alignment) this._node.attrs.HORIZONTAL_ALIGNMENT = alignment;
      else delete this._node.attrs.HORIZONTAL_ALIGNMENT;
    } else if (key === 'LEFT_TO_RIGHT') {
      if (typeof raw !== 'boolean')
        throw localRefusal(`Invalid value for attribute LEFT_TO_RIGHT: ${String(raw)}`);
      this._node.attrs.LEFT_TO_RIGHT = raw;
    } else if ((PARAGRAPH_ATTRS as readonly string[]).includes(key)) {
      const n = numberOrNull(raw);
      if (n === undefined) throw localRefusal(`Invalid value for attribute ${key}: ${String(raw)}`);
      if (n === null) delete this._node.attrs[key as ParagraphAttr];
      else this._node.attrs[key as ParagraphAttr] = n;
    }
    // Attributes that do not apply to paragraphs (WIDTH, BORDER_COLOR, ...) are ignored.
  }
}
guardMethods(ParagraphImpl);

export class ListItemImpl extends ParagraphImpl {
  _list(): NonNullable<ParagraphNode['list']> {
    if (!this._node.list)
      this._node.list = { listId: this._s.rt.newListId(), nestingLevel: 0, glyphType: 'NUMBER' };
    return this._node.list;
  }
  getGlyphType(): unknown {
    return GlyphType[this._list().glyphType];
  }
  setGlyphType(glyphType: unknown): this {
    const key = enumKey(GlyphType, glyphType);
    if (!key) throw signatureError([glyphType], this._api('setGlyphType'));
    this._list().glyphType = key;
    return this;
  }
  getNestingLevel(): number {
    return this._list().nestingLevel;
  }
  setNestingLevel(nestingLevel: unknown): this {
    if (!isInteger(nestingLevel)) throw signatureError([nestingLevel], this._api('setNestingLevel'));
    if (nestingLevel < 0 || nestingLevel > MAX_NESTING_LEVEL) {
      throw localRefusal(`Nesting level ${nestingLevel} is out of range (0-${MAX_NESTING_LEVEL}).`);
    }
    this._list().nestingLevel = nestingLevel;
    return this;
  }
  getListId(): string {
    return this._list().listId;
  }
  /** Reference: "Sets the list ID ... to the same value as the specified ListItem", i.e. joins that item's list. */
  setListId(listItem: unknown): this {
    const other = nodeOf(listItem);
    if (!other || other.kind !== 'LIST_ITEM') throw signatureError([listItem], this._api('setListId'));
    const otherItem = other as ParagraphNode;
    if (!otherItem.list)
      otherItem.list = { listId: this._s.rt.newListId(), nestingLevel: 0, glyphType: 'NUMBER' };
    this._list().listId = otherItem.list.listId;
    return this;
  }
  override getAttributes(): Record<string, unknown> {
    const out = super.getAttributes();
    out.GLYPH_TYPE = this.getGlyphType();
    out.LIST_ID = this.getListId();
    out.NESTING_LEVEL = this.getNestingLevel();
    return out;
  }
  override _setParagraphAttribute(key: string, raw: unknown): void {
    if (key === 'GLYPH_TYPE') {
      const glyph = enumKey(GlyphType, raw);
      if (!glyph) throw localRefusal(`Invalid value for attribute GLYPH_TYPE: ${String(raw)}`);
      this._list().glyphType = glyph;
    } else if (key === 'NESTING_LEVEL') {
      if (!isInteger(raw) || raw < 0 || raw > MAX_NESTING_LEVEL) {
        throw localRefusal(`Invalid value for attribute NESTING_LEVEL: ${String(raw)}`);
      }
      this._list().nestingLevel = raw;
    } else {
      super._setParagraphAttribute(key, raw);
    }
  }
}
guardMethods(ListItemImpl);
