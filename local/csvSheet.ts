// Reads a CSV file (a Google Sheet downloaded as CSV) into rows of text, with one clear error when it cannot.
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';

export class CsvError extends Error {}

/**
 * The rows as text, padded to the widest row. Turning "31/03/2010" into a date or "40" into a number is left to the
 * spreadsheet, which reads loaded text as a person typing it would (as Sheets' own import does).
 */
export function readCsvSheet(path: string): string[][] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CsvError(
      `Cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}`,
    );
  }
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true });
  } catch (e) {
    throw new CsvError(`${path} is not a readable CSV file: ${(e as Error).message}`);
  }
  while (rows.length && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  if (rows.length === 0) throw new CsvError(`${path} is empty: it needs a header row.`);
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}
