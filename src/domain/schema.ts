// Finds a sheet's columns by header text (case- and space-insensitive, any order), as DESIGN 2.1 requires.

export interface ColumnSpec<H extends Record<string, string>> {
  /** Our key for the column → the header text staff see. */
  headers: H;
  required: readonly (keyof H)[];
}

export interface ColumnMap<K extends PropertyKey> {
  /** 0-based index of each column that is present. */
  index: Partial<Record<K, number>>;
  /** Problems that stop any job on this sheet: a required header missing, or a known header twice. */
  errors: string[];
  /** The raw value of a column in a row (undefined when the column is absent). */
  raw(row: readonly unknown[], key: K): unknown;
  /** The trimmed text of a column in a row ('' when blank or absent). */
  text(row: readonly unknown[], key: K): string;
}

/** "  Target   Date ", "target date" and "TargetDate" are the same header (DESIGN 2.1: case- and space-insensitive). */
export function normaliseHeader(text: unknown): string {
  return String(text ?? '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

export function mapColumns<H extends Record<string, string>>(
  sheetName: string,
  headerRow: readonly unknown[],
  spec: ColumnSpec<H>,
): ColumnMap<keyof H> {
  type K = keyof H;
  const byHeader = new Map<string, number[]>();
  headerRow.forEach((cell, i) => {
    const h = normaliseHeader(cell);
    if (h) byHeader.set(h, [...(byHeader.get(h) ?? []), i]);
  });
  const index: Partial<Record<K, number>> = {};
  const errors: string[] = [];
  for (const key of Object.keys(spec.headers) as K[]) {
    const header = spec.headers[key] as string;
    const found = byHeader.get(normaliseHeader(header)) ?? [];
    if (found.length > 1) {
      errors.push(
        `${sheetName}: the header "${header}" appears ${found.length} times (columns ${found.map(columnLetter).join(', ')}); keep one.`,
      );
    } else if (found.length === 1) {
      index[key] = found[0];
    } else if (spec.required.includes(key)) {
      errors.push(`${sheetName}: the required column "${header}" is missing from the header row.`);
    }
  }
  const raw = (row: readonly unknown[], key: K) =>
    index[key] === undefined ? undefined : row[index[key] as number];
  return { index, errors, raw, text: (row, key) => cellText(raw(row, key)) };
}

/** Column letter for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A cell as trimmed text ('' for blank). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

/** True when every cell is blank, not counting the columns at `ignoredIndexes` (those the script writes). */
export function isBlankRow(row: readonly unknown[], ignoredIndexes: readonly number[] = []): boolean {
  return row.every((v, i) => ignoredIndexes.includes(i) || cellText(v) === '');
}
