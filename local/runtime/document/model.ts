// A plain, JSON-friendly snapshot of a document for tests, the preview renderer and the CLI (read without counting calls).
import {
  type CellNode,
  type DocNode,
  ImageNode,
  type Marks,
  PageBreakNode,
  type ParagraphNode,
  type RowNode,
  RuleNode,
  type SectionNode,
  TableNode,
  TextNode,
  sameMarks,
} from './nodes';
import type { GlyphTypeKey, HeadingKey } from './enums';
import type { DocState } from './document';
import { textOf } from './text';

export type AttributeValue = string | number | boolean;
export type Attributes = Record<string, AttributeValue>;

export interface DocumentModel {
  id: string;
  name: string;
  url: string;
  header: BlockModel[] | null;
  footer: BlockModel[] | null;
  body: BlockModel[];
  /** Margins and page size in points, where set on the body. */
  page: Attributes;
}

export type BlockModel = ParagraphModel | ListItemModel | TableModel;

export interface ParagraphModel {
  type: 'PARAGRAPH';
  heading: HeadingKey;
  /** getText() of the paragraph. */
  text: string;
  /** Paragraph attributes set explicitly (HORIZONTAL_ALIGNMENT as an enum name, spacing and indents in points). */
  attributes: Attributes;
  elements: InlineModel[];
}

export interface ListItemModel extends Omit<ParagraphModel, 'type'> {
  type: 'LIST_ITEM';
  listId: string;
  nestingLevel: number;
  glyphType: GlyphTypeKey;
}

export type InlineModel = TextModel | ImageModel | { type: 'PAGE_BREAK' } | { type: 'HORIZONTAL_RULE' };

export interface TextModel {
  type: 'TEXT';
  text: string;
  /** Consecutive characters with the same explicitly set text attributes (BOLD, ITALIC, FOREGROUND_COLOR, LINK_URL...). */
  runs: RunModel[];
}

export interface RunModel {
  text: string;
  attributes: Attributes;
}

export interface ImageModel {
  type: 'INLINE_IMAGE';
  contentType: string;
  bytes: Uint8Array;
  width: number | null;
  height: number | null;
  altTitle: string | null;
  altDescription: string | null;
  linkUrl: string | null;
}

export interface TableModel {
  type: 'TABLE';
  text: string;
  borderWidth: number | null;
  borderColor: string | null;
  columnWidths: (number | null)[];
  rows: RowModel[];
}

export interface RowModel {
  minimumHeight: number | null;
  cells: CellModel[];
}

export interface CellModel {
  text: string;
  backgroundColor: string | null;
  width: number | null;
  verticalAlignment: string | null;
  children: BlockModel[];
}

export function documentModel(doc: DocState): DocumentModel {
  return {
    id: doc.id,
    name: doc.name,
    url: doc.url(),
    header: doc.header ? sectionModel(doc.header) : null,
    footer: doc.footer ? sectionModel(doc.footer) : null,
    body: sectionModel(doc.body),
    page: { ...doc.body.page },
  };
}

function sectionModel(section: SectionNode | CellNode): BlockModel[] {
  return section.children.map(blockModel);
}

function blockModel(node: DocNode): BlockModel {
  if (node instanceof TableNode) {
    return {
      type: 'TABLE',
      text: textOf(node),
      borderWidth: node.borderWidth,
      borderColor: node.borderColor,
      columnWidths: [...node.columnWidths].map((w) => w ?? null),
      rows: node.children.map((r) => rowModel(r as RowNode)),
    };
  }
  const p = node as ParagraphNode;
  const base = {
    heading: p.heading,
    text: textOf(p),
    attributes: { ...p.attrs } as Attributes,
    elements: p.children.map(inlineModel).filter((e): e is InlineModel => e !== null),
  };
  if (p.kind === 'LIST_ITEM') {
    const list = p.list ?? { listId: '', nestingLevel: 0, glyphType: 'NUMBER' as const };
    return {
      type: 'LIST_ITEM',
      ...base,
      listId: list.listId,
      nestingLevel: list.nestingLevel,
      glyphType: list.glyphType,
    };
  }
  return { type: 'PARAGRAPH', ...base };
}

function rowModel(row: RowNode): RowModel {
  return {
    minimumHeight: row.minimumHeight,
    cells: row.children.map((c) => {
      const cell = c as CellNode;
      return {
        text: textOf(cell),
        backgroundColor: cell.attrs.backgroundColor ?? null,
        width: cell.attrs.width ?? null,
        verticalAlignment: cell.attrs.verticalAlignment ?? null,
        children: sectionModel(cell),
      };
    }),
  };
}

function inlineModel(node: DocNode): InlineModel | null {
  if (node instanceof TextNode) return { type: 'TEXT', text: node.text, runs: runs(node) };
  if (node instanceof ImageNode) {
    return {
      type: 'INLINE_IMAGE',
      contentType: node.contentType,
      bytes: node.bytes.slice(),
      width: node.width,
      height: node.height,
      altTitle: node.altTitle,
      altDescription: node.altDescription,
      linkUrl: node.linkUrl,
    };
  }
  if (node instanceof PageBreakNode) return { type: 'PAGE_BREAK' };
  if (node instanceof RuleNode) return { type: 'HORIZONTAL_RULE' };
  return null;
}

function runs(node: TextNode): RunModel[] {
  const out: RunModel[] = [];
  let current: Marks | null = null;
  for (let i = 0; i < node.text.length; i++) {
    const m = node.marks[i];
    const last = out[out.length - 1];
    if (last && current !== null && sameMarks(current, m)) last.text += node.text[i];
    else out.push({ text: node.text[i], attributes: { ...m } as Attributes });
    current = m;
  }
  return out;
}
