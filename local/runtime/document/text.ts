// The Text class: one text element, or (from editAsText) a view of a whole container's text, formatted per character.
import { NotImplementedError } from '../core';
import { localRefusal, signatureError } from './errors';
import { guardMethods, nodeOf } from './guard';
import { ElementType } from './enums';
import {
  type ContainerNode,
  type DocNode,
  type Marks,
  NO_MARKS,
  ParagraphNode,
  SectionNode,
  TEXT_ATTRS,
  TEXT_ATTR_SET,
  type TextAttr,
  TextNode,
  detachNode,
  insertNode,
  markRange,
  mergeMarks,
  rootOf,
  sameMarks,
  spliceText,
  withMark,
} from './nodes';
import { findTextIn, replaceTextIn } from './search';
import { isInteger, textAttrValue } from './values';
import type { Session } from './session';

/** A stretch of a container's text: a text element, a paragraph break, or an empty paragraph text can go into. */
export type Piece =
  | { type: 'text'; node: TextNode; start: number }
  | { type: 'break'; start: number }
  | { type: 'empty'; para: ParagraphNode; start: number };

function pieceLength(p: Piece): number {
  return p.type === 'text' ? p.node.text.length : p.type === 'break' ? 1 : 0;
}

/**
 * The text of a container laid out as getText() reports it: a paragraph's text elements run together; paragraphs,
 * table rows and cells are separated by "\n" (gas-fakes test/testdocsnext.js, checked against live GAS).
 */
export function piecesOf(node: DocNode): Piece[] {
  const out: Piece[] = [];
  collect(node, out, 0);
  return out;
}

function collect(node: DocNode, out: Piece[], pos: number): number {
  if (node instanceof TextNode) {
    out.push({ type: 'text', node, start: pos });
    return pos + node.text.length;
  }
  if (node instanceof ParagraphNode) {
    const texts = node.children.filter((c): c is TextNode => c instanceof TextNode);
    if (texts.length === 0) out.push({ type: 'empty', para: node, start: pos });
    for (const t of texts) pos = collect(t, out, pos);
    return pos;
  }
  const children = (node as ContainerNode).children ?? [];
  children.forEach((child, i) => {
    if (i > 0) {
      out.push({ type: 'break', start: pos });
      pos += 1;
    }
    pos = collect(child, out, pos);
  });
  return pos;
}

export function textOf(node: DocNode): string {
  return piecesOf(node)
    .map((p) => (p.type === 'text' ? p.node.text : p.type === 'break' ? '\n' : ''))
    .join('');
}

/** Marks for a new paragraph's text: the section-wide defaults (Body.setAttributes) plus the paragraph's own. */
export function marksForNewText(para: ParagraphNode): Marks {
  let n: DocNode | null = para;
  while (n && !(n instanceof SectionNode)) n = n.parent;
  return mergeMarks(n instanceof SectionNode ? n.defaultMarks : NO_MARKS, para.marks);
}

const SETTERS: Record<string, TextAttr> = {
  setBold: 'BOLD',
  setItalic: 'ITALIC',
  setUnderline: 'UNDERLINE',
  setStrikethrough: 'STRIKETHROUGH',
  setFontSize: 'FONT_SIZE',
  setFontFamily: 'FONT_FAMILY',
  setForegroundColor: 'FOREGROUND_COLOR',
  setBackgroundColor: 'BACKGROUND_COLOR',
  setLinkUrl: 'LINK_URL',
};

export class TextImpl {
  constructor(
    readonly _s: Session,
    /** The text element itself, or null for an editAsText view of `_container`. */
    readonly _node: TextNode | null,
    readonly _container: ContainerNode | null,
  ) {}

  _pieces(): Piece[] {
    return this._node
      ? [{ type: 'text', node: this._node, start: 0 }]
      : piecesOf(this._container as ContainerNode);
  }
  _length(): number {
    const ps = this._pieces();
    const last = ps[ps.length - 1];
    return last ? last.start + pieceLength(last) : 0;
  }
  _textNodes(): TextNode[] {
    return this._pieces().flatMap((p) => (p.type === 'text' ? [p.node] : []));
  }
  /** Views spanning several paragraphs cannot merge or split paragraphs here. */
  _spansParagraphs(): boolean {
    return this._pieces().some((p) => p.type === 'break');
  }
  _offset(v: unknown, method: string, inclusiveEnd = false): number {
    const len = this._length();
    if (!isInteger(v)) throw signatureError([v], `DocumentApp.Text.${method}`);
    if (v < 0 || (inclusiveEnd ? v > len : v >= len)) {
      throw localRefusal(`Offset ${v} is out of range for a text of length ${len}.`);
    }
    return v;
  }

  // ---- reading ----

  getText(): string {
    return this._node ? this._node.text : textOf(this._container as ContainerNode);
  }

  _marksAt(offset: number): Marks | null {
    for (const p of this._pieces()) {
      if (p.type === 'text' && offset >= p.start && offset < p.start + p.node.text.length) {
        return p.node.marks[offset - p.start] ?? NO_MARKS;
      }
    }
    return null;
  }

  /** With an offset: the value there. Without: the value if every character agrees, else null. */
  _attr(attr: TextAttr, offset: unknown, method: string): Marks[TextAttr] | null {
    if (offset !== undefined && offset !== null) {
      const at = this._offset(offset, method);
      return this._marksAt(at)?.[attr] ?? null;
    }
    let seen: Marks[TextAttr] | null | undefined;
    for (const node of this._textNodes()) {
      for (const m of node.marks) {
        const v = m[attr] ?? null;
        if (seen === undefined) seen = v;
        else if (seen !== v) return null;
      }
    }
    return seen ?? null;
  }

  isBold(offset?: unknown): boolean | null {
    return this._attr('BOLD', offset, 'isBold') as boolean | null;
  }
  isItalic(offset?: unknown): boolean | null {
    return this._attr('ITALIC', offset, 'isItalic') as boolean | null;
  }
  isUnderline(offset?: unknown): boolean | null {
    return this._attr('UNDERLINE', offset, 'isUnderline') as boolean | null;
  }
  isStrikethrough(offset?: unknown): boolean | null {
    return this._attr('STRIKETHROUGH', offset, 'isStrikethrough') as boolean | null;
  }
  getFontSize(offset?: unknown): number | null {
    return this._attr('FONT_SIZE', offset, 'getFontSize') as number | null;
  }
  getFontFamily(offset?: unknown): string | null {
    return this._attr('FONT_FAMILY', offset, 'getFontFamily') as string | null;
  }
  getForegroundColor(offset?: unknown): string | null {
    return this._attr('FOREGROUND_COLOR', offset, 'getForegroundColor') as string | null;
  }
  getBackgroundColor(offset?: unknown): string | null {
    return this._attr('BACKGROUND_COLOR', offset, 'getBackgroundColor') as string | null;
  }
  getLinkUrl(offset?: unknown): string | null {
    return this._attr('LINK_URL', offset, 'getLinkUrl') as string | null;
  }

  getAttributes(offset?: unknown): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const attr of TEXT_ATTRS) out[attr] = this._attr(attr, offset, 'getAttributes');
    return out;
  }

  /** Offsets where the formatting changes; the first character always starts a run. */
  getTextAttributeIndices(): number[] {
    const out: number[] = [];
    let prev: Marks | null = null;
    for (const p of this._pieces()) {
      if (p.type !== 'text') continue;
      p.node.marks.forEach((m, i) => {
        if (prev === null || !sameMarks(prev, m)) out.push(p.start + i);
        prev = m;
      });
    }
    return out;
  }

  // ---- formatting ----

  _format(method: string, args: unknown[]): this {
    const attr = SETTERS[method];
    let start: number;
    let end: number;
    let raw: unknown;
    if (args.length === 1) {
      raw = args[0];
      start = 0;
      end = this._length() - 1;
    } else if (args.length === 3 && isInteger(args[0]) && isInteger(args[1])) {
      start = this._offset(args[0], method);
      end = this._offset(args[1], method);
      if (end < start) throw localRefusal(`End offset ${end} is before start offset ${start}.`);
      raw = args[2];
    } else {
      throw signatureError(args, `DocumentApp.Text.${method}`);
    }
    const value = textAttrValue(attr, raw);
    if (value === undefined) throw signatureError(args, `DocumentApp.Text.${method}`);
    this._apply(start, end, attr, value, args.length === 1);
    return this;
  }

  _apply(start: number, end: number, attr: TextAttr, value: Marks[TextAttr] | null, whole: boolean): void {
    for (const p of this._pieces()) {
      if (p.type !== 'text') continue;
      const from = Math.max(start, p.start) - p.start;
      const to = Math.min(end, p.start + p.node.text.length - 1) - p.start;
      if (from <= to) markRange(p.node, from, to + 1, attr, value);
    }
    // Formatting a whole paragraph also formats what is typed into it later (an empty paragraph keeps the style).
    if (whole && this._container instanceof ParagraphNode) {
      this._container.marks = withMark(this._container.marks, attr, value);
    }
  }

  setBold(...args: unknown[]): this {
    return this._format('setBold', args);
  }
  setItalic(...args: unknown[]): this {
    return this._format('setItalic', args);
  }
  setUnderline(...args: unknown[]): this {
    return this._format('setUnderline', args);
  }
  setStrikethrough(...args: unknown[]): this {
    return this._format('setStrikethrough', args);
  }
  setFontSize(...args: unknown[]): this {
    return this._format('setFontSize', args);
  }
  setFontFamily(...args: unknown[]): this {
    return this._format('setFontFamily', args);
  }
  setForegroundColor(...args: unknown[]): this {
    return this._format('setForegroundColor', args);
  }
  setBackgroundColor(...args: unknown[]): this {
    return this._format('setBackgroundColor', args);
  }
  setLinkUrl(...args: unknown[]): this {
    return this._format('setLinkUrl', args);
  }

  setAttributes(...args: unknown[]): this {
    let start = 0;
    let end = this._length() - 1;
    let attrs: unknown;
    if (args.length === 1) attrs = args[0];
    else if (args.length === 3) {
      start = this._offset(args[0], 'setAttributes');
      end = this._offset(args[1], 'setAttributes');
      attrs = args[2];
    } else throw signatureError(args, 'DocumentApp.Text.setAttributes');
    if (typeof attrs !== 'object' || attrs === null)
      throw signatureError(args, 'DocumentApp.Text.setAttributes');
    for (const [key, raw] of Object.entries(attrs)) {
      if (!TEXT_ATTR_SET.has(key)) continue; // non-text attributes do not apply to text
      const value = textAttrValue(key as TextAttr, raw);
      if (value === undefined) throw localRefusal(`Invalid value for attribute ${key}: ${String(raw)}`);
      this._apply(start, end, key as TextAttr, value, args.length === 1);
    }
    return this;
  }

  // ---- editing ----

  /** Where inserted text goes and which formatting it takes (the character before it, as when typing). */
  _insertionPoint(offset: number): { node: TextNode; local: number; marks: Marks } {
    const ps = this._pieces();
    const texts = ps.filter((p): p is Extract<Piece, { type: 'text' }> => p.type === 'text');
    const inside = texts.find((p) => offset > p.start && offset <= p.start + p.node.text.length);
    if (inside) {
      const local = offset - inside.start;
      return { node: inside.node, local, marks: inside.node.marks[local - 1] ?? NO_MARKS };
    }
    const atStart = texts.find((p) => p.start === offset);
    if (atStart) return { node: atStart.node, local: 0, marks: atStart.node.marks[0] ?? NO_MARKS };
    const empty = ps.find(
      (p): p is Extract<Piece, { type: 'empty' }> => p.type === 'empty' && p.start === offset,
    );
    if (empty) {
      const node = new TextNode();
      insertNode(empty.para, empty.para.children.length, node);
      return { node, local: 0, marks: marksForNewText(empty.para) };
    }
    throw new NotImplementedError('Text.insertText at a paragraph boundary of a multi-paragraph view');
  }

  insertText(offset: unknown, text: unknown): this {
    if (typeof text !== 'string') throw signatureError([offset, text], 'DocumentApp.Text.insertText');
    const at = this._offset(offset, 'insertText', true);
    if (text === '') return this;
    if (this._spansParagraphs() && text.includes('\n')) {
      throw new NotImplementedError('Text.insertText of a line break into a multi-paragraph view');
    }
    const point = this._insertionPoint(at);
    spliceText(point.node, point.local, 0, text, point.marks);
    return this;
  }

  appendText(text: unknown): this {
    if (typeof text !== 'string') throw signatureError([text], 'DocumentApp.Text.appendText');
    return this.insertText(this._length(), text);
  }

  deleteText(startOffset: unknown, endOffsetInclusive: unknown): this {
    if (!isInteger(startOffset) || !isInteger(endOffsetInclusive)) {
      throw signatureError([startOffset, endOffsetInclusive], 'DocumentApp.Text.deleteText');
    }
    const start = this._offset(startOffset, 'deleteText');
    const end = this._offset(endOffsetInclusive, 'deleteText');
    if (end < start) throw localRefusal(`End offset ${end} is before start offset ${start}.`);
    const ps = this._pieces();
    if (ps.some((p) => p.type === 'break' && p.start >= start && p.start <= end)) {
      throw new NotImplementedError('Text.deleteText across a paragraph boundary');
    }
    for (let i = ps.length - 1; i >= 0; i--) {
      const p = ps[i];
      if (p.type !== 'text') continue;
      const from = Math.max(start, p.start) - p.start;
      const to = Math.min(end, p.start + p.node.text.length - 1) - p.start;
      if (from > to) continue;
      spliceText(p.node, from, to - from + 1, '', NO_MARKS);
      // Reference (editAsText): "Child elements fully contained within a deleted text range are removed".
      if (!this._node && p.node.text === '') detachNode(p.node);
    }
    return this;
  }

  setText(text: unknown): this {
    if (typeof text !== 'string') throw signatureError([text], 'DocumentApp.Text.setText');
    if (this._node) {
      spliceText(this._node, 0, this._node.text.length, text, this._node.marks[0] ?? NO_MARKS);
      return this;
    }
    const container = this._container as ContainerNode;
    if (!(container instanceof ParagraphNode)) {
      throw new NotImplementedError('Text.setText on a view spanning more than one paragraph');
    }
    const texts = container.children.filter((c): c is TextNode => c instanceof TextNode);
    const marks = texts[0]?.marks[0] ?? marksForNewText(container);
    const index = texts[0] ? container.children.indexOf(texts[0]) : container.children.length;
    texts.forEach(detachNode);
    if (text !== '')
      insertNode(container, index, new TextNode(text, new Array<Marks>(text.length).fill(marks)));
    return this;
  }

  findText(searchPattern: unknown, from?: unknown): unknown {
    if (typeof searchPattern !== 'string') throw signatureError([searchPattern], 'DocumentApp.Text.findText');
    const hit = findTextIn(this._textNodes(), searchPattern, hitOf(from));
    return hit ? this._s.rangeOfText(hit.node, hit.start, hit.endInclusive) : null;
  }

  replaceText(searchPattern: unknown, replacement: unknown): this {
    if (typeof searchPattern !== 'string' || typeof replacement !== 'string') {
      throw signatureError([searchPattern, replacement], 'DocumentApp.Text.replaceText');
    }
    replaceTextIn(this._textNodes(), searchPattern, replacement);
    return this;
  }

  editAsText(): this {
    return this;
  }

  // ---- as an element ----

  getType(): unknown {
    return ElementType.TEXT;
  }
  getParent(): unknown {
    const node = this._node ?? this._container;
    return this._s.wrapOrNull(node?.parent);
  }
  _own(method: string): TextNode {
    if (!this._node) throw new NotImplementedError(`Text.${method} on an editAsText view`);
    return this._node;
  }
  getNextSibling(): unknown {
    const node = this._own('getNextSibling');
    const siblings = node.parent?.children ?? [];
    return this._s.wrapOrNull(siblings[siblings.indexOf(node) + 1]);
  }
  getPreviousSibling(): unknown {
    const node = this._own('getPreviousSibling');
    const siblings = node.parent?.children ?? [];
    const i = siblings.indexOf(node);
    return i > 0 ? this._s.wrap(siblings[i - 1]) : null;
  }
  isAtDocumentEnd(): boolean {
    return isAtDocumentEnd(this._own('isAtDocumentEnd'));
  }
  removeFromParent(): this {
    detachNode(this._own('removeFromParent'));
    return this;
  }
  copy(): unknown {
    return this._s.rt.detached.wrap(this._own('copy').clone());
  }
  asText(): this {
    return this;
  }
  toString(): string {
    return 'Text';
  }
}
guardMethods(TextImpl);

/** A RangeElement passed back as `from`, reduced to the text hit it stands for. */
export function hitOf(from: unknown): { node: TextNode; start: number; endInclusive: number } | null {
  if (from === undefined || from === null) return null;
  const node = nodeOf(from);
  if (!(node instanceof TextNode)) throw signatureError([from], 'DocumentApp.Text.findText');
  const r = from as { _start: number; _end: number };
  return { node, start: r._start, endInclusive: r._end };
}

/** True when the element is the last thing in the body (every ancestor is its parent's last child). */
export function isAtDocumentEnd(node: DocNode): boolean {
  let n: DocNode = node;
  while (n.parent) {
    const siblings = n.parent.children;
    if (siblings[siblings.length - 1] !== n) return false;
    n = n.parent;
  }
  return n instanceof SectionNode && n.kind === 'BODY_SECTION' && rootOf(n) !== null;
}
