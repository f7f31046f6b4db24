// The document tree behind the DocumentApp wrappers: plain nodes with parent links, rich text stored per character.
import type { GlyphTypeKey, HeadingKey } from './enums';

/** Text attributes Docs keeps per character (the subset of DocumentApp.Attribute that applies to text). */
export const TEXT_ATTRS = [
  'BOLD',
  'ITALIC',
  'UNDERLINE',
  'STRIKETHROUGH',
  'FONT_SIZE',
  'FONT_FAMILY',
  'FOREGROUND_COLOR',
  'BACKGROUND_COLOR',
  'LINK_URL',
] as const;
export type TextAttr = (typeof TEXT_ATTRS)[number];
export const TEXT_ATTR_SET: ReadonlySet<string> = new Set(TEXT_ATTRS);

/** The explicitly set text attributes of one character; characters with equal marks share one frozen object. */
export type Marks = Readonly<Partial<Record<TextAttr, string | number | boolean>>>;
export const NO_MARKS: Marks = Object.freeze({});

/** Paragraph-level attributes a script can set (values are plain: enum constants are stored by key). */
export const PARAGRAPH_ATTRS = [
  'HORIZONTAL_ALIGNMENT',
  'INDENT_START',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'LINE_SPACING',
  'SPACING_BEFORE',
  'SPACING_AFTER',
  'LEFT_TO_RIGHT',
] as const;
export type ParagraphAttr = (typeof PARAGRAPH_ATTRS)[number];

export type BlockKind = 'PARAGRAPH' | 'LIST_ITEM' | 'TABLE';
export type SectionKind = 'BODY_SECTION' | 'HEADER_SECTION' | 'FOOTER_SECTION';
export type NodeKind =
  | SectionKind
  | BlockKind
  | 'TABLE_ROW'
  | 'TABLE_CELL'
  | 'TEXT'
  | 'INLINE_IMAGE'
  | 'PAGE_BREAK'
  | 'HORIZONTAL_RULE';

/** What a section reports to: the document's size accounting (limits live in the document, not the tree). */
export interface DocRoot {
  /** Called before a change that alters the document's character count by `delta`; may refuse it by throwing. */
  beforeCharChange(delta: number): void;
}

export abstract class DocNode {
  parent: ContainerNode | null = null;
  abstract readonly kind: NodeKind;
  /** A detached deep copy. */
  abstract clone(): DocNode;
}

export abstract class ContainerNode extends DocNode {
  children: DocNode[] = [];
}

export class SectionNode extends ContainerNode {
  root: DocRoot | null = null;
  /** Text attributes set on the whole section: applied to its text and given to paragraphs created in it. */
  defaultMarks: Marks = NO_MARKS;
  /** Margins and page size in points (body only). */
  page: {
    marginTop?: number;
    marginBottom?: number;
    marginLeft?: number;
    marginRight?: number;
    pageWidth?: number;
    pageHeight?: number;
  } = {};
  constructor(readonly kind: SectionKind) {
    super();
  }
  clone(): SectionNode {
    const copy = new SectionNode(this.kind);
    copy.defaultMarks = this.defaultMarks;
    copy.page = { ...this.page };
    for (const child of this.children) adopt(copy, copy.children.length, child.clone());
    return copy;
  }
}

export interface ListInfo {
  listId: string;
  nestingLevel: number;
  glyphType: GlyphTypeKey;
}

export class ParagraphNode extends ContainerNode {
  heading: HeadingKey = 'NORMAL';
  attrs: Partial<Record<ParagraphAttr, string | number | boolean>> = {};
  /** Text attributes given to text later typed into this paragraph (set by setAttributes on the paragraph). */
  marks: Marks = NO_MARKS;
  /** Present on list items only. */
  list: ListInfo | null = null;
  /**
   * The DocumentApp session that created this paragraph: live Apps Script reports computed NORMAL_TEXT paragraph
   * attributes (alignment LEFT, line spacing 1.15) only for paragraphs appended in the current session, and null for
   * paragraphs that were already in the document (gas-fakes test/testdocsstyles.js, checked against live GAS).
   */
  createdInSession = 0;
  constructor(readonly kind: 'PARAGRAPH' | 'LIST_ITEM') {
    super();
  }
  clone(): ParagraphNode {
    const copy = new ParagraphNode(this.kind);
    copy.heading = this.heading;
    copy.attrs = { ...this.attrs };
    copy.marks = this.marks;
    copy.list = this.list ? { ...this.list } : null;
    copy.createdInSession = this.createdInSession;
    for (const child of this.children) adopt(copy, copy.children.length, child.clone());
    return copy;
  }
}

export class TableNode extends ContainerNode {
  readonly kind = 'TABLE' as const;
  borderWidth: number | null = null;
  borderColor: string | null = null;
  columnWidths: (number | null)[] = [];
  clone(): TableNode {
    const copy = new TableNode();
    copy.borderWidth = this.borderWidth;
    copy.borderColor = this.borderColor;
    copy.columnWidths = [...this.columnWidths];
    for (const child of this.children) adopt(copy, copy.children.length, child.clone());
    return copy;
  }
}

export class RowNode extends ContainerNode {
  readonly kind = 'TABLE_ROW' as const;
  minimumHeight: number | null = null;
  clone(): RowNode {
    const copy = new RowNode();
    copy.minimumHeight = this.minimumHeight;
    for (const child of this.children) adopt(copy, copy.children.length, child.clone());
    return copy;
  }
}

export interface CellAttrs {
  backgroundColor?: string;
  width?: number;
  paddingTop?: number;
  paddingBottom?: number;
  paddingLeft?: number;
  paddingRight?: number;
  verticalAlignment?: string;
}

export class CellNode extends ContainerNode {
  readonly kind = 'TABLE_CELL' as const;
  attrs: CellAttrs = {};
  clone(): CellNode {
    const copy = new CellNode();
    copy.attrs = { ...this.attrs };
    for (const child of this.children) adopt(copy, copy.children.length, child.clone());
    return copy;
  }
}

export class TextNode extends DocNode {
  readonly kind = 'TEXT' as const;
  /** marks[i] belongs to text[i]. */
  constructor(
    public text = '',
    public marks: Marks[] = [],
  ) {
    super();
  }
  clone(): TextNode {
    return new TextNode(this.text, [...this.marks]);
  }
}

export class ImageNode extends DocNode {
  readonly kind = 'INLINE_IMAGE' as const;
  altTitle: string | null = null;
  altDescription: string | null = null;
  linkUrl: string | null = null;
  constructor(
    public bytes: Uint8Array,
    public contentType: string,
    public width: number | null,
    public height: number | null,
  ) {
    super();
  }
  clone(): ImageNode {
    const copy = new ImageNode(this.bytes.slice(), this.contentType, this.width, this.height);
    copy.altTitle = this.altTitle;
    copy.altDescription = this.altDescription;
    copy.linkUrl = this.linkUrl;
    return copy;
  }
}

export class PageBreakNode extends DocNode {
  readonly kind = 'PAGE_BREAK' as const;
  clone(): PageBreakNode {
    return new PageBreakNode();
  }
}

export class RuleNode extends DocNode {
  readonly kind = 'HORIZONTAL_RULE' as const;
  clone(): RuleNode {
    return new RuleNode();
  }
}

export type BlockNode = ParagraphNode | TableNode;

// ---- tree operations (all structural changes go through these, so size accounting cannot be bypassed) ----

/** Attaches a detached node without accounting (building a detached subtree). */
function adopt(parent: ContainerNode, index: number, child: DocNode): void {
  child.parent = parent;
  parent.children.splice(index, 0, child);
}

export function rootOf(node: DocNode): DocRoot | null {
  let n: DocNode | null = node;
  while (n && !(n instanceof SectionNode)) n = n.parent;
  return n instanceof SectionNode ? n.root : null;
}

/** Characters of text under `node` (what counts towards the document's size). */
export function charCount(node: DocNode): number {
  if (node instanceof TextNode) return node.text.length;
  if (node instanceof ContainerNode) return node.children.reduce((sum, c) => sum + charCount(c), 0);
  return 0;
}

export function insertNode(parent: ContainerNode, index: number, child: DocNode): void {
  if (child.parent) throw new Error('insertNode: node already attached');
  rootOf(parent)?.beforeCharChange(charCount(child));
  adopt(parent, index, child);
}

export function appendNode(parent: ContainerNode, child: DocNode): void {
  insertNode(parent, parent.children.length, child);
}

export function detachNode(child: DocNode): void {
  const parent = child.parent;
  if (!parent) return;
  rootOf(parent)?.beforeCharChange(-charCount(child));
  parent.children.splice(parent.children.indexOf(child), 1);
  child.parent = null;
}

/** Replaces text[start, start+deleteCount) with `insert`, every inserted character carrying `marks`. */
export function spliceText(
  node: TextNode,
  start: number,
  deleteCount: number,
  insert: string,
  marks: Marks,
): void {
  rootOf(node)?.beforeCharChange(insert.length - deleteCount);
  node.text = node.text.slice(0, start) + insert + node.text.slice(start + deleteCount);
  node.marks.splice(start, deleteCount, ...new Array<Marks>(insert.length).fill(marks));
}

/** Sets (or clears, with null) one attribute on characters [start, endExclusive) of a text node. */
export function markRange(
  node: TextNode,
  start: number,
  endExclusive: number,
  attr: TextAttr,
  value: Marks[TextAttr] | null,
): void {
  let lastIn: Marks | null = null;
  let lastOut: Marks = NO_MARKS;
  for (let i = start; i < endExclusive; i++) {
    const current = node.marks[i] ?? NO_MARKS;
    if (current !== lastIn) {
      lastIn = current;
      lastOut = withMark(current, attr, value);
    }
    node.marks[i] = lastOut;
  }
}

export function withMark(marks: Marks, attr: TextAttr, value: Marks[TextAttr] | null): Marks {
  if (value === null || value === undefined) {
    if (!(attr in marks)) return marks;
    const copy: Partial<Record<TextAttr, string | number | boolean>> = { ...marks };
    delete copy[attr];
    return Object.freeze(copy);
  }
  if (marks[attr] === value) return marks;
  return Object.freeze({ ...marks, [attr]: value });
}

export function mergeMarks(base: Marks, over: Marks): Marks {
  if (over === NO_MARKS) return base;
  if (base === NO_MARKS) return over;
  return Object.freeze({ ...base, ...over });
}

export function sameMarks(a: Marks, b: Marks): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as TextAttr[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Pre-order walk of every node under `node` (not including it). */
export function* descendants(node: DocNode): Generator<DocNode> {
  if (!(node instanceof ContainerNode)) return;
  for (const child of node.children) {
    yield child;
    yield* descendants(child);
  }
}

/** Merges adjacent text nodes of every paragraph, as a saved and reopened Google Doc presents them. */
export function mergeAdjacentText(node: DocNode): void {
  if (!(node instanceof ContainerNode)) return;
  if (node instanceof ParagraphNode) {
    const merged: DocNode[] = [];
    for (const child of node.children) {
      const prev = merged[merged.length - 1];
      if (child instanceof TextNode && prev instanceof TextNode) {
        prev.text += child.text;
        prev.marks.push(...child.marks);
        child.parent = null;
      } else if (child instanceof TextNode && child.text === '') {
        child.parent = null;
      } else {
        merged.push(child);
      }
    }
    node.children = merged;
    return;
  }
  node.children.forEach(mergeAdjacentText);
}
