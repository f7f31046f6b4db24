// Charts.newDataTable(): the builder (columns first, then rows) and the DataTable it builds, checked at build() as
// the reference says ("Error - if the data table is empty or otherwise malformed").
import { type RuntimeCore, isDate } from '../core';
import { enumKey } from '../enums';
import { gasError } from '../errors';
import { ColumnType, type ColumnTypeKey } from './enums';
import { signatureError } from './errors';

export interface DataColumn {
  type: ColumnTypeKey;
  label: string;
}

/** A built table's content, as the chart builders read it. */
export interface TableContent {
  columns: DataColumn[];
  rows: unknown[][];
}

export class LocalDataTable {
  constructor(private readonly content: TableContent) {}

  /** DataTable is a DataTableSource: it answers with itself. */
  getDataTable(): this {
    return this;
  }
  _content(): TableContent {
    return this.content;
  }
}

export class LocalDataTableBuilder {
  private readonly columns: DataColumn[] = [];
  private readonly rows: unknown[][] = [];
  /** How many values each row was given by addRow (setValue's values past the last column are ignored instead). */
  private readonly addedLengths: number[] = [];

  constructor(private readonly core: RuntimeCore) {}

  addColumn(type: unknown, label: unknown): this {
    const key = enumKey(ColumnType, type);
    // Apps Script turns a number passed for a String parameter into its text; anything else does not fit.
    if (!key || (typeof label !== 'string' && typeof label !== 'number')) {
      throw signatureError([type, label], 'DataTableBuilder.addColumn');
    }
    this.columns.push({ type: key, label: String(label) });
    return this;
  }
  addRow(values: unknown): this {
    if (!Array.isArray(values)) throw signatureError([values], 'DataTableBuilder.addRow');
    this.rows.push([...(values as unknown[])]);
    this.addedLengths[this.rows.length - 1] = (values as unknown[]).length;
    return this;
  }
  setValue(row: unknown, column: unknown, value: unknown): this {
    if (
      !Number.isInteger(row) ||
      !Number.isInteger(column) ||
      (row as number) < 0 ||
      (column as number) < 0
    ) {
      throw signatureError([row, column, value], 'DataTableBuilder.setValue');
    }
    while (this.rows.length <= (row as number)) this.rows.push([]);
    this.rows[row as number][column as number] = value;
    return this;
  }
  build(): LocalDataTable {
    return this.core.expose('Charts', 'DataTable', new LocalDataTable(this._content()));
  }

  /** The table this builder would build, checked, without counting a call (a chart builder reading it). */
  _content(): TableContent {
    if (this.columns.length === 0)
      throw gasError('The data table is empty: add a column before building it.');
    // "You can set a value before adding the column ... the value is ignored unless the column is added."
    const rows = this.rows.map((row, r) => {
      if ((this.addedLengths[r] ?? 0) > this.columns.length) {
        throw gasError(
          `The data table is malformed: row ${r} has ${this.addedLengths[r]} values for ${this.columns.length} columns.`,
        );
      }
      const out = this.columns.map((_, c) => (row[c] === undefined ? null : row[c]));
      out.forEach((v, c) => {
        if (v !== null && !fitsColumn(this.columns[c].type, v)) {
          throw gasError(
            `The data table is malformed: value ${String(v)} in column ${c} (${this.columns[c].label}) is not a ${this.columns[c].type}.`,
          );
        }
      });
      return out;
    });
    return { columns: this.columns.map((c) => ({ ...c })), rows };
  }
}

function fitsColumn(type: ColumnTypeKey, v: unknown): boolean {
  if (type === 'NUMBER') return typeof v === 'number' && Number.isFinite(v);
  if (type === 'STRING') return typeof v === 'string';
  return isDate(v);
}
