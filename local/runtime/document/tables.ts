// Table, TableRow and TableCell: rows of cells, each cell a small section holding at least one paragraph.
import { newCellNode, sectionDefaults } from './build';
import { enumKey } from '../enums';
import { VerticalAlignment } from './enums';
import { childIndexForRead, signatureError } from './errors';
import { ContainerBase } from './elements';
import { guardMethods } from './guard';
import { CellNode, type CellAttrs, RowNode, TableNode, detachNode, insertNode } from './nodes';
import { BlockContainer } from './sections';
import { colorValue, isInteger, numberOrNull } from './values';

export class TableImpl extends ContainerBase<TableNode> {
  _row(row: unknown, args: unknown[], method: string): RowNode {
    if (row === undefined || row === null) return new RowNode();
    return this._detachedCopy(row, RowNode, args, method);
  }
  /** Reference: "Creates and appends a new TableRow" (with no cells; add them with appendTableCell). */
  appendTableRow(tableRow?: unknown): unknown {
    const row = this._row(tableRow, [tableRow], 'appendTableRow');
    insertNode(this._node, this._node.children.length, row);
    return this._s.wrap(row);
  }
  insertTableRow(childIndex: unknown, tableRow?: unknown): unknown {
    const args = [childIndex, tableRow];
    const at = this._insertIndex(childIndex, args, 'insertTableRow');
    const row = this._row(tableRow, args, 'insertTableRow');
    insertNode(this._node, at, row);
    return this._s.wrap(row);
  }
  getNumRows(): number {
    return this._node.children.length;
  }
  getRow(rowIndex: unknown): unknown {
    return this._s.wrap(this._node.children[this._childIndex(rowIndex, 'getRow')]);
  }
  getCell(rowIndex: unknown, cellIndex: unknown): unknown {
    const row = this._node.children[this._childIndex(rowIndex, 'getCell')] as RowNode;
    if (!isInteger(cellIndex)) throw signatureError([rowIndex, cellIndex], this._api('getCell'));
    if (cellIndex < 0 || cellIndex >= row.children.length)
      throw childIndexForRead(cellIndex, row.children.length);
    return this._s.wrap(row.children[cellIndex]);
  }
  /** Returns the removed (now detached) row. */
  removeRow(rowIndex: unknown): unknown {
    const row = this._node.children[this._childIndex(rowIndex, 'removeRow')];
    detachNode(row);
    return this._s.wrap(row);
  }
  getBorderWidth(): number | null {
    return this._node.borderWidth;
  }
  setBorderWidth(width: unknown): this {
    const n = numberOrNull(width);
    if (n === undefined) throw signatureError([width], this._api('setBorderWidth'));
    this._node.borderWidth = n;
    return this;
  }
  getBorderColor(): string | null {
    return this._node.borderColor;
  }
  setBorderColor(color: unknown): this {
    if (typeof color !== 'string' && color !== null)
      throw signatureError([color], this._api('setBorderColor'));
    this._node.borderColor = colorValue(color);
    return this;
  }
  getColumnWidth(columnIndex: unknown): number | null {
    if (!isInteger(columnIndex)) throw signatureError([columnIndex], this._api('getColumnWidth'));
    return this._node.columnWidths[columnIndex] ?? null;
  }
  setColumnWidth(columnIndex: unknown, width: unknown): this {
    const n = numberOrNull(width);
    if (!isInteger(columnIndex) || n === undefined)
      throw signatureError([columnIndex, width], this._api('setColumnWidth'));
    const columns = Math.max(0, ...this._node.children.map((r) => (r as RowNode).children.length));
    if (columnIndex < 0 || columnIndex >= columns) throw childIndexForRead(columnIndex, columns);
    this._node.columnWidths[columnIndex] = n;
    return this;
  }
  override getAttributes(): Record<string, unknown> {
    const out = this._textAttributes({});
    out.BORDER_WIDTH = this._node.borderWidth;
    out.BORDER_COLOR = this._node.borderColor;
    return out;
  }
  override setAttributes(attributes: unknown): this {
    for (const [key, raw] of this._applyTextAttributes(attributes)) {
      if (key === 'BORDER_WIDTH') this.setBorderWidth(raw);
      if (key === 'BORDER_COLOR') this.setBorderColor(raw);
    }
    return this;
  }
}
guardMethods(TableImpl);

export class TableRowImpl extends ContainerBase<RowNode> {
  _cell(textOrCell: unknown, args: unknown[], method: string): CellNode {
    if (textOrCell === undefined || textOrCell === null)
      return newCellNode('', this._s.id, sectionDefaults(this._node));
    if (typeof textOrCell === 'string')
      return newCellNode(textOrCell, this._s.id, sectionDefaults(this._node));
    return this._detachedCopy(textOrCell, CellNode, args, method);
  }
  appendTableCell(textContentsOrCell?: unknown): unknown {
    const cell = this._cell(textContentsOrCell, [textContentsOrCell], 'appendTableCell');
    insertNode(this._node, this._node.children.length, cell);
    return this._s.wrap(cell);
  }
  insertTableCell(childIndex: unknown, textContentsOrCell?: unknown): unknown {
    const args = [childIndex, textContentsOrCell];
    const at = this._insertIndex(childIndex, args, 'insertTableCell');
    const cell = this._cell(textContentsOrCell, args, 'insertTableCell');
    insertNode(this._node, at, cell);
    return this._s.wrap(cell);
  }
  getNumCells(): number {
    return this._node.children.length;
  }
  getCell(cellIndex: unknown): unknown {
    return this._s.wrap(this._node.children[this._childIndex(cellIndex, 'getCell')]);
  }
  removeCell(cellIndex: unknown): unknown {
    const cell = this._node.children[this._childIndex(cellIndex, 'removeCell')];
    detachNode(cell);
    return this._s.wrap(cell);
  }
  getParentTable(): unknown {
    return this._s.wrapOrNull(this._node.parent);
  }
  getMinimumHeight(): number | null {
    return this._node.minimumHeight;
  }
  setMinimumHeight(minHeight: unknown): this {
    const n = numberOrNull(minHeight);
    if (n === undefined) throw signatureError([minHeight], this._api('setMinimumHeight'));
    this._node.minimumHeight = n;
    return this;
  }
  override getAttributes(): Record<string, unknown> {
    const out = this._textAttributes({});
    out.MINIMUM_HEIGHT = this._node.minimumHeight;
    return out;
  }
  override setAttributes(attributes: unknown): this {
    for (const [key, raw] of this._applyTextAttributes(attributes)) {
      if (key === 'MINIMUM_HEIGHT') this.setMinimumHeight(raw);
    }
    return this;
  }
}
guardMethods(TableRowImpl);

const PADDINGS = {
  PADDING_TOP: 'paddingTop',
  PADDING_BOTTOM: 'paddingBottom',
  PADDING_LEFT: 'paddingLeft',
  PADDING_RIGHT: 'paddingRight',
} as const;
type PaddingKey = (typeof PADDINGS)[keyof typeof PADDINGS];

export class TableCellImpl extends BlockContainer<CellNode> {
  getBackgroundColor(): string | null {
    return this._node.attrs.backgroundColor ?? null;
  }
  setBackgroundColor(color: unknown): this {
    if (typeof color !== 'string' && color !== null)
      throw signatureError([color], this._api('setBackgroundColor'));
    const c = colorValue(color);
    if (c === null) delete this._node.attrs.backgroundColor;
    else this._node.attrs.backgroundColor = c;
    return this;
  }
  getWidth(): number | null {
    return this._node.attrs.width ?? null;
  }
  setWidth(width: unknown): this {
    return this._setNumber('width', width, 'setWidth');
  }
  _setNumber(key: 'width' | PaddingKey, v: unknown, method: string): this {
    const n = numberOrNull(v);
    if (n === undefined) throw signatureError([v], this._api(method));
    if (n === null) delete this._node.attrs[key];
    else this._node.attrs[key] = n;
    return this;
  }
  getPaddingTop(): number | null {
    return this._node.attrs.paddingTop ?? null;
  }
  setPaddingTop(paddingTop: unknown): this {
    return this._setNumber('paddingTop', paddingTop, 'setPaddingTop');
  }
  getPaddingBottom(): number | null {
    return this._node.attrs.paddingBottom ?? null;
  }
  setPaddingBottom(paddingBottom: unknown): this {
    return this._setNumber('paddingBottom', paddingBottom, 'setPaddingBottom');
  }
  getPaddingLeft(): number | null {
    return this._node.attrs.paddingLeft ?? null;
  }
  setPaddingLeft(paddingLeft: unknown): this {
    return this._setNumber('paddingLeft', paddingLeft, 'setPaddingLeft');
  }
  getPaddingRight(): number | null {
    return this._node.attrs.paddingRight ?? null;
  }
  setPaddingRight(paddingRight: unknown): this {
    return this._setNumber('paddingRight', paddingRight, 'setPaddingRight');
  }
  getVerticalAlignment(): unknown {
    const key = this._node.attrs.verticalAlignment as keyof typeof VerticalAlignment | undefined;
    return key ? VerticalAlignment[key] : null;
  }
  setVerticalAlignment(alignment: unknown): this {
    const key = enumKey(VerticalAlignment, alignment);
    if (!key) throw signatureError([alignment], this._api('setVerticalAlignment'));
    this._node.attrs.verticalAlignment = key;
    return this;
  }
  /** DocumentApp cannot merge cells, so every cell spans one row and one column. */
  getRowSpan(): number {
    return 1;
  }
  getColSpan(): number {
    return 1;
  }
  getParentRow(): unknown {
    return this._s.wrapOrNull(this._node.parent);
  }
  getParentTable(): unknown {
    return this._s.wrapOrNull(this._node.parent?.parent);
  }
  override getAttributes(): Record<string, unknown> {
    const out = this._textAttributes({});
    const a: CellAttrs = this._node.attrs;
    out.BACKGROUND_COLOR = a.backgroundColor ?? null;
    out.WIDTH = a.width ?? null;
    out.PADDING_TOP = a.paddingTop ?? null;
    out.PADDING_BOTTOM = a.paddingBottom ?? null;
    out.PADDING_LEFT = a.paddingLeft ?? null;
    out.PADDING_RIGHT = a.paddingRight ?? null;
    out.VERTICAL_ALIGNMENT = this.getVerticalAlignment();
    return out;
  }
  override setAttributes(attributes: unknown): this {
    // BACKGROUND_COLOR names both the cell fill and the text highlight; on a cell it sets the fill.
    const a = attributes as Record<string, unknown> | null;
    const rest = this._applyTextAttributes(
      typeof a === 'object' && a !== null
        ? Object.fromEntries(Object.entries(a).filter(([k]) => k !== 'BACKGROUND_COLOR'))
        : a,
    );
    if (typeof a === 'object' && a !== null && 'BACKGROUND_COLOR' in a)
      this.setBackgroundColor(a.BACKGROUND_COLOR);
    for (const [key, raw] of rest) {
      if (key === 'WIDTH') this.setWidth(raw);
      else if (key in PADDINGS) this._setNumber(PADDINGS[key as keyof typeof PADDINGS], raw, 'setAttributes');
      else if (key === 'VERTICAL_ALIGNMENT') this.setVerticalAlignment(raw);
    }
    return this;
  }
}
guardMethods(TableCellImpl);
