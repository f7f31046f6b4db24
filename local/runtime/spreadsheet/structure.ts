// Inserting and deleting rows and columns: every layer moves, new rows take their neighbour's formatting and
// validation (not its values or notes), and rules, protections, named ranges and charts move or shrink with them.
import type { GridRect, SheetData, SpreadsheetData } from './data';
import { MAX_CELLS } from './data';
import { gasError } from './errors';

type Dim = 'rows' | 'columns';

const KEYS = {
  rows: { start: 'row', size: 'numRows' },
  columns: { start: 'column', size: 'numColumns' },
} as const;

export function checkCellLimit(ss: SpreadsheetData, added: number): void {
  if (ss.totalCells() + added > MAX_CELLS) {
    throw gasError(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  }
}

/**
 * Inserts `count` rows or columns so the first new one has 0-based index `at`; `copyFrom` (0-based, in the old
 * numbering) is the neighbour whose formatting and validation the new ones take.
 */
export function insertDimension(
  sheet: SheetData,
  dim: Dim,
  at: number,
  count: number,
  copyFrom?: number,
): void {
  checkCellLimit(sheet.parent, dim === 'rows' ? count * sheet.maxColumns : count * sheet.maxRows);
  const inherited = new Set(sheet.inheritedLayers());
  for (const layer of sheet.layers()) {
    const from = inherited.has(layer) ? copyFrom : undefined;
    if (dim === 'rows') layer.insertRows(at, count, from);
    else layer.insertColumns(at, count, from);
  }
  if (dim === 'rows') {
    sheet.maxRows += count;
    if (at < sheet.frozenRows) sheet.frozenRows += count;
  } else {
    sheet.maxColumns += count;
    if (at < sheet.frozenColumns) sheet.frozenColumns += count;
  }
  const { start, size } = KEYS[dim];
  for (const rect of sheet.trackedRects()) {
    const first = rect[start] - 1;
    if (first >= at) rect[start] += count;
    else if (at < first + rect[size]) rect[size] += count;
  }
}

/** Deletes `count` rows or columns from 0-based index `at`; a rectangle wholly inside them disappears. */
export function deleteDimension(sheet: SheetData, dim: Dim, at: number, count: number): void {
  for (const layer of sheet.layers()) {
    if (dim === 'rows') layer.deleteRows(at, count);
    else layer.deleteColumns(at, count);
  }
  const frozenKey = dim === 'rows' ? 'frozenRows' : 'frozenColumns';
  sheet[frozenKey] -= Math.max(0, Math.min(sheet[frozenKey], at + count) - at);
  if (dim === 'rows') sheet.maxRows -= count;
  else sheet.maxColumns -= count;

  const { start, size } = KEYS[dim];
  const gone = new Set<GridRect>();
  for (const rect of sheet.trackedRects()) {
    const first = rect[start] - 1;
    const end = first + rect[size];
    const overlap = Math.max(0, Math.min(end, at + count) - Math.max(first, at));
    if (overlap === rect[size]) {
      gone.add(rect);
      continue;
    }
    rect[size] -= overlap;
    rect[start] = first >= at ? Math.max(at, first - count) + 1 : rect[start];
  }
  if (gone.size === 0) return;
  for (const rule of sheet.conditionalRules) rule.ranges = rule.ranges.filter((r) => !gone.has(r));
  sheet.conditionalRules = sheet.conditionalRules.filter((r) => r.ranges.length > 0);
  for (const p of sheet.protections) p.unprotected = p.unprotected.filter((r) => !gone.has(r));
  sheet.protections = sheet.protections.filter((p) => !(p.rect && gone.has(p.rect)));
  for (const c of sheet.charts) c.ranges = c.ranges.filter((r) => !gone.has(r));
  for (const [name, rect] of sheet.parent.namedRanges)
    if (gone.has(rect)) sheet.parent.namedRanges.delete(name);
}
