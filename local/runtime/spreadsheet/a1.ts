// A1 notation: column letters, parsing "Sheet!A1:B2" (and open-ended "A:A", "A2:C", "1:1") and printing it back.
import { NotImplementedError } from '../core';

export function columnToLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A rectangle of cells, 1-based and inclusive of its first row and column. */
export interface Box {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ParsedA1 extends Box {
  sheetName: string | null;
  /** "A:B" names whole columns and "1:2" whole rows: getA1Notation() prints them back that way. */
  wholeColumns: boolean;
  wholeRows: boolean;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;
const SHEET_PREFIX = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/;

/**
 * Parses A1 notation against a sheet's size; null when it is not A1 notation (the caller throws the service's
 * "Range not found"). Open ends ("A2:C", "A:A") stop at the sheet's last row or column, as in Sheets.
 */
export function parseA1(text: string, maxRows: number, maxColumns: number): ParsedA1 | null {
  let sheetName: string | null = null;
  let ref = text.trim();
  const prefixed = SHEET_PREFIX.exec(ref);
  if (prefixed) {
    sheetName = prefixed[1] !== undefined ? prefixed[1].replace(/''/g, "'") : prefixed[2];
    ref = prefixed[3];
  }
  if (/^R\d+C\d+(:R\d+C\d+)?$/i.test(ref)) throw new NotImplementedError('R1C1 notation in getRange');
  const parts = ref.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const [a, b = a] = parts;
  const single = parts.length === 1;

  const cellA = CELL.exec(a);
  const cellB = CELL.exec(b);
  if (cellA && cellB) {
    return box(
      sheetName,
      +cellA[2],
      lettersToColumn(cellA[1]),
      +cellB[2],
      lettersToColumn(cellB[1]),
      false,
      false,
    );
  }
  if (single) return null;
  const colA = COL.exec(a);
  const colB = COL.exec(b);
  if (colA && colB)
    return box(sheetName, 1, lettersToColumn(colA[1]), maxRows, lettersToColumn(colB[1]), true, false);
  const rowA = ROW.exec(a);
  const rowB = ROW.exec(b);
  if (rowA && rowB) return box(sheetName, +rowA[1], 1, +rowB[1], maxColumns, false, true);
  // "A2:C" runs to the last row; "A2:5" runs to the last column.
  if (cellA && colB)
    return box(
      sheetName,
      +cellA[2],
      lettersToColumn(cellA[1]),
      maxRows,
      lettersToColumn(colB[1]),
      false,
      false,
    );
  if (cellA && rowB)
    return box(sheetName, +cellA[2], lettersToColumn(cellA[1]), +rowB[1], maxColumns, false, false);
  return null;
}

function box(
  sheetName: string | null,
  r1: number,
  c1: number,
  r2: number,
  c2: number,
  wholeColumns: boolean,
  wholeRows: boolean,
): ParsedA1 | null {
  if (r1 < 1 || r2 < 1 || c1 < 1 || c2 < 1) return null;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return {
    sheetName,
    row,
    column,
    numRows: Math.max(r1, r2) - row + 1,
    numColumns: Math.max(c1, c2) - column + 1,
    wholeColumns,
    wholeRows,
  };
}

/** "B3" for one cell, "B3:D9" for more. */
export function toA1(b: Box): string {
  const first = `${columnToLetters(b.column)}${b.row}`;
  if (b.numRows === 1 && b.numColumns === 1) return first;
  return `${first}:${columnToLetters(b.column + b.numColumns - 1)}${b.row + b.numRows - 1}`;
}

/** A sheet name as a formula or a qualified A1 reference needs it: quoted unless it is a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
