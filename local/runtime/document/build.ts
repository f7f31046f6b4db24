// Builds new nodes the way DocumentApp creates them (paragraphs, list items, tables from string[][]), and places
// blocks so that a body, header, footer or cell never ends with a table.
import { localRefusal, signatureError } from './errors';
import {
  CellNode,
  type ContainerNode,
  type DocNode,
  type ListInfo,
  type Marks,
  NO_MARKS,
  ParagraphNode,
  RowNode,
  SectionNode,
  TableNode,
  TextNode,
  insertNode,
} from './nodes';

/** Text attributes a new paragraph starts with: those set on its section with Body.setAttributes. */
export function sectionDefaults(node: DocNode): Marks {
  let n: DocNode | null = node;
  while (n && !(n instanceof SectionNode)) n = n.parent;
  return n instanceof SectionNode ? n.defaultMarks : NO_MARKS;
}

export function newParagraphNode(
  kind: 'PARAGRAPH' | 'LIST_ITEM',
  text: string,
  sessionId: number,
  marks: Marks,
): ParagraphNode {
  const p = new ParagraphNode(kind);
  p.createdInSession = sessionId;
  if (text !== '') insertNode(p, 0, new TextNode(text, new Array<Marks>(text.length).fill(marks)));
  return p;
}

export function newCellNode(text: string, sessionId: number, marks: Marks): CellNode {
  const cell = new CellNode();
  insertNode(cell, 0, newParagraphNode('PARAGRAPH', text, sessionId, marks));
  return cell;
}

/**
 * Checks the string[][] given to appendTable/insertTable. A non-string cell does not match the method's String[][]
 * signature. Ragged rows are refused too: whether the real service accepts them is unverified, and a report whose
 * rows all have the same width is valid either way.
 */
export function checkCells(cells: unknown, args: readonly unknown[], method: string): string[][] {
  if (
    !Array.isArray(cells) ||
    !cells.every((row) => Array.isArray(row) && row.every((c) => typeof c === 'string'))
  ) {
    throw signatureError(args, method);
  }
  const rows = cells as string[][];
  const width = rows[0]?.length ?? 0;
  if (rows.some((row) => row.length === 0)) throw localRefusal('A table row must have at least one cell.');
  if (rows.some((row) => row.length !== width)) {
    throw localRefusal(
      `Table rows must all have the same number of cells (row widths: ${rows.map((r) => r.length).join(', ')}).`,
    );
  }
  return rows;
}

export function tableFromCells(
  cells: readonly (readonly string[])[],
  sessionId: number,
  marks: Marks,
): TableNode {
  const table = new TableNode();
  for (const row of cells) {
    const r = new RowNode();
    for (const text of row) insertNode(r, r.children.length, newCellNode(text, sessionId, marks));
    insertNode(table, table.children.length, r);
  }
  return table;
}

/**
 * Inserts a block; a table that ends up last gets an empty paragraph after it. Reference (Body.appendTable):
 * "This method will also append an empty paragraph after the table, since Google Docs documents cannot end with a table."
 */
export function placeBlock(container: ContainerNode, index: number, block: DocNode, sessionId: number): void {
  insertNode(container, index, block);
  if (block instanceof TableNode && container.children[container.children.length - 1] === block) {
    insertNode(container, container.children.length, newParagraphNode('PARAGRAPH', '', sessionId, NO_MARKS));
  }
}

/**
 * The list a new list item joins. Reference (Body.appendListItem): "Consecutive list items are added as part of the
 * same list." A fresh list is numbered: live GAS reports GlyphType.NUMBER for a default list
 * (gas-fakes test/testdocslistitems.js).
 */
export function listInfoAt(container: ContainerNode, index: number, newListId: () => string): ListInfo {
  const neighbour = [container.children[index - 1], container.children[index]].find(
    (n): n is ParagraphNode => n instanceof ParagraphNode && n.kind === 'LIST_ITEM' && n.list !== null,
  );
  if (!neighbour?.list) return { listId: newListId(), nestingLevel: 0, glyphType: 'NUMBER' };
  const listId = neighbour.list.listId;
  const sameList = container.children.filter(
    (n): n is ParagraphNode =>
      n instanceof ParagraphNode && n.list?.listId === listId && n.list.nestingLevel === 0,
  );
  return { listId, nestingLevel: 0, glyphType: sameList[0]?.list?.glyphType ?? neighbour.list.glyphType };
}
